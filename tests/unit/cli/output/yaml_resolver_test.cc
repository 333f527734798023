#include "cli/output/yaml_resolver.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::output {
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
    EXPECT_FALSE(ResolvesToString(value)) << value;
  }
}

TEST(YamlResolverTest, YamlOneTwoStrings) {
  for (const char* value : {"yes", "no", "on", "!a", "1:20", "+.5e1", "tRUE", "nan",
                            "2019-06-17 15:57:03 ", "2019-6-7", "0x", "a"}) {
    EXPECT_TRUE(ResolvesToString(value)) << value;
  }
}

}  // namespace
}  // namespace iotjobs::cli::output
