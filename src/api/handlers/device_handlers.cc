// The device plane (iot-jobs-data), served over HTTPS and, through api/mqtt, over MQTT: the
// same handler maps a request's input to the service and its result to the output shape.
#include <boost/json.hpp>

#include "api/handlers/handler.h"
#include "api/handlers/input.h"
#include "codec/device_plane_json.h"

namespace iotjobs::api {
namespace json = boost::json;

namespace {
std::optional<std::map<std::string, std::string>> DetailsOf(const json::object& in) {
  if (!codec::Member(in, "statusDetails")) return std::nullopt;
  return GetStringMap(in, "statusDetails");
}

// {"execution": {...}} or {} when there is none. The job document goes as a string (the
// MQTT responder embeds it).
auto OptionalExecution(service::Service& service) {
  return [&service](const std::optional<service::DeviceExecution>& e) {
    if (!e) return json::value(json::object());
    json::object execution = codec::DeviceExecutionToJson(e->execution, service.Now());
    if (e->job_document) execution["jobDocument"] = *e->job_document;
    return json::value{{"execution", std::move(execution)}};
  };
}
}  // namespace

void HandleGetPendingJobExecutions(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.GetPendingJobExecutions(
      ctx.call, Required(in, "thingName"), ctx.scope,
      Reply<service::PendingExecutions>(std::move(respond),
                                        [](const service::PendingExecutions& p) {
                                          return json::value(
                                              codec::PendingJobsToJson(p.in_progress, p.queued));
                                        }));
}

void HandleStartNextPendingJobExecution(const HandlerContext& ctx, json::object in,
                                        Respond respond) {
  service::StartNextPendingJobExecutionRequest req{Required(in, "thingName"), ctx.scope,
                                                   DetailsOf(in), GetInt(in, "stepTimeoutInMinutes")};
  ctx.service.StartNextPendingJobExecution(
      ctx.call, std::move(req),
      Reply<std::optional<service::DeviceExecution>>(std::move(respond),
                                                     OptionalExecution(ctx.service)));
}

void HandleDeviceDescribeJobExecution(const HandlerContext& ctx, json::object in,
                                      Respond respond) {
  service::DeviceDescribeJobExecutionRequest req;
  req.thing_name = Required(in, "thingName");
  req.scope = ctx.scope;
  req.job_id = Required(in, "jobId");
  req.execution_number = GetInt(in, "executionNumber");
  req.include_job_document = GetBool(in, "includeJobDocument").value_or(true);
  ctx.service.DescribeJobExecutionForDevice(
      ctx.call, std::move(req),
      Reply<std::optional<service::DeviceExecution>>(std::move(respond),
                                                     OptionalExecution(ctx.service)));
}

void HandleUpdateJobExecution(const HandlerContext& ctx, json::object in, Respond respond) {
  service::UpdateJobExecutionRequest req;
  req.thing_name = Required(in, "thingName");
  req.scope = ctx.scope;
  req.job_id = Required(in, "jobId");
  req.status = jobs::ParseExecutionStatus(Required(in, "status")).value_or(jobs::ExecutionStatus::kQueued);
  req.status_details = DetailsOf(in);
  req.step_timeout_in_minutes = GetInt(in, "stepTimeoutInMinutes");
  req.expected_version = GetInt(in, "expectedVersion");
  req.execution_number = GetInt(in, "executionNumber");
  req.include_job_execution_state = GetBool(in, "includeJobExecutionState").value_or(false);
  req.include_job_document = GetBool(in, "includeJobDocument").value_or(false);
  bool include_state = req.include_job_execution_state;
  ctx.service.UpdateJobExecution(
      ctx.call, std::move(req),
      Reply<service::UpdateJobExecutionResult>(
          std::move(respond), [include_state](const service::UpdateJobExecutionResult& r) {
            json::object o;
            if (include_state) o["executionState"] = codec::ExecutionStateToJson(r.execution);
            if (r.job_document) o["jobDocument"] = *r.job_document;
            return json::value(std::move(o));
          }));
}

}  // namespace iotjobs::api
