#include "api/api.h"

#include <boost/json.hpp>
#include <exception>

#include "api/console_endpoint.h"
#include "api/middleware/authenticator.h"
#include "api/middleware/authorizer.h"
#include "api/middleware/rate_limiter.h"
#include "api/plane.h"
#include "api/request_decoder.h"
#include "api/routes.h"
#include "api/validation/validator.h"
#include "api/wire/errors.h"
#include "auth/http_request.h"
#include "common/encoding.h"
#include "common/ids.h"
#include "common/log.h"
#include "common/log_format.h"
#include "common/server_metrics.h"

namespace iotjobs::api {
namespace {

ApiResponse ErrorResponse(const Status& status, wire::Plane plane, const std::string& request_id) {
  wire::ErrorInfo info = wire::ErrorInfoFor(status.code(), plane);
  ApiResponse r;
  r.status = info.http_status;
  r.headers = {{"Content-Type", "application/json"},
               {"x-amzn-RequestId", request_id},
               {"x-amzn-ErrorType", std::string(info.type)}};
  r.body = wire::ErrorBody(status);
  if (r.status >= 500) {
    IOTJOBS_LOG(kError) << "request " << request_id << " failed: " << status.ToString();
  }
  return r;
}

ApiResponse JsonResponse(int status, std::string body, const std::string& request_id) {
  ApiResponse r;
  r.status = status;
  r.headers = {{"Content-Type", "application/json"}, {"x-amzn-RequestId", request_id}};
  // Stored values came in as valid UTF-8 (JSON bodies are checked when parsed, names by
  // their patterns); this keeps any other path from sending a client bytes it cannot decode.
  r.body = IsValidUtf8(body) ? std::move(body) : ToValidUtf8(body);
  return r;
}

}  // namespace

namespace {
// Rates are measured in real time, never on a test clock.
const SystemClock system_clock_;
}  // namespace

Api::~Api() = default;

const std::string* ApiRequest::Header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (auth::EqualsIgnoreCase(k, name)) return &v;
  }
  return nullptr;
}

Api::Api(service::Service& service, ApiOptions options, const Authenticator& authenticator)
    : service_(service),
      options_(std::move(options)),
      authenticator_(authenticator),
      // Under a test clock the buckets refill only when the test moves time, so
      // throttling is testable exactly on a machine of any speed.
      rate_limiter_(!options_.rate_limits ? nullptr
                    : options_.test_clock ? std::make_unique<RateLimiter>(*options_.test_clock->clock)
                                          : std::make_unique<RateLimiter>(system_clock_)),
      page_tokens_(options_.page_token_key.empty() ? PageTokens::NewKey()
                                                   : options_.page_token_key),
      control_router_(wire::ControlPlaneModel()),
      device_router_(wire::DevicePlaneModel()) {}

