#include "auth/verifier.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "auth/amz_date.h"
#include "auth/authorization.h"
#include "auth/crypto.h"
#include "auth/error_messages.h"
#include "auth/signer.h"
#include "sigv4_case.h"

namespace iotjobs::auth {
namespace {

using testing::LoadCases;
using testing::RawRequest;
using testing::SigV4Case;

constexpr EpochMillis kMinute = 60 * 1000;
constexpr EpochMillis kSecond = 1000;

std::string ParamName(const ::testing::TestParamInfo<SigV4Case>& info) {
  return testing::CaseName(info.param);
}

SecretLookup LookupOf(const Credentials& credentials) {
  return [credentials](std::string_view access_key_id) -> std::optional<Secret> {
    if (access_key_id != credentials.access_key_id) return std::nullopt;
    return Secret{credentials.secret_access_key, credentials.session_token};
  };
}

// Flips the last hex digit of a signature wherever it appears in `text`.
std::string FlipSignature(std::string text, const std::string& signature) {
  size_t at = text.find(signature);
  if (at == std::string::npos) return text;
  char& c = text[at + signature.size() - 1];
  c = c == '0' ? '1' : '0';
  return text;
}

// Single alterations of a signed request, each of which must be refused.
// `body_signed` is false for UNSIGNED-PAYLOAD requests, whose body may change by design.
std::vector<std::pair<std::string, RawRequest>> Alterations(const RawRequest& request,
                                                            bool presigned, bool body_signed) {
  std::vector<std::pair<std::string, RawRequest>> out;
  auto add = [&out, &request](std::string name, auto change) {
    RawRequest altered = request;
    change(altered);
    out.emplace_back(std::move(name), std::move(altered));
  };
  std::string path(TargetPath(request.target));
  std::string query(TargetQuery(request.target));
  bool has_query = request.target.find('?') != std::string::npos;

  add("method", [](RawRequest& r) { r.method = r.method == "GET" ? "POST" : "GET"; });
  add("path", [&](RawRequest& r) { r.target = path + "x" + (has_query ? "?" + query : ""); });
  add("query-added", [&](RawRequest& r) {
    r.target = path + "?" + (query.empty() ? "" : query + "&") + "extra=1";
  });
  // The value of the first parameter that is not an X-Amz-* one.
  size_t start = 0;
  while (start < query.size()) {
    size_t end = std::min(query.find('&', start), query.size());
    std::string pair = query.substr(start, end - start);
    if (!pair.starts_with("X-Amz-")) {
      add("query-value", [&, end](RawRequest& r) {
        r.target = path + "?" + query.substr(0, end) + "0" + query.substr(end);
      });
      break;
    }
    start = end + 1;
  }
  if (body_signed) add("body", [](RawRequest& r) { r.body += "x"; });

  std::vector<std::string> signed_headers;
  std::string signature;
  if (presigned) {
    auto parsed = ParsePresignedQuery(query);
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    if (parsed.ok()) {
      signed_headers = parsed->authorization.signed_headers;
      signature = parsed->authorization.signature;
    }
    add("signature", [&](RawRequest& r) { r.target = FlipSignature(r.target, signature); });
    add("x-amz-date", [&](RawRequest& r) {
      std::string date =
          std::string(TargetQuery(r.target)).substr(query.find("X-Amz-Date=") + 11, 16);
      auto t = ParseAmzDate(date);
      size_t at = r.target.find(date);
      r.target.replace(at, 16, FormatAmzDate(*t + kSecond));
    });
  } else {
    auto parsed = ParseAuthorizationHeader(*request.FindHeader("authorization"));
    EXPECT_TRUE(parsed.ok()) << parsed.status().ToString();
    if (parsed.ok()) {
      signed_headers = parsed->signed_headers;
      signature = parsed->signature;
    }
    add("signature", [&](RawRequest& r) {
      r.SetHeader("Authorization", FlipSignature(*r.FindHeader("authorization"), signature));
    });
    add("x-amz-date+1s", [](RawRequest& r) {
      auto t = ParseAmzDate(*r.FindHeader("x-amz-date"));
      r.SetHeader("X-Amz-Date", FormatAmzDate(*t + kSecond));
    });
  }
  for (const std::string& name : signed_headers) {
    add("header-value:" + name, [&name](RawRequest& r) {
      std::string value = *r.FindHeader(name);
      r.SetHeader(name, value + "x");
    });
    if (name != "host") {
      add("header-removed:" + name, [&name](RawRequest& r) { r.RemoveHeader(name); });
    }
  }
  return out;
}

// Checks that `signed_text` is accepted at `time`, refused after each alteration, and
// refused outside the time window.
void CheckAcceptsThenRefuses(const SigV4Case& c, const std::string& signed_text, bool presigned,
                             const std::vector<std::string>& services) {
  VerifierOptions options;
  options.region = c.region;
  options.services = services;
  options.canonical = c.Canonical();
  Verifier verifier(options, LookupOf(c.credentials));
  RawRequest request = testing::ParseRawRequest(signed_text);

  auto verified = verifier.Verify(request.View(), c.time);
  ASSERT_TRUE(verified.ok()) << verified.status().ToString();
  EXPECT_EQ(verified->access_key_id, c.credentials.access_key_id);
  EXPECT_EQ(verified->service, c.service);
  EXPECT_EQ(verified->presigned, presigned);

  for (const auto& [name, altered] : Alterations(request, presigned, !c.unsigned_payload)) {
    auto result = verifier.Verify(altered.View(), c.time);
    EXPECT_FALSE(result.ok()) << "accepted after altering " << name;
  }

  // The time window: 5 minutes either way for the header form; for the presigned form,
  // 5 minutes early up to X-Amz-Expires late.
  EXPECT_TRUE(verifier.Verify(request.View(), c.time - 5 * kMinute).ok());
  EXPECT_FALSE(verifier.Verify(request.View(), c.time - 5 * kMinute - kSecond).ok());
  EpochMillis latest = presigned ? c.time + c.expires_seconds * kSecond : c.time + 5 * kMinute;
  EXPECT_TRUE(verifier.Verify(request.View(), latest).ok());
  auto late = verifier.Verify(request.View(), latest + kSecond);
  ASSERT_FALSE(late.ok());
  EXPECT_EQ(late.status().code(), ErrorCode::kInvalidSignature);
}

class SuiteVerifierTest : public ::testing::TestWithParam<SigV4Case> {};

TEST_P(SuiteVerifierTest, HeaderForm) {
  const SigV4Case& c = GetParam();
  CheckAcceptsThenRefuses(c, *c.Read("header-signed-request.txt"), false, {"service"});
}

TEST_P(SuiteVerifierTest, QueryForm) {
  const SigV4Case& c = GetParam();
  CheckAcceptsThenRefuses(c, *c.Read("query-signed-request.txt"), true, {"service"});
}

INSTANTIATE_TEST_SUITE_P(Suite, SuiteVerifierTest,
                         ::testing::ValuesIn(LoadCases("sigv4-test-suite")), ParamName);

// Requests as botocore and the JS SDK put them on the wire, unsigned headers
// (Content-Length, amz-sdk-invocation-id, User-Agent) included.
class SdkVerifierTest : public ::testing::TestWithParam<SigV4Case> {};

TEST_P(SdkVerifierTest, AcceptsThenRefuses) {
  const SigV4Case& c = GetParam();
  const std::vector<std::string> services = {"iot", "execute-api", "iot-jobs-data"};
  if (auto text = c.Read("header-signed-request.txt")) {
    CheckAcceptsThenRefuses(c, *text, false, services);
  } else {
    CheckAcceptsThenRefuses(c, *c.Read("query-signed-request.txt"), true, services);
  }
}

INSTANTIATE_TEST_SUITE_P(Botocore, SdkVerifierTest,
                         ::testing::ValuesIn(LoadCases("sigv4-botocore")), ParamName);
INSTANTIATE_TEST_SUITE_P(Js, SdkVerifierTest, ::testing::ValuesIn(LoadCases("sigv4-js")),
                         ParamName);

// --- Round trips and error answers, on requests our signer makes. ---

constexpr EpochMillis kNow = 1768473000000;  // 2026-01-15T10:30:00Z
const Credentials kCredentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};

class VerifierTest : public ::testing::Test {
 protected:
  VerifierTest() : verifier_(Options(), LookupOf(kCredentials)) {}

