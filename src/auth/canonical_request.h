#pragma once

#include <span>
#include <string>
#include <string_view>

#include "auth/http_request.h"
#include "common/result.h"

// The SigV4 canonical request, string to sign and signing key, shared by the signer and the
// verifier so both compute the same bytes. The rules are botocore's SigV4Auth for services
// other than S3 (botocore/auth.py: canonical_request, _normalize_url_path,
// canonical_query_string, canonical_headers), which the AWS CLI v1/v2, boto3 and the JS SDK
// v3 (@smithy/signature-v4) all follow. tests/unit/auth/signer_test.cc pins them against
// the published suite (tests/testdata/sigv4-test-suite) and against botocore's own output
// (tests/testdata/sigv4-botocore). All functions are pure and thread-safe.
namespace iotjobs::auth {

inline constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
inline constexpr std::string_view kTerminator = "aws4_request";
// The payload hash a client sends in x-amz-content-sha256 when it does not hash the body.
inline constexpr std::string_view kUnsignedPayload = "UNSIGNED-PAYLOAD";

// How the request path becomes the canonical URI. The defaults are every AWS service but S3
// (botocore, the JS SDK, the published suite); {false, false} is S3.
struct CanonicalOptions {
  // Percent-encode the path as sent (already encoded once) a second time, leaving '/' alone:
  // "/things/t1/jobs/%24next" -> "/things/t1/jobs/%2524next". false: the path as sent.
  bool double_encode_path = true;
  // Remove "." and ".." segments and empty segments ("//") first, as botocore's
  // remove_dot_segments does. The suite's "*-unnormalized" vectors turn it off.
  bool normalize_path = true;
};

// botocore's remove_dot_segments: RFC 3986 5.2.4 plus the removal of empty segments, keeping a
// leading and (when anything is left) a trailing '/'. Works on the encoded path, so "%2E%2E"
// is an ordinary segment. "", "." and ".." give "/" (botocore gives "" for the last two, which
// no client sends).
std::string NormalizePath(std::string_view path);

// The canonical URI of `path` (a target's path part, still percent-encoded). Never fails.
std::string CanonicalUri(std::string_view path, const CanonicalOptions& options);

// The canonical query string of a raw query (the part after '?', without it): each
// name=value pair percent-decoded and re-encoded with only RFC 3986 unreserved characters
// left bare, then sorted by name and then value. A pair without '=' counts as "name=", empty
// pairs ("a=1&&b=2") are skipped, pairs whose decoded name is in `omit_names` are left out
// (X-Amz-Signature when verifying a presigned URL). '+' is a literal '+', not a space.
// For what botocore sends this is exactly botocore's own rule. Fails (kInvalidSignature)
// on a malformed %-escape.
Result<std::string> CanonicalQueryString(std::string_view raw_query,
                                         std::span<const std::string_view> omit_names = {});

// SigV4's Trimall: drops leading and trailing whitespace and collapses each inner run to one
// space, as botocore's ' '.join(value.split()) does for ASCII whitespace (which includes the
// newlines of obsolete line folding).
std::string TrimAll(std::string_view value);

// "name:value\n" for each of `signed_headers` in the given order, where value is every
// request header of that name (any case) trimmed and joined with ','. Names are written as
// given (SigV4 wants them lower-case and sorted; the signer makes them so, and the verifier
// uses what the client listed). Fails (kInvalidSignature) when a name has no header.
Result<std::string> CanonicalHeaders(const HttpRequestView& request,
                                     std::span<const std::string> signed_headers);

// "host;x-amz-date": the names joined with ';'.
std::string JoinSignedHeaders(std::span<const std::string> signed_headers);

// The whole canonical request: method, canonical URI, canonical query, canonical headers, a
// blank line, signed headers and `payload_hash`, joined with '\n'. Fails as
// CanonicalQueryString and CanonicalHeaders do.
Result<std::string> CanonicalRequest(const HttpRequestView& request,
                                     std::span<const std::string> signed_headers,
                                     std::string_view payload_hash, const CanonicalOptions& options,
                                     std::span<const std::string_view> omit_query_names = {});

// "20150830/us-east-1/iot/aws4_request". REQUIRES: `date` is YYYYMMDD.
std::string CredentialScope(std::string_view date, std::string_view region,
                            std::string_view service);

// "AWS4-HMAC-SHA256\n<amz_date>\n<scope>\n<hex sha256 of canonical_request>".
std::string StringToSign(std::string_view amz_date, std::string_view scope,
                         std::string_view canonical_request);

// The 32-byte key HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service),
// "aws4_request"). Four HMACs: the verifier caches it (signing_key_cache.h).
std::string DeriveSigningKey(std::string_view secret_access_key, std::string_view date,
                             std::string_view region, std::string_view service);

// Lower-case hex HMAC of the string to sign under the signing key: the signature.
std::string SignatureHex(std::string_view signing_key, std::string_view string_to_sign);

}  // namespace iotjobs::auth
