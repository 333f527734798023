#include "cli/output/text_format.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "golden.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

TEST(TextFormatTest, MatchesAwsCliGolden) {
  golden::ExpectFormat("format-text.json", Format::kText);
}

TEST(TextFormatTest, NestedValuesGetUpperCasedIdentifiers) {
  const Rendered out = FormatText(json::parse(
      R"({"jobs": [{"jobId": "j1", "status": "QUEUED"}, {"jobId": "j2"}], "nextToken": "t"})"));
  ASSERT_TRUE(out.status.ok());
  EXPECT_EQ(out.text, "t\nJOBS\tj1\tQUEUED\nJOBS\tj2\t\n");
}

TEST(TextFormatTest, NonAsciiIdentifiersUseFullCaseMapping) {
  const Rendered out = FormatText(json::parse(R"({"straße": [1]})"));
  EXPECT_EQ(out.text, "STRASSE\t1\n");
}

TEST(TextFormatTest, ListMixingDictsAndScalarsKeepsEarlierOutput) {
  const Rendered out = FormatText(json::parse(R"({"a": 1, "b": [{"x": 1}, 2]})"));
  EXPECT_EQ(out.text, "1\n");
  EXPECT_EQ(out.status.message(), "'int' object has no attribute 'items'");
}

}  // namespace
}  // namespace iotjobs::cli::output
