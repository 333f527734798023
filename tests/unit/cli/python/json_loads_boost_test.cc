// The json.loads() behaviour backtick literals and quoted identifiers rely on.

#include "cli/python/json_loads_boost.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <string>

namespace iotjobs::cli::python {
namespace {

namespace json = boost::json;

TEST(JsonLoadsBoostTest, AcceptsPythonExtensions) {
  Result<json::value> special = JsonLoadsBoost(" [NaN, Infinity, -Infinity] ");
  ASSERT_TRUE(special.ok());
  EXPECT_TRUE(std::isnan(special->as_array()[0].as_double()));
  EXPECT_EQ(special->as_array()[2].as_double(), -INFINITY);
  Result<json::value> repeated = JsonLoadsBoost(R"({"a": 1, "b": 2, "a": 3})");
  ASSERT_TRUE(repeated.ok());
  EXPECT_EQ(json::serialize(*repeated), R"({"a":3,"b":2})");
  Result<json::value> numbers =
      JsonLoadsBoost("[-0, 12345678901234567890, 1e400, 1e-400, 1.0, 0.1]");
  ASSERT_TRUE(numbers.ok());
  const json::array& n = numbers->as_array();
  EXPECT_TRUE(n[0].is_int64());
  EXPECT_EQ(n[1].as_uint64(), 12345678901234567890u);
  EXPECT_EQ(n[2].as_double(), INFINITY);
  EXPECT_EQ(n[3].as_double(), 0.0);
  EXPECT_TRUE(n[4].is_double());
  EXPECT_EQ(n[5].as_double(), 0.1);
}

TEST(JsonLoadsBoostTest, Strings) {
  Result<json::value> pair = JsonLoadsBoost(R"("\ud83d\ude00\u00e9\/\t")");
  ASSERT_TRUE(pair.ok());
  EXPECT_EQ(pair->as_string(), "\xF0\x9F\x98\x80\xC3\xA9/\t");
  Result<json::value> lone = JsonLoadsBoost(R"("\ud800x")");
  ASSERT_TRUE(lone.ok());
  EXPECT_EQ(lone->as_string(), "\xEF\xBF\xBDx");  // U+FFFD, where Python keeps the surrogate.
}

TEST(JsonLoadsBoostTest, ErrorsUsePythonWording) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("\x")", "Invalid \\escape"},
      {R"("\u12")", "Invalid \\uXXXX escape"},
      {"\"a\tb\"", "Invalid control character at"},
      {R"("abc)", "Unterminated string starting at"},
      {"01", "Extra data"},
      {"[1,]", "Expecting value"},
      {"{\"a\" 1}", "Expecting ':' delimiter"},
      {"{\"a\": 1,}", "Expecting property name enclosed in double quotes"},
      {"[1 2]", "Expecting ',' delimiter"},
      {"", "Expecting value"},
  };
  for (const auto& [text, want] : cases) {
    Result<json::value> parsed = JsonLoadsBoost(text);
    ASSERT_FALSE(parsed.ok()) << text;
    EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidRequest) << text;
    EXPECT_EQ(parsed.status().message(), want) << text;
  }
}

TEST(JsonLoadsBoostTest, NestingIsBounded) {
  const std::string deep =
      std::string(kJsonLoadsBoostMaxDepth + 1, '[') + std::string(kJsonLoadsBoostMaxDepth + 1, ']');
  Result<json::value> parsed = JsonLoadsBoost(deep);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), ErrorCode::kLimitExceeded);
  const std::string ok =
      std::string(kJsonLoadsBoostMaxDepth, '[') + std::string(kJsonLoadsBoostMaxDepth, ']');
  EXPECT_TRUE(JsonLoadsBoost(ok).ok());
}

}  // namespace
}  // namespace iotjobs::cli::python
