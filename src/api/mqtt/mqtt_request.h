#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "notify/topics.h"

namespace iotjobs::api {

// A jobs MQTT request read as the device plane operation it asks for, so that the HTTPS
// device plane's route handler can serve it.
struct MqttRequest {
  std::string_view operation;  // the device plane model's operation name
  // The operation's input before validation: the payload's members, with thingName and
  // jobId from the topic. Payload numbers may come as numeric strings and booleans as
  // "true"/"false" (AWS's own examples send "expectedVersion":"1"); they are made JSON
  // numbers and booleans here.
  boost::json::object input;
  // Echoed in the reply; not part of the operation's input.
  std::optional<std::string> client_token;
};

// The operation and input of a request topic (classified by notify::topics) and its payload.
// An empty payload is an empty object. nullopt: the payload is no JSON object (InvalidJson).
std::optional<MqttRequest> ReadMqttRequest(const notify::topics::Request& topic,
                                           std::string_view payload);

}  // namespace iotjobs::api
