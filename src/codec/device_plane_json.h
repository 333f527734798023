#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "jobs/job_execution.h"

// The shapes of the device plane (the iot-jobs-data model and the jobs MQTT messages), each
// built here once: the HTTPS device API, the MQTT replies and the notify and notify-next
// messages all take them from here. Timestamps are whole epoch seconds and statusDetails is a
// flat map. The job document is the caller's to add: HTTPS sends it as a string, MQTT embeds
// it as a JSON object.
namespace iotjobs::codec {

// Whole epoch seconds, rounded down.
int64_t EpochWholeSeconds(EpochMillis t);

// JobExecution (DescribeJobExecution, StartNextPendingJobExecution): every member a reply
// carries but the job document.
boost::json::object DeviceExecutionToJson(const jobs::JobExecution& e, EpochMillis now);
// The execution of notify-next: the same shape, less what a summary does not hold
// (thingName, statusDetails, approximateSecondsBeforeTimedOut).
boost::json::object DeviceExecutionToJson(const jobs::ExecutionSummary& e);

// JobExecutionSummary (GetPendingJobExecutions, the MQTT get and notify).
boost::json::object DeviceSummaryToJson(const jobs::ExecutionSummary& e);

// GetPendingJobExecutions' answer, the same over HTTPS and MQTT (`get/accepted`).
boost::json::object PendingJobsToJson(const std::vector<jobs::ExecutionSummary>& in_progress,
                                      const std::vector<jobs::ExecutionSummary>& queued);

// JobExecutionState (UpdateJobExecution's executionState, and the MQTT rejections of a
// refused transition or a version mismatch).
boost::json::object ExecutionStateToJson(const jobs::JobExecution& e);

}  // namespace iotjobs::codec
