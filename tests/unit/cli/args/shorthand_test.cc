// The shorthand parser and its model pass; expected values are what awscli.shorthand gives.

#include "cli/args/shorthand.h"

#include <gtest/gtest.h>

#include "api/wire/model.h"

namespace iotjobs::cli::args {
namespace {

namespace wire = api::wire;

std::string Parsed(const std::string& text) {
  auto r = ParseShorthand(text);
  return r.ok() ? python::PyRepr(*r) : "ERR " + r.status().message();
}

TEST(Shorthand, ParsesLikeTheCli) {
  EXPECT_EQ(Parsed("a=b"), "{'a': 'b'}");
  EXPECT_EQ(Parsed("a=b,c"), "{'a': ['b', 'c']}");
  EXPECT_EQ(Parsed("a=b,c=d"), "{'a': 'b', 'c': 'd'}");
  EXPECT_EQ(Parsed("a=b,c,d=e"), "{'a': ['b', 'c'], 'd': 'e'}");
  EXPECT_EQ(Parsed("k=v1,v2,k2=v3"), "{'k': ['v1', 'v2'], 'k2': 'v3'}");
  EXPECT_EQ(Parsed("a={b=c,d=[e]}"), "{'a': {'b': 'c', 'd': ['e']}}");
  EXPECT_EQ(Parsed("a=[,b]"), "{'a': ['', 'b']}");
  EXPECT_EQ(Parsed("a=[b,]"), "{'a': ['b']}");
  EXPECT_EQ(Parsed("a={}"), "{'a': {}}");
  EXPECT_EQ(Parsed("a= b , c "), "{'a': ['b', 'c']}");
  EXPECT_EQ(Parsed("a=x=y"), "{'a': 'x=y'}");
  EXPECT_EQ(Parsed("a=b\\,c"), "{'a': 'b,c'}");
  EXPECT_EQ(Parsed("=v"), "{'': 'v'}");
  EXPECT_EQ(Parsed("a=b\n,c=d"), "{'a': 'b', 'c': 'd'}");
}

TEST(Shorthand, QuotesBacktrackLikeTheRegex) {
  EXPECT_EQ(Parsed("a='x,y'"), "{'a': 'x,y'}");
  EXPECT_EQ(Parsed("a=\"x\\\"y\""), "{'a': 'x\"y'}");
  EXPECT_EQ(Parsed("a='it\\'s'"), "{'a': \"it's\"}");
  EXPECT_EQ(Parsed("a='x\\' y'"), "{'a': \"x' y\"}");
  EXPECT_EQ(Parsed("a='a\\'"), "{'a': 'a\\\\'}");  // no later quote: \' is a backslash, a quote
}

TEST(Shorthand, ErrorsPointAtTheInput) {
  EXPECT_EQ(Parsed("a"), "ERR Expected: '=', received: 'EOF' for input:\na\n ^");
  EXPECT_EQ(Parsed("a=b,a=c"),
            "ERR Second instance of key \"a\" encountered for input:\na=b,a=c\n    ^\n"
            "This is often because there is a preceding \",\" instead of a space.");
  EXPECT_EQ(Parsed("a=[b"), "ERR Expected: ',', received: 'EOF' for input:\na=[b\n    ^");
  EXPECT_EQ(Parsed("a='x"),
            "ERR Expected: '<singled quoted>', received: '<none>' for input:\na='x\n  ^");
  EXPECT_EQ(Parsed("a=b,"), "ERR Expected: '<second>', received: '<none>' for input:\na=b,\n    ^");
  EXPECT_EQ(Parsed("a=x,[y]"), "ERR Expected: '=', received: '[' for input:\na=x,[y]\n    ^");
  EXPECT_EQ(Parsed("a=b,c d=e"), "ERR Expected: '=', received: 'd' for input:\na=b,c d=e\n      ^");
  // The value classes stop at U+FFFF.
  EXPECT_EQ(Parsed("a=\xf0\x9f\x98\x80"),
            "ERR Expected: ',', received: '\xf0\x9f\x98\x80' for input:\na=\xf0\x9f\x98\x80\n  ^");
}

const wire::Shape& Shape(const char* name) { return wire::ControlPlaneModel().shapes.at(name); }

TEST(Shorthand, ModelConvertsAndWraps) {
  auto parsed = ParseShorthand("roleArn=r,expiresInSec= 12 ");
  ASSERT_TRUE(parsed.ok());
  ASSERT_TRUE(ApplyShorthandModel(*parsed, Shape("PresignedUrlConfig")).ok());
  EXPECT_EQ(python::PyRepr(*parsed), "{'roleArn': 'r', 'expiresInSec': 12}");

  auto abort = ParseShorthand("criteriaList={thresholdPercentage=1e2,action=CANCEL}");
  ASSERT_TRUE(abort.ok());
  ASSERT_TRUE(ApplyShorthandModel(*abort, Shape("AbortConfig")).ok());
  // A lone structure where a list is modelled is wrapped, and not converted further.
  EXPECT_EQ(python::PyRepr(*abort),
            "{'criteriaList': [{'thresholdPercentage': '1e2', 'action': 'CANCEL'}]}");

  auto merge = ParseShorthand("merge=TRUE,attributes={a=1}");
  ASSERT_TRUE(merge.ok());
  ASSERT_TRUE(ApplyShorthandModel(*merge, Shape("AttributePayload")).ok());
  EXPECT_EQ(python::PyRepr(*merge), "{'merge': True, 'attributes': {'a': '1'}}");
}

TEST(Shorthand, ModelCrashesWherePythonDoes) {
  auto bad = [](const char* text, const char* shape) {
    auto parsed = ParseShorthand(text);
    EXPECT_TRUE(parsed.ok());
    Status s = ApplyShorthandModel(*parsed, Shape(shape));
    EXPECT_EQ(s.code(), ErrorCode::kInternalFailure);
    return s.message();
  };
  EXPECT_EQ(bad("expiresInSec=abc", "PresignedUrlConfig"),
            "invalid literal for int() with base 10: 'abc'");
  EXPECT_EQ(bad("expiresInSec=[1]", "PresignedUrlConfig"),
            "int() argument must be a string, a bytes-like object or a real number, not 'list'");
  EXPECT_EQ(bad("merge=[true]", "AttributePayload"), "'list' object has no attribute 'lower'");
  EXPECT_EQ(bad("criteriaList=[{thresholdPercentage=x}]", "AbortConfig"),
            "could not convert string to float: 'x'");
}

}  // namespace
}  // namespace iotjobs::cli::args
