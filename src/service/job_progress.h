#pragma once

#include <optional>
#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "jobs/execution_state_machine.h"
#include "jobs/job.h"
#include "jobs/job_execution.h"
#include "store/store.h"

// How executions and their job move together: every change of an execution's status is
// counted in its job's jobProcessDetails, and a snapshot job completes when nothing is left,
// in the same transaction as the change.
namespace iotjobs::service {

// Completes a snapshot job that has nothing left to do (jobs::ShouldComplete). Does not
// write the job.
void CompleteIfDone(jobs::Job& job, EpochMillis now);

// Creates the next execution of `job` on `thing`, QUEUED, numbered one above the highest
// number the thing has for this job, and counts it in `job` (the caller writes the job).
Result<jobs::JobExecution> QueueExecution(store::WriteTransaction& tx, jobs::Job& job,
                                          const std::string& thing, EpochMillis now,
                                          int32_t retry_attempt = 0);

// Applies `event` to an execution through the state machine and writes the execution (or
// deletes it) and its job: counters, a retry when the execution failed or timed out and the
// retry config allows, an abort when the abort criteria are met, completion when nothing is
// left. Fails with the state machine's refusal, changing nothing.
Status ApplyExecutionEvent(store::WriteTransaction& tx, jobs::Job& job,
                           jobs::JobExecution& execution, jobs::ExecutionEvent event,
                           EpochMillis now);

// Marks the pending executions of `thing` REMOVED, for every job (`only_job` absent) or one;
// used when a thing is deleted or stops being a target.
Status RemovePendingExecutions(store::WriteTransaction& tx, const std::string& thing,
                               const std::optional<std::string>& only_job, EpochMillis now);

}  // namespace iotjobs::service
