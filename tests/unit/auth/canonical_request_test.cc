#include "auth/canonical_request.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "auth/authorization.h"
#include "auth/crypto.h"
#include "common/encoding.h"
#include "sigv4_case.h"

namespace iotjobs::auth {
namespace {

using testing::LoadCases;
using testing::SigV4Case;

// Expected values printed by botocore.utils.normalize_url_path.
TEST(NormalizePathTest, MatchesBotocore) {
  struct Case {
    const char* in;
    const char* out;
  };
  for (const Case& c : std::vector<Case>{{"", "/"},
                                         {"/", "/"},
                                         {"//", "/"},
                                         {"/./", "/"},
                                         {"/a/b/../c", "/a/c"},
                                         {"/a/b/..", "/a"},
                                         {"/a/b/../", "/a/"},
                                         {"/../a", "/a"},
                                         {"//a//b//", "/a/b/"},
                                         {"/a/./b/.", "/a/b"},
                                         {"a/b", "a/b"},
                                         {"/a/%2E%2E/b", "/a/%2E%2E/b"},
                                         {"/.../a", "/.../a"},
                                         {"/a/..b/c", "/a/..b/c"}}) {
    EXPECT_EQ(NormalizePath(c.in), c.out) << c.in;
  }
}

TEST(CanonicalUriTest, EncodesThePathAgain) {
  CanonicalOptions botocore;
  // What `aws iot-jobs-data describe-job-execution --job-id '$next'` sends and signs.
  EXPECT_EQ(CanonicalUri("/things/t1/jobs/%24next", botocore), "/things/t1/jobs/%2524next");
  EXPECT_EQ(CanonicalUri("/things/thing%3Aa/jobs", botocore), "/things/thing%253Aa/jobs");
  EXPECT_EQ(CanonicalUri("/example space/\xe1\x88\xb4", botocore), "/example%20space/%E1%88%B4");
  EXPECT_EQ(CanonicalUri("/-._~azAZ09", botocore), "/-._~azAZ09");
  EXPECT_EQ(CanonicalUri("", botocore), "/");
  EXPECT_EQ(CanonicalUri("/a/../b//c/", botocore), "/b/c/");
}

TEST(CanonicalUriTest, OptionsTurnEachStepOff) {
  EXPECT_EQ(CanonicalUri("/a/../%24x", {.double_encode_path = false, .normalize_path = true}),
            "/%24x");
  EXPECT_EQ(CanonicalUri("/a/../%24x", {.double_encode_path = true, .normalize_path = false}),
            "/a/../%2524x");
  EXPECT_EQ(CanonicalUri("//a/./%24x", {.double_encode_path = false, .normalize_path = false}),
            "//a/./%24x");
  EXPECT_EQ(CanonicalUri("", {.double_encode_path = false, .normalize_path = false}), "/");
}

TEST(CanonicalQueryStringTest, SortsAndReencodes) {
  struct Case {
    const char* raw;
    const char* canonical;
  };
  for (const Case& c : std::vector<Case>{
           {"", ""},
           {"force=true&namespaceId=x", "force=true&namespaceId=x"},
           {"namespaceId=x&force=true", "force=true&namespaceId=x"},
           {"b=2&a=1&a=0", "a=0&a=1&b=2"},  // repeated names sort by value
           {"Param2=v&Param1=v&param0=v", "Param1=v&Param2=v&param0=v"},  // byte order
           {"flag", "flag="},         // no '=' counts as empty value
           {"a=1&&b=2&", "a=1&b=2"},  // empty pairs skipped
           {"=x", "=x"},
           {"nextToken=a%2Fb%2Bc%3D", "nextToken=a%2Fb%2Bc%3D"},
           {"k=a%2fb", "k=a%2Fb"},  // hex case normalised
           {"k=a+b", "k=a%2Bb"},    // '+' is literal
           {"k=a b", "k=a%20b"},
           {"\xe1\x88\xb4=bar", "%E1%88%B4=bar"},  // suite: get-vanilla-utf8-query
           {"k=%7E%41", "k=~A"},                   // unreserved decoded
           {"k=a=b", "k=a%3Db"},
       }) {
    auto got = CanonicalQueryString(c.raw);
    ASSERT_TRUE(got.ok()) << c.raw;
    EXPECT_EQ(*got, c.canonical) << c.raw;
  }
}

TEST(CanonicalQueryStringTest, OmitsNamedParameters) {
  std::vector<std::string_view> omit = {"X-Amz-Signature"};
  auto got = CanonicalQueryString("a=1&X-Amz-Signature=abc&X-Amz-Date=d", omit);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "X-Amz-Date=d&a=1");
}

TEST(CanonicalQueryStringTest, RefusesBadEscapes) {
  for (const char* bad : {"a=%", "a=%2", "a=%zz", "%g1=b"}) {
    auto got = CanonicalQueryString(bad);
    ASSERT_FALSE(got.ok()) << bad;
    EXPECT_EQ(got.status().code(), ErrorCode::kInvalidSignature);
  }
}

TEST(TrimAllTest, CollapsesWhitespaceAsBotocore) {
  EXPECT_EQ(TrimAll(""), "");
  EXPECT_EQ(TrimAll("   "), "");
  EXPECT_EQ(TrimAll(" value1"), "value1");
  EXPECT_EQ(TrimAll("\"a   b   c\""), "\"a b c\"");
  EXPECT_EQ(TrimAll("value1\n  value2\n     value3"), "value1 value2 value3");
  EXPECT_EQ(TrimAll("\ta\r\n\v\fb\x1c"
                    "c "),
            "a b c");
  EXPECT_EQ(TrimAll("caf\xc3\xa9"), "caf\xc3\xa9");
}

TEST(CanonicalHeadersTest, JoinsRepeatedHeadersInOrder) {
  HttpRequestView request{
      "GET", "/", {{"Host", "h"}, {"My-Header1", "b "}, {"my-header1", " a"}}, ""};
  std::vector<std::string> names = {"host", "my-header1"};
  auto got = CanonicalHeaders(request, names);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "host:h\nmy-header1:b,a\n");
  EXPECT_EQ(JoinSignedHeaders(names), "host;my-header1");
}

