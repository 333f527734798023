#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "common/clock.h"
#include "common/status.h"
#include "jobs/execution_status.h"

namespace iotjobs::jobs {

// One execution of a job on a thing. (job_id, thing_name, execution_number) identifies it;
// numbers start at 1 per job and thing and rise with each retry or re-run.
struct JobExecution {
  std::string job_id;
  std::string thing_name;
  int64_t execution_number = 1;
  ExecutionStatus status = ExecutionStatus::kQueued;
  bool force_canceled = false;
  std::map<std::string, std::string> status_details;
  EpochMillis queued_at = 0;
  std::optional<EpochMillis> started_at;
  EpochMillis last_updated_at = 0;
  int64_t version_number = 1;  // starts at 1 (docs/aws-behaviour.md, D12), +1 on every change
  int32_t retry_attempt = 0;
  // Copied from the job so the per-thing lists filter on it without a join.
  std::optional<std::string> namespace_id;
  // When the in-progress timer and the step timer fire (absent: not running).
  std::optional<EpochMillis> in_progress_timeout_at;
  std::optional<EpochMillis> step_timeout_at;
};

// What an execution's summary shows: JobExecutionSummary(ForThing) of
// ListJobExecutionsForThing, the device plane's JobExecutionSummary (GetPendingJobExecutions,
// the MQTT get, notify and notify-next), plus status and namespace to sort and filter on. The
// store answers these lists from an index alone (store/migrations/sqlite/0003_*.sql), so
// there is no statusDetails and no timer here: read the JobExecution for those.
struct ExecutionSummary {
  std::string job_id;
  std::string thing_name;
  int64_t execution_number = 1;
  ExecutionStatus status = ExecutionStatus::kQueued;
  EpochMillis queued_at = 0;
  std::optional<EpochMillis> started_at;
  EpochMillis last_updated_at = 0;
  int64_t version_number = 1;
  int32_t retry_attempt = 0;
  std::optional<std::string> namespace_id;
};

// Seconds until the earlier running timer fires, for approximateSecondsBeforeTimedOut;
// absent when no timer runs or the execution is terminal.
std::optional<int64_t> ApproximateSecondsBeforeTimedOut(const JobExecution& execution,
                                                        EpochMillis now);

}  // namespace iotjobs::jobs

namespace iotjobs::jobs {

// Applies an allowed transition to an execution: the new status, version + 1,
// lastUpdatedAt = now, startedAt on first entering IN_PROGRESS, timers stopped once terminal.
// REQUIRES: !transition.deletes.
void ApplyTransition(JobExecution& execution, ExecutionStatus to, EpochMillis now);

}  // namespace iotjobs::jobs

namespace iotjobs::jobs {

// statusDetails as AWS bounds it (docs/aws-behaviour.md, D6): at most 10 pairs, values at most 1024
// characters (keys are bounded by the model: 1..128 of [a-zA-Z0-9:_-]). kInvalidRequest.
Status CheckStatusDetails(const std::map<std::string, std::string>& details);

// stepTimeoutInMinutes: 1..10080, or -1 to cancel the running step timer. kInvalidRequest.
Status CheckStepTimeout(int64_t minutes);

// Starts, replaces or (-1) cancels the step timer at `now`.
void SetStepTimer(JobExecution& execution, int64_t minutes, EpochMillis now);

}  // namespace iotjobs::jobs
