#pragma once

#include <functional>
#include <string>

namespace iotjobs::api {

struct ApiRequest;
struct ApiResponse;

// GET /metrics: the process's metrics in the Prometheus text format, outside SigV4 (a
// Prometheus server cannot sign). Open unless a bearer token is configured; then the request
// must carry "Authorization: Bearer TOKEN" (what Prometheus sends from
// authorization.credentials_file) or is answered 401.
struct MetricsEndpoint {
  std::function<std::string()> render;
  std::string token;  // empty: open
};

// Answers a GET or HEAD of /metrics.
ApiResponse ServeMetrics(const ApiRequest& request, const MetricsEndpoint& endpoint);

// Whether `authorization` (the header's value, or null) carries `token` as a bearer token.
// Compares digests in constant time, so neither the token's bytes nor its length leak
// through the time a wrong guess takes.
bool BearerTokenMatches(const std::string* authorization, const std::string& token);

}  // namespace iotjobs::api
