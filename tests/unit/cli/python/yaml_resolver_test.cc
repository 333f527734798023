#include "cli/python/yaml_resolver.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::python {
namespace {

// Each expectation is ruamel.yaml's Resolver().resolve(ScalarNode, value, (True, False)).
TEST(YamlResolverTest, OtherTypesAreNotStrings) {
  for (const char* value : {"1",
                            "1.5",
                            ".inf",
                            "0x1F",
                            "0o17",
                            "0b1",
                            "1_0",
                            "-_",
                            "~",
                            "null",
                            "",
                            "2019-06-17",
                            "2019-06-17 15:57:03 Z",
                            "<<",
                            "=",
                            "!",
                            "1e5",
                            ".5",
                            "+.5e+1",
                            "True",
                            "7."}) {
    EXPECT_NE(ResolveYamlPlain(value), YamlPlainTag::kStr) << value;
  }
}

TEST(YamlResolverTest, YamlOneTwoStrings) {
  for (const char* value : {"yes", "no", "on", "!a", "1:20", "+.5e1", "tRUE", "nan",
                            "2019-06-17 15:57:03 ", "2019-6-7", "0x", "a"}) {
    EXPECT_EQ(ResolveYamlPlain(value), YamlPlainTag::kStr) << value;
  }
}

TEST(YamlResolverTest, NamesTheTag) {
  EXPECT_EQ(ResolveYamlPlain("FALSE"), YamlPlainTag::kBool);
  EXPECT_EQ(ResolveYamlPlain("-0x1F"), YamlPlainTag::kInt);
  EXPECT_EQ(ResolveYamlPlain("-.Inf"), YamlPlainTag::kFloat);
  EXPECT_EQ(ResolveYamlPlain("~"), YamlPlainTag::kNull);
  EXPECT_EQ(ResolveYamlPlain("2019-6-7 1:02:03 +1"), YamlPlainTag::kTimestamp);
  EXPECT_EQ(ResolveYamlPlain("<<"), YamlPlainTag::kMerge);
  EXPECT_EQ(ResolveYamlPlain("="), YamlPlainTag::kValue);
  EXPECT_EQ(ResolveYamlPlain("*"), YamlPlainTag::kYaml);
}

}  // namespace
}  // namespace iotjobs::cli::python
