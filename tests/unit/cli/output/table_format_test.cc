#include "cli/output/table_format.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "golden.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

TEST(TableFormatTest, MatchesAwsCliGolden) {
  golden::ExpectFormat("format-table.json", Format::kTable);
}

TEST(TableFormatTest, SingleScalarMemberIsAKeyValueRow) {
  const Rendered out =
      FormatTable(json::parse(R"({"document": "{}"})"), {.command_name = "GetJobDocument"});
  EXPECT_EQ(out.text,
            "--------------------\n"
            "|  GetJobDocument  |\n"
            "+-----------+------+\n"
            "|  document |  {}  |\n"
            "+-----------+------+\n");
}

TEST(TableFormatTest, RaggedRowsFailLikeTheCli) {
  const Rendered out = FormatTable(json::parse("[[1, 2], [3]]"), {.command_name = "X"});
  EXPECT_EQ(out.text, "");
  EXPECT_EQ(out.status.message(), "Row should have 2 elements, instead it has 1");
}

TEST(TableFormatTest, FalsyValuesPrintNothing) {
  for (const char* text : {"null", "0", "false", "\"\"", "[]", "{}", "0.0"}) {
    const Rendered out = FormatTable(json::parse(text), {.command_name = "X"});
    EXPECT_EQ(out.text, "") << text;
    EXPECT_TRUE(out.status.ok()) << text;
  }
}

}  // namespace
}  // namespace iotjobs::cli::output
