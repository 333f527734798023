#include "auth/canonical_request.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "auth/crypto.h"
#include "auth/error_messages.h"
#include "common/encoding.h"

namespace iotjobs::auth {
namespace {

// The ASCII characters Python's str.split() treats as whitespace: botocore's Trimall is
// ' '.join(value.split()).
bool IsPythonSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
         (c >= '\x1c' && c <= '\x1f');
}

}  // namespace

std::string NormalizePath(std::string_view path) {
  if (path.empty()) return "/";
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view segment = path.substr(start, end - start);
    if (segment == "..") {
      if (!segments.empty()) segments.pop_back();
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
    start = end + 1;
  }
  std::string out;
  out.reserve(path.size());
  if (path.front() == '/') out += '/';
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i > 0) out += '/';
    out += segments[i];
  }
  // botocore keeps a trailing '/' only when a segment is left ("/./" -> "/", not "//").
  if (path.back() == '/' && !segments.empty()) out += '/';
  if (out.empty()) out.push_back('/');  // "." or "..": botocore would sign "", no one sends it
  return out;
}

std::string CanonicalUri(std::string_view path, const CanonicalOptions& options) {
  std::string uri = options.normalize_path ? NormalizePath(path)
                    : path.empty()         ? std::string(1, '/')
                                           : std::string(path);
  // The second encoding is what makes "%24next" sign as "%2524next" (botocore quotes the
  // already-encoded path with safe='/~').
  return options.double_encode_path ? PercentEncode(uri, /*keep_slash=*/true) : uri;
}

Result<std::string> CanonicalQueryString(std::string_view raw_query,
                                         std::span<const std::string_view> omit_names) {
  std::vector<std::pair<std::string, std::string>> pairs;
  size_t start = 0;
  while (start < raw_query.size()) {
    size_t end = raw_query.find('&', start);
    if (end == std::string_view::npos) end = raw_query.size();
    std::string_view pair = raw_query.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view raw_name = pair.substr(0, eq);
    std::string_view raw_value = eq == std::string_view::npos ? "" : pair.substr(eq + 1);
    auto name = PercentDecode(raw_name, /*plus_is_space=*/false);
    auto value = PercentDecode(raw_value, /*plus_is_space=*/false);
    if (!name || !value)
      return Status(ErrorCode::kInvalidSignature, std::string(msg::kMalformedQuery));
    if (std::find(omit_names.begin(), omit_names.end(), *name) != omit_names.end()) continue;
    pairs.emplace_back(PercentEncode(*name), PercentEncode(*value));
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const auto& [name, value] : pairs) {
    if (!out.empty()) out += '&';
    out += name;
    out += '=';
    out += value;
  }
  return out;
}

std::string TrimAll(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  bool pending_space = false;
  for (char c : value) {
    if (IsPythonSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out += c;
  }
  return out;
}

Result<std::string> CanonicalHeaders(const HttpRequestView& request,
                                     std::span<const std::string> signed_headers) {
  std::string out;
  for (const std::string& name : signed_headers) {
    out += name;
    out += ':';
    bool found = false;
    for (const auto& [header_name, value] : request.headers) {
      if (!EqualsIgnoreCase(header_name, name)) continue;
      if (found) out += ',';
      out += TrimAll(value);
      found = true;
    }
    // A listed header that is absent cannot have been signed as sent; AWS answers such a
    // request with the signature mismatch (verifier_test.cc: MissingSignedHeader).
    if (!found) return Status(ErrorCode::kInvalidSignature, std::string(msg::kSignatureMismatch));
    out += '\n';
  }
  return out;
}

std::string JoinSignedHeaders(std::span<const std::string> signed_headers) {
  std::string out;
  for (const std::string& name : signed_headers) {
    if (!out.empty()) out += ';';
    out += name;
  }
  return out;
}

Result<std::string> CanonicalRequest(const HttpRequestView& request,
                                     std::span<const std::string> signed_headers,
                                     std::string_view payload_hash, const CanonicalOptions& options,
                                     std::span<const std::string_view> omit_query_names) {
  IOTJOBS_ASSIGN_OR_RETURN(std::string query,
                           CanonicalQueryString(TargetQuery(request.target), omit_query_names));
  IOTJOBS_ASSIGN_OR_RETURN(std::string headers, CanonicalHeaders(request, signed_headers));
  std::string out;
  out.reserve(256 + request.target.size() + headers.size());
  out += request.method;
  out += '\n';
  out += CanonicalUri(TargetPath(request.target), options);
  out += '\n';
  out += query;
  out += '\n';
  out += headers;
  out += '\n';
  out += JoinSignedHeaders(signed_headers);
  out += '\n';
  out += payload_hash;
  return out;
}

std::string CredentialScope(std::string_view date, std::string_view region,
                            std::string_view service) {
  std::string out;
  out.reserve(date.size() + region.size() + service.size() + kTerminator.size() + 3);
  out += date;
  out += '/';
  out += region;
  out += '/';
  out += service;
  out += '/';
  out += kTerminator;
  return out;
}

std::string StringToSign(std::string_view amz_date, std::string_view scope,
                         std::string_view canonical_request) {
  std::string out(kAlgorithm);
  out += '\n';
  out += amz_date;
  out += '\n';
  out += scope;
  out += '\n';
  out += Sha256Hex(canonical_request);
  return out;
}

std::string DeriveSigningKey(std::string_view secret_access_key, std::string_view date,
                             std::string_view region, std::string_view service) {
  std::string k_secret = "AWS4";
  k_secret += secret_access_key;
  std::string k_date = HmacSha256(k_secret, date);
  std::string k_region = HmacSha256(k_date, region);
  std::string k_service = HmacSha256(k_region, service);
  return HmacSha256(k_service, kTerminator);
}

std::string SignatureHex(std::string_view signing_key, std::string_view string_to_sign) {
  return HexEncode(HmacSha256(signing_key, string_to_sign));
}

}  // namespace iotjobs::auth
