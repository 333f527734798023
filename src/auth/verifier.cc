#include "auth/verifier.h"

#include <algorithm>
#include <cassert>
#include <utility>

#include "auth/amz_date.h"
#include "auth/authorization.h"
#include "auth/crypto.h"
#include "auth/error_messages.h"

namespace iotjobs::auth {
namespace {

// What a request says about itself, from either form.
struct Claim {
  SigV4Authorization auth;
  std::string amz_date;  // the request time as the string to sign has it
  EpochMillis time = 0;
  bool presigned = false;
  int64_t expires_seconds = 0;
  std::optional<std::string> security_token;
};

Status Invalid(std::string message) {
  return Status(ErrorCode::kInvalidSignature, std::move(message));
}

Status UnrecognizedClient() {
  return Status(ErrorCode::kUnrecognizedClient, std::string(msg::kInvalidSecurityToken));
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

Result<Claim> ClaimFromHeader(const HttpRequestView& request, std::string_view header) {
  Claim claim;
  IOTJOBS_ASSIGN_OR_RETURN(claim.auth, ParseAuthorizationHeader(header));
  // AWS prefers X-Amz-Date and falls back to Date, as botocore's signer writes one or the
  // other (_set_necessary_date_headers).
  if (auto amz_date = FindHeader(request, "x-amz-date")) {
    auto time = ParseAmzDate(Trim(*amz_date));
    if (!time) return Invalid(std::string(msg::kBadAmzDate));
    claim.time = *time;
  } else if (auto date = FindHeader(request, "date")) {
    auto time = ParseHttpDate(Trim(*date));
    if (!time) return Invalid(std::string(msg::kBadHttpDate));
    claim.time = *time;
  } else {
    return Invalid(std::string(msg::kRequiresDate));
  }
  claim.amz_date = FormatAmzDate(claim.time);
  if (auto token = FindHeader(request, "x-amz-security-token")) {
    claim.security_token = std::string(Trim(*token));
  }
  return claim;
}

Result<Claim> ClaimFromQuery(std::string_view query) {
  Claim claim;
  IOTJOBS_ASSIGN_OR_RETURN(PresignedQuery presigned, ParsePresignedQuery(query));
  auto time = ParseAmzDate(presigned.amz_date);
  if (!time) return Invalid(std::string(msg::kBadAmzDate));
  claim.auth = std::move(presigned.authorization);
  claim.time = *time;
  claim.amz_date = std::move(presigned.amz_date);
  claim.presigned = true;
  claim.expires_seconds = presigned.expires_seconds;
  claim.security_token = std::move(presigned.security_token);
  return claim;
}

Status CheckScope(const VerifierOptions& options, const Claim& claim, EpochMillis now) {
  const SigV4Authorization& auth = claim.auth;
  if (auth.region != options.region) return Invalid(std::string(msg::kWrongRegion));
  if (std::find(options.services.begin(), options.services.end(), auth.service) ==
      options.services.end()) {
    return Invalid(std::string(msg::kWrongServicePrefix) + "'" + options.services.front() + "'. ");
  }
  if (auth.date != std::string_view(claim.amz_date).substr(0, 8)) {
    return Invalid(std::string(msg::kScopeDateMismatchPrefix) + "'" + auth.date + "' != '" +
                   claim.amz_date.substr(0, 8) + "', from '" + claim.amz_date + "'.");
  }
  const EpochMillis skew = options.max_clock_skew_millis;
  const std::string minutes = std::to_string(skew / 60000) + " min.)";
  // AWS's wording, e.g. "Signature expired: 20150830T123600Z is now earlier than
  // 20150830T124100Z (20150830T124600Z - 5 min.)" (verifier_test.cc: ExpiredMessage).
  if (claim.time > now + skew) {
    return Invalid(std::string(msg::kSignatureNotYetCurrentPrefix) + claim.amz_date +
                   " is still later than " + FormatAmzDate(now + skew) + " (" + FormatAmzDate(now) +
                   " + " + minutes);
  }
  if (claim.presigned) {
    if (now > claim.time + claim.expires_seconds * 1000) {
      return Invalid(std::string(msg::kRequestExpired));
    }
  } else if (claim.time < now - skew) {
    return Invalid(std::string(msg::kSignatureExpiredPrefix) + claim.amz_date +
                   " is now earlier than " + FormatAmzDate(now - skew) + " (" + FormatAmzDate(now) +
                   " - " + minutes);
  }
  return Status::Ok();
}

}  // namespace

Verifier::Verifier(VerifierOptions options, SecretLookup lookup)
    : options_(std::move(options)),
      lookup_(std::move(lookup)),
      keys_(options_.signing_key_cache_capacity) {
  assert(!options_.services.empty());
}

Result<VerifiedRequest> Verifier::Verify(const HttpRequestView& request, EpochMillis now) const {
  std::optional<std::string_view> header = FindHeader(request, "authorization");
  if (header && Trim(*header).empty()) header.reset();
  const std::string_view query = TargetQuery(request.target);
  const bool presigned = HasPresignedQuery(query);
  if (!header && !presigned) {
    return Status(ErrorCode::kMissingAuthenticationToken,
                  std::string(msg::kMissingAuthenticationToken));
  }
  if (header && presigned) return Invalid(std::string(msg::kOnlyOneAuthMechanism));

  IOTJOBS_ASSIGN_OR_RETURN(Claim claim,
                           header ? ClaimFromHeader(request, *header) : ClaimFromQuery(query));
  const SigV4Authorization& auth = claim.auth;
  IOTJOBS_RETURN_IF_ERROR(CheckScope(options_, claim, now));
  if (std::none_of(auth.signed_headers.begin(), auth.signed_headers.end(),
                   [](const std::string& name) { return EqualsIgnoreCase(name, "host"); })) {
    return Invalid(std::string(msg::kHostNotSigned));
  }

  std::optional<Secret> secret = lookup_(auth.access_key_id);
  if (!secret) return UnrecognizedClient();
  if (secret->session_token.empty()
          ? claim.security_token.has_value()
          : !claim.security_token ||
                !ConstantTimeEquals(*claim.security_token, secret->session_token)) {
    return UnrecognizedClient();
  }

  // The payload line is the x-amz-content-sha256 value when sent (botocore's
  // canonical_request does the same); it is covered by the signature either way.
  std::string payload_hash;
  if (auto content_sha = FindHeader(request, "x-amz-content-sha256")) {
    payload_hash = Trim(*content_sha);
    if (payload_hash != kUnsignedPayload && payload_hash != Sha256Hex(request.body)) {
      return Invalid(std::string(msg::kContentSha256Mismatch));
    }
  } else {
    payload_hash = Sha256Hex(request.body);
  }

  const std::string scope = CredentialScope(auth.date, auth.region, auth.service);
  const std::string key =
      keys_.Get(secret->secret_access_key, auth.date, auth.region, auth.service);
  auto matches = [&](std::span<const std::string_view> omit) -> Result<bool> {
    // payload_hash is read at each call: the presigned variants below change it.
    IOTJOBS_ASSIGN_OR_RETURN(
        std::string canonical,
        CanonicalRequest(request, auth.signed_headers, payload_hash, options_.canonical, omit));
    std::string expected = SignatureHex(key, StringToSign(claim.amz_date, scope, canonical));
    return ConstantTimeEquals(expected, auth.signature);
  };
  if (!claim.presigned) {
    IOTJOBS_ASSIGN_OR_RETURN(bool ok, matches({}));
    if (!ok) return Invalid(std::string(msg::kSignatureMismatch));
    return VerifiedRequest{auth.access_key_id, auth.service, false};
  }
  // A presigned URL does not say how it was made, so the variants in use are tried, most
  // common first: botocore hashes the body and signs the token; S3-style URLs sign
  // UNSIGNED-PAYLOAD; AWS IoT's WebSocket URLs append the token after signing. Each variant
  // still needs the signer's key, so trying several widens nothing.
  static constexpr std::string_view kOmitSignature[] = {"X-Amz-Signature"};
  static constexpr std::string_view kOmitSignatureAndToken[] = {"X-Amz-Signature",
                                                                "X-Amz-Security-Token"};
  const std::span<const std::string_view> omit_lists[] = {kOmitSignature, kOmitSignatureAndToken};
  const std::string declared_hash = payload_hash;
  const bool may_be_unsigned = !FindHeader(request, "x-amz-content-sha256");
  bool ok = false;
  for (int omit_token = 0; omit_token < 2 && !ok; ++omit_token) {
    if (omit_token && !claim.security_token) break;
    for (int unsigned_payload = 0; unsigned_payload < 2 && !ok; ++unsigned_payload) {
      if (unsigned_payload && !may_be_unsigned) break;
      payload_hash = unsigned_payload ? std::string(kUnsignedPayload) : declared_hash;
      IOTJOBS_ASSIGN_OR_RETURN(ok, matches(omit_lists[omit_token]));
    }
  }
  if (!ok) return Invalid(std::string(msg::kSignatureMismatch));
  return VerifiedRequest{auth.access_key_id, auth.service, true};
}

}  // namespace iotjobs::auth
