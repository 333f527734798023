#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/endpoints.h"
#include "api/metrics_endpoint.h"
#include "api/page_tokens.h"
#include "api/request_metrics.h"
#include "api/router.h"
#include "common/clock.h"
#include "service/service.h"

namespace iotjobs::api {

// An HTTP request as the API sees it, free of the HTTP library.
struct ApiRequest {
  std::string method;
  std::string target;  // raw path?query, percent-encoded as received
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // The first header named `name` (case-insensitive), or nullptr.
  const std::string* Header(std::string_view name) const;
};

struct ApiResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
};

enum class AuthMode { kSigV4, kNone };

// Test-only: set when iotjobsd runs with --test-clock. Then POST /_iotjobs/test/clock with
// {"advanceSeconds": N} moves the server's clock and runs the background sweeps at once, so
// end-to-end tests see timers fire without waiting. Absent, the path does not exist.
struct TestClockHooks {
  ManualClock* clock = nullptr;
  std::function<void(std::function<void()>)> sweep;
};

struct ApiOptions {
  std::string region = "us-east-1";
  std::string account_id = "123456789012";
  AuthMode auth = AuthMode::kSigV4;
  std::optional<TestClockHooks> test_clock;
  bool rate_limits = false;  // AWS IoT's per-account quotas (middleware/rate_limiter.h)
  // Test-only (--allow-reset): POST /moto-api/reset (moto's server-mode hook, so suites
  // written for moto run unchanged) and POST /_iotjobs/test/reset delete every account's
  // data and answer 200. Only the server account's root may call them. Absent, the paths
  // do not exist.
  bool allow_reset = false;
  // The key nextTokens are sealed with (page_tokens.h); empty: a random one for this process.
  // iotjobsd passes the one its store keeps, so tokens outlive a restart and cross instances.
  std::string page_token_key;
  // What DescribeEndpoint answers (--public-endpoint, --mqtt-public-endpoint, --mqtt).
  PublicEndpoints endpoints{};
  // GET /console/... (console_endpoint.h); off (--console off), the paths are ordinary
  // (unknown) API paths.
  bool console = true;
  // GET /metrics (metrics_endpoint.h); absent, the path is an ordinary (unknown) API path.
  std::optional<MetricsEndpoint> metrics;
};

// The request pipeline, in one written-down order:
//   request id -> /health, /metrics, /console/ -> authenticate (SigV4: who, which plane) -> route -> rate limit
//   (per account and operation) -> decode input -> validate against the model -> authorize
//   (IAM action on the touched ARNs) -> open the nextToken (page_tokens.h) -> handler ->
//   response (its nextToken sealed) or error.
// Every failure leaves as AWS's error shape (status, x-amzn-ErrorType, {"message"}); a stray
// exception becomes InternalFailureException and a log line. Thread-safe.
class Authenticator;
class RateLimiter;

class Api {
 public:
  // `authenticator` outlives the Api.
  Api(service::Service& service, ApiOptions options, const Authenticator& authenticator);
  ~Api();

  // `done` is called exactly once, possibly on another thread (a store thread), possibly
  // before Handle returns.
  void Handle(ApiRequest request, std::function<void(ApiResponse)> done);

 private:
  void HandleReset(const ApiRequest& request, const std::string& request_id,
                   std::function<void(ApiResponse)> done);
  void HandleTestClock(const ApiRequest& request, const std::string& request_id,
                       std::function<void(ApiResponse)> done);

  service::Service& service_;
  ApiOptions options_;
  const Authenticator& authenticator_;
  std::unique_ptr<RateLimiter> rate_limiter_;  // null when rate limits are off
  PageTokens page_tokens_;
  Router control_router_;
  Router device_router_;
  RequestMetrics request_metrics_;
};

}  // namespace iotjobs::api
