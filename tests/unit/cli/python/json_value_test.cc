// Python's str(), repr(), type names and truthiness of JSON values, pinned against CPython 3.11.

#include "cli/python/json_value.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace iotjobs::cli::python {
namespace {

namespace json = boost::json;

TEST(JsonValueTest, ReprAndStr) {
  const json::value value = json::parse(
      R"({"a": [1, 2.5, null, true, false], "it's": "say \"hi\"", "t": "tab\there", "u": "\u00e9\u0085"})");
  EXPECT_EQ(Repr(value),
            "{'a': [1, 2.5, None, True, False], \"it's\": 'say \"hi\"', 't': 'tab\\there', "
            "'u': '\xC3\xA9\\x85'}");
  EXPECT_EQ(Str(json::value("plain")), "plain");
  EXPECT_EQ(Repr(json::value("plain")), "'plain'");
  EXPECT_EQ(Repr(json::value("both ' and \"")), "'both \\' and \"'");
  EXPECT_EQ(Repr(json::parse(R"(["number", "array-number"])")), "['number', 'array-number']");
  EXPECT_EQ(Repr(json::parse("[[], {}]")), "[[], {}]");
}

TEST(JsonValueTest, StrOfScalars) {
  EXPECT_EQ(Str(json::value(nullptr)), "None");
  EXPECT_EQ(Str(json::value(true)), "True");
  EXPECT_EQ(Str(json::value("it's")), "it's");
  EXPECT_EQ(Str(json::value(18446744073709551615u)), "18446744073709551615");
  EXPECT_EQ(Str(json::value(-0.0)), "-0.0");
  EXPECT_EQ(
      Repr(json::parse(R"([1, "a", null, true, {"k": 1.5}, "it's", "x\ty\u0007\u00e9\u2028"])")),
      R"([1, 'a', None, True, {'k': 1.5}, "it's", 'x\ty\x07é\u2028'])");
}

TEST(JsonValueTest, TruthinessAndTypeNames) {
  for (const char* falsy : {"null", "false", "0", "0.0", "\"\"", "[]", "{}"}) {
    EXPECT_FALSE(Truthy(json::parse(falsy))) << falsy;
  }
  for (const char* truthy : {"true", "-1", "0.5", "\" \"", "[0]", "{\"a\": null}"}) {
    EXPECT_TRUE(Truthy(json::parse(truthy))) << truthy;
  }
  EXPECT_EQ(TypeName(json::value(nullptr)), "NoneType");
  EXPECT_EQ(TypeName(json::value(true)), "bool");
  EXPECT_EQ(TypeName(json::value(std::uint64_t{1})), "int");
  EXPECT_EQ(TypeName(json::value(1.5)), "float");
  EXPECT_EQ(TypeName(json::value("s")), "str");
  EXPECT_EQ(TypeName(json::array()), "list");
  EXPECT_EQ(TypeName(json::object()), "dict");
}

}  // namespace
}  // namespace iotjobs::cli::python
