#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "auth/canonical_request.h"
#include "auth/http_request.h"
#include "common/clock.h"
#include "common/result.h"

// Signs requests the way botocore's SigV4Auth / SigV4QueryAuth do, for the CLI. For the same
// request, credentials, scope and time the Authorization header is byte-identical to
// botocore's (tests/unit/auth/signer_test.cc, BotocoreFixtures). Pure and thread-safe.
namespace iotjobs::auth {

struct Credentials {
  std::string access_key_id;
  std::string secret_access_key;
  std::string session_token;  // empty: long-term keys, no X-Amz-Security-Token
};

// What goes in the payload-hash line of the canonical request.
enum class PayloadSigning {
  kHashBody,            // hex SHA-256 of the body, no extra header (botocore, non-S3); an
                        // x-amz-content-sha256 already in the request is used instead
  kHashBodyWithHeader,  // the same, also sent and signed as x-amz-content-sha256 (S3, the
                        // suite's sign_body vectors)
  kUnsignedPayload,     // "UNSIGNED-PAYLOAD", sent and signed as x-amz-content-sha256
                        // (botocore for operations with payload signing off)
};

struct SigningParams {
  Credentials credentials;
  std::string region;    // "us-east-1"
  std::string service;   // the scope's service: "iot", "iot-jobs-data", "execute-api"
  EpochMillis time = 0;  // the request time; sub-second part dropped
  PayloadSigning payload = PayloadSigning::kHashBody;
  // false: X-Amz-Security-Token is added after signing and so left out of the signature
  // (the suite's post-sts-header-after; AWS IoT's MQTT-over-WebSocket URLs).
  bool sign_session_token = true;
  CanonicalOptions canonical;
};

// An ordered list of owned (name, value) headers.
using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct SignedRequest {
  // Sign: the headers to add, in this order: X-Amz-Security-Token (when there is a token),
  // X-Amz-Date, x-amz-content-sha256 (unless kHashBody), Authorization. Each replaces any
  // header of the same name in the request. Presign: empty.
  HeaderList headers;
  // Presign: the new request target, "<path>?<query>&X-Amz-Algorithm=...&X-Amz-Signature=..."
  // Sign: empty.
  std::string target;
  // The intermediate strings, for tests and the CLI's --debug (botocore logs the same).
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;
};

// The header names Sign never signs: botocore's SIGNED_HEADERS_BLACKLIST (hop-by-hop headers
// a proxy may change, and User-Agent / X-Amzn-Trace-Id which SDK layers add late), plus
// "authorization", which botocore removes before signing. Lower-case.
bool IsUnsignableHeader(std::string_view lower_name);

// Signs `request` with an Authorization header. Signed: every header of the request except
// the unsignable ones (IsUnsignableHeader) and those this call sets, plus x-amz-date,
// x-amz-security-token (when signed), x-amz-content-sha256 (when sent); sorted, lower-case.
// REQUIRES: the request has a Host header (as it will be sent: "host:port" for a non-default
// port, as botocore does). Fails with kInvalidRequest when it has none, with
// kInvalidSignature on a malformed %-escape in the query.
Result<SignedRequest> Sign(const HttpRequestView& request, const SigningParams& params);

// Presigns `request`: the same signature, carried in the query (X-Amz-Algorithm,
// X-Amz-Credential, X-Amz-Date, X-Amz-SignedHeaders, X-Amz-Expires, X-Amz-Security-Token,
// X-Amz-Signature, in the published suite's order) after the request's own query. The
// payload hash is as for Sign, except that kHashBodyWithHeader sends no header. Headers are
// chosen as by Sign. REQUIRES: 1 <= expires_seconds <= 604800 and a Host header. Fails as Sign.
Result<SignedRequest> Presign(const HttpRequestView& request, const SigningParams& params,
                              int64_t expires_seconds);

}  // namespace iotjobs::auth
