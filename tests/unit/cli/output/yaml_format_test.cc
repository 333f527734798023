#include "cli/output/yaml_format.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "golden.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

TEST(YamlFormatTest, MatchesAwsCliGolden) {
  golden::ExpectFormat("format-yaml.json", Format::kYaml);
}

TEST(YamlFormatTest, StreamMatchesAwsCliGolden) {
  golden::ExpectFormat("format-yaml-stream.json", Format::kYamlStream);
}

TEST(YamlFormatTest, SortsKeysAndDoesNotIndentListsUnderKeys) {
  EXPECT_EQ(FormatYaml(json::parse(R"({"b": [1, "x"], "a": {"d": [], "c": {}}})")),
            "a:\n  c: {}\n  d: []\n"
            "b:\n- 1\n- x\n");
}

TEST(YamlFormatTest, QuotesWhatWouldReadBackAsAnotherType) {
  EXPECT_EQ(FormatYaml(json::parse(R"(["1", "yes", "null", "", "2019-06-17", "a: b"])")),
            "- '1'\n- yes\n- 'null'\n- ''\n- '2019-06-17'\n- 'a: b'\n");
}

TEST(YamlFormatTest, ScalarsAreOneLineOfJson) {
  EXPECT_EQ(FormatYaml(json::value("text")), "\"text\"\n");
  EXPECT_EQ(FormatYaml(json::value(nullptr)), "null\n");
}

}  // namespace
}  // namespace iotjobs::cli::output
