#include "api/metrics_endpoint.h"

#include <gtest/gtest.h>

#include "api/api.h"

namespace iotjobs::api {
namespace {

TEST(MetricsEndpointTest, BearerTokenMatchesOnlyTheExactToken) {
  const std::string token = "s3cret";
  std::string ok = "Bearer s3cret", lower = "bearer s3cret";
  EXPECT_TRUE(BearerTokenMatches(&ok, token));
  EXPECT_TRUE(BearerTokenMatches(&lower, token));  // the scheme is case-insensitive
  for (std::string wrong : {"Bearer s3cre", "Bearer s3cret ", "Bearer S3CRET", "s3cret",
                            "Basic s3cret", "Bearer", ""}) {
    EXPECT_FALSE(BearerTokenMatches(&wrong, token)) << wrong;
  }
  EXPECT_FALSE(BearerTokenMatches(nullptr, token));
}

TEST(MetricsEndpointTest, AnswersTheTextFormatOr401) {
  MetricsEndpoint open{[] { return std::string("m 1\n"); }, ""};
  ApiRequest req;
  req.method = "GET";
  req.target = "/metrics";
  ApiResponse r = ServeMetrics(req, open);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "m 1\n");
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "text/plain; version=0.0.4; charset=utf-8");

  MetricsEndpoint locked{open.render, "tok"};
  EXPECT_EQ(ServeMetrics(req, locked).status, 401);
  req.headers = {{"authorization", "Bearer tok"}};
  EXPECT_EQ(ServeMetrics(req, locked).status, 200);
  req.method = "HEAD";
  EXPECT_EQ(ServeMetrics(req, locked).body, "");
}

}  // namespace
}  // namespace iotjobs::api
