// Compile errors, worded exactly as Python jmespath 1.1.0 words them (each `want` below is
// str() of the exception jmespath.compile raises), and the nesting limit that keeps hostile
// expressions from exhausting the stack.

#include "cli/jmespath/parser.h"

#include <gtest/gtest.h>

#include <boost/json/value.hpp>
#include <string>
#include <vector>

#include "cli/jmespath/jmespath.h"

namespace iotjobs::cli::jmespath {
namespace {

struct SyntaxCase {
  const char* expression;
  const char* want;
};

const std::vector<SyntaxCase> kSyntaxCases = {
    {"", "Invalid JMESPath expression: cannot be empty."},
    {"foo[", "Invalid jmespath expression: Incomplete expression:\n\"foo[\"\n     ^"},
    {"foo.",
     "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: eof: "
     "Parse error at column 4, token \"\" (EOF), for expression:\n\"foo.\"\n     ^"},
    {"foo.1",
     "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: "
     "number: Parse error at column 4, token \"1\" (NUMBER), for expression:\n\"foo.1\"\n     ^"},
    {"\"foo\"(@)",
     "Quoted identifier not allowed for function names.: Parse error at column 0, token \"(\" "
     "(LPAREN), for expression:\n\"\"foo\"(@)\"\n ^"},
    {"`1`()",
     "Invalid function name '1': Parse error at column 0, token \"1\" (LITERAL), for "
     "expression:\n\"`1`()\"\n ^"},
    {"a $", "Bad jmespath expression: Unknown token $:\na $\n  ^"},
    {"foo = bar", "Bad jmespath expression: Unknown token '=':\nfoo = bar\n    ^"},
    {"-", "Bad jmespath expression: Unknown token '-':\n-\n^"},
    {"'abc", "Bad jmespath expression: Unclosed ' delimiter:\n'abc\n^"},
    {"\"\\x\"", "Bad jmespath expression: Invalid \\escape:\n\"\\x\"\n^"},
    {"[1:2:3:4]",
     "syntax error: Parse error at column 6, token \":\" (COLON), for expression:\n"
     "\"[1:2:3:4]\"\n       ^"},
    {"a b",
     "Unexpected token: b: Parse error at column 2, token \"b\" (UNQUOTED_IDENTIFIER), for "
     "expression:\n\"a b\"\n   ^"},
    {"`{\"a\": }`", "Bad jmespath expression: Bad token {\"a\": }:\n`{\"a\": }`\n^"},
    {"{1: a}",
     "Expecting: ['quoted_identifier', 'unquoted_identifier'], got: number: Parse error at "
     "column 1, token \"1\" (NUMBER), for expression:\n\"{1: a}\"\n  ^"},
    // Columns count code points: é is one column, two bytes.
    {"\xC3\xA9", "Bad jmespath expression: Unknown token \xC3\xA9:\n\xC3\xA9\n^"},
    {"a[?b]c",
     "Unexpected token: c: Parse error at column 5, token \"c\" (UNQUOTED_IDENTIFIER), for "
     "expression:\n\"a[?b]c\"\n      ^"},
    {"foo[bar]",
     "Expecting: star, got: unquoted_identifier: Parse error at column 4, token \"bar\" "
     "(UNQUOTED_IDENTIFIER), for expression:\n\"foo[bar]\"\n     ^"},
};

TEST(JmespathParserTest, SyntaxErrorsMatchPythonJmespath) {
  for (const SyntaxCase& c : kSyntaxCases) {
    Result<Expression> compiled = Compile(c.expression);
    ASSERT_FALSE(compiled.ok()) << c.expression;
    EXPECT_EQ(compiled.status().code(), ErrorCode::kInvalidRequest) << c.expression;
    EXPECT_EQ(compiled.status().message(), c.want) << c.expression;
    EXPECT_EQ(ErrorKindOf(compiled.status()), ErrorKind::kSyntax) << c.expression;
  }
}

TEST(JmespathParserTest, RejectsMalformedUtf8) {
  Result<Expression> compiled = Compile("a.\xFF");
  ASSERT_FALSE(compiled.ok());
  EXPECT_EQ(compiled.status().message(), "Bad jmespath expression: Invalid UTF-8:\na.\xFF\n  ^");
}

// Python's grammar quirks, kept because `aws --query` has them.
TEST(JmespathParserTest, AcceptsWhatPythonAccepts) {
  for (const char* expression : {"{a: b c: d}", "not_null(a b)", "not_null(a,)", "(a)()", "a.b()",
                                 "`foo`", "[:1 2]", "&a | b"}) {
    EXPECT_TRUE(Compile(expression).ok()) << expression;
  }
}

std::string Repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// Hostile input fails cleanly instead of overflowing the stack; each is a syntax error.
TEST(JmespathParserTest, DeepNestingFailsCleanly) {
  const int n = 100000;
  const std::vector<std::string> hostile = {
      Repeat("(", n) + "a" + Repeat(")", n),
      Repeat("[", n) + "a" + Repeat("]", n),
      Repeat("{a:", n) + "a" + Repeat("}", n),
      Repeat("!", n) + "a",
      Repeat("&", n) + "a",
      "a" + Repeat("[*].b", n),
      "a" + Repeat(" || a", n),
      "a" + Repeat(" | a", n),
      "a" + Repeat(" == a", n),
      Repeat("abs(", n) + "a" + Repeat(")", n),
      "a" + Repeat("[?b", n) + Repeat("]", n),
      "`" + Repeat("[", n) + Repeat("]", n) + "`",
      "`" + Repeat("{\"a\":", n) + "1" + Repeat("}", n) + "`",
  };
  for (const std::string& expression : hostile) {
    Result<Expression> compiled = Compile(expression);
    ASSERT_FALSE(compiled.ok()) << expression.substr(0, 40);
    EXPECT_EQ(ErrorKindOf(compiled.status()), ErrorKind::kSyntax) << expression.substr(0, 40);
  }
  Result<Expression> compiled = Compile(Repeat("(", 500) + "a" + Repeat(")", 500));
  ASSERT_FALSE(compiled.ok());
  EXPECT_NE(compiled.status().message().find("Expression is nested too deeply"), std::string::npos);
}

// Long but flat expressions are fine: Python builds one node for a whole dotted path, and so
// do we, so its length does not count as depth.
TEST(JmespathParserTest, LongFlatExpressionsWork) {
  const int n = 100000;
  boost::json::value data = {{"a", {{"b", 1}}}};
  Result<boost::json::value> dotted = Search("a" + Repeat(".b", n), data);
  ASSERT_TRUE(dotted.ok()) << dotted.status().ToString();
  EXPECT_TRUE(dotted->is_null());
  Result<boost::json::value> indexed = Search("a" + Repeat("[0]", n), data);
  ASSERT_TRUE(indexed.ok());
  EXPECT_TRUE(indexed->is_null());
  Result<boost::json::value> list = Search("[a" + Repeat(", a", n) + "]", data);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->as_array().size(), static_cast<std::size_t>(n) + 1);
  Result<boost::json::value> string = Search("'" + Repeat("x", 1 << 20) + "'", data);
  ASSERT_TRUE(string.ok());
  EXPECT_EQ(string->as_string().size(), std::size_t{1} << 20);
}

// The limit leaves room for every realistic query: 100 nested parentheses, 150 chained
// projections (the compliance benchmark has 52), and 50 nested function calls.
TEST(JmespathParserTest, NestingBelowTheLimitWorks) {
  boost::json::value data = {{"a", 1}};
  EXPECT_TRUE(Compile(Repeat("(", 100) + "a" + Repeat(")", 100)).ok());
  EXPECT_TRUE(Compile("a" + Repeat("[*].b", 150)).ok());
  Result<boost::json::value> sum = Search(Repeat("abs(", 50) + "a" + Repeat(")", 50), data);
  ASSERT_TRUE(sum.ok());
  EXPECT_EQ(*sum, boost::json::value(1));
  static_assert(kMaxExpressionDepth >= 300);
}

}  // namespace
}  // namespace iotjobs::cli::jmespath
