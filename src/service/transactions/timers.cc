#include "service/transactions/timers.h"

#include "service/job_progress.h"

namespace iotjobs::service::transactions {

Result<std::vector<store::DueTimer>> DueTimers(store::ReadTransaction& tx,
                                               const SweepRequest& req,
                                               const OperationContext& op) {
  return tx.ListDueTimers(op.now, req.limit);
}

Result<bool> TimeOutExecution(store::WriteTransaction& tx, const store::DueTimer& timer,
                              const OperationContext& op) {
  IOTJOBS_RETURN_IF_ERROR(tx.PrefetchJob(timer.job_id));  // read with the execution
  IOTJOBS_ASSIGN_OR_RETURN(
      auto e, tx.GetExecution(timer.job_id, timer.thing_name, timer.execution_number));
  if (!e) return false;  // deleted meanwhile
  if (e->status != jobs::ExecutionStatus::kInProgress) {
    // A timer left on an execution that is not running: stop it.
    e->in_progress_timeout_at.reset();
    e->step_timeout_at.reset();
    IOTJOBS_RETURN_IF_ERROR(tx.UpdateExecution(*e));
    return false;
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto job, JobForExecutionChange(tx, timer.job_id));
  if (!job) return false;
  IOTJOBS_RETURN_IF_ERROR(
      ApplyExecutionEvent(tx, *job, *e, jobs::ExecutionEvent::kTimeOut, op.now));
  return true;
}

Result<std::vector<store::DueJob>> DueJobs(store::ReadTransaction& tx, const SweepRequest& req,
                                           const OperationContext& op) {
  return tx.ListDueJobs(op.now, req.limit);
}

Result<Empty> ProgressDueJob(store::WriteTransaction& tx, const store::DueJob& job,
                             const OperationContext& op) {
  IOTJOBS_RETURN_IF_ERROR(ProgressJob(tx, job.job_id, op.now));
  return Empty{};
}

Result<std::vector<store::JobCountChange>> ChangedJobCounts(
    store::ReadTransaction& tx, const std::map<int64_t, int64_t>& after,
    const SweepRequest& req, const OperationContext&) {
  return tx.ListJobCountChanges(after, req.limit);
}

Result<bool> DecideChangedJob(store::WriteTransaction& tx, const std::string& job_id,
                              const OperationContext& op) {
  return DecideJob(tx, job_id, op.now);
}

}  // namespace iotjobs::service::transactions
