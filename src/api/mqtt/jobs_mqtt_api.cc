#include "api/mqtt/jobs_mqtt_api.h"

#include <boost/json.hpp>

#include "api/handlers/handler.h"
#include "api/mqtt/mqtt_request.h"
#include "api/routes.h"
#include "api/validation/validator.h"
#include "api/wire/model.h"
#include "codec/device_plane_json.h"
#include "notify/topics.h"

namespace iotjobs::api {
namespace json = boost::json;
namespace topics = notify::topics;

JobsMqttApi::JobsMqttApi(service::Service& service, std::string account_id, Publish publish)
    : service_(service), ctx_{std::move(account_id)}, publish_(std::move(publish)) {}

void JobsMqttApi::Handle(const std::string& topic, const std::string& payload) {
  topics::Request request;
  topics::TopicClass kind = topics::Classify(topic, &request);
  if (kind == topics::TopicClass::kOurs || kind == topics::TopicClass::kElsewhere) return;

  // Everything below answers on topic/accepted or topic/rejected.
  auto now = [this] { return service_.Now(); };
  if (kind == topics::TopicClass::kInvalid) {
    return MqttResponder(publish_, topic, std::nullopt, now)
        .Reject("InvalidTopic", "The topic " + topic + " does not map to any jobs API.");
  }
  std::optional<MqttRequest> call = ReadMqttRequest(request, payload);
  if (!call) {
    return MqttResponder(publish_, topic, std::nullopt, now)
        .Reject("InvalidJson", "The request payload is not a UTF-8 JSON object.");
  }
  MqttResponder responder(publish_, topic, call->client_token, now);

  const wire::Operation& op = *wire::DevicePlaneModel().FindOperation(call->operation);
  if (Status valid = validation::Validate(*op.input, call->input); !valid.ok()) {
    return responder.Reject("InvalidRequest", valid.message());
  }

  // Devices reach no ARNs: the device plane's handlers make none, so no region is needed.
  service::NamespaceScope scope{request.ns};
  HandlerContext handler_ctx{service_, ctx_, jobs::ArnContext{"", ctx_.account_id},
                             wire::Plane::kDevice, scope, /*endpoints=*/nullptr,
                             /*host=*/std::nullopt};
  const Route& route = *FindRoute(wire::Plane::kDevice, call->operation);
  route.handler(handler_ctx, std::move(call->input),
                [this, responder, request, scope](Result<json::value> out) {
                  if (out.ok()) return responder.Accept(std::move(*out));
                  Reject(out.status(), request.thing, request.job_id, scope, responder);
                });
}

void JobsMqttApi::Reject(const Status& failure, const std::string& thing,
                         const std::string& job_id, const service::NamespaceScope& scope,
                         const MqttResponder& responder) {
  std::string_view code = MqttRejectionCode(failure.code());
  if (!RejectionCarriesExecutionState(failure.code()) || job_id.empty()) {
    return responder.Reject(code, failure.message());
  }
  service::DeviceDescribeJobExecutionRequest describe;
  describe.thing_name = thing;
  describe.job_id = job_id;
  describe.scope = scope;
  describe.include_job_document = false;
  service_.DescribeJobExecutionForDevice(
      ctx_, std::move(describe),
      [responder, code, message = failure.message()](
          Result<std::optional<service::DeviceExecution>> r) {
        std::optional<json::object> state;
        if (r.ok() && *r) state = codec::ExecutionStateToJson((*r)->execution);
        responder.Reject(code, message, state);
      });
}

}  // namespace iotjobs::api
