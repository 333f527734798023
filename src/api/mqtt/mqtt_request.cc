#include "api/mqtt/mqtt_request.h"

#include <boost/json.hpp>
#include <charconv>

namespace iotjobs::api {
namespace json = boost::json;
namespace topics = notify::topics;

namespace {

// Far deeper than any device request nests (statusDetails is a flat map); a deeper payload
// is refused before it is built.
constexpr size_t kMaxPayloadDepth = 32;

std::string_view OperationOf(topics::RequestKind kind) {
  switch (kind) {
    case topics::RequestKind::kGetPending: return "GetPendingJobExecutions";
    case topics::RequestKind::kStartNext: return "StartNextPendingJobExecution";
    case topics::RequestKind::kDescribe: return "DescribeJobExecution";
    case topics::RequestKind::kUpdate: return "UpdateJobExecution";
  }
  return "UpdateJobExecution";
}

void CoerceNumber(json::object& in, std::string_view key) {
  json::value* v = in.if_contains(key);
  if (!v || !v->is_string()) return;
  std::string_view s = v->get_string();
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
  if (ec == std::errc() && ptr == s.data() + s.size()) *v = n;
}

void CoerceBoolean(json::object& in, std::string_view key) {
  json::value* v = in.if_contains(key);
  if (!v || !v->is_string()) return;
  if (v->get_string() == "true") *v = true;
  else if (v->get_string() == "false") *v = false;
}

}  // namespace

std::optional<MqttRequest> ReadMqttRequest(const topics::Request& topic,
                                           std::string_view payload) {
  json::value body = json::object();
  if (!payload.empty()) {
    boost::system::error_code ec;
    json::parse_options options;
    options.max_depth = kMaxPayloadDepth;
    body = json::parse(payload, ec, {}, options);
    if (ec) return std::nullopt;
  }
  if (!body.is_object()) return std::nullopt;

  MqttRequest request;
  request.operation = OperationOf(topic.kind);
  request.input = std::move(body.get_object());
  json::object& in = request.input;
  if (const json::value* t = in.if_contains("clientToken"); t && t->is_string()) {
    request.client_token = std::string(t->get_string());
  }
  in.erase("clientToken");
  for (auto key : {"executionNumber", "expectedVersion", "stepTimeoutInMinutes"}) {
    CoerceNumber(in, key);
  }
  for (auto key : {"includeJobDocument", "includeJobExecutionState"}) CoerceBoolean(in, key);
  in["thingName"] = topic.thing;
  if (!topic.job_id.empty()) in["jobId"] = topic.job_id;
  return request;
}

}  // namespace iotjobs::api
