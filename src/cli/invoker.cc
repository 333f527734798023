#include "cli/invoker.h"

#include <boost/json.hpp>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

#include "auth/http_request.h"
#include "cli/request_builder.h"
#include "common/clock.h"

namespace iotjobs::cli {
namespace json = boost::json;

namespace {

constexpr double kMaxBackoffSeconds = 20;

// http.client.responses, for errors without a body.
std::string ReasonPhrase(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 413: return "Request Entity Too Large";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "";
  }
}

std::string UserAgent() { return "iotjobs/0.1.0"; }

}  // namespace

ServiceError ParseServiceError(const net::HttpResponse& response) {
  ServiceError e;
  e.status = response.status;
  json::object body;
  boost::system::error_code ec;
  json::value parsed = json::parse(response.body, ec);
  if (!ec && parsed.is_object()) body = parsed.get_object();
  auto str = [&](std::string_view key) -> std::optional<std::string> {
    auto it = body.find(key);
    if (it == body.end() || !it->value().is_string()) return std::nullopt;
    return std::string(it->value().get_string());
  };
  if (auto header = response.Header("x-amzn-ErrorType")) {
    e.code = header->substr(0, header->find(':'));
  } else if (auto c = str("code")) {
    e.code = *c;
  } else if (auto c2 = str("Code")) {
    e.code = *c2;
  } else if (auto t = str("__type")) {
    e.code = *t;
  } else {
    e.code = std::to_string(response.status);
  }
  if (size_t hash = e.code.rfind('#'); hash != std::string::npos) e.code = e.code.substr(hash + 1);
  if (body.empty()) {
    e.message = ReasonPhrase(response.status);
  } else {
    e.message = str("message").value_or(str("Message").value_or(""));
  }
  return e;
}

bool IsRetryable(const ServiceError& error) {
  static const char* kThrottling[] = {
      "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
      "TooManyRequestsException", "ProvisionedThroughputExceededException",
      "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded",
      "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
      "EC2ThrottledException"};
  static const char* kTransient[] = {"RequestTimeout", "RequestTimeoutException",
                                     "PriorRequestNotComplete"};
  for (const char* c : kThrottling) {
    if (error.code == c) return true;
  }
  for (const char* c : kTransient) {
    if (error.code == c) return true;
  }
  return error.status == 500 || error.status == 502 || error.status == 503 || error.status == 504;
}

Invoker::Invoker(const Settings& settings, const api::wire::ServiceModel& service, bool sign,
                 std::function<void(const std::string&)> debug_log)
    : settings_(settings),
      service_(service),
      sign_(sign),
      debug_(std::move(debug_log)),
      client_(net::HttpOptions{std::chrono::seconds(settings.connect_timeout_seconds),
                          std::chrono::seconds(settings.read_timeout_seconds),
                          /*verify_tls=*/true, settings.ca_bundle}) {}

CallOutcome Invoker::Call(const api::wire::Operation& op, const json::object& input) {
  CallOutcome outcome;
  Result<net::Url> url = net::ParseUrl(settings_.endpoint_url);
  if (!url.ok()) {
    outcome.failure = net::TransportFailure{net::TransportError::kOther, url.status().message()};
    return outcome;
  }
  net::HttpRequest base = SerializeRequest(op, input, url->base_path);
  outcome.url = url->ToString() + base.target.substr(url->base_path.size());
  std::mt19937 rng(std::random_device{}());
  std::uniform_real_distribution<double> jitter(0.0, 1.0);

  for (int attempt = 1;; ++attempt) {
    net::HttpRequest req = base;
    req.headers.emplace_back("Host", url->HostHeader());
    req.headers.emplace_back("User-Agent", UserAgent());
    if (sign_ && settings_.credentials) {
      auth::HttpRequestView view;
      view.method = req.method;
      view.target = req.target;
      for (const auto& [k, v] : req.headers) view.headers.emplace_back(k, v);
      view.body = req.body;
      auth::SigningParams params;
      params.credentials = *settings_.credentials;
      params.region = settings_.region;
      params.service = service_.signing_name;
      params.time = SystemClock().NowMillis();
      auto signed_request = auth::Sign(view, params);
      if (!signed_request.ok()) {
        outcome.failure = net::TransportFailure{net::TransportError::kOther, signed_request.status().message()};
        return outcome;
      }
      for (auto& h : signed_request->headers) req.headers.push_back(std::move(h));
    }
    if (debug_) {
      std::string text = "Sending " + req.method + " " + outcome.url + "\n";
      for (const auto& [k, v] : req.headers) text += "  " + k + ": " + v + "\n";
      if (!req.body.empty()) text += "  body: " + req.body + "\n";
      debug_(text);
    }
    auto [response, failure] = client_.Send(*url, req);
    outcome.retries = attempt - 1;
    outcome.max_attempts_reached = attempt >= settings_.max_attempts;
    bool retry = false;
    if (!response) {
      outcome.failure = failure;
      outcome.error.reset();
      retry = failure.kind != net::TransportError::kTls;
      if (debug_) debug_("No response: " + failure.detail + "\n");
    } else {
      if (debug_) {
        std::string text = "Response " + std::to_string(response->status) + "\n";
        for (const auto& [k, v] : response->headers) text += "  " + k + ": " + v + "\n";
        text += "  body: " + response->body + "\n";
        debug_(text);
      }
      outcome.failure.reset();
      if (response->status >= 200 && response->status < 300) {
        outcome.error.reset();
        boost::system::error_code ec;
        json::value body = response->body.empty() ? json::value(json::object())
                                                  : json::parse(response->body, ec);
        if (ec) body = json::object();
        outcome.output = std::move(body);
        return outcome;
      }
      outcome.error = ParseServiceError(*response);
      retry = IsRetryable(*outcome.error);
    }
    if (!retry || attempt >= settings_.max_attempts) return outcome;
    double delay = std::min(jitter(rng) * std::pow(2.0, attempt - 1), kMaxBackoffSeconds);
    if (debug_) debug_("Retrying in " + std::to_string(delay) + " seconds\n");
    std::this_thread::sleep_for(std::chrono::duration<double>(delay));
  }
}

}  // namespace iotjobs::cli