void Api::Handle(ApiRequest request, std::function<void(ApiResponse)> done) {
  const auto started = std::chrono::steady_clock::now();
  const std::string request_id = NewUuid();
  std::string_view path = auth::TargetPath(request.target);

  // Readiness: open before any authentication; the store is open once the Api exists. While
  // the store's writes fail (a full disk, a lost database) the answer is 503, so a load
  // balancer or a service manager stops sending work here until they commit again.
  if (path == "/health" && (request.method == "GET" || request.method == "HEAD")) {
    store::HealthReport health = service_.StoreHealth();
    boost::json::object body{{"status", health.writable ? "ok" : "unavailable"},
                             {"auth", options_.auth == AuthMode::kNone ? "none" : "sigv4"}};
    if (!health.writable) body["store"] = "writes failing: " + health.problem;
    done(JsonResponse(health.writable ? 200 : 503, boost::json::serialize(body), request_id));
    return;
  }

  // Scrapes are not API requests: they are neither counted nor logged as such.
  if (options_.metrics && path == "/metrics" &&
      (request.method == "GET" || request.method == "HEAD")) {
    done(ServeMetrics(request, *options_.metrics));
    return;
  }

  // The web console's files (console_endpoint.h): open like /health, since they carry no
  // data; the console signs its API calls itself. Not counted or logged as API requests.
  if (options_.console && IsConsolePath(path) &&
      (request.method == "GET" || request.method == "HEAD")) {
    done(ServeConsole(request, {options_.region, options_.auth == AuthMode::kNone},
                      ConsoleFiles()));
    return;
  }

  // Every answer from here on passes through this wrapper once, on whichever thread it is
  // made: it is counted by operation, plane and status class, and it writes the request's one
  // log line (at info; before the answer leaves, so the line exists once the client has its
  // x-amzn-RequestId). `trace` is filled in on this thread as the request is understood,
  // before any handler can answer.
  struct Trace {
    std::string_view operation = RequestMetrics::kUnknownOperation;
    wire::Plane plane = wire::Plane::kControl;
    std::string account;  // once authenticated
  };
  auto trace = std::make_shared<Trace>();
  metrics::Server().http_in_flight.Add(1);
  done = [this, trace, started, request_id, method = request.method, path = std::string(path),
          done = std::move(done)](ApiResponse response) {
    metrics::Server().http_in_flight.Add(-1);
    request_metrics_.Count(trace->plane, trace->operation, response.status, started);
    log::WriteRequest(log::Level::kInfo,
                      {request_id, method, path, trace->operation, trace->account,
                       response.status, metrics::SecondsSince(started) * 1000});
    done(std::move(response));
  };

  if (options_.test_clock && path == "/_iotjobs/test/clock") {
    HandleTestClock(request, request_id, std::move(done));
    return;
  }

  if (options_.allow_reset && request.method == "POST" &&
      (path == "/moto-api/reset" || path == "/_iotjobs/test/reset")) {
    HandleReset(request, request_id, std::move(done));
    return;
  }

  wire::Plane plane = PlaneOf(request);
  trace->plane = plane;
  auto fail = [&](const Status& s) { done(ErrorResponse(s, plane, request_id)); };
  try {
    Result<Caller> caller = authenticator_.Authenticate(request);
    if (!caller.ok()) return fail(caller.status());
    plane = caller->plane;
    trace->plane = plane;
    trace->account = caller->principal->account_id;
    service::CallContext call{caller->principal->account_id};
    jobs::ArnContext arns{options_.region, call.account_id};

    const Router& router = plane == wire::Plane::kDevice ? device_router_ : control_router_;
    Result<RouteMatch> match = router.Match(request.method, path);
    if (!match.ok()) return fail(match.status());
    const wire::Operation& op = *match->operation;
    trace->operation = op.name;
    const Route* route = FindRoute(plane, op.name);
    if (!route) {
      return fail(Status(ErrorCode::kUnknownOperation,
                         op.name + " is not served by this server yet."));
    }

    if (rate_limiter_) {
      Status admitted =
          rate_limiter_->Admit(call.account_id, op.name, plane == wire::Plane::kDevice);
      if (!admitted.ok()) return fail(admitted);
    }

    Result<QueryParams> query = ParseQuery(auth::TargetQuery(request.target));
    if (!query.ok()) return fail(query.status());
    auto header = [&request](std::string_view name) -> std::optional<std::string> {
      const std::string* v = request.Header(name);
      return v ? std::optional<std::string>(*v) : std::nullopt;
    };
    Result<boost::json::object> input =
        DecodeInput(op, match->labels, *query, header, request.body);
    if (!input.ok()) return fail(input.status());
    if (op.input) {
      Status valid = validation::Validate(*op.input, *input);
      if (!valid.ok()) return fail(valid);
    }
    Status allowed = Authorize(*caller->principal, *route, *input, arns);
    if (!allowed.ok()) return fail(allowed);

    std::string listing;
    if (op.paginator) {
      listing = PageTokens::Scope(op, call.account_id, *input);
      Status opened = page_tokens_.OpenInput(op, listing, *input);
      if (!opened.ok()) return fail(opened);
    }

    const std::string* host = request.Header("Host");
    HandlerContext ctx{service_,           std::move(call), arns, plane, /*scope=*/std::nullopt,
                       &options_.endpoints, host ? std::optional<std::string>(*host) : std::nullopt};
    int success_code = op.success_code;
    route->handler(ctx, std::move(*input),
                   [this, &op, listing = std::move(listing), done, plane, request_id,
                    success_code](Result<boost::json::value> out) {
                     if (!out.ok()) {
                       done(ErrorResponse(out.status(), plane, request_id));
                       return;
                     }
                     page_tokens_.SealOutput(op, listing, *out);
                     std::string body =
                         out->is_null() ? std::string() : boost::json::serialize(*out);
                     done(JsonResponse(success_code, std::move(body), request_id));
                   });
  } catch (const std::exception& e) {
    IOTJOBS_LOG(kError) << "request " << request_id << ": unexpected exception: " << e.what();
    fail(Internal("An internal error occurred."));
  }
}

