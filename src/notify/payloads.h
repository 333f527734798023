#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "jobs/arn.h"
#include "jobs/job.h"
#include "jobs/job_execution.h"

// The JSON of the jobs MQTT messages (docs/aws-behaviour.md, "MQTT jobs API" and
// "Notifications"): integer epoch seconds, a flat statusDetails map, the job document as an
// embedded JSON object.
namespace iotjobs::notify::payloads {

// notify: {"timestamp", "jobs": {"IN_PROGRESS": [...], "QUEUED": [...]}} of the device
// plane's JobExecutionSummary (codec/device_plane_json.h), an empty list left out.
std::string Notify(const std::vector<jobs::ExecutionSummary>& pending, EpochMillis now);

// notify-next: {"timestamp", "execution": {...}}, or only {"timestamp"} when nothing is
// pending. `document` is the job document text (embedded as JSON when it parses; `{}` when
// absent).
std::string NotifyNext(const std::optional<jobs::ExecutionSummary>& head,
                       const std::optional<std::string>& document, EpochMillis now);

// $aws/events/jobExecution/JOB/OPERATION (eventType JOB_EXECUTION).
std::string JobExecutionEvent(const jobs::JobExecution& e, std::string_view operation,
                              const jobs::ArnContext& arns, EpochMillis now);
// $aws/events/job/JOB/OPERATION (eventType JOB).
std::string JobEvent(const jobs::Job& job, std::string_view operation, EpochMillis now);

}  // namespace iotjobs::notify::payloads
