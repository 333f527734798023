#include "api/metrics_endpoint.h"

#include "api/api.h"
#include "auth/crypto.h"
#include "auth/http_request.h"

namespace iotjobs::api {

bool BearerTokenMatches(const std::string* authorization, const std::string& token) {
  constexpr std::string_view kScheme = "Bearer ";
  std::string_view given;
  if (authorization && authorization->size() >= kScheme.size() &&
      auth::EqualsIgnoreCase(std::string_view(*authorization).substr(0, kScheme.size()), kScheme)) {
    given = std::string_view(*authorization).substr(kScheme.size());
  }
  // Digests have one length, so the comparison's time says nothing about the token's; a
  // missing header is compared too, so it takes as long as a wrong one.
  bool same = auth::ConstantTimeEquals(auth::Sha256Hex(given), auth::Sha256Hex(token));
  return same && authorization != nullptr;
}

ApiResponse ServeMetrics(const ApiRequest& request, const MetricsEndpoint& endpoint) {
  ApiResponse r;
  if (!endpoint.token.empty() &&
      !BearerTokenMatches(request.Header("Authorization"), endpoint.token)) {
    r.status = 401;
    r.headers = {{"Content-Type", "text/plain; charset=utf-8"},
                 {"WWW-Authenticate", "Bearer realm=\"iotjobsd metrics\""}};
    r.body = "401 Unauthorized: /metrics needs \"Authorization: Bearer TOKEN\".\n";
    return r;
  }
  r.status = 200;
  r.headers = {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}};
  if (request.method != "HEAD") r.body = endpoint.render();
  return r;
}

}  // namespace iotjobs::api