  static VerifierOptions Options() {
    VerifierOptions options;
    options.region = "us-east-1";
    options.services = {"iot", "execute-api", "iot-jobs-data"};
    return options;
  }

  static SigningParams Params(std::string service = "iot") {
    SigningParams params;
    params.credentials = kCredentials;
    params.region = "us-east-1";
    params.service = std::move(service);
    params.time = kNow;
    return params;
  }

  static RawRequest Request(std::string method, std::string target, std::string body = "") {
    RawRequest r;
    r.method = std::move(method);
    r.target = std::move(target);
    r.headers = {{"Host", "localhost:4580"}};
    if (!body.empty()) r.headers.emplace_back("Content-Type", "application/json");
    r.body = std::move(body);
    return r;
  }

  static RawRequest Signed(RawRequest r, const SigningParams& params) {
    auto signed_request = Sign(r.View(), params);
    EXPECT_TRUE(signed_request.ok()) << signed_request.status().ToString();
    for (const auto& [name, value] : signed_request->headers) r.SetHeader(name, value);
    return r;
  }

  static RawRequest Presigned(RawRequest r, const SigningParams& params, int64_t expires) {
    auto signed_request = Presign(r.View(), params, expires);
    EXPECT_TRUE(signed_request.ok()) << signed_request.status().ToString();
    r.target = signed_request->target;
    return r;
  }

