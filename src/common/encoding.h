#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace iotjobs {

// RFC 4648 base64 with padding. Decode returns nullopt on any malformed input.
std::string Base64Encode(std::string_view bytes);
std::optional<std::string> Base64Decode(std::string_view text);

// Lower-case hex of bytes.
std::string HexEncode(std::string_view bytes);

// RFC 3986 percent-decoding of a path segment or query component. `plus_is_space` applies
// the form-encoding rule for query strings. nullopt on a malformed escape.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Percent-encodes everything but RFC 3986 unreserved characters (A-Z a-z 0-9 - _ . ~), as
// SigV4 and the AWS SDKs do; `keep_slash` leaves '/' alone (for whole paths).
std::string PercentEncode(std::string_view text, bool keep_slash = false);

// `bytes` as well-formed UTF-8: each ill-formed sequence replaced by U+FFFD (the Unicode
// "maximal subpart" rule), everything else as it was. ASCII bytes are never part of an
// ill-formed sequence, so repairing a JSON text keeps it JSON. For every byte that goes into
// an answer: a client that decodes the body as UTF-8 (boto3 does) must not fail on it.
std::string ToValidUtf8(std::string_view bytes);
bool IsValidUtf8(std::string_view bytes);

// How many characters (code points) the UTF-8 text `s` holds: the length the models' `min`
// and `max` of a string bound.
size_t CodePoints(std::string_view s);

}  // namespace iotjobs
