// DescribeEndpoint's answers (api/endpoints.h; docs/aws-behaviour.md, "Endpoints", D41).
#include "api/endpoints.h"

#include <gtest/gtest.h>

namespace iotjobs::api {
namespace {

const PublicEndpoints kBoth{"jobs.example.com", "mqtt.example.com:8883"};
const PublicEndpoints kNone{};

std::string Ok(const PublicEndpoints& e, std::optional<std::string_view> type,
               std::optional<std::string_view> host = std::nullopt) {
  Result<std::string> r = EndpointAddress(e, type, host);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return r.ok() ? *r : "";
}

std::string Refused(const PublicEndpoints& e, std::optional<std::string_view> type,
                    std::optional<std::string_view> host = std::nullopt) {
  Result<std::string> r = EndpointAddress(e, type, host);
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
  return r.status().message();
}

TEST(EndpointAddressTest, DataTypesAnswerTheBroker) {
  EXPECT_EQ(Ok(kBoth, "iot:Data"), "mqtt.example.com:8883");
  EXPECT_EQ(Ok(kBoth, "iot:Data-ATS"), "mqtt.example.com:8883");
  EXPECT_EQ(Ok(kBoth, std::nullopt), "mqtt.example.com:8883");  // AWS's default: iot:Data
}

TEST(EndpointAddressTest, TypesAreMatchedWithoutRegardToCase) {
  EXPECT_EQ(Ok(kBoth, "iot:data-ats"), "mqtt.example.com:8883");
  EXPECT_EQ(Ok(kBoth, "IOT:JOBS"), "jobs.example.com");
}

TEST(EndpointAddressTest, JobsAnswersTheConfiguredAddressElseTheHostHeader) {
  EXPECT_EQ(Ok(kBoth, "iot:Jobs", "127.0.0.1:4580"), "jobs.example.com");
  EXPECT_EQ(Ok(kNone, "iot:Jobs", "127.0.0.1:4580"), "127.0.0.1:4580");
  EXPECT_EQ(Ok(kNone, "iot:Jobs", "[::1]:4580"), "[::1]:4580");
  EXPECT_NE(Refused(kNone, "iot:Jobs").find("--public-endpoint"), std::string::npos);
  EXPECT_NE(Refused(kNone, "iot:Jobs", "evil.com/<script>").find("Host"), std::string::npos);
}

TEST(EndpointAddressTest, NoBrokerNoDataEndpoint) {
  std::string m = Refused(kNone, "iot:Data-ATS");
  EXPECT_NE(m.find("iot:Data-ATS"), std::string::npos) << m;
  EXPECT_NE(m.find("--mqtt"), std::string::npos) << m;
  Refused(kNone, std::nullopt);
}

TEST(EndpointAddressTest, CredentialProviderAndUnknownTypesAreRefused) {
  EXPECT_NE(Refused(kBoth, "iot:CredentialProvider").find("no credential provider"),
            std::string::npos);
  EXPECT_EQ(Refused(kBoth, "iot:Nope"), "Endpoint type iot:Nope not recognized");
  EXPECT_EQ(Refused(kBoth, ""), "Endpoint type  not recognized");
}

TEST(IsHostAndPortTest, AcceptsAuthoritiesWithoutScheme) {
  for (const char* ok : {"example.com", "example.com:443", "127.0.0.1:4580", "[::1]",
                         "[::1]:8883", "a-b_c.d", "localhost:1"}) {
    EXPECT_TRUE(IsHostAndPort(ok)) << ok;
  }
  for (const char* bad : {"", "http://example.com", "example.com/", "example.com:", ":80",
                          "example.com:123456", "exa mple.com", "[::1", "[]:80", "a:b",
                          "user@host", "[::1]x"}) {
    EXPECT_FALSE(IsHostAndPort(bad)) << bad;
  }
}

TEST(IsHostAndPortTest, JoinsIpv6InBrackets) {
  EXPECT_EQ(JoinHostAndPort("broker", 1883), "broker:1883");
  EXPECT_EQ(JoinHostAndPort("::1", 1883), "[::1]:1883");
  EXPECT_EQ(JoinHostAndPort("[::1]", 1883), "[::1]:1883");
}

}  // namespace
}  // namespace iotjobs::api