TEST(CanonicalHeadersTest, AMissingSignedHeaderFails) {
  HttpRequestView request{"GET", "/", {{"Host", "h"}}, ""};
  std::vector<std::string> names = {"host", "x-amz-date"};
  auto got = CanonicalHeaders(request, names);
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), ErrorCode::kInvalidSignature);
}

// The example of AWS's "Examples of how to derive a signing key for Signature Version 4".
TEST(SigningKeyTest, AwsDocumentationExample) {
  EXPECT_EQ(HexEncode(DeriveSigningKey("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215",
                                       "us-east-1", "iam")),
            "f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
}

TEST(StringToSignTest, Layout) {
  EXPECT_EQ(CredentialScope("20150830", "us-east-1", "iot"), "20150830/us-east-1/iot/aws4_request");
  EXPECT_EQ(StringToSign("20150830T123600Z", "20150830/us-east-1/service/aws4_request", ""),
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

// Rebuilds each vector's canonical request, string to sign and signature from its signed
// request (as a verifier must, taking SignedHeaders from its Authorization header) and
// compares them with the published ones (the header-* files of every folder).
class CanonicalFromSignedRequestTest : public ::testing::TestWithParam<SigV4Case> {};

TEST_P(CanonicalFromSignedRequestTest, MatchesThePublishedStrings) {
  const SigV4Case& c = GetParam();
  auto signed_text = c.Read("header-signed-request.txt");
  testing::RawRequest signed_request = testing::ParseRawRequest(*signed_text);
  const std::string* authorization = signed_request.FindHeader("authorization");
  ASSERT_NE(authorization, nullptr);
  auto parsed = ParseAuthorizationHeader(*authorization);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();

  std::string payload_hash =
      c.unsigned_payload ? std::string(kUnsignedPayload) : Sha256Hex(signed_request.body);
  auto canonical =
      CanonicalRequest(signed_request.View(), parsed->signed_headers, payload_hash, c.Canonical());
  ASSERT_TRUE(canonical.ok()) << canonical.status().ToString();
  EXPECT_EQ(*canonical, *c.Read("header-canonical-request.txt"));

  const std::string amz_date = *signed_request.FindHeader("x-amz-date");
  const std::string scope = CredentialScope(parsed->date, parsed->region, parsed->service);
  std::string sts = StringToSign(amz_date, scope, *canonical);
  EXPECT_EQ(sts, *c.Read("header-string-to-sign.txt"));
  std::string key = DeriveSigningKey(c.credentials.secret_access_key, parsed->date, parsed->region,
                                     parsed->service);
  EXPECT_EQ(SignatureHex(key, sts), *c.Read("header-signature.txt"));
  EXPECT_EQ(parsed->signature, *c.Read("header-signature.txt"));
}

std::string ParamName(const ::testing::TestParamInfo<SigV4Case>& info) {
  return testing::CaseName(info.param);
}

INSTANTIATE_TEST_SUITE_P(Suite, CanonicalFromSignedRequestTest,
                         ::testing::ValuesIn(LoadCases("sigv4-test-suite")), ParamName);
INSTANTIATE_TEST_SUITE_P(Js, CanonicalFromSignedRequestTest,
                         ::testing::ValuesIn(LoadCases("sigv4-js", "header-signed-request.txt")),
                         ParamName);
INSTANTIATE_TEST_SUITE_P(Botocore, CanonicalFromSignedRequestTest,
                         ::testing::ValuesIn(LoadCases("sigv4-botocore",
                                                       "header-signed-request.txt")),
                         ParamName);

}  // namespace
}  // namespace iotjobs::auth
