#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/status.h"

namespace iotjobs::api {

// The code of a jobs MQTT rejection for an error of ours. AWS's MQTT codes are not the HTTPS
// exception names (RequestThrottled, TerminalStateReached, ...).
std::string_view MqttRejectionCode(ErrorCode code);

// Whether AWS puts the execution's current state in a rejection with this error: a refused
// transition and a version mismatch do, so the device can resynchronize.
bool RejectionCarriesExecutionState(ErrorCode code);

// The payload of REQUEST/accepted: a device plane operation's output as the HTTPS device
// plane answers it, with the job document (`jobDocument`, top level or in `execution`)
// embedded as a JSON object, then the timestamp and the request's clientToken.
std::string AcceptedPayload(boost::json::value output,
                            const std::optional<std::string>& client_token, EpochMillis now);

// The payload of REQUEST/rejected: code, message, timestamp, the clientToken and, where
// given, the executionState.
std::string RejectedPayload(std::string_view code, std::string_view message,
                            const std::optional<std::string>& client_token, EpochMillis now,
                            const std::optional<boost::json::object>& execution_state);

// Answers one MQTT request on its /accepted or /rejected topic. Cheap to copy into the
// callbacks that complete the request; thread-safe as `publish` is.
class MqttResponder {
 public:
  using Publish = std::function<void(const std::string& topic, const std::string& payload)>;
  using Now = std::function<EpochMillis()>;

  MqttResponder(Publish publish, std::string request_topic,
                std::optional<std::string> client_token, Now now);

  void Accept(boost::json::value output) const;
  void Reject(std::string_view code, std::string_view message,
              const std::optional<boost::json::object>& execution_state = std::nullopt) const;

 private:
  Publish publish_;
  std::string request_topic_;
  std::optional<std::string> client_token_;
  Now now_;
};

}  // namespace iotjobs::api
