#include "service/job_progress.h"

#include "common/log.h"

namespace iotjobs::service {

void CountExecutionChange(jobs::Job& job, std::optional<jobs::ExecutionStatus> from,
                          std::optional<jobs::ExecutionStatus> to, EpochMillis now) {
  jobs::CountChange(job.process_details, from, to);
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
    CountExecutionChange(job, from, std::nullopt, now);
  } else {
    jobs::ApplyTransition(execution, t.to, now);
    if (event == jobs::ExecutionEvent::kForceCancel) {
      execution.force_canceled = true;
    }
    IOTJOBS_RETURN_IF_ERROR(tx.UpdateExecution(execution));
    CountExecutionChange(job, from, t.to, now);
  }
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
