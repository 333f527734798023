#include "cli/output/json_format.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "golden.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

TEST(JsonFormatTest, MatchesAwsCliGolden) {
  golden::ExpectFormat("format-json.json", Format::kJson);
}

TEST(JsonFormatTest, IndentsByFourAndKeepsKeyOrder) {
  EXPECT_EQ(FormatJson(json::parse(R"({"b": [1, {}], "a": []})")),
            "{\n    \"b\": [\n        1,\n        {}\n    ],\n    \"a\": []\n}\n");
}

TEST(JsonFormatTest, BareScalarsPrintAsJson) {
  EXPECT_EQ(FormatJson(json::value("text")), "\"text\"\n");
  EXPECT_EQ(FormatJson(json::value(nullptr)), "null\n");
  EXPECT_EQ(FormatJson(json::value(1e16)), "1e+16\n");
  EXPECT_EQ(FormatJson(json::value(100.0)), "100.0\n");
}

TEST(JsonFormatTest, EscapesOnlyQuotesBackslashesAndControls) {
  EXPECT_EQ(FormatJson(json::value("é\u2028\x7f\"\\\x1b\t")),
            "\"é\u2028\x7f\\\"\\\\\\u001b\\t\"\n");
}

TEST(JsonFormatTest, LineFormUsesPythonSeparators) {
  EXPECT_EQ(FormatJsonLine(json::parse(R"({"a": [1, 2], "b": {}})")),
            "{\"a\": [1, 2], \"b\": {}}\n");
}

}  // namespace
}  // namespace iotjobs::cli::output
