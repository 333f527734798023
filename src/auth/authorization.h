#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

// Parsers for the two places a SigV4 signature travels: the Authorization header and the
// query of a presigned URL. They read untrusted bytes (and are fuzzed): any input either
// parses or yields a failed Status, with no crash, no exception and work linear in its size.
// All functions are pure and thread-safe.
namespace iotjobs::auth {

// What an "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/iot/aws4_request,
// SignedHeaders=host;x-amz-date, Signature=<hex>" header (or a presigned query) carries.
struct SigV4Authorization {
  std::string access_key_id;
  std::string date;     // the scope's YYYYMMDD (8 digits, checked)
  std::string region;   // non-empty
  std::string service;  // non-empty
  // Names as the client listed them (SigV4 wants lower-case and sorted; not enforced here,
  // since the canonical request reuses the list as given). Non-empty, no empty name.
  std::vector<std::string> signed_headers;
  std::string signature;  // as sent; compared, not validated, by the verifier
};

// Parses an Authorization header value. Parameters may be separated by "," or ", " and may
// come in any order; each of Credential, SignedHeaders and Signature must appear exactly once.
// Fails with kInvalidSignature (AWS's IncompleteSignatureException cases) on any other
// algorithm, a missing or repeated parameter, a pair without '=', an unknown parameter, a
// credential that is not 5 '/'-separated parts ending in aws4_request, or an empty name in
// SignedHeaders.
Result<SigV4Authorization> ParseAuthorizationHeader(std::string_view value);

// Parses a credential "AKID/20150830/us-east-1/iot/aws4_request" into the first four fields
// of `out`. Fails with kInvalidSignature as ParseAuthorizationHeader does.
Status ParseCredential(std::string_view credential, SigV4Authorization& out);

// The query-string form (a presigned URL).
struct PresignedQuery {
  SigV4Authorization authorization;
  std::string amz_date;                       // X-Amz-Date, not yet validated
  int64_t expires_seconds = 0;                // X-Amz-Expires, 1..604800
  std::optional<std::string> security_token;  // X-Amz-Security-Token, decoded
};

// True when the raw query (after '?') carries an X-Amz-Algorithm or X-Amz-Signature
// parameter: the request claims presigned authentication. Cheap; allocates nothing.
bool HasPresignedQuery(std::string_view raw_query);

// Parses the X-Amz-* parameters of a raw query (values percent-decoded, '+' kept as '+').
// Fails with kInvalidSignature when X-Amz-Algorithm is not AWS4-HMAC-SHA256, when one of
// X-Amz-Algorithm, -Credential, -Date, -SignedHeaders, -Signature, -Expires is missing or
// repeated, on a malformed %-escape, a bad credential or signed-header list, or an
// X-Amz-Expires outside 1..604800.
Result<PresignedQuery> ParsePresignedQuery(std::string_view raw_query);

// The service of an Authorization header's credential scope ("iot", "execute-api",
// "iot-jobs-data"), without a full parse or any allocation: what the server reads on every
// request to pick the control or the device plane. The view points into
// `authorization_header`. nullopt when there is no well-formed 5-part Credential.
std::optional<std::string_view> SigningServiceOf(std::string_view authorization_header);

}  // namespace iotjobs::auth
