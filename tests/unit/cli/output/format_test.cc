#include "cli/output/format.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

TEST(FormatTest, ParsesOutputNames) {
  EXPECT_EQ(ParseFormat("json"), Format::kJson);
  EXPECT_EQ(ParseFormat("yaml"), Format::kYaml);
  EXPECT_EQ(ParseFormat("yaml-stream"), Format::kYamlStream);
  EXPECT_EQ(ParseFormat("text"), Format::kText);
  EXPECT_EQ(ParseFormat("table"), Format::kTable);
  EXPECT_EQ(ParseFormat("JSON"), std::nullopt);
  EXPECT_EQ(ParseFormat(""), std::nullopt);
}

// An operation without output (DeleteJob) gives {}: json and yaml print nothing.
TEST(FormatTest, EmptyObjectIsNotPrintedAsJsonOrYaml) {
  for (Format format : {Format::kJson, Format::kYaml, Format::kYamlStream, Format::kTable}) {
    EXPECT_FALSE(ShouldPrint(json::object(), format));
    EXPECT_EQ(Render(json::object(), format, {}).text, "");
  }
  EXPECT_TRUE(ShouldPrint(json::object(), Format::kText));
  EXPECT_EQ(Render(json::object(), Format::kText, {}).text, "");
}

TEST(FormatTest, OtherFalsyValuesArePrintedExceptAsTable) {
  for (const char* text : {"[]", "null", "0", "\"\"", "false"}) {
    const json::value value = json::parse(text);
    EXPECT_TRUE(ShouldPrint(value, Format::kJson)) << text;
    EXPECT_TRUE(ShouldPrint(value, Format::kYaml)) << text;
    EXPECT_FALSE(ShouldPrint(value, Format::kTable)) << text;
    EXPECT_EQ(Render(value, Format::kJson, {}).text, std::string(text) + "\n");
  }
}

TEST(FormatTest, YamlStreamWrapsTheValueInAList) {
  EXPECT_EQ(Render(json::parse(R"({"a": 1})"), Format::kYamlStream, {}).text, "- a: 1\n");
  EXPECT_EQ(Render(json::value("x"), Format::kYamlStream, {}).text, "- x\n");
}

TEST(FormatTest, TableTitleIsTheCommandName) {
  const Rendered out = Render(json::value("x"), Format::kTable, {.command_name = "ListJobs"});
  EXPECT_EQ(out.text, "----------\n|ListJobs|\n+--------+\n");
}

}  // namespace
}  // namespace iotjobs::cli::output
