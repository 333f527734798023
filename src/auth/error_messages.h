#pragma once

#include <string_view>

// Every client-visible message of src/auth/, in AWS's wording where AWS has one (taken from
// the answers of the AWS IoT and API Gateway endpoints), so `aws` prints what it would print
// against AWS. Messages that carry a value are built where they are used, from the prefixes
// here.
namespace iotjobs::auth::msg {

// ErrorCode::kMissingAuthenticationToken: neither an Authorization header nor a presigned query.
inline constexpr std::string_view kMissingAuthenticationToken = "Missing Authentication Token";

// ErrorCode::kUnrecognizedClient: unknown access key, or a session token that does not match.
inline constexpr std::string_view kInvalidSecurityToken =
    "The security token included in the request is invalid.";

// ErrorCode::kInvalidSignature, the signature itself is wrong.
inline constexpr std::string_view kSignatureMismatch =
    "The request signature we calculated does not match the signature you provided. Check your "
    "AWS Secret Access Key and signing method. Consult the service documentation for details.";

// ErrorCode::kInvalidSignature: malformed or incomplete authentication data (AWS answers these
// with IncompleteSignatureException).
inline constexpr std::string_view kRequiresCredential =
    "Authorization header requires 'Credential' parameter.";
inline constexpr std::string_view kRequiresSignature =
    "Authorization header requires 'Signature' parameter.";
inline constexpr std::string_view kRequiresSignedHeaders =
    "Authorization header requires 'SignedHeaders' parameter.";
inline constexpr std::string_view kRequiresDate =
    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.";
inline constexpr std::string_view kUnsupportedAlgorithm =
    "Unsupported Authorization algorithm: only 'AWS4-HMAC-SHA256' is accepted.";
inline constexpr std::string_view kMissingEqualSign =
    "Invalid key=value pair (missing equal-sign) in Authorization header.";
inline constexpr std::string_view kDuplicateParameter =
    "Authorization header has a parameter more than once.";
inline constexpr std::string_view kUnknownParameter =
    "Authorization header has an unknown parameter.";
inline constexpr std::string_view kMalformedCredential =
    "Credential must have exactly 5 slash-separated parts: "
    "<access key>/<YYYYMMDD>/<region>/<service>/aws4_request.";
inline constexpr std::string_view kMalformedSignedHeaders =
    "SignedHeaders must be a non-empty, ';'-separated list of header names.";
inline constexpr std::string_view kHostNotSigned =
    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.";
inline constexpr std::string_view kBadAmzDate =
    "X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\".";
inline constexpr std::string_view kBadHttpDate =
    "Date must be in the RFC 7231 format \"EEE, dd MMM yyyy HH:mm:ss 'GMT'\".";
inline constexpr std::string_view kOnlyOneAuthMechanism =
    "Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query "
    "string parameter or the Authorization header should be specified";
inline constexpr std::string_view kPresignedRequires =
    "AWS query-string parameters must include 'X-Amz-Algorithm', 'X-Amz-Credential', "
    "'X-Amz-Signature', 'X-Amz-Date', 'X-Amz-SignedHeaders' and 'X-Amz-Expires'.";
inline constexpr std::string_view kBadExpires =
    "X-Amz-Expires must be a whole number of seconds from 1 to 604800 (one week).";
inline constexpr std::string_view kRequestExpired = "Request has expired";
inline constexpr std::string_view kMalformedQuery =
    "The query string has a malformed percent-encoding.";
inline constexpr std::string_view kContentSha256Mismatch =
    "The provided 'x-amz-content-sha256' header does not match what was computed.";
// Followed by the expected region or service; AWS ends these with ". ".
inline constexpr std::string_view kWrongRegion = "Credential should be scoped to a valid region. ";
inline constexpr std::string_view kWrongServicePrefix =
    "Credential should be scoped to correct service: ";
// Followed by "'<scope date>' != '<date>', from '<X-Amz-Date>'.".
inline constexpr std::string_view kScopeDateMismatchPrefix =
    "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: ";
// "Signature expired: <date> is now earlier than <now - 5 min> (<now> - 5 min.)".
inline constexpr std::string_view kSignatureExpiredPrefix = "Signature expired: ";
// "Signature not yet current: <date> is still later than <now + 5 min> (<now> + 5 min.)".
inline constexpr std::string_view kSignatureNotYetCurrentPrefix = "Signature not yet current: ";

}  // namespace iotjobs::auth::msg
