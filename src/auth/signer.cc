#include "auth/signer.h"

#include <algorithm>
#include <array>

#include "auth/amz_date.h"
#include "auth/crypto.h"
#include "common/encoding.h"

namespace iotjobs::auth {
namespace {

// botocore/auth.py SIGNED_HEADERS_BLACKLIST (botocore 1.43; AWS CLI v2's copy lists only
// expect, user-agent and x-amzn-trace-id, which gives the same result for the headers an SDK
// sends) plus "authorization".
constexpr std::array<std::string_view, 12> kUnsignable = {"authorization",
                                                          "connection",
                                                          "expect",
                                                          "keep-alive",
                                                          "proxy-authenticate",
                                                          "proxy-authorization",
                                                          "te",
                                                          "trailer",
                                                          "transfer-encoding",
                                                          "upgrade",
                                                          "user-agent",
                                                          "x-amzn-trace-id"};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The request as it will be signed: the caller's headers without those the signer sets,
// followed by the signer's own (which `added` owns, so it must outlive the view).
struct SigningInput {
  HttpRequestView view;
  std::vector<std::string> signed_headers;  // sorted, unique, lower-case
};

SigningInput MakeSigningInput(const HttpRequestView& request, const HeaderList& added,
                              std::string_view unsigned_name) {
  SigningInput in{{request.method, request.target, {}, request.body}, {}};
  for (const auto& [name, value] : request.headers) {
    bool replaced = false;
    for (const auto& [added_name, added_value] : added) {
      replaced = replaced || EqualsIgnoreCase(name, added_name);
    }
    if (!replaced) in.view.headers.emplace_back(name, value);
  }
  for (const auto& [name, value] : added) in.view.headers.emplace_back(name, value);
  for (const auto& [name, value] : in.view.headers) {
    std::string lower = Lower(name);
    if (IsUnsignableHeader(lower) || lower == unsigned_name) continue;
    in.signed_headers.push_back(std::move(lower));
  }
  std::sort(in.signed_headers.begin(), in.signed_headers.end());
  in.signed_headers.erase(std::unique(in.signed_headers.begin(), in.signed_headers.end()),
                          in.signed_headers.end());
  return in;
}

struct Signature {
  std::string scope;
  std::string canonical_request;
  std::string string_to_sign;
  std::string signature;
};

Result<Signature> Compute(const SigningInput& in, const SigningParams& params,
                          std::string_view amz_date, std::string_view payload_hash,
                          std::span<const std::string_view> omit_query_names) {
  Signature out;
  std::string_view date = amz_date.substr(0, 8);
  out.scope = CredentialScope(date, params.region, params.service);
  IOTJOBS_ASSIGN_OR_RETURN(out.canonical_request,
                           CanonicalRequest(in.view, in.signed_headers, payload_hash,
                                            params.canonical, omit_query_names));
  out.string_to_sign = StringToSign(amz_date, out.scope, out.canonical_request);
  std::string key =
      DeriveSigningKey(params.credentials.secret_access_key, date, params.region, params.service);
  out.signature = SignatureHex(key, out.string_to_sign);
  return out;
}

// The payload line. With kHashBody, an x-amz-content-sha256 the caller already set wins, as
// in botocore's canonical_request.
std::string PayloadHash(const HttpRequestView& request, PayloadSigning payload) {
  if (payload == PayloadSigning::kUnsignedPayload) return std::string(kUnsignedPayload);
  if (payload == PayloadSigning::kHashBody) {
    if (auto declared = FindHeader(request, "x-amz-content-sha256")) return std::string(*declared);
  }
  return Sha256Hex(request.body);
}

}  // namespace

bool IsUnsignableHeader(std::string_view lower_name) {
  return std::find(kUnsignable.begin(), kUnsignable.end(), lower_name) != kUnsignable.end();
}

Result<SignedRequest> Sign(const HttpRequestView& request, const SigningParams& params) {
  if (!FindHeader(request, "host")) return InvalidRequest("SigV4 signing needs a Host header");
  const std::string& token = params.credentials.session_token;
  std::string amz_date = FormatAmzDate(params.time);
  std::string payload_hash = PayloadHash(request, params.payload);

  // The suite's header-signed-request files list the added headers in this order.
  HeaderList added;
  if (!token.empty()) added.emplace_back("X-Amz-Security-Token", token);
  added.emplace_back("X-Amz-Date", amz_date);
  if (params.payload != PayloadSigning::kHashBody) {
    added.emplace_back("x-amz-content-sha256", payload_hash);
  }

  // A caller's Authorization header stays in the view but is never signed.
  std::string_view unsigned_name =
      !token.empty() && !params.sign_session_token ? "x-amz-security-token" : "";
  SigningInput in = MakeSigningInput(request, added, unsigned_name);
  IOTJOBS_ASSIGN_OR_RETURN(Signature sig, Compute(in, params, amz_date, payload_hash, {}));

  SignedRequest out;
  out.headers = std::move(added);
  out.headers.emplace_back(
      "Authorization", std::string(kAlgorithm) + " Credential=" + params.credentials.access_key_id +
                           "/" + sig.scope + ", SignedHeaders=" +
                           JoinSignedHeaders(in.signed_headers) + ", Signature=" + sig.signature);
  out.canonical_request = std::move(sig.canonical_request);
  out.string_to_sign = std::move(sig.string_to_sign);
  out.signature = std::move(sig.signature);
  return out;
}

Result<SignedRequest> Presign(const HttpRequestView& request, const SigningParams& params,
                              int64_t expires_seconds) {
  if (!FindHeader(request, "host")) return InvalidRequest("SigV4 signing needs a Host header");
  const std::string& token = params.credentials.session_token;
  std::string amz_date = FormatAmzDate(params.time);
  std::string payload_hash = PayloadHash(request, params.payload);
  SigningInput in = MakeSigningInput(request, {}, "");

  std::string_view path = TargetPath(request.target);
  std::string_view query = TargetQuery(request.target);
  std::string target(path);
  target += '?';
  if (!query.empty()) {
    target += query;
    target += '&';
  }
  target += "X-Amz-Algorithm=";
  target += kAlgorithm;
  target += "&X-Amz-Credential=";
  target += PercentEncode(params.credentials.access_key_id + "/" +
                          CredentialScope(amz_date.substr(0, 8), params.region, params.service));
  target += "&X-Amz-Date=" + amz_date;
  target += "&X-Amz-SignedHeaders=" + PercentEncode(JoinSignedHeaders(in.signed_headers));
  target += "&X-Amz-Expires=" + std::to_string(expires_seconds);
  if (!token.empty()) target += "&X-Amz-Security-Token=" + PercentEncode(token);
  in.view.target = target;

  std::vector<std::string_view> omit = {"X-Amz-Signature"};
  if (!token.empty() && !params.sign_session_token) omit.push_back("X-Amz-Security-Token");
  IOTJOBS_ASSIGN_OR_RETURN(Signature sig, Compute(in, params, amz_date, payload_hash, omit));

  SignedRequest out;
  out.target = std::move(target) + "&X-Amz-Signature=" + sig.signature;
  out.canonical_request = std::move(sig.canonical_request);
  out.string_to_sign = std::move(sig.string_to_sign);
  out.signature = std::move(sig.signature);
  return out;
}

}  // namespace iotjobs::auth
