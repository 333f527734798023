#include "api/mqtt/jobs_mqtt_api.h"

#include "common/encoding.h"

#include <boost/json.hpp>
#include <charconv>

#include "api/validation/validator.h"
#include "api/wire/model.h"
#include "api/wire_out.h"
#include "codec/job_document.h"
#include "codec/json_fields.h"
#include "common/log.h"
#include "notify/topics.h"

namespace iotjobs::api {
namespace json = boost::json;
namespace topics = notify::topics;

namespace {

int64_t Seconds(EpochMillis t) { return t / 1000; }

// The rejected codes of the jobs MQTT API for our error codes.
std::string_view RejectionCode(ErrorCode code) {
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

// Numbers may arrive as numeric strings, booleans as "true"/"false": make them JSON types
// before the model's validation sees them.
void Coerce(json::object& in, std::string_view key, bool boolean) {
  json::value* v = in.if_contains(key);
  if (!v || !v->is_string()) return;
  std::string_view s = v->get_string();
  if (boolean) {
    if (s == "true") *v = true;
    if (s == "false") *v = false;
    return;
  }
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec == std::errc() && ptr == s.data() + s.size()) *v = n;
}

json::object ExecutionForMqtt(const service::DeviceExecution& e, EpochMillis now) {
  json::object o = DeviceExecutionToJson(e.execution, e.job_document, now);
  // Over MQTT the document is an embedded JSON object, not a string.
  if (json::value* doc = o.if_contains("jobDocument"); doc && doc->is_string()) {
    *doc = codec::JobDocumentForMqtt(doc->get_string());
  }
  return o;
}

}  // namespace

JobsMqttApi::JobsMqttApi(service::Service& service, std::string account_id, Publish publish)
    : service_(service), ctx_{std::move(account_id)}, publish_(std::move(publish)) {}

void JobsMqttApi::Handle(const std::string& topic, const std::string& payload) {
  topics::Request request;
  topics::TopicClass kind = topics::Classify(topic, &request);
  if (kind == topics::TopicClass::kOurs || kind == topics::TopicClass::kElsewhere) return;

  // Everything below answers on topic/accepted or topic/rejected.
  auto now = [this] { return service_.Now(); };
  std::optional<std::string> client_token;
  auto reject = [this, topic, now](std::string_view code, const std::string& message,
                                   const std::optional<std::string>& token,
                                   std::optional<json::object> state = std::nullopt) {
    json::object o{{"code", code}, {"message", message}, {"timestamp", Seconds(now())}};
    if (token) o["clientToken"] = *token;
    if (state) o["executionState"] = std::move(*state);
    publish_(topics::Rejected(topic), ToValidUtf8(json::serialize(o)));
  };
  if (kind == topics::TopicClass::kInvalid) {
    return reject("InvalidTopic", "The topic " + topic + " does not map to any jobs API.",
                  std::nullopt);
  }

  boost::system::error_code ec;
  json::parse_options options;
  options.max_depth = 32;
  json::value body = payload.empty() ? json::value(json::object()) : json::parse(payload, ec, {}, options);
  if (ec || !body.is_object()) {
    return reject("InvalidJson", "The request payload is not a UTF-8 JSON object.", std::nullopt);
  }
  json::object in = std::move(body.get_object());
  if (const json::value* t = in.if_contains("clientToken"); t && t->is_string()) {
    client_token = std::string(t->get_string());
  }
  in.erase("clientToken");
  for (auto key : {"executionNumber", "expectedVersion", "stepTimeoutInMinutes"}) Coerce(in, key, false);
  for (auto key : {"includeJobDocument", "includeJobExecutionState"}) Coerce(in, key, true);
  in["thingName"] = request.thing;
  if (!request.job_id.empty()) in["jobId"] = request.job_id;

  const char* operation = request.kind == topics::RequestKind::kGetPending  ? "GetPendingJobExecutions"
                          : request.kind == topics::RequestKind::kStartNext ? "StartNextPendingJobExecution"
                          : request.kind == topics::RequestKind::kDescribe  ? "DescribeJobExecution"
                                                                             : "UpdateJobExecution";
  const wire::Operation& op = *wire::DevicePlaneModel().FindOperation(operation);
  if (Status valid = validation::Validate(*op.input, in); !valid.ok()) {
    return reject("InvalidRequest", valid.message(), client_token);
  }

  service::NamespaceScope scope{request.ns};
  auto accept = [this, topic, client_token, now](json::object o) {
    o["timestamp"] = Seconds(now());
    if (client_token) o["clientToken"] = *client_token;
    publish_(topics::Accepted(topic), ToValidUtf8(json::serialize(o)));
  };
  // On InvalidStateTransition and VersionMismatch the rejection carries the current state.
  auto fail = [this, reject, client_token, request, scope](const Status& s) {
    std::string_view code = RejectionCode(s.code());
    if ((s.code() != ErrorCode::kInvalidStateTransition && s.code() != ErrorCode::kVersionMismatch) ||
        request.job_id.empty()) {
      return reject(code, s.message(), client_token);
    }
    service::DeviceDescribeJobExecutionRequest describe;
    describe.thing_name = request.thing;
    describe.job_id = request.job_id;
    describe.scope = scope;
    describe.include_job_document = false;
    service_.DescribeJobExecutionForDevice(
        ctx_, describe,
        [reject, code, message = s.message(), client_token](
            Result<std::optional<service::DeviceExecution>> r) {
          std::optional<json::object> state;
          if (r.ok() && *r) state = ExecutionStateToJson((*r)->execution);
          reject(code, message, client_token, std::move(state));
        });
  };

  // StartNext and Describe both accept with {"execution": ...}, or {} when there is none.
  auto accept_execution = [accept, fail, now](Result<std::optional<service::DeviceExecution>> r) {
    if (!r.ok()) return fail(r.status());
    json::object o;
    if (*r) o["execution"] = ExecutionForMqtt(**r, now());
    accept(std::move(o));
  };

  switch (request.kind) {
    case topics::RequestKind::kGetPending:
      service_.GetPendingJobExecutions(
          ctx_, request.thing, scope, [accept, fail](Result<service::PendingExecutions> r) {
            if (!r.ok()) return fail(r.status());
            accept(PendingJobsToJson(r->in_progress, r->queued));
          });
      return;
    case topics::RequestKind::kStartNext: {
      service::StartNextPendingJobExecutionRequest req;
      req.thing_name = request.thing;
      req.scope = scope;
      if (codec::Member(in, "statusDetails")) req.status_details = codec::GetStringMap(in, "statusDetails");
      req.step_timeout_in_minutes = codec::GetInt(in, "stepTimeoutInMinutes");
      service_.StartNextPendingJobExecution(
          ctx_, std::move(req), accept_execution);
      return;
    }
    case topics::RequestKind::kDescribe: {
      service::DeviceDescribeJobExecutionRequest req;
      req.thing_name = request.thing;
      req.job_id = request.job_id;
      req.scope = scope;
      req.execution_number = codec::GetInt(in, "executionNumber");
      req.include_job_document = codec::GetBool(in, "includeJobDocument").value_or(true);
      service_.DescribeJobExecutionForDevice(
          ctx_, std::move(req), accept_execution);
      return;
    }
    case topics::RequestKind::kUpdate: {
      service::UpdateJobExecutionRequest req;
      req.thing_name = request.thing;
      req.job_id = request.job_id;
      req.scope = scope;
      req.status = jobs::ParseExecutionStatus(codec::GetString(in, "status").value_or(""))
                       .value_or(jobs::ExecutionStatus::kQueued);
      if (codec::Member(in, "statusDetails")) req.status_details = codec::GetStringMap(in, "statusDetails");
      req.step_timeout_in_minutes = codec::GetInt(in, "stepTimeoutInMinutes");
      req.expected_version = codec::GetInt(in, "expectedVersion");
      req.execution_number = codec::GetInt(in, "executionNumber");
      req.include_job_execution_state = codec::GetBool(in, "includeJobExecutionState").value_or(false);
      req.include_job_document = codec::GetBool(in, "includeJobDocument").value_or(false);
      bool include_state = req.include_job_execution_state;
      service_.UpdateJobExecution(
          ctx_, std::move(req),
          [accept, fail, include_state](Result<service::UpdateJobExecutionResult> r) {
            if (!r.ok()) return fail(r.status());
            json::object o;
            if (include_state) o["executionState"] = ExecutionStateToJson(r->execution);
            if (r->job_document) o["jobDocument"] = codec::JobDocumentForMqtt(*r->job_document);
            accept(std::move(o));
          });
      return;
    }
  }
}

}  // namespace iotjobs::api
