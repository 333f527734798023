#include "auth/authorization.h"

#include <array>

#include "auth/canonical_request.h"
#include "auth/error_messages.h"
#include "common/encoding.h"

namespace iotjobs::auth {
namespace {

Status Invalid(std::string_view message) {
  return Status(ErrorCode::kInvalidSignature, std::string(message));
}

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// Splits `credential` into exactly 5 '/'-separated parts; false when there are more or fewer.
bool SplitCredential(std::string_view credential, std::array<std::string_view, 5>& parts) {
  size_t count = 0;
  size_t start = 0;
  while (true) {
    size_t slash = credential.find('/', start);
    if (count == parts.size()) return false;
    if (slash == std::string_view::npos) {
      parts[count++] = credential.substr(start);
      return count == parts.size();
    }
    parts[count++] = credential.substr(start, slash - start);
    start = slash + 1;
  }
}

bool IsEightDigits(std::string_view s) {
  if (s.size() != 8) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// Printable ASCII other than the space (bytes >= 0x80 are refused too).
bool IsVisibleAscii(char c) { return c > ' ' && c < '\x7f'; }

// A header name as HTTP allows it: visible ASCII other than separators we would trip on.
bool IsHeaderName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (!IsVisibleAscii(c) || c == ';' || c == ',' || c == '=' || c == ':') return false;
  }
  return true;
}

Status ParseSignedHeaders(std::string_view list, std::vector<std::string>& out) {
  out.clear();
  size_t start = 0;
  while (true) {
    size_t semi = list.find(';', start);
    std::string_view name =
        list.substr(start, semi == std::string_view::npos ? semi : semi - start);
    if (!IsHeaderName(name)) return Invalid(msg::kMalformedSignedHeaders);
    out.emplace_back(name);
    if (semi == std::string_view::npos) return Status::Ok();
    start = semi + 1;
  }
}

// Calls `fn(name, value)` for each non-empty '&'-separated pair of a raw query, raw (still
// encoded); a pair without '=' has an empty value. Stops early when fn returns false.
template <typename Fn>
void ForEachQueryPair(std::string_view raw_query, Fn fn) {
  size_t start = 0;
  while (start < raw_query.size()) {
    size_t end = raw_query.find('&', start);
    if (end == std::string_view::npos) end = raw_query.size();
    std::string_view pair = raw_query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    if (!fn(pair.substr(0, eq), eq == std::string_view::npos ? "" : pair.substr(eq + 1))) return;
  }
}

}  // namespace

Status ParseCredential(std::string_view credential, SigV4Authorization& out) {
  // Visible ASCII only: SigningServiceOf stops at a blank, and no access key, region or
  // service has anything else.
  for (char c : credential) {
    if (!IsVisibleAscii(c)) return Invalid(msg::kMalformedCredential);
  }
  std::array<std::string_view, 5> parts;
  if (!SplitCredential(credential, parts) || parts[0].empty() || !IsEightDigits(parts[1]) ||
      parts[2].empty() || parts[3].empty() || parts[4] != kTerminator) {
    return Invalid(msg::kMalformedCredential);
  }
  out.access_key_id = parts[0];
  out.date = parts[1];
  out.region = parts[2];
  out.service = parts[3];
  return Status::Ok();
}

Result<SigV4Authorization> ParseAuthorizationHeader(std::string_view value) {
  value = Trim(value);
  size_t space = 0;
  while (space < value.size() && !IsBlank(value[space])) ++space;
  if (value.substr(0, space) != kAlgorithm) return Invalid(msg::kUnsupportedAlgorithm);

  std::optional<std::string_view> credential, signed_headers, signature;
  std::string_view rest = value.substr(space);
  size_t start = 0;
  while (start < rest.size()) {
    size_t comma = rest.find(',', start);
    if (comma == std::string_view::npos) comma = rest.size();
    std::string_view param = Trim(rest.substr(start, comma - start));
    start = comma + 1;
    if (param.empty()) continue;  // "a=1,,b=2" and a trailing comma are tolerated
    size_t eq = param.find('=');
    if (eq == std::string_view::npos) return Invalid(msg::kMissingEqualSign);
    std::string_view key = param.substr(0, eq);  // "Credential =" is an unknown key
    std::string_view val = Trim(param.substr(eq + 1));
    std::optional<std::string_view>* slot = key == "Credential"      ? &credential
                                            : key == "SignedHeaders" ? &signed_headers
                                            : key == "Signature"     ? &signature
                                                                     : nullptr;
    if (slot == nullptr) return Invalid(msg::kUnknownParameter);
    if (slot->has_value()) return Invalid(msg::kDuplicateParameter);
    *slot = val;
  }

  // AWS lists every missing parameter in one message.
  std::string missing;
  auto require = [&missing](bool present, std::string_view text) {
    if (present) return;
    if (!missing.empty()) missing += ' ';
    missing += text;
  };
  require(credential.has_value(), msg::kRequiresCredential);
  require(signature.has_value() && !signature->empty(), msg::kRequiresSignature);
  require(signed_headers.has_value(), msg::kRequiresSignedHeaders);
  if (!missing.empty()) return Status(ErrorCode::kInvalidSignature, std::move(missing));

  SigV4Authorization out;
  IOTJOBS_RETURN_IF_ERROR(ParseCredential(*credential, out));
  IOTJOBS_RETURN_IF_ERROR(ParseSignedHeaders(*signed_headers, out.signed_headers));
  out.signature = *signature;
  return out;
}

