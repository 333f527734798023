#include "api/mqtt/mqtt_responder.h"

#include <boost/json.hpp>

#include "codec/device_plane_json.h"
#include "codec/job_document.h"
#include "common/encoding.h"
#include "notify/topics.h"

namespace iotjobs::api {
namespace json = boost::json;

namespace {

// The HTTPS device plane sends the job document as a string; MQTT embeds it.
void EmbedJobDocument(json::object& o) {
  if (json::value* doc = o.if_contains("jobDocument"); doc && doc->is_string()) {
    *doc = codec::JobDocumentForMqtt(doc->get_string());
  }
}

// Stored values came in as valid UTF-8; this keeps any other path from sending a device
// bytes it cannot decode.
std::string Serialize(const json::object& o) { return ToValidUtf8(json::serialize(o)); }

}  // namespace

std::string_view MqttRejectionCode(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidRequest: return "InvalidRequest";
    case ErrorCode::kResourceNotFound: return "ResourceNotFound";
    case ErrorCode::kInvalidStateTransition: return "InvalidStateTransition";
    case ErrorCode::kVersionMismatch: return "VersionMismatch";
    case ErrorCode::kThrottling: return "RequestThrottled";
    case ErrorCode::kTerminalState: return "TerminalStateReached";
    default: return "InternalError";
  }
}

bool RejectionCarriesExecutionState(ErrorCode code) {
  return code == ErrorCode::kInvalidStateTransition || code == ErrorCode::kVersionMismatch;
}

std::string AcceptedPayload(json::value output, const std::optional<std::string>& client_token,
                            EpochMillis now) {
  json::object o = output.is_object() ? std::move(output.get_object()) : json::object();
  EmbedJobDocument(o);
  if (json::value* execution = o.if_contains("execution"); execution && execution->is_object()) {
    EmbedJobDocument(execution->get_object());
  }
  o["timestamp"] = codec::EpochWholeSeconds(now);
  if (client_token) o["clientToken"] = *client_token;
  return Serialize(o);
}

std::string RejectedPayload(std::string_view code, std::string_view message,
                            const std::optional<std::string>& client_token, EpochMillis now,
                            const std::optional<json::object>& execution_state) {
  json::object o{{"code", code}, {"message", message}, {"timestamp", codec::EpochWholeSeconds(now)}};
  if (client_token) o["clientToken"] = *client_token;
  if (execution_state) o["executionState"] = *execution_state;
  return Serialize(o);
}

MqttResponder::MqttResponder(Publish publish, std::string request_topic,
                             std::optional<std::string> client_token, Now now)
    : publish_(std::move(publish)),
      request_topic_(std::move(request_topic)),
      client_token_(std::move(client_token)),
      now_(std::move(now)) {}

void MqttResponder::Accept(json::value output) const {
  publish_(notify::topics::Accepted(request_topic_),
           AcceptedPayload(std::move(output), client_token_, now_()));
}

void MqttResponder::Reject(std::string_view code, std::string_view message,
                           const std::optional<json::object>& execution_state) const {
  publish_(notify::topics::Rejected(request_topic_),
           RejectedPayload(code, message, client_token_, now_(), execution_state));
}

}  // namespace iotjobs::api