  void ExpectError(const RawRequest& r, ErrorCode code, std::string_view message,
                   EpochMillis now = kNow) {
    auto result = verifier_.Verify(r.View(), now);
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().code(), code) << result.status().ToString();
    EXPECT_EQ(result.status().message(), message);
  }

  Verifier verifier_;
};

TEST_F(VerifierTest, RoundTrips) {
  struct Case {
    std::string service, method, target, body;
  };
  const std::vector<Case> cases = {
      {"iot-jobs-data", "GET", "/things/thing-1/jobs/%24next?includeJobDocument=true", ""},
      {"iot", "DELETE", "/things/t1/jobs/j1/executionNumber/3?force=true&namespaceId=x", ""},
      {"iot", "PUT", "/jobs/job-1", "{\"targets\":[\"arn:aws:iot:us-east-1:1:thing/t\"]}"},
      {"execute-api", "GET", "/jobs?maxResults=10&nextToken=a%2Fb%2Bc%3D&status=QUEUED", ""},
      {"iot-jobs-data", "PUT", "/things/thing%3A1/jobs/%24next", "{\"statusDetails\":{}}"},
  };
  for (const Case& c : cases) {
    for (PayloadSigning payload : {PayloadSigning::kHashBody, PayloadSigning::kHashBodyWithHeader,
                                   PayloadSigning::kUnsignedPayload}) {
      SigningParams params = Params(c.service);
      params.payload = payload;
      RawRequest r = Signed(Request(c.method, c.target, c.body), params);
      auto verified = verifier_.Verify(r.View(), kNow);
      ASSERT_TRUE(verified.ok()) << c.target << ": " << verified.status().ToString();
      EXPECT_EQ(verified->service, c.service);
      EXPECT_FALSE(verified->presigned);

      RawRequest p = Presigned(Request(c.method, c.target, c.body), params, 900);
      verified = verifier_.Verify(p.View(), kNow);
      ASSERT_TRUE(verified.ok()) << p.target << ": " << verified.status().ToString();
      EXPECT_TRUE(verified->presigned);
    }
  }
}

TEST_F(VerifierTest, SessionTokens) {
  Credentials temporary = kCredentials;
  temporary.session_token = "FwoGZXIvYXdz//token+=";
  Verifier verifier(Options(), LookupOf(temporary));
  SigningParams params = Params();
  params.credentials = temporary;
  RawRequest r = Signed(Request("GET", "/jobs"), params);
  EXPECT_TRUE(verifier.Verify(r.View(), kNow).ok());

  params.sign_session_token = false;  // the token appended after signing
  EXPECT_TRUE(verifier.Verify(Signed(Request("GET", "/jobs"), params).View(), kNow).ok());
  EXPECT_TRUE(verifier.Verify(Presigned(Request("GET", "/jobs"), params, 60).View(), kNow).ok());
  params.sign_session_token = true;
  EXPECT_TRUE(verifier.Verify(Presigned(Request("GET", "/jobs"), params, 60).View(), kNow).ok());

  RawRequest wrong = r;
  wrong.SetHeader("X-Amz-Security-Token", "other");
  auto result = verifier.Verify(wrong.View(), kNow);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), ErrorCode::kUnrecognizedClient);

  RawRequest missing = r;
  missing.RemoveHeader("X-Amz-Security-Token");
  result = verifier.Verify(missing.View(), kNow);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), ErrorCode::kUnrecognizedClient);

  // Long-term keys refuse a token.
  ExpectError(Signed(Request("GET", "/jobs"), params), ErrorCode::kUnrecognizedClient,
              msg::kInvalidSecurityToken);
}

