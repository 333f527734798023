// Python's repr() text, pinned against CPython 3.11.

#include "cli/python/repr.h"

#include <gtest/gtest.h>

#include <limits>
#include <utility>
#include <vector>

namespace iotjobs::cli::python {
namespace {

TEST(ReprTest, FloatIsShortestWithPythonsExponentRule) {
  const std::vector<std::pair<double, const char*>> cases = {
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {1.0, "1.0"},
      {0.1, "0.1"},
      {0.1 + 0.2, "0.30000000000000004"},
      {1.0 / 3, "0.3333333333333333"},
      {1.5, "1.5"},
      {100.0, "100.0"},
      {1e15, "1000000000000000.0"},
      {1234567890123456.0, "1234567890123456.0"},
      {1e16, "1e+16"},
      {1.5e16, "1.5e+16"},
      {123456789012345678.0, "1.2345678901234568e+17"},
      {123456789.125, "123456789.125"},
      {123456789.123, "123456789.123"},
      {0.0001, "0.0001"},
      {0.00001, "1e-05"},
      {1.5e-7, "1.5e-07"},
      {1e100, "1e+100"},
      {-2.5e-300, "-2.5e-300"},
      {5e-324, "5e-324"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {std::numeric_limits<double>::infinity(), "inf"},
      {-std::numeric_limits<double>::infinity(), "-inf"},
      {std::numeric_limits<double>::quiet_NaN(), "nan"},
  };
  for (const auto& [value, want] : cases) EXPECT_EQ(FloatRepr(value), want) << want;
}

TEST(ReprTest, StrQuotesAndEscapes) {
  EXPECT_EQ(StrRepr(U"plain"), "'plain'");
  EXPECT_EQ(StrRepr(U"it's"), "\"it's\"");
  EXPECT_EQ(StrRepr(U"both ' and \""), "'both \\' and \"'");
  EXPECT_EQ(StrRepr(U"a\\b\tc\n\r"), "'a\\\\b\\tc\\n\\r'");
  EXPECT_EQ(StrRepr(U"\u0007\u00a0\u00e9\u2028\U0001F600\U000E0001"),
            "'\\x07\\xa0\xc3\xa9\\u2028\xf0\x9f\x98\x80\\U000e0001'");
}

TEST(ReprTest, Bytes) {
  EXPECT_EQ(BytesRepr(""), "b''");
  EXPECT_EQ(BytesRepr("it's"), "b\"it's\"");
  EXPECT_EQ(BytesRepr("a\tb\\\x7f\xc3\xa9"), "b'a\\tb\\\\\\x7f\\xc3\\xa9'");
}

}  // namespace
}  // namespace iotjobs::cli::python
