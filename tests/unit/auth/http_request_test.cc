#include "auth/http_request.h"

#include <gtest/gtest.h>

namespace iotjobs::auth {
namespace {

TEST(HttpRequestTest, FindHeaderIgnoresCaseAndReturnsTheFirst) {
  HttpRequestView request{"GET", "/", {{"Host", "h"}, {"X-A", "1"}, {"x-a", "2"}}, ""};
  EXPECT_EQ(FindHeader(request, "host"), "h");
  EXPECT_EQ(FindHeader(request, "HOST"), "h");
  EXPECT_EQ(FindHeader(request, "x-a"), "1");
  EXPECT_FALSE(FindHeader(request, "x-b").has_value());
  EXPECT_FALSE(FindHeader(request, "hos").has_value());
}

TEST(HttpRequestTest, EqualsIgnoreCase) {
  EXPECT_TRUE(EqualsIgnoreCase("X-Amz-Date", "x-amz-date"));
  EXPECT_TRUE(EqualsIgnoreCase("", ""));
  EXPECT_FALSE(EqualsIgnoreCase("x-amz-date", "x-amz-dat"));
  EXPECT_FALSE(EqualsIgnoreCase("[", "{"));  // only letters fold
}

TEST(HttpRequestTest, SplitsTheTarget) {
  EXPECT_EQ(TargetPath("/a/b?x=1&y"), "/a/b");
  EXPECT_EQ(TargetQuery("/a/b?x=1&y"), "x=1&y");
  EXPECT_EQ(TargetPath("/a"), "/a");
  EXPECT_EQ(TargetQuery("/a"), "");
  EXPECT_EQ(TargetQuery("/a?"), "");
  EXPECT_EQ(TargetQuery("/a?b?c"), "b?c");
  EXPECT_EQ(TargetPath(""), "");
}

}  // namespace
}  // namespace iotjobs::auth
