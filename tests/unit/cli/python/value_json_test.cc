// json.loads() errors as Python 3.11 words and places them (expected texts printed by
// /usr/bin/python3); the CLI shows them after "Invalid JSON: ".

#include "cli/python/value_json.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::python {
namespace {

struct ErrorCase {
  const char* json;
  const char* error;
};

TEST(PyJson, ErrorsLikePython) {
  const ErrorCase cases[] = {
      {"", "Expecting value: line 1 column 1 (char 0)"},
      {" ", "Expecting value: line 1 column 2 (char 1)"},
      {"{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"},
      {"{\"a\":1,}", "Expecting property name enclosed in double quotes: line 1 column 8 (char 7)"},
      {"[1,]", "Expecting value: line 1 column 4 (char 3)"},
      {"{\"a\" 1}", "Expecting ':' delimiter: line 1 column 6 (char 5)"},
      {"{\"a\":1}x", "Extra data: line 1 column 8 (char 7)"},
      {"\"\\q\"", "Invalid \\escape: line 1 column 2 (char 1)"},
      {"\"\\u12\"", "Invalid \\uXXXX escape: line 1 column 3 (char 2)"},
      {"\"abc", "Unterminated string starting at: line 1 column 1 (char 0)"},
      {"\"a\x01\"", "Invalid control character at: line 1 column 3 (char 2)"},
      {"01", "Extra data: line 1 column 2 (char 1)"},
      {"-", "Expecting value: line 1 column 1 (char 0)"},
      {"nul", "Expecting value: line 1 column 1 (char 0)"},
      {"{\n\"a\":\n}", "Expecting value: line 3 column 1 (char 7)"},
      {"[1e]", "Expecting ',' delimiter: line 1 column 3 (char 2)"},
      {"\"\\ud83d\\u12\"", "Invalid \\uXXXX escape: line 1 column 9 (char 8)"},
      {"\"\xc3\xa9\" x", "Extra data: line 1 column 5 (char 4)"},  // positions count code points
  };
  for (const auto& c : cases) {
    PyJsonResult r = PyJsonLoads(c.json, false);
    EXPECT_FALSE(r.value.has_value()) << c.json;
    EXPECT_EQ(r.error, c.error) << c.json;
  }
}

TEST(PyJson, AcceptsWhatPythonAccepts) {
  auto r = PyJsonLoads(
      " {\"b\": [NaN, -Infinity, 1e400, 12345678901234567890123], \"a\": "
      "\"\\ud83d\\ude00\\/\", \"b\": {}} ",
      true);
  ASSERT_TRUE(r.value) << r.error;
  // A repeated key keeps its first position and its last value.
  EXPECT_EQ(PyRepr(*r.value), "OrderedDict([('b', OrderedDict()), ('a', '\xf0\x9f\x98\x80/')])");
  auto plain = PyJsonLoads("[1, 1.0, true, null, \"x\"]", false);
  ASSERT_TRUE(plain.value);
  EXPECT_EQ(PyRepr(*plain.value), "[1, 1.0, True, None, 'x']");
}

TEST(PyJson, LoneSurrogateStaysOneCharacter) {
  auto r = PyJsonLoads("\"\\ud83d\"", false);
  ASSERT_TRUE(r.value);
  EXPECT_EQ(r.value->text, "\xed\xa0\xbd");
}

// json.dumps(value, indent=4) as --generate-cli-skeleton and v2's JSON output write it.
TEST(PyJsonDumps, IndentedLikePython) {
  PyValue d = PyValue::Dict();
  d.Set("a", PyValue::List({PyValue::Int(1), PyValue::Float(2.5), PyValue::None(),
                            PyValue::Bool(true), PyValue::Str("x")}));
  d.Set("e", PyValue::Dict());
  d.Set("l", PyValue::List());
  d.Set("u", PyValue::Str("\xc3\xa9\xf0\x9f\x98\x80\"\n"));
  d.Set("f", PyValue::Float(0.0));
  EXPECT_EQ(PyJsonDumpsIndented(d),
            "{\n"
            "    \"a\": [\n"
            "        1,\n"
            "        2.5,\n"
            "        null,\n"
            "        true,\n"
            "        \"x\"\n"
            "    ],\n"
            "    \"e\": {},\n"
            "    \"l\": [],\n"
            "    \"u\": \"\\u00e9\\ud83d\\ude00\\\"\\n\",\n"
            "    \"f\": 0.0\n"
            "}");
}

}  // namespace
}  // namespace iotjobs::cli::python
