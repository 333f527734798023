// Built-in functions where Python jmespath's results have a shape worth pinning: int versus
// float, to_string()'s JSON text, to_number()'s parsing, stable sorting, and the exact error
// messages (each `want` is str() of what jmespath.search raises).

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "cli/jmespath/jmespath.h"

namespace iotjobs::cli::jmespath {
namespace {

namespace json = boost::json;

struct Case {
  const char* expression;
  const char* want;  // The result as json.dumps(separators=(',', ':')) prints it, or the error.
};

std::string Evaluate(const char* expression, const char* data = "{}") {
  json::parse_options options;
  const json::value document = json::parse(data, {}, options);
  Result<json::value> result = Search(expression, document);
  if (!result.ok()) return result.status().message();
  // Boost.JSON's serializer writes a double without a fraction as "2e0"; rendering through
  // to_string() shows it as Python would ("2.0"), which is what these cases pin. The array
  // around it makes strings come out quoted too.
  json::array wrapped;
  wrapped.push_back(*result);
  Result<json::value> text = Search("to_string(@)", json::value(std::move(wrapped)));
  const std::string_view inside = text->as_string();
  return std::string(inside.substr(1, inside.size() - 2));
}

TEST(JmespathFunctionsTest, NumbersKeepPythonTypes) {
  const std::vector<Case> cases = {
      {"length('h\xC3\xA9llo \xF0\x9F\x98\x80')", "7"},
      {"sum(`[1, 2, 3]`)", "6"},
      {"sum(`[1, 2.5]`)", "3.5"},
      {"sum(`[]`)", "0"},
      {"avg(`[1, 2, 3]`)", "2.0"},
      {"avg(`[]`)", "null"},
      {"ceil(`1.2`)", "2"},
      {"floor(`-1.2`)", "-2"},
      {"ceil(`3`)", "3"},
      {"abs(`-2.5`)", "2.5"},
      {"abs(`-9223372036854775808`)", "9223372036854775808"},
      {"sum(`[9223372036854775807, 1]`)", "9223372036854775808"},
      {"max(`[1, 2.0, 2]`)", "2.0"},
      {"min(`[3, 1.0, 1]`)", "1.0"},
      {"to_number('12')", "12"},
      {"to_number(' 1_000 ')", "1000"},
      {"to_number('1.5e3')", "1500.0"},
      {"to_number('.5')", "0.5"},
      {"to_number('-inf')", "-Infinity"},
      {"to_number('0x10')", "null"},
      {"to_number('1__0')", "null"},
      {"to_number(`true`)", "null"},
      {"ceil(to_number('nan'))", "cannot convert float NaN to integer"},
      {"floor(to_number('inf'))", "cannot convert float infinity to integer"},
  };
  for (const Case& c : cases) EXPECT_EQ(Evaluate(c.expression), c.want) << c.expression;
}

// The string a string-valued expression gives, as is.
std::string Text(const char* expression) {
  Result<json::value> result = Search(expression, json::value());
  if (!result.ok()) return result.status().message();
  return std::string(result->as_string());
}

TEST(JmespathFunctionsTest, ToStringIsPythonJsonDumps) {
  const std::vector<Case> cases = {
      {"to_string(`{\"b\": [1, 2.5, null, true], \"a\": \"x\"}`)",
       R"({"b":[1,2.5,null,true],"a":"x"})"},
      {"to_string(`[1e16, 1e15, 0.0001, 0.00001, 1.5e-7, -0.0, 0.1, 1e100]`)",
       "[1e+16,1000000000000000.0,0.0001,1e-05,1.5e-07,-0.0,0.1,1e+100]"},
      {"to_string(`[\"\\u00e9\", \"\\ud83d\\ude00\", \"a\\\"b\\\\c\\n\\u0001\\u007f\"]`)",
       R"(["\u00e9","\ud83d\ude00","a\"b\\c\n\u0001\u007f"])"},
      {"to_string('plain')", "plain"},
      {"to_string(`NaN`)", "NaN"},
  };
  for (const Case& c : cases) EXPECT_EQ(Text(c.expression), c.want) << c.expression;
}

TEST(JmespathFunctionsTest, SortingIsStableAndKeepsTheFirstExtreme) {
  const char* data = R"({"p": [{"n": "a", "k": 2}, {"n": "b", "k": 1}, {"n": "c", "k": 2},
                                {"n": "d", "k": 1}]})";
  EXPECT_EQ(Evaluate("sort_by(p, &k)[*].n", data), R"(["b","d","a","c"])");
  EXPECT_EQ(Evaluate("max_by(p, &k).n", data), R"("a")");
  EXPECT_EQ(Evaluate("min_by(p, &k).n", data), R"("b")");
  EXPECT_EQ(Evaluate("sort(`[\"b\", \"B\", \"\\u00e9\", \"a\"]`)", data),
            R"(["B","a","b","\u00e9"])");
  EXPECT_EQ(Evaluate("reverse('a\xC3\xA9z')", data), R"("z\u00e9a")");
}