TEST_F(VerifierTest, MissingAuthentication) {
  ExpectError(Request("GET", "/jobs"), ErrorCode::kMissingAuthenticationToken,
              "Missing Authentication Token");
  RawRequest empty = Request("GET", "/jobs");
  empty.SetHeader("Authorization", " ");
  ExpectError(empty, ErrorCode::kMissingAuthenticationToken, "Missing Authentication Token");
}

TEST_F(VerifierTest, UnknownAccessKey) {
  SigningParams params = Params();
  params.credentials.access_key_id = "AKIDUNKNOWN";
  ExpectError(Signed(Request("GET", "/jobs"), params), ErrorCode::kUnrecognizedClient,
              "The security token included in the request is invalid.");
}

TEST_F(VerifierTest, WrongSecret) {
  SigningParams params = Params();
  params.credentials.secret_access_key = "not-the-secret";
  ExpectError(Signed(Request("GET", "/jobs"), params), ErrorCode::kInvalidSignature,
              "The request signature we calculated does not match the signature you provided. "
              "Check your AWS Secret Access Key and signing method. Consult the service "
              "documentation for details.");
}

TEST_F(VerifierTest, ScopeMustNameOurRegionAndAService) {
  SigningParams params = Params();
  params.region = "eu-west-1";
  ExpectError(Signed(Request("GET", "/jobs"), params), ErrorCode::kInvalidSignature,
              "Credential should be scoped to a valid region. ");
  params = Params("s3");
  ExpectError(Signed(Request("GET", "/jobs"), params), ErrorCode::kInvalidSignature,
              "Credential should be scoped to correct service: 'iot'. ");
}

TEST_F(VerifierTest, ExpiredAndNotYetCurrent) {
  RawRequest r = Signed(Request("GET", "/jobs"), Params());
  ExpectError(r, ErrorCode::kInvalidSignature,
              "Signature expired: 20260115T103000Z is now earlier than 20260115T103500Z "
              "(20260115T104000Z - 5 min.)",
              kNow + 10 * kMinute);
  ExpectError(r, ErrorCode::kInvalidSignature,
              "Signature not yet current: 20260115T103000Z is still later than "
              "20260115T102500Z (20260115T102000Z + 5 min.)",
              kNow - 10 * kMinute);
  RawRequest p = Presigned(Request("GET", "/jobs"), Params(), 60);
  EXPECT_TRUE(verifier_.Verify(p.View(), kNow + 60 * kSecond).ok());
  ExpectError(p, ErrorCode::kInvalidSignature, "Request has expired", kNow + 61 * kSecond);
}

TEST_F(VerifierTest, ScopeDateMustBeTheRequestDate) {
  SigningParams params = Params();
  params.time = 1768521599000;  // 2026-01-15T23:59:59Z
  RawRequest r = Signed(Request("GET", "/jobs"), params);
  r.SetHeader("X-Amz-Date", "20260116T000001Z");
  ExpectError(r, ErrorCode::kInvalidSignature,
              "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
              "from HTTP: '20260115' != '20260116', from '20260116T000001Z'.",
              1768521601000);
}

TEST_F(VerifierTest, MalformedAuthentication) {
  RawRequest r = Signed(Request("GET", "/jobs"), Params());
  RawRequest no_date = r;
  no_date.RemoveHeader("X-Amz-Date");
  ExpectError(no_date, ErrorCode::kInvalidSignature, msg::kRequiresDate);
  RawRequest bad_date = r;
  bad_date.SetHeader("X-Amz-Date", "2026-01-15T10:30:00Z");
  ExpectError(bad_date, ErrorCode::kInvalidSignature, msg::kBadAmzDate);
  RawRequest garbage = r;
  garbage.SetHeader("Authorization", "AWS4-HMAC-SHA256 Credential=x");
  ExpectError(
      garbage, ErrorCode::kInvalidSignature,
      std::string(msg::kRequiresSignature) + " " + std::string(msg::kRequiresSignedHeaders));
  RawRequest both = Presigned(r, Params(), 60);
  ExpectError(both, ErrorCode::kInvalidSignature, msg::kOnlyOneAuthMechanism);
  RawRequest bad_query = Presigned(Request("GET", "/jobs"), Params(), 60);
  bad_query.target += "&X-Amz-Expires=5";
  ExpectError(bad_query, ErrorCode::kInvalidSignature, msg::kDuplicateParameter);
}

