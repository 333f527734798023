#include "service/transactions/device.h"

#include "service/job_documents.h"
#include "service/job_progress.h"
#include "service/messages.h"

namespace iotjobs::service::transactions {
namespace {

// GetPendingJobExecutions returns at most 10 pending executions (AWS quota).
constexpr int kMaxPendingShown = 10;
constexpr std::string_view kNext = "$next";

Status RequireThing(store::ReadTransaction& tx, const std::string& thing) {
  IOTJOBS_ASSIGN_OR_RETURN(auto t, tx.GetThing(thing));
  if (!t) return NotFound(messages::ThingNotFound(thing));
  return Status::Ok();
}

// The pending executions of a thing a request may see, IN_PROGRESS first, then oldest first.
Result<std::vector<jobs::ExecutionSummary>> Pending(store::ReadTransaction& tx,
                                                    const std::string& thing,
                                                    const std::optional<NamespaceScope>& scope,
                                                    int limit) {
  if (!scope) return tx.ListPendingExecutionsForThing(thing, limit);
  IOTJOBS_ASSIGN_OR_RETURN(auto all, tx.ListPendingExecutionsForThing(thing, 1 << 20));
  std::vector<jobs::ExecutionSummary> out;
  for (auto& e : all) {
    if (static_cast<int>(out.size()) == limit) break;
    if (scope->Admits(e.namespace_id)) out.push_back(std::move(e));
  }
  return out;
}

// The next pending execution of a thing: every IN_PROGRESS one first, then the oldest QUEUED.
Result<std::optional<jobs::JobExecution>> NextPending(store::ReadTransaction& tx,
                                                      const std::string& thing,
                                                      const std::optional<NamespaceScope>& scope) {
  IOTJOBS_ASSIGN_OR_RETURN(auto pending, Pending(tx, thing, scope, 1));
  if (pending.empty()) return std::optional<jobs::JobExecution>();
  IOTJOBS_ASSIGN_OR_RETURN(jobs::JobExecution next, ExecutionOf(tx, pending.front()));
  return std::optional<jobs::JobExecution>(std::move(next));
}

// An execution that exists but is outside the request's namespace scope is not found.
bool Hidden(const std::optional<jobs::JobExecution>& e,
            const std::optional<NamespaceScope>& scope) {
  return e && scope && !scope->Admits(e->namespace_id);
}

Result<std::optional<std::string>> DocumentIf(store::ReadTransaction& tx, bool wanted,
                                              const std::string& job_id,
                                              const OperationContext& op) {
  if (!wanted) return std::optional<std::string>();
  return LoadDocumentForDelivery(tx, job_id, op.object_store, op.now);
}

}  // namespace

Result<PendingExecutions> GetPendingJobExecutions(store::ReadTransaction& tx,
                                                  const GetPendingJobExecutionsRequest& req,
                                                  const OperationContext&) {
  IOTJOBS_RETURN_IF_ERROR(RequireThing(tx, req.thing_name));
  IOTJOBS_ASSIGN_OR_RETURN(auto pending,
                           Pending(tx, req.thing_name, req.scope, kMaxPendingShown));
  PendingExecutions out;
  for (auto& e : pending) {
    (e.status == jobs::ExecutionStatus::kInProgress ? out.in_progress : out.queued)
        .push_back(std::move(e));
  }
  return out;
}

Result<std::optional<DeviceExecution>> StartNextPendingJobExecution(
    store::WriteTransaction& tx, const StartNextPendingJobExecutionRequest& req,
    const OperationContext& op) {
  if (req.status_details) {
    IOTJOBS_RETURN_IF_ERROR(jobs::CheckStatusDetails(*req.status_details));
  }
  if (req.step_timeout_in_minutes) {
    IOTJOBS_RETURN_IF_ERROR(jobs::CheckStepTimeout(*req.step_timeout_in_minutes));
  }
  IOTJOBS_RETURN_IF_ERROR(RequireThing(tx, req.thing_name));
  IOTJOBS_ASSIGN_OR_RETURN(auto next, NextPending(tx, req.thing_name, req.scope));
  if (!next) return std::optional<DeviceExecution>();
  // An execution already IN_PROGRESS is handed back as it is, details kept.
  if (next->status == jobs::ExecutionStatus::kQueued) {
    IOTJOBS_ASSIGN_OR_RETURN(auto job, JobForExecutionChange(tx, next->job_id));
    if (!job) return NotFound(messages::JobNotFound(next->job_id));
    if (req.status_details) next->status_details = *req.status_details;
    if (req.step_timeout_in_minutes) {
      jobs::SetStepTimer(*next, *req.step_timeout_in_minutes, op.now);
    }
    IOTJOBS_RETURN_IF_ERROR(ApplyExecutionEvent(
        tx, *job, *next, jobs::ExecutionEvent::kDeviceInProgress, op.now));
  }
  IOTJOBS_ASSIGN_OR_RETURN(
      auto document, LoadDocumentForDelivery(tx, next->job_id, op.object_store, op.now));
  return std::optional<DeviceExecution>(DeviceExecution{std::move(*next), document});
}

Result<std::optional<DeviceExecution>> DescribeJobExecutionForDevice(
    store::ReadTransaction& tx, const DeviceDescribeJobExecutionRequest& req,
    const OperationContext& op) {
  std::optional<jobs::JobExecution> e;
  if (req.job_id == kNext) {
    IOTJOBS_RETURN_IF_ERROR(RequireThing(tx, req.thing_name));
    IOTJOBS_ASSIGN_OR_RETURN(e, NextPending(tx, req.thing_name, req.scope));
    // Nothing pending: 200 without an execution (docs/aws-behaviour.md, "When nothing
    // is pending").
    if (!e) return std::optional<DeviceExecution>();
  } else {
    IOTJOBS_ASSIGN_OR_RETURN(e, tx.GetExecution(req.job_id, req.thing_name,
                                                req.execution_number));
    if (!e || Hidden(e, req.scope)) {
      return NotFound(req.execution_number
                          ? messages::ExecutionNumberNotFound(req.job_id, req.thing_name,
                                                              *req.execution_number)
                          : messages::ExecutionNotFound(req.job_id, req.thing_name));
    }
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto document, DocumentIf(tx, req.include_job_document, e->job_id, op));
  return std::optional<DeviceExecution>(DeviceExecution{std::move(*e), document});
}

Result<UpdateJobExecutionResult> UpdateJobExecution(store::WriteTransaction& tx,
                                                    const UpdateJobExecutionRequest& req,
                                                    const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::ExecutionEvent event, jobs::DeviceEventFor(req.status));
  if (req.status_details) {
    IOTJOBS_RETURN_IF_ERROR(jobs::CheckStatusDetails(*req.status_details));
  }
  if (req.step_timeout_in_minutes) {
    IOTJOBS_RETURN_IF_ERROR(jobs::CheckStepTimeout(*req.step_timeout_in_minutes));
  }
  // Both reads' keys come with the request: the job's goes with the execution's.
  IOTJOBS_RETURN_IF_ERROR(tx.PrefetchJob(req.job_id));
  IOTJOBS_ASSIGN_OR_RETURN(
      auto e, tx.GetExecution(req.job_id, req.thing_name, req.execution_number));
  if (!e || Hidden(e, req.scope)) {
    return NotFound(req.execution_number
                        ? messages::ExecutionNumberNotFound(req.job_id, req.thing_name,
                                                            *req.execution_number)
                        : messages::ExecutionNotFound(req.job_id, req.thing_name));
  }
  // A stale expectedVersion changes nothing. The HTTP model has no version error for
  // this operation, so its only 409 carries it (docs/aws-behaviour.md, D8).
  if (req.expected_version && *req.expected_version != e->version_number) {
    return Status(ErrorCode::kVersionMismatch,
                  messages::VersionMismatch("the job execution", *req.expected_version,
                                            e->version_number));
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto job, JobForExecutionChange(tx, req.job_id));
  if (!job) return NotFound(messages::JobNotFound(req.job_id));
  // Refuse before touching anything: terminal executions stay as they are.
  IOTJOBS_RETURN_IF_ERROR(jobs::ApplyEvent(e->status, event).status());
  if (req.status_details) e->status_details = *req.status_details;
  if (req.step_timeout_in_minutes && !jobs::IsTerminal(req.status)) {
    jobs::SetStepTimer(*e, *req.step_timeout_in_minutes, op.now);
  }
  IOTJOBS_RETURN_IF_ERROR(ApplyExecutionEvent(tx, *job, *e, event, op.now));
  IOTJOBS_ASSIGN_OR_RETURN(auto document, DocumentIf(tx, req.include_job_document, e->job_id, op));
  return UpdateJobExecutionResult{std::move(*e), std::move(document)};
}

}  // namespace iotjobs::service::transactions
