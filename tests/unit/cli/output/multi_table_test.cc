#include "cli/output/multi_table.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::output {
namespace {

TEST(MultiTableTest, TextLengthCountsWideCharactersTwice) {
  EXPECT_EQ(TextLength("abc"), 3);
  EXPECT_EQ(TextLength("日本"), 4);
  EXPECT_EQ(TextLength("a½"), 3);
  EXPECT_EQ(TextLength(""), 0);
}

TEST(MultiTableTest, RowsMustKeepTheirColumnCount) {
  Section section;
  ASSERT_TRUE(section.AddRow({"a", "b"}).ok());
  const Status status = section.AddRow({"c"});
  EXPECT_EQ(status.message(), "Row should have 2 elements, instead it has 1");
}

TEST(MultiTableTest, HeadersLongerThanEarlierRowsFail) {
  Section section;
  ASSERT_TRUE(section.AddRow({"a"}).ok());
  EXPECT_EQ(section.AddHeader({"x", "y"}).message(), "list index out of range");
}

// calculate_column_widths scales with Python's round() (half to even), then fixes the sum
// from the left (too wide) or from the right (too narrow).
TEST(MultiTableTest, ColumnWidthsScaleToTheTableWidth) {
  Section section;
  ASSERT_TRUE(section.AddRow({"aaaa", "bbbbbb"}).ok());
  EXPECT_EQ(section.CalculateColumnWidths(4, std::nullopt), (std::vector<int>{8, 10}));
  EXPECT_EQ(section.CalculateColumnWidths(4, 36), (std::vector<int>{16, 20}));
  EXPECT_EQ(section.CalculateColumnWidths(4, 19), (std::vector<int>{8, 11}));
  EXPECT_EQ(section.TotalWidth(4, true, 1), 22);
}

TEST(MultiTableTest, RendersTitleHeadersAndRows) {
  MultiTable table(80, false, true);
  table.NewSection("Title", 0);
  ASSERT_TRUE(table.AddRowHeader({"a", "b"}).ok());
  ASSERT_TRUE(table.AddRow({"1", "2"}).ok());
  EXPECT_EQ(table.Render(),
            "------------\n"
            "|   Title  |\n"
            "+----+-----+\n"
            "|  a |  b  |\n"
            "+----+-----+\n"
            "|  1 |  2  |\n"
            "+----+-----+\n");
}

TEST(MultiTableTest, NarrowTerminalTurnsOneRowSectionsVertical) {
  MultiTable table(10, false, true);
  table.NewSection("T", 0);
  ASSERT_TRUE(table.AddRowHeader({"name", "value"}).ok());
  ASSERT_TRUE(table.AddRow({"n", "v"}).ok());
  EXPECT_EQ(table.Render(),
            "----------------\n"
            "|       T      |\n"
            "+--------+-----+\n"
            "|  name  |  n  |\n"
            "|  value |  v  |\n"
            "+--------+-----+\n");
}

TEST(MultiTableTest, ColorWrapsCellsAndBarsAndResetsAfterEveryWrite) {
  MultiTable table(80, true, true);
  table.NewSection("T", 0);
  ASSERT_TRUE(table.AddRow({"x"}).ok());
  EXPECT_EQ(table.Render(),
            "-------\n\x1b[0m"
            "\x1b[0m|  T  |\x1b[0m\x1b[0m\n\x1b[0m"
            "\x1b[0m+-----+\x1b[0m\x1b[0m\n\x1b[0m"
            "\x1b[0m|  \x1b[1m\x1b[34mx\x1b[0m  |\x1b[0m\x1b[0m\n\x1b[0m"
            "\x1b[0m+-----+\x1b[0m\x1b[0m\n\x1b[0m");
}

}  // namespace
}  // namespace iotjobs::cli::output
