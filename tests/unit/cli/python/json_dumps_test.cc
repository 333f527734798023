// json.dumps() text, pinned against CPython 3.11.

#include "cli/python/json_dumps.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <limits>

namespace iotjobs::cli::python {
namespace {

namespace json = boost::json;

// jmespath's to_string(): json.dumps(value, separators=(',', ':')).
constexpr JsonDumpsOptions kCompact{
    .indent = -1, .item_separator = ",", .key_separator = ":", .ensure_ascii = true};

TEST(JsonDumpsTest, CompactAndAscii) {
  const json::value value =
      json::parse(R"({"k": ["\u00e9\ud83d\ude00", 1, -2.0, 1e16, {"x": null}], "e": {}, "l": []})");
  EXPECT_EQ(JsonDumps(value, kCompact),
            R"({"k":["\u00e9\ud83d\ude00",1,-2.0,1e+16,{"x":null}],"e":{},"l":[]})");
  EXPECT_EQ(JsonDumps(json::value(std::numeric_limits<double>::infinity()), kCompact), "Infinity");
  EXPECT_EQ(JsonDumps(json::value(std::uint64_t{18446744073709551615u}), kCompact),
            "18446744073709551615");
  EXPECT_EQ(JsonDumps(json::value("q\"\\\b\f\n\r\t\x01\x7f"), kCompact),
            R"("q\"\\\b\f\n\r\t\u0001\u007f")");
}

TEST(JsonDumpsTest, IndentedKeepsNonAscii) {
  const json::value value = json::parse(R"({"é": [1, {"a": []}], "b": {}})");
  EXPECT_EQ(
      JsonDumps(value,
                {.indent = 4, .item_separator = ",", .key_separator = ": ", .ensure_ascii = false}),
      "{\n    \"\xC3\xA9\": [\n        1,\n        {\n            \"a\": []\n        }\n"
      "    ],\n    \"b\": {}\n}");
  EXPECT_EQ(
      JsonDumps(
          json::value("\x01\x7f\xC3\xA9"),
          {.indent = -1, .item_separator = ", ", .key_separator = ": ", .ensure_ascii = false}),
      "\"\\u0001\x7f\xC3\xA9\"");
}

TEST(JsonDumpsTest, Pieces) {
  EXPECT_EQ(JsonFloat(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(JsonFloat(-std::numeric_limits<double>::infinity()), "-Infinity");
  EXPECT_EQ(JsonFloat(0.5), "0.5");
  std::string out;
  AppendJsonAsciiString(std::u32string{0xDCFF, 0x1F600}, &out);  // a lone surrogate (argv)
  EXPECT_EQ(out, R"("\udcff\ud83d\ude00")");
}

}  // namespace
}  // namespace iotjobs::cli::python
