#include "service/job_progress.h"

#include "common/log.h"
#include "jobs/job_policies.h"

namespace iotjobs::service {
namespace {

// Another attempt for a FAILED or TIMED_OUT execution, when the retry config allows it.
Status RetryIfAllowed(store::WriteTransaction& tx, jobs::Job& job,
                      const jobs::JobExecution& finished, EpochMillis now) {
  if (!job.retry_config) return Status::Ok();
  jobs::AttemptCounts attempts;
  store::ExecutionFilter filter{std::nullopt, std::nullopt, job.job_id};
  store::PageRequest page{"", 100};
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(auto rows, tx.ListExecutionsForThing(finished.thing_name, filter, page));
    for (const auto& e : rows.items) {
      attempts.failed += e.status == jobs::ExecutionStatus::kFailed;
      attempts.timed_out += e.status == jobs::ExecutionStatus::kTimedOut;
    }
    if (rows.next.empty()) break;
    page.after = rows.next;
  }
  if (!jobs::ShouldRetry(job, finished, attempts)) return Status::Ok();
  return QueueExecution(tx, job, finished.thing_name, now, finished.retry_attempt + 1).status();
}

// abortConfig met: the job is canceled and its QUEUED executions with it; IN_PROGRESS ones
// keep running (fact sheet §2.1, abortConfig).
Status AbortIfCriteriaMet(store::WriteTransaction& tx, jobs::Job& job, EpochMillis now) {
  if (!jobs::ShouldAbort(job)) return Status::Ok();
  IOTJOBS_LOG(kInfo) << "job " << job.job_id << " of account " << tx.account_id()
                     << " met its abort criteria and is canceled";
  job.status = jobs::JobStatus::kCanceled;
  job.last_updated_at = now;
  store::PageRequest page{"", 500};
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(
        auto rows, tx.ListExecutionsForJob(job.job_id, jobs::ExecutionStatus::kQueued, page));
    for (auto& e : rows.items) {
      jobs::ApplyTransition(e, jobs::ExecutionStatus::kCanceled, now);
      IOTJOBS_RETURN_IF_ERROR(tx.UpdateExecution(e));
      jobs::CountChange(job.process_details, jobs::ExecutionStatus::kQueued,
                        jobs::ExecutionStatus::kCanceled);
    }
    if (rows.next.empty()) break;
    page.after = rows.next;
  }
  return Status::Ok();
}

}  // namespace

void CompleteIfDone(jobs::Job& job, EpochMillis now) {
  if (jobs::ShouldComplete(job)) {
    job.status = jobs::JobStatus::kCompleted;
    job.completed_at = now;
    job.last_updated_at = now;
  }
}

Result<jobs::JobExecution> QueueExecution(store::WriteTransaction& tx, jobs::Job& job,
                                          const std::string& thing, EpochMillis now,
                                          int32_t retry_attempt) {
  IOTJOBS_ASSIGN_OR_RETURN(auto latest, tx.GetExecution(job.job_id, thing, std::nullopt));
  jobs::JobExecution e;
  e.job_id = job.job_id;
  e.thing_name = thing;
  e.execution_number = latest ? latest->execution_number + 1 : 1;
  e.status = jobs::ExecutionStatus::kQueued;
  e.queued_at = now;
  e.last_updated_at = now;
  e.version_number = 1;
  e.retry_attempt = retry_attempt;
  e.namespace_id = job.namespace_id;
  IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(e));
  jobs::CountChange(job.process_details, std::nullopt, jobs::ExecutionStatus::kQueued);
  return e;
}

Status ApplyExecutionEvent(store::WriteTransaction& tx, jobs::Job& job,
                           jobs::JobExecution& execution, jobs::ExecutionEvent event,
                           EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::Transition t, jobs::ApplyEvent(execution.status, event));
  jobs::ExecutionStatus from = execution.status;
  if (t.deletes) {
    IOTJOBS_RETURN_IF_ERROR(
        tx.DeleteExecution(execution.job_id, execution.thing_name, execution.execution_number));
    jobs::CountChange(job.process_details, from, std::nullopt);
  } else {
    jobs::ApplyTransition(execution, t.to, now);
    // The in-progress timer starts when the execution first enters IN_PROGRESS; a timeout
    // changed later (UpdateJob) applies to executions that start after it (fact sheet §9 #17).
    if (from == jobs::ExecutionStatus::kQueued && t.to == jobs::ExecutionStatus::kInProgress &&
        job.timeout_config && job.timeout_config->in_progress_timeout_in_minutes) {
      execution.in_progress_timeout_at =
          now + *job.timeout_config->in_progress_timeout_in_minutes * 60'000;
    }
    if (event == jobs::ExecutionEvent::kForceCancel) execution.force_canceled = true;
    IOTJOBS_RETURN_IF_ERROR(tx.UpdateExecution(execution));
    jobs::CountChange(job.process_details, from, t.to);
    if (jobs::IsTerminal(t.to)) {
      IOTJOBS_RETURN_IF_ERROR(RetryIfAllowed(tx, job, execution, now));
      IOTJOBS_RETURN_IF_ERROR(AbortIfCriteriaMet(tx, job, now));
    }
  }
  CompleteIfDone(job, now);
  return tx.UpdateJob(job);
}

Status RemovePendingExecutions(store::WriteTransaction& tx, const std::string& thing,
                               const std::optional<std::string>& only_job, EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(auto pending, tx.ListPendingExecutionsForThing(thing, 1 << 30));
  for (auto& e : pending) {
    if (only_job && e.job_id != *only_job) continue;
    IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(e.job_id));
    if (!job) {
      IOTJOBS_LOG(kWarn) << "service: execution of missing job " << e.job_id << " on " << thing;
      continue;
    }
    IOTJOBS_RETURN_IF_ERROR(ApplyExecutionEvent(tx, *job, e, jobs::ExecutionEvent::kRemove, now));
  }
  return Status::Ok();
}

}  // namespace iotjobs::service
