#pragma once

#include <functional>
#include <string>

#include "service/service.h"

namespace iotjobs::api {

// The AWS IoT Jobs MQTT API (docs/aws-behaviour.md, "MQTT jobs API"): get, start-next,
// JOB/get (JOB may be $next) and JOB/update under $aws/things/THING/jobs/, plain or with a
// namespace-NS segment, each answered on REQUEST/accepted or REQUEST/rejected. The same
// service operations serve these requests as the HTTPS device plane, so both move
// executions through one state machine.
// Payload numbers may come as numeric strings (AWS's own examples send "expectedVersion":"1").
// Thread-safe; replies are published from the thread that completes the operation.
class JobsMqttApi {
 public:
  using Publish = std::function<void(const std::string& topic, const std::string& payload)>;

  // Requests act for `account_id` (devices authenticate to the broker, not to iotjobsd).
  JobsMqttApi(service::Service& service, std::string account_id, Publish publish);

  // One message from the broker. Replies and notifications (ours) are ignored; a topic
  // under the jobs prefix that is no API gets InvalidTopic.
  void Handle(const std::string& topic, const std::string& payload);

 private:
  service::Service& service_;
  service::CallContext ctx_;
  Publish publish_;
};

}  // namespace iotjobs::api