void Api::HandleReset(const ApiRequest& request, const std::string& request_id,
                      std::function<void(ApiResponse)> done) {
  Result<Caller> caller = authenticator_.Authenticate(request);
  if (!caller.ok()) {
    done(ErrorResponse(caller.status(), wire::Plane::kControl, request_id));
    return;
  }
  const auth::Principal& who = *caller->principal;
  if (!who.root || who.account_id != options_.account_id) {
    done(ErrorResponse(Status(ErrorCode::kAccessDenied,
                              "User: " + who.Arn() + " is not authorized to reset the server; "
                              "only the root credentials may."),
                       wire::Plane::kControl, request_id));
    return;
  }
  IOTJOBS_LOG(kWarn) << "reset: deleting every account's data (request " << request_id << ")";
  service_.ResetAllData([done = std::move(done), request_id](Result<service::Empty> r) {
    if (!r.ok()) {
      done(ErrorResponse(r.status(), wire::Plane::kControl, request_id));
      return;
    }
    done(JsonResponse(200, "{}", request_id));
  });
}

void Api::HandleTestClock(const ApiRequest& request, const std::string& request_id,
                          std::function<void(ApiResponse)> done) {
  ManualClock& clock = *options_.test_clock->clock;
  auto now_body = [&clock] {
    return boost::json::serialize(boost::json::object{{"epochMillis", clock.NowMillis()}});
  };
  if (request.method == "GET") {
    done(JsonResponse(200, now_body(), request_id));
    return;
  }
  boost::system::error_code ec;
  boost::json::value body = boost::json::parse(request.body, ec);
  const boost::json::value* advance =
      !ec && body.is_object() ? body.as_object().if_contains("advanceSeconds") : nullptr;
  // Forward only, and at most ten years at a time: the clock never runs back, and no
  // arithmetic on it can overflow.
  constexpr double kMaxAdvanceSeconds = 10.0 * 366 * 24 * 3600;
  const double seconds = advance && advance->is_number() ? advance->to_number<double>() : -1;
  if (request.method != "POST" || !(seconds >= 0 && seconds <= kMaxAdvanceSeconds)) {
    done(ErrorResponse(InvalidRequest("POST {\"advanceSeconds\": N} to move the test clock, "
                                      "with N from 0 to 316224000 (ten years)."),
                       wire::Plane::kControl, request_id));
    return;
  }
  clock.Advance(static_cast<EpochMillis>(seconds * 1000));
  IOTJOBS_LOG(kInfo) << "test clock moved to " << clock.NowMillis();
  options_.test_clock->sweep([done = std::move(done), now_body, request_id]() {
    done(JsonResponse(200, now_body(), request_id));
  });
}

}  // namespace iotjobs::api
