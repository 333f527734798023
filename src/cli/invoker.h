#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>

#include "api/wire/model.h"
#include "net/http_client.h"
#include "cli/settings.h"

namespace iotjobs::cli {

// An error the service answered, as botocore reads it: the code from x-amzn-ErrorType (text
// after ':' dropped, before '#' dropped) or the body's code/Code/__type, else the HTTP
// status; the message from the body's message/Message, else the status' reason.
struct ServiceError {
  std::string code;
  std::string message;
  int status = 0;
};
ServiceError ParseServiceError(const net::HttpResponse& response);

// The outcome of one operation call, after retries.
struct CallOutcome {
  std::optional<boost::json::value> output;  // the parsed JSON body ({} when empty)
  std::optional<ServiceError> error;
  std::optional<net::TransportFailure> failure;   // no HTTP answer at all
  int retries = 0;                           // retries made (attempts - 1)
  // The last attempt was the last allowed: AWS CLI v2's standard retry mode then says
  // "(reached max retries: N)" after any error, retryable or not (with max_attempts 1, after
  // every error).
  bool max_attempts_reached = false;
  std::string url;                           // the URL of the last attempt, for messages
};

// Calls operations of one service: serializes the input (request_builder), signs it with
// SigV4 for the model's signing name (unless unsigned), sends it, and retries as AWS CLI v2's
// standard retry mode does — throttling errors, 500/502/503/504 and connection failures, up to
// `max_attempts` attempts with exponential backoff and jitter. Not thread-safe.
class Invoker {
 public:
  Invoker(const Settings& settings, const api::wire::ServiceModel& service, bool sign,
          std::function<void(const std::string&)> debug_log);

  CallOutcome Call(const api::wire::Operation& op, const boost::json::object& input);

 private:
  const Settings& settings_;
  const api::wire::ServiceModel& service_;
  bool sign_;
  std::function<void(const std::string&)> debug_;
  net::HttpClient client_;
};

// Whether the standard retry mode retries this answer.
bool IsRetryable(const ServiceError& error);

}  // namespace iotjobs::cli