// Python's equality: numbers exact across int and float; true is 1 below the top level.
TEST(JmespathFunctionsTest, EqualityFollowsPython) {
  EXPECT_EQ(Evaluate("`1` == `1.0`"), "true");
  EXPECT_EQ(Evaluate("`1` == `true`"), "false");
  EXPECT_EQ(Evaluate("`[1]` == `[true]`"), "true");
  EXPECT_EQ(Evaluate("contains(`[1]`, `true`)"), "true");
  EXPECT_EQ(Evaluate("`{\"a\": 1, \"b\": 2}` == `{\"b\": 2, \"a\": 1}`"), "true");
  EXPECT_EQ(Evaluate("`9007199254740993` == `9007199254740992.0`"), "false");
}

TEST(JmespathFunctionsTest, ErrorsMatchPythonJmespath) {
  const std::vector<Case> cases = {
      {"abs(`\"a\"`)",
       "In function abs(), invalid type for value: a, expected one of: ['number'], received: "
       "\"string\""},
      {"join(`\", \"`, `[\"a\", 1]`)",
       "In function join(), invalid type for value: 1, expected one of: ['array-string'], "
       "received: \"int\""},
      {"abs(`1`, `2`)", "Expected 1 argument for function abs(), received 2"},
      {"not_null()", "Expected at least 1 argument for function not_null(), received 0"},
      {"foo()", "Unknown function: foo()"},
      {"max(`[1, \"a\"]`)",
       "In function max(), invalid type for value: a, expected one of: ['array-number', "
       "'array-string'], received: \"str\""},
      {"sum(`[1, true]`)",
       "In function sum(), invalid type for value: True, expected one of: ['array-number'], "
       "received: \"bool\""},
      {"length(`null`)",
       "In function length(), invalid type for value: None, expected one of: ['string', "
       "'array', 'object'], received: \"null\""},
      {"sort_by(`[{\"a\": 1}, {\"a\": \"x\"}]`, &a)",
       "In function sort_by(), invalid type for value: x, expected one of: ['number'], "
       "received: \"string\""},
      {"sort_by(`[{\"a\": true}]`, &a)",
       "In function sort_by(), invalid type for value: {'a': True}, expected one of: "
       "['string', 'number'], received: \"boolean\""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Evaluate(c.expression), c.want) << c.expression;
  }
  Result<json::value> arity = Search("abs()", json::value());
  ASSERT_FALSE(arity.ok());
  EXPECT_EQ(ErrorKindOf(arity.status()), ErrorKind::kInvalidArity);
  Result<json::value> type = Search("abs('x')", json::value());
  ASSERT_FALSE(type.ok());
  EXPECT_EQ(ErrorKindOf(type.status()), ErrorKind::kInvalidType);
}

}  // namespace
}  // namespace iotjobs::cli::jmespath