TEST_F(VerifierTest, HostMustBeSigned) {
  // A correct signature over x-amz-date alone is still refused, as AWS does.
  RawRequest r = Request("GET", "/jobs");
  r.SetHeader("X-Amz-Date", FormatAmzDate(kNow));
  std::vector<std::string> names = {"x-amz-date"};
  auto canonical = CanonicalRequest(r.View(), names, Sha256Hex(""), {});
  ASSERT_TRUE(canonical.ok());
  std::string scope = CredentialScope("20260115", "us-east-1", "iot");
  std::string signature =
      SignatureHex(DeriveSigningKey(kCredentials.secret_access_key, "20260115", "us-east-1", "iot"),
                   StringToSign(FormatAmzDate(kNow), scope, *canonical));
  r.SetHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + scope +
                                   ", SignedHeaders=x-amz-date, Signature=" + signature);
  ExpectError(r, ErrorCode::kInvalidSignature, msg::kHostNotSigned);
}

TEST_F(VerifierTest, AcceptsTheDateHeader) {
  // botocore signs with Date (not X-Amz-Date) when the request already has one.
  RawRequest r = Request("GET", "/jobs");
  r.SetHeader("Date", "Thu, 15 Jan 2026 10:30:00 GMT");
  std::vector<std::string> names = {"date", "host"};
  auto canonical = CanonicalRequest(r.View(), names, Sha256Hex(""), {});
  ASSERT_TRUE(canonical.ok());
  std::string scope = CredentialScope("20260115", "us-east-1", "iot");
  std::string signature =
      SignatureHex(DeriveSigningKey(kCredentials.secret_access_key, "20260115", "us-east-1", "iot"),
                   StringToSign("20260115T103000Z", scope, *canonical));
  r.SetHeader("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/" + scope +
                                   ", SignedHeaders=date;host, Signature=" + signature);
  EXPECT_TRUE(verifier_.Verify(r.View(), kNow).ok());
  r.SetHeader("Date", "Thu, 15 Jan 2026 10:30:01 GMT");
  EXPECT_FALSE(verifier_.Verify(r.View(), kNow).ok());
  r.SetHeader("Date", "yesterday");
  ExpectError(r, ErrorCode::kInvalidSignature, msg::kBadHttpDate);
}

TEST_F(VerifierTest, PayloadHash) {
  SigningParams params = Params();
  params.payload = PayloadSigning::kHashBodyWithHeader;
  RawRequest r = Signed(Request("PUT", "/jobs/j", "{\"a\":1}"), params);
  EXPECT_TRUE(verifier_.Verify(r.View(), kNow).ok());
  RawRequest changed = r;
  changed.body = "{\"a\":2}";
  ExpectError(changed, ErrorCode::kInvalidSignature, msg::kContentSha256Mismatch);

  // UNSIGNED-PAYLOAD: the body is not covered, by the client's choice.
  params.payload = PayloadSigning::kUnsignedPayload;
  RawRequest u = Signed(Request("PUT", "/jobs/j", "{\"a\":1}"), params);
  u.body = "{\"a\":2}";
  EXPECT_TRUE(verifier_.Verify(u.View(), kNow).ok());
  // ... but the client cannot be made to have chosen it.
  RawRequest forced = Signed(Request("PUT", "/jobs/j", "{\"a\":1}"), Params());
  forced.SetHeader("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
  forced.body = "{\"a\":2}";
  EXPECT_FALSE(verifier_.Verify(forced.View(), kNow).ok());
}

TEST_F(VerifierTest, UnsignedHeadersMayChange) {
  RawRequest r = Signed(Request("GET", "/jobs"), Params());
  r.SetHeader("User-Agent", "aws-cli/2.9.19");
  r.SetHeader("amz-sdk-invocation-id", "1234");
  r.SetHeader("Content-Length", "0");
  EXPECT_TRUE(verifier_.Verify(r.View(), kNow).ok());
}

TEST_F(VerifierTest, ConcurrentVerification) {
  std::vector<RawRequest> requests;
  for (const char* service : {"iot", "execute-api", "iot-jobs-data"}) {
    requests.push_back(Signed(Request("GET", "/jobs?namespaceId=x"), Params(service)));
  }
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 300; ++i) {
        if (!verifier_.Verify(requests[i % requests.size()].View(), kNow).ok()) ++failures;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
}

}  // namespace
}  // namespace iotjobs::auth
