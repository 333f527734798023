#include "auth/signer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "auth/authorization.h"
#include "sigv4_case.h"

namespace iotjobs::auth {
namespace {

using testing::LoadCases;
using testing::RawRequest;
using testing::SigV4Case;

std::string ParamName(const ::testing::TestParamInfo<SigV4Case>& info) {
  return testing::CaseName(info.param);
}

// The request with the signer's headers added, as the vectors' *-signed-request.txt show it.
RawRequest Apply(RawRequest request, const SignedRequest& signed_request) {
  for (const auto& [name, value] : signed_request.headers) request.SetHeader(name, value);
  if (!signed_request.target.empty()) request.target = signed_request.target;
  return request;
}

// The X-Amz-* and other parameters of a target's query, sorted, to compare presigned URLs
// whose parameters come in another order.
std::vector<std::string> SortedQuery(std::string_view target) {
  std::vector<std::string> out;
  std::string_view query = TargetQuery(target);
  size_t start = 0;
  while (start <= query.size() && !query.empty()) {
    size_t end = std::min(query.find('&', start), query.size());
    out.emplace_back(query.substr(start, end - start));
    start = end + 1;
  }
  std::sort(out.begin(), out.end());
  return out;
}

// --- The published suite: every string byte for byte, both forms. ---

class SuiteSignerTest : public ::testing::TestWithParam<SigV4Case> {};

TEST_P(SuiteSignerTest, HeaderForm) {
  const SigV4Case& c = GetParam();
  auto signed_request = Sign(c.request.View(), c.Params());
  ASSERT_TRUE(signed_request.ok()) << signed_request.status().ToString();
  EXPECT_EQ(signed_request->canonical_request, *c.Read("header-canonical-request.txt"));
  EXPECT_EQ(signed_request->string_to_sign, *c.Read("header-string-to-sign.txt"));
  EXPECT_EQ(signed_request->signature, *c.Read("header-signature.txt"));
  EXPECT_EQ(Apply(c.request, *signed_request).Serialize(), *c.Read("header-signed-request.txt"));
}

TEST_P(SuiteSignerTest, QueryForm) {
  const SigV4Case& c = GetParam();
  auto signed_request = Presign(c.request.View(), c.Params(), c.expires_seconds);
  ASSERT_TRUE(signed_request.ok()) << signed_request.status().ToString();
  EXPECT_EQ(signed_request->canonical_request, *c.Read("query-canonical-request.txt"));
  EXPECT_EQ(signed_request->string_to_sign, *c.Read("query-string-to-sign.txt"));
  EXPECT_EQ(signed_request->signature, *c.Read("query-signature.txt"));
  EXPECT_TRUE(signed_request->headers.empty());
  EXPECT_EQ(Apply(c.request, *signed_request).Serialize(), *c.Read("query-signed-request.txt"));
}

INSTANTIATE_TEST_SUITE_P(Suite, SuiteSignerTest, ::testing::ValuesIn(LoadCases("sigv4-test-suite")),
                         ParamName);

// --- The SDKs' own output (botocore, and the JS SDK v3's @smithy/signature-v4): same
// inputs, byte-identical Authorization. ---

class SdkSignerTest : public ::testing::TestWithParam<SigV4Case> {};
class SdkPresignerTest : public ::testing::TestWithParam<SigV4Case> {};

TEST_P(SdkSignerTest, SameAuthorizationAsTheSdk) {
  const SigV4Case& c = GetParam();
  auto sent_text = c.Read("header-signed-request.txt");
  RawRequest sent = testing::ParseRawRequest(*sent_text);

  auto signed_request = Sign(c.request.View(), c.Params());
  ASSERT_TRUE(signed_request.ok()) << signed_request.status().ToString();
  EXPECT_EQ(signed_request->canonical_request, *c.Read("header-canonical-request.txt"));
  EXPECT_EQ(signed_request->string_to_sign, *c.Read("header-string-to-sign.txt"));
  EXPECT_EQ(signed_request->signature, *c.Read("header-signature.txt"));
  // Every header we add is on the SDK's wire with the same value (names compared in any
  // case: botocore writes X-Amz-Content-SHA256, the JS SDK x-amz-date).
  for (const auto& [name, value] : signed_request->headers) {
    const std::string* botocore_value = sent.FindHeader(name);
    ASSERT_NE(botocore_value, nullptr) << name;
    EXPECT_EQ(value, *botocore_value) << name;
  }
  EXPECT_NE(sent.FindHeader("authorization"), nullptr);
}

TEST_P(SdkPresignerTest, SamePresignedUrlAsTheSdk) {
  const SigV4Case& c = GetParam();
  auto sent_text = c.Read("query-signed-request.txt");
  RawRequest sent = testing::ParseRawRequest(*sent_text);

  auto signed_request = Presign(c.request.View(), c.Params(), c.expires_seconds);
  ASSERT_TRUE(signed_request.ok()) << signed_request.status().ToString();
  EXPECT_EQ(signed_request->canonical_request, *c.Read("query-canonical-request.txt"));
  EXPECT_EQ(signed_request->string_to_sign, *c.Read("query-string-to-sign.txt"));
  EXPECT_EQ(signed_request->signature, *c.Read("query-signature.txt"));
  // The SDKs put X-Amz-Expires before X-Amz-SignedHeaders; the parameters are the same.
  EXPECT_EQ(TargetPath(signed_request->target), TargetPath(sent.target));
  EXPECT_EQ(SortedQuery(signed_request->target), SortedQuery(sent.target));
}

INSTANTIATE_TEST_SUITE_P(Botocore, SdkSignerTest,
                         ::testing::ValuesIn(LoadCases("sigv4-botocore",
                                                       "header-signed-request.txt")),
                         ParamName);
INSTANTIATE_TEST_SUITE_P(Botocore, SdkPresignerTest,
                         ::testing::ValuesIn(LoadCases("sigv4-botocore",
                                                       "query-signed-request.txt")),
                         ParamName);

// --- Behaviour the vectors do not show. ---

SigningParams BasicParams() {
  SigningParams params;
  params.credentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
  params.region = "us-east-1";
  params.service = "iot";
  params.time = 1768473000000;  // 2026-01-15T10:30:00Z
  return params;
}

TEST(SignerTest, NeedsAHostHeader) {
  HttpRequestView request{"GET", "/jobs", {{"X-Other", "1"}}, ""};
  auto signed_request = Sign(request, BasicParams());
  ASSERT_FALSE(signed_request.ok());
  EXPECT_EQ(signed_request.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_FALSE(Presign(request, BasicParams(), 60).ok());
}

TEST(SignerTest, ReplacesOldAuthHeadersAndSkipsUnsignableOnes) {
  HttpRequestView request{"GET",
                          "/jobs",
                          {{"Host", "localhost:4580"},
                           {"Authorization", "old"},
                           {"X-Amz-Date", "19990101T000000Z"},
                           {"User-Agent", "aws-cli/2"},
                           {"Connection", "keep-alive"},
                           {"X-Amzn-Trace-Id", "Root=1"},
                           {"Content-Type", "application/json"}},
                          ""};
  auto signed_request = Sign(request, BasicParams());
  ASSERT_TRUE(signed_request.ok());
  const auto& headers = signed_request->headers;
  ASSERT_EQ(headers.size(), 2u);
  EXPECT_EQ(headers[0], (std::pair<std::string, std::string>{"X-Amz-Date", "20260115T103000Z"}));
  EXPECT_EQ(headers[1].first, "Authorization");
  auto parsed = ParseAuthorizationHeader(headers[1].second);
  ASSERT_TRUE(parsed.ok());
  EXPECT_EQ(parsed->signed_headers,
            (std::vector<std::string>{"content-type", "host", "x-amz-date"}));
  EXPECT_NE(signed_request->canonical_request.find("x-amz-date:20260115T103000Z\n"),
            std::string::npos);
}

TEST(SignerTest, UnsignedPayloadAndSessionToken) {
  SigningParams params = BasicParams();
  params.credentials.session_token = "tok/en+=";
  params.payload = PayloadSigning::kUnsignedPayload;
  HttpRequestView request{"PUT", "/jobs/j", {{"Host", "h"}}, "{\"a\":1}"};
  auto signed_request = Sign(request, params);
  ASSERT_TRUE(signed_request.ok());
  ASSERT_EQ(signed_request->headers.size(), 4u);
  EXPECT_EQ(signed_request->headers[0].first, "X-Amz-Security-Token");
  EXPECT_EQ(signed_request->headers[2],
            (std::pair<std::string, std::string>{"x-amz-content-sha256", "UNSIGNED-PAYLOAD"}));
  EXPECT_TRUE(signed_request->canonical_request.ends_with(
      "\nhost;x-amz-content-sha256;x-amz-date;x-amz-security-token\nUNSIGNED-PAYLOAD"));
}

TEST(SignerTest, ACallersContentSha256IsThePayloadLine) {
  // botocore's canonical_request takes an X-Amz-Content-SHA256 already present as is.
  HttpRequestView request{
      "PUT", "/jobs/j", {{"Host", "h"}, {"X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"}}, "{}"};
  auto signed_request = Sign(request, BasicParams());
  ASSERT_TRUE(signed_request.ok());
  EXPECT_TRUE(signed_request->canonical_request.ends_with(
      "\nhost;x-amz-content-sha256;x-amz-date\nUNSIGNED-PAYLOAD"));
}

TEST(SignerTest, UnsignableHeaders) {
  for (const char* name : {"authorization", "user-agent", "expect", "x-amzn-trace-id", "connection",
                           "transfer-encoding"}) {
    EXPECT_TRUE(IsUnsignableHeader(name)) << name;
  }
  for (const char* name : {"host", "content-type", "content-length", "x-amz-date", "date"}) {
    EXPECT_FALSE(IsUnsignableHeader(name)) << name;
  }
}

}  // namespace
}  // namespace iotjobs::auth
