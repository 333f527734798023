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

// Creates the next execution of `job` on `thing`, QUEUED, numbered one above `latest` (the
// thing's latest execution of the job, which every caller has read already to decide; none:
// number 1), and counts it in `job` (the caller writes the job).
Result<jobs::JobExecution> QueueExecution(store::WriteTransaction& tx, jobs::Job& job,
                                          const std::string& thing,
                                          const std::optional<jobs::JobExecution>& latest,
                                          EpochMillis now, int32_t retry_attempt = 0);

// Applies `event` to an execution through the state machine and writes the execution (or
// deletes it) and its job: counters, a retry when the execution failed or timed out and the
// retry config allows, and, when the job's counters are known (JobForExecutionChange), an
// abort when the abort criteria are met and completion when nothing is left. The job's row is
// written only when the job changed; otherwise only the counters are added to. Fails with
// the state machine's refusal, changing nothing.
Status ApplyExecutionEvent(store::WriteTransaction& tx, jobs::Job& job,
                           jobs::JobExecution& execution, jobs::ExecutionEvent event,
                           EpochMillis now);

// The whole execution a summary (ListPendingExecutionsForThing, ListExecutionsForThing)
// stands for, read by its key in the same transaction; kInternalFailure if it is gone.
Result<jobs::JobExecution> ExecutionOf(store::ReadTransaction& tx,
                                       const jobs::ExecutionSummary& summary);

// Writes a job after computing when the background worker must look at it next, with its
// unsaved counter changes.
Status SaveJob(store::WriteTransaction& tx, jobs::Job& job, EpochMillis now);

// Writes a job's unsaved counter changes without its row (store::JobWrites::AddJobCounts).
Status SaveCounts(store::WriteTransaction& tx, jobs::Job& job);

// The job an execution change applies to (ApplyExecutionEvent): with its summed counters
// where the store decides inline, without them where the background worker decides
// (store::JobDecisions).
Result<std::optional<jobs::Job>> JobForExecutionChange(store::ReadTransaction& tx,
                                                       std::string_view job_id);

// The background worker's decision on a job whose counters changed without it
// (store::JobDecisions::kFolded): aborts it when its abort criteria are met, completes it
// when nothing is left. Returns whether the job changed.
Result<bool> DecideJob(store::WriteTransaction& tx, const std::string& job_id, EpochMillis now);

// Whether the job whose executions are released is being created by this transaction: it
// then has no executions but those this release makes (a job's executions go before its row
// does), so the release asks the store nothing about them: one lookup per target fewer, each
// a lookup that finds nothing, which on PostgreSQL also leaves a predicate lock on an index
// page for the rest of the transaction (serializable isolation).
enum class JobAge { kNew, kStored };

// Releases up to `limit` executions of a rolling-out job, as its rollout rate allows, walking
// its targets (jobs/rollout.h); a thing that already has an execution of the job is passed
// over. Clears job.rollout when every target is reached. Does not write the job.
Status ReleaseExecutions(store::WriteTransaction& tx, jobs::Job& job, EpochMillis now,
                         int64_t limit, JobAge age = JobAge::kStored);

// The rollout state of a job about to start: its direct thing targets and every group of
// its target groups' trees.
Result<jobs::RolloutState> PlanRollout(store::ReadTransaction& tx, const jobs::Job& job,
                                       EpochMillis now);

// Cancels the pending executions of `job` (CancelJob, abort, scheduled end): QUEUED ones,
// and IN_PROGRESS ones too when `force`. Does not write the job.
Status CancelPendingExecutions(store::WriteTransaction& tx, jobs::Job& job, bool force,
                               EpochMillis now);

// The background worker's step for one due job: start a scheduled job, release the next
// executions of a rollout, apply the scheduled end, or delete the next executions of a job
// being deleted. Writes the job (or removes it when its deletion finished).
Status ProgressJob(store::WriteTransaction& tx, const std::string& job_id, EpochMillis now);

// Marks the pending executions of `thing` REMOVED, for every job (`only_job` absent) or one;
// used when a thing is deleted or stops being a target.
Status RemovePendingExecutions(store::WriteTransaction& tx, const std::string& thing,
                               const std::optional<std::string>& only_job, EpochMillis now);

}  // namespace iotjobs::service
