#include "service/transactions/executions.h"

#include "jobs/job_rules.h"
#include "service/job_progress.h"
#include "service/messages.h"
#include "service/pagination.h"

namespace iotjobs::service::transactions {

Result<jobs::JobExecution> DescribeJobExecution(store::ReadTransaction& tx,
                                                const DescribeJobExecutionRequest& req,
                                                const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(
      auto e, tx.GetExecution(req.job_id, req.thing_name, req.execution_number));
  if (!e) {
    return NotFound(req.execution_number
                        ? messages::ExecutionNumberNotFound(req.job_id, req.thing_name,
                                                            *req.execution_number)
                        : messages::ExecutionNotFound(req.job_id, req.thing_name));
  }
  return std::move(*e);
}

Result<ListResult<jobs::JobExecution>> ListJobExecutionsForJob(
    store::ReadTransaction& tx, const ListJobExecutionsForJobRequest& req,
    const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJobWithoutCounts(req.job_id));
  if (!job) return NotFound(messages::JobNotFound(req.job_id));
  IOTJOBS_ASSIGN_OR_RETURN(auto rows, tx.ListExecutionsForJob(req.job_id, req.status, page));
  return ToListResult(std::move(rows));
}

Result<ListResult<jobs::ExecutionSummary>> ListJobExecutionsForThing(
    store::ReadTransaction& tx, const ListJobExecutionsForThingRequest& req,
    const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(req.thing_name));
  if (!thing) return NotFound(messages::ThingNotFound(req.thing_name));
  store::ExecutionFilter filter{req.status, req.namespace_id, req.job_id};
  IOTJOBS_ASSIGN_OR_RETURN(auto rows, tx.ListExecutionsForThing(req.thing_name, filter, page));
  return ToListResult(std::move(rows));
}

Result<Empty> CancelJobExecution(store::WriteTransaction& tx, const CancelJobExecutionRequest& req,
                                 const OperationContext& op) {
  IOTJOBS_RETURN_IF_ERROR(tx.PrefetchJob(req.job_id));  // read with the execution
  IOTJOBS_ASSIGN_OR_RETURN(auto e, tx.GetExecution(req.job_id, req.thing_name, std::nullopt));
  if (!e) return NotFound(messages::ExecutionNotFound(req.job_id, req.thing_name));
  IOTJOBS_ASSIGN_OR_RETURN(auto job, JobForExecutionChange(tx, req.job_id));
  if (!job) return NotFound(messages::JobNotFound(req.job_id));
  if (req.expected_version && *req.expected_version != e->version_number) {
    return VersionConflict(messages::VersionMismatch("the job execution",
                                                     *req.expected_version,
                                                     e->version_number));
  }
  if (req.status_details) {
    IOTJOBS_RETURN_IF_ERROR(jobs::CheckStatusDetails(*req.status_details));
    e->status_details = *req.status_details;
  }
  IOTJOBS_RETURN_IF_ERROR(ApplyExecutionEvent(
      tx, *job, *e,
      req.force ? jobs::ExecutionEvent::kForceCancel : jobs::ExecutionEvent::kCancel, op.now));
  return Empty{};
}

Result<Empty> DeleteJobExecution(store::WriteTransaction& tx, const DeleteJobExecutionRequest& req,
                                 const OperationContext& op) {
  IOTJOBS_RETURN_IF_ERROR(tx.PrefetchJob(req.job_id));  // read with the execution
  IOTJOBS_ASSIGN_OR_RETURN(
      auto e, tx.GetExecution(req.job_id, req.thing_name, req.execution_number));
  IOTJOBS_ASSIGN_OR_RETURN(auto job, JobForExecutionChange(tx, req.job_id));
  // An unknown job, thing or number, or a namespace that is not the job's, is 404
  // (docs/aws-behaviour.md, "DeleteJobExecution" and D23).
  if (!e || !job || !jobs::NamespaceMatches(*job, req.namespace_id)) {
    return NotFound(messages::ExecutionNumberNotFound(req.job_id, req.thing_name,
                                                      req.execution_number));
  }
  IOTJOBS_RETURN_IF_ERROR(ApplyExecutionEvent(
      tx, *job, *e,
      req.force ? jobs::ExecutionEvent::kForceDelete : jobs::ExecutionEvent::kDelete, op.now));
  return Empty{};
}

}  // namespace iotjobs::service::transactions
