// Python's text rules as the CLI's messages need them; expectations are Python 3.11's output.

#include "cli/python/text.h"

#include <gtest/gtest.h>

#include <cmath>

namespace iotjobs::cli::python {
namespace {

TEST(PyText, SurrogateEscapeRoundTripKeepsInvalidBytes) {
  std::string bytes = "a\xff\xc3\xa9\xed\xa0\xbd";  // bad byte, é, an encoded surrogate
  std::u32string u = DecodeSurrogateEscape(bytes);
  ASSERT_EQ(u.size(), 4u);
  EXPECT_EQ(u[1], 0xDCFFu);  // surrogateescape
  EXPECT_EQ(u[2], 0xE9u);
  EXPECT_EQ(u[3], 0xD83Du);  // WTF-8: one code point
  EXPECT_EQ(EncodeSurrogateEscape(u), bytes);
  EXPECT_EQ(PyLen("caf\xc3\xa9"), 4u);
}

TEST(PyText, WhitespaceIsUnicodeAware) {
  EXPECT_EQ(PyStrip("\xc2\xa0 x \t"), "x");
  EXPECT_EQ(PyLStrip("  x "), "x ");
  EXPECT_EQ(PyRStrip("  x \n"), "  x");
}

TEST(PyText, IntLikePython) {
  EXPECT_EQ(PyIntParse(" 42 "), "42");
  EXPECT_EQ(PyIntParse("-0"), "0");
  EXPECT_EQ(PyIntParse("+007"), "7");
  EXPECT_EQ(PyIntParse("1_000"), "1000");
  EXPECT_EQ(PyIntParse("\xd9\xa3"), "3");  // ARABIC-INDIC DIGIT THREE
  EXPECT_EQ(PyIntParse("99999999999999999999"), "99999999999999999999");
  for (const char* bad : {"", "-", "1__0", "_1", "1_", "0x10", "1.5", "1 2", "abc"}) {
    EXPECT_EQ(PyIntParse(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(PyIntError("abc"), "invalid literal for int() with base 10: 'abc'");
  EXPECT_EQ(DecimalDigit(0xFF19), 9);
  EXPECT_EQ(DecimalDigit('a'), -1);
}

TEST(PyText, FloatLikePython) {
  EXPECT_EQ(PyFloatParse("1e5"), 1e5);
  EXPECT_EQ(PyFloatParse(" 1_0.5 "), 10.5);
  EXPECT_EQ(PyFloatParse("1."), 1.0);
  EXPECT_EQ(PyFloatParse("-.5"), -0.5);
  EXPECT_EQ(PyFloatParse("-Infinity"), -HUGE_VAL);
  EXPECT_TRUE(std::isnan(*PyFloatParse("nan")));
  for (const char* bad : {"", ".", "e5", "1e", "1.5x", "0x1", "in f"}) {
    EXPECT_EQ(PyFloatParse(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(PyFloatError("1.5x"), "could not convert string to float: '1.5x'");
}

TEST(PyText, ReprOfStrings) {
  EXPECT_EQ(PyReprString("it's"), "\"it's\"");
  EXPECT_EQ(PyReprString("a'b\""), "'a\\'b\"'");
  EXPECT_EQ(PyReprString("\x07\xc2\xa0\xc3\xa9\xe2\x80\xa8\xf0\x9f\x98\x80"),
            "'\\x07\\xa0\xc3\xa9\\u2028\xf0\x9f\x98\x80'");
  EXPECT_EQ(PyReprString("a\\b\tc\n"), "'a\\\\b\\tc\\n'");
  EXPECT_EQ(PyReprString("a\xff"), "'a\\udcff'");  // surrogateescape
}

}  // namespace
}  // namespace iotjobs::cli::python
