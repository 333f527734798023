#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "auth/canonical_request.h"
#include "auth/http_request.h"
#include "auth/signing_key_cache.h"
#include "common/clock.h"
#include "common/result.h"

// Checks SigV4-signed requests (Authorization header or presigned query) for the server, and
// answers the failures with AWS's error codes and messages (auth/error_messages.h).
namespace iotjobs::auth {

// What the server knows about an access key.
struct Secret {
  std::string secret_access_key;
  // Non-empty: temporary credentials; the request must carry this exact
  // X-Amz-Security-Token. Empty: long-term keys; a request carrying a token is refused.
  std::string session_token;
};

// Looks an access key up; nullopt when unknown. Called once per verified request from any
// thread, so it must be thread-safe.
using SecretLookup = std::function<std::optional<Secret>(std::string_view access_key_id)>;

struct VerifierOptions {
  std::string region = "us-east-1";  // the one region a credential scope may name
  // The services a credential scope may name (the first is the one AWS's error names), e.g.
  // {"iot", "execute-api", "iot-jobs-data"}. REQUIRES: non-empty.
  std::vector<std::string> services;
  CanonicalOptions canonical;
  // How far X-Amz-Date may be from the server's clock, either way (AWS: 5 minutes).
  EpochMillis max_clock_skew_millis = 5 * 60 * 1000;
  size_t signing_key_cache_capacity = 256;
};

// Who signed an accepted request.
struct VerifiedRequest {
  std::string access_key_id;
  std::string service;  // the scope's service: tells the control plane from the device plane
  bool presigned = false;
};

class Verifier {
 public:
  Verifier(VerifierOptions options, SecretLookup lookup);
  Verifier(const Verifier&) = delete;
  Verifier& operator=(const Verifier&) = delete;

  // Verifies `request` as received at `now`. Checks, in order, with the failure for each:
  //  - no Authorization header and no presigned query: kMissingAuthenticationToken;
  //    both at once: kInvalidSignature;
  //  - malformed Authorization or X-Amz-* parameters, no X-Amz-Date/Date, a scope whose date
  //    is not the request's, region not options.region, service not in options.services,
  //    'host' not signed: kInvalidSignature with AWS's message;
  //  - request time more than max_clock_skew_millis from `now` (presigned: now before
  //    X-Amz-Date - skew, or after X-Amz-Date + X-Amz-Expires): kInvalidSignature,
  //    "Signature expired: ..." / "Signature not yet current: ..." / "Request has expired";
  //  - unknown access key, or session token not the one expected: kUnrecognizedClient;
  //  - x-amz-content-sha256 neither UNSIGNED-PAYLOAD nor the body's hash: kInvalidSignature;
  //  - signature not the one computed (compared in constant time): kInvalidSignature.
  // A presigned URL may also have been signed over UNSIGNED-PAYLOAD (S3-style) or without its
  // X-Amz-Security-Token (appended after signing, as AWS IoT's WebSocket URLs are made); those
  // variants are tried when the first computation does not match.
  // Thread-safe; `request` is only read during the call.
  Result<VerifiedRequest> Verify(const HttpRequestView& request, EpochMillis now) const;

 private:
  const VerifierOptions options_;
  const SecretLookup lookup_;
  mutable SigningKeyCache keys_;
};

}  // namespace iotjobs::auth
