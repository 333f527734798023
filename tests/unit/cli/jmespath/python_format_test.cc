// Python's repr() and json.dumps() text, pinned against CPython 3.11.

#include "cli/jmespath/python_format.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <limits>

namespace iotjobs::cli::jmespath {
namespace {

namespace json = boost::json;

TEST(JmespathPythonFormatTest, FloatRepr) {
  const std::vector<std::pair<double, const char*>> cases = {
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {1.0, "1.0"},
      {0.1, "0.1"},
      {1.5, "1.5"},
      {100.0, "100.0"},
      {1e15, "1000000000000000.0"},
      {1e16, "1e+16"},
      {1.5e16, "1.5e+16"},
      {123456789.125, "123456789.125"},
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
  for (const auto& [value, want] : cases) EXPECT_EQ(PythonFloatRepr(value), want) << want;
}

TEST(JmespathPythonFormatTest, ReprAndStr) {
  const json::value value = json::parse(
      R"({"a": [1, 2.5, null, true, false], "it's": "say \"hi\"", "t": "tab\there", "u": "\u00e9\u0085"})");
  EXPECT_EQ(PythonRepr(value),
            "{'a': [1, 2.5, None, True, False], \"it's\": 'say \"hi\"', 't': 'tab\\there', "
            "'u': '\xC3\xA9\\x85'}");
  EXPECT_EQ(PythonStr(json::value("plain")), "plain");
  EXPECT_EQ(PythonRepr(json::value("plain")), "'plain'");
  EXPECT_EQ(PythonRepr(json::value("both ' and \"")), "'both \\' and \"'");
  EXPECT_EQ(PythonStringListRepr({"number", "array-number"}), "['number', 'array-number']");
}

TEST(JmespathPythonFormatTest, JsonDumpsCompactAndAscii) {
  const json::value value =
      json::parse(R"({"k": ["\u00e9\ud83d\ude00", 1, -2.0, 1e16, {"x": null}], "e": {}, "l": []})");
  EXPECT_EQ(PythonJsonDumps(value),
            R"({"k":["\u00e9\ud83d\ude00",1,-2.0,1e+16,{"x":null}],"e":{},"l":[]})");
  EXPECT_EQ(PythonJsonDumps(json::value(std::numeric_limits<double>::infinity())), "Infinity");
  EXPECT_EQ(PythonJsonDumps(json::value(std::uint64_t{18446744073709551615u})),
            "18446744073709551615");
}

}  // namespace
}  // namespace iotjobs::cli::jmespath
