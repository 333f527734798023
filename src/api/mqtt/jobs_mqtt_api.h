#pragma once

#include <functional>
#include <string>

#include "api/mqtt/mqtt_responder.h"
#include "service/service.h"

namespace iotjobs::api {

// The AWS IoT Jobs MQTT API (docs/aws-behaviour.md, "MQTT jobs API"): get, start-next,
// JOB/get (JOB may be $next) and JOB/update under $aws/things/THING/jobs/, plain or with a
// namespace-NS segment, each answered on REQUEST/accepted or REQUEST/rejected. A request is
// read as the device plane operation it asks for (mqtt_request.h), validated against the
// model and run by the same route handler as over HTTPS; an MqttResponder writes the answer
// in the MQTT shapes.
// Payload numbers may come as numeric strings (AWS's own examples send "expectedVersion":"1").
// Thread-safe; replies are published from the thread that completes the operation.
class JobsMqttApi {
 public:
  using Publish = MqttResponder::Publish;

  // Requests act for `account_id` (devices authenticate to the broker, not to iotjobsd).
  JobsMqttApi(service::Service& service, std::string account_id, Publish publish);

  // One message from the broker. Replies and notifications (ours) are ignored; a topic
  // under the jobs prefix that is no API gets InvalidTopic.
  void Handle(const std::string& topic, const std::string& payload);

 private:
  // Rejects with `failure`, with the execution's current state where AWS sends it.
  void Reject(const Status& failure, const std::string& thing, const std::string& job_id,
              const service::NamespaceScope& scope, const MqttResponder& responder);

  service::Service& service_;
  service::CallContext ctx_;
  Publish publish_;
};

}  // namespace iotjobs::api