bool HasPresignedQuery(std::string_view raw_query) {
  bool found = false;
  ForEachQueryPair(raw_query, [&found](std::string_view name, std::string_view) {
    found = name == "X-Amz-Algorithm" || name == "X-Amz-Signature";
    return !found;
  });
  return found;
}

Result<PresignedQuery> ParsePresignedQuery(std::string_view raw_query) {
  enum Field { kAlgorithmField, kCredential, kDate, kSignedHeaders, kSignature, kExpires, kToken };
  static constexpr std::array<std::string_view, 7> kNames = {
      "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date",          "X-Amz-SignedHeaders",
      "X-Amz-Signature", "X-Amz-Expires",    "X-Amz-Security-Token"};
  std::array<std::optional<std::string>, 7> fields;
  Status status;
  ForEachQueryPair(raw_query, [&](std::string_view raw_name, std::string_view raw_value) {
    auto name = PercentDecode(raw_name, /*plus_is_space=*/false);
    auto value = PercentDecode(raw_value, /*plus_is_space=*/false);
    if (!name || !value) {
      status = Invalid(msg::kMalformedQuery);
      return false;
    }
    for (size_t i = 0; i < kNames.size(); ++i) {
      if (*name != kNames[i]) continue;
      if (fields[i].has_value()) {
        status = Invalid(msg::kDuplicateParameter);
        return false;
      }
      fields[i] = std::move(*value);
    }
    return true;
  });
  IOTJOBS_RETURN_IF_ERROR(status);
  for (int i : {kAlgorithmField, kCredential, kDate, kSignedHeaders, kSignature, kExpires}) {
    if (!fields[i].has_value() || fields[i]->empty()) return Invalid(msg::kPresignedRequires);
  }
  if (*fields[kAlgorithmField] != kAlgorithm) return Invalid(msg::kUnsupportedAlgorithm);

  PresignedQuery out;
  IOTJOBS_RETURN_IF_ERROR(ParseCredential(*fields[kCredential], out.authorization));
  IOTJOBS_RETURN_IF_ERROR(
      ParseSignedHeaders(*fields[kSignedHeaders], out.authorization.signed_headers));
  out.authorization.signature = std::move(*fields[kSignature]);
  out.amz_date = std::move(*fields[kDate]);
  const std::string& expires = *fields[kExpires];
  if (expires.size() > 6) return Invalid(msg::kBadExpires);
  for (char c : expires) {
    if (c < '0' || c > '9') return Invalid(msg::kBadExpires);
    out.expires_seconds = out.expires_seconds * 10 + (c - '0');
  }
  if (out.expires_seconds < 1 || out.expires_seconds > 604800) return Invalid(msg::kBadExpires);
  out.security_token = std::move(fields[kToken]);
  return out;
}

std::optional<std::string_view> SigningServiceOf(std::string_view authorization_header) {
  static constexpr std::string_view kKey = "Credential=";
  size_t at = authorization_header.find(kKey);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view credential = authorization_header.substr(at + kKey.size());
  while (!credential.empty() && IsBlank(credential.front())) credential.remove_prefix(1);
  size_t end = 0;
  while (end < credential.size() && credential[end] != ',' && !IsBlank(credential[end])) ++end;
  std::array<std::string_view, 5> parts;
  if (!SplitCredential(credential.substr(0, end), parts) || parts[3].empty() ||
      parts[4] != kTerminator) {
    return std::nullopt;
  }
  return parts[3];
}

}  // namespace iotjobs::auth
