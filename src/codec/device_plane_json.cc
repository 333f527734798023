#include "codec/device_plane_json.h"

#include <boost/json.hpp>
#include <type_traits>

#include "codec/json_fields.h"

namespace iotjobs::codec {
namespace json = boost::json;

int64_t EpochWholeSeconds(EpochMillis t) { return t >= 0 ? t / 1000 : (t - 999) / 1000; }

namespace {

// The device plane's execution shapes are one list of members in one order: JobExecution
// has them all; notify-next's execution those a summary holds; JobExecutionSummary those
// less the status.
template <typename Execution>  // jobs::JobExecution or jobs::ExecutionSummary
json::object ExecutionMembers(const Execution& e, bool with_status, EpochMillis now) {
  constexpr bool kWhole = std::is_same_v<Execution, jobs::JobExecution>;
  json::object o;
  o["jobId"] = e.job_id;
  if constexpr (kWhole) o["thingName"] = e.thing_name;
  if (with_status) o["status"] = jobs::ToString(e.status);
  if constexpr (kWhole) o["statusDetails"] = ToJsonObject(e.status_details);
  o["queuedAt"] = EpochWholeSeconds(e.queued_at);
  if (e.started_at) o["startedAt"] = EpochWholeSeconds(*e.started_at);
  o["lastUpdatedAt"] = EpochWholeSeconds(e.last_updated_at);
  if constexpr (kWhole) {
    if (auto left = jobs::ApproximateSecondsBeforeTimedOut(e, now)) {
      o["approximateSecondsBeforeTimedOut"] = *left;
    }
  }
  o["versionNumber"] = e.version_number;
  o["executionNumber"] = e.execution_number;
  return o;
}

}  // namespace

json::object DeviceExecutionToJson(const jobs::JobExecution& e, EpochMillis now) {
  return ExecutionMembers(e, /*with_status=*/true, now);
}

json::object DeviceExecutionToJson(const jobs::ExecutionSummary& e) {
  return ExecutionMembers(e, /*with_status=*/true, /*now=*/0);  // a summary has no timers
}

json::object DeviceSummaryToJson(const jobs::ExecutionSummary& e) {
  return ExecutionMembers(e, /*with_status=*/false, /*now=*/0);
}

json::object PendingJobsToJson(const std::vector<jobs::ExecutionSummary>& in_progress,
                               const std::vector<jobs::ExecutionSummary>& queued) {
  auto summaries = [](const std::vector<jobs::ExecutionSummary>& executions) {
    json::array out;
    for (const auto& e : executions) out.push_back(DeviceSummaryToJson(e));
    return out;
  };
  return {{"inProgressJobs", summaries(in_progress)}, {"queuedJobs", summaries(queued)}};
}

json::object ExecutionStateToJson(const jobs::JobExecution& e) {
  return {{"status", jobs::ToString(e.status)},
          {"statusDetails", ToJsonObject(e.status_details)},
          {"versionNumber", e.version_number}};
}

}  // namespace iotjobs::codec
