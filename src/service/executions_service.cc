// Control-plane executions: DescribeJobExecution, ListJobExecutionsForJob,
// ListJobExecutionsForThing, CancelJobExecution, DeleteJobExecution.
#include "jobs/job_rules.h"
#include "service/job_progress.h"
#include "service/messages.h"
#include "service/pagination.h"
#include "service/service.h"

namespace iotjobs::service {

void Service::DescribeJobExecution(const CallContext& ctx, DescribeJobExecutionRequest req,
                                   Callback<jobs::JobExecution> done) {
  RunRead<jobs::JobExecution>(
      store_, ctx.account_id,
      [req = std::move(req)](store::ReadTransaction& tx) -> Result<jobs::JobExecution> {
        IOTJOBS_ASSIGN_OR_RETURN(
            auto e, tx.GetExecution(req.job_id, req.thing_name, req.execution_number));
        if (!e) {
          return NotFound(req.execution_number
                              ? messages::ExecutionNumberNotFound(req.job_id, req.thing_name,
                                                                  *req.execution_number)
                              : messages::ExecutionNotFound(req.job_id, req.thing_name));
        }
        return std::move(*e);
      },
      std::move(done));
}

void Service::ListJobExecutionsForJob(const CallContext& ctx, ListJobExecutionsForJobRequest req,
                                      Callback<ListResult<jobs::JobExecution>> done) {
  RunRead<ListResult<jobs::JobExecution>>(
      store_, ctx.account_id,
      [req = std::move(req)](store::ReadTransaction& tx) -> Result<ListResult<jobs::JobExecution>> {
        IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
        IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(req.job_id));
        if (!job) return NotFound(messages::JobNotFound(req.job_id));
        IOTJOBS_ASSIGN_OR_RETURN(auto rows, tx.ListExecutionsForJob(req.job_id, req.status, page));
        return ListResult<jobs::JobExecution>{std::move(rows.items), ToNextToken(rows.next)};
      },
      std::move(done));
}

void Service::ListJobExecutionsForThing(const CallContext& ctx,
                                        ListJobExecutionsForThingRequest req,
                                        Callback<ListResult<jobs::ExecutionSummary>> done) {
  RunRead<ListResult<jobs::ExecutionSummary>>(
      store_, ctx.account_id,
      [req = std::move(req)](store::ReadTransaction& tx)
          -> Result<ListResult<jobs::ExecutionSummary>> {
        IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
        IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(req.thing_name));
        if (!thing) return NotFound(messages::ThingNotFound(req.thing_name));
        store::ExecutionFilter filter{req.status, req.namespace_id, req.job_id};
        IOTJOBS_ASSIGN_OR_RETURN(auto rows, tx.ListExecutionsForThing(req.thing_name, filter, page));
        return ListResult<jobs::ExecutionSummary>{std::move(rows.items), ToNextToken(rows.next)};
      },
      std::move(done));
}

void Service::CancelJobExecution(const CallContext& ctx, CancelJobExecutionRequest req,
                                 Callback<Empty> done) {
  EpochMillis now = Now();
  Write<Empty>(ctx.account_id,
      [req = std::move(req), now](store::WriteTransaction& tx) -> Result<Empty> {
        IOTJOBS_ASSIGN_OR_RETURN(auto e, tx.GetExecution(req.job_id, req.thing_name, std::nullopt));
        if (!e) return NotFound(messages::ExecutionNotFound(req.job_id, req.thing_name));
        IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(req.job_id));
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
            req.force ? jobs::ExecutionEvent::kForceCancel : jobs::ExecutionEvent::kCancel, now));
        return Empty{};
      },
      std::move(done));
}

void Service::DeleteJobExecution(const CallContext& ctx, DeleteJobExecutionRequest req,
                                 Callback<Empty> done) {
  EpochMillis now = Now();
  Write<Empty>(ctx.account_id,
      [req = std::move(req), now](store::WriteTransaction& tx) -> Result<Empty> {
        IOTJOBS_ASSIGN_OR_RETURN(
            auto e, tx.GetExecution(req.job_id, req.thing_name, req.execution_number));
        IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(req.job_id));
        // An unknown job, thing or number, or a namespace that is not the job's, is 404
        // (docs/aws-behaviour.md, "DeleteJobExecution" and D23).
        if (!e || !job || !jobs::NamespaceMatches(*job, req.namespace_id)) {
          return NotFound(messages::ExecutionNumberNotFound(req.job_id, req.thing_name,
                                                            req.execution_number));
        }
        IOTJOBS_RETURN_IF_ERROR(ApplyExecutionEvent(
            tx, *job, *e,
            req.force ? jobs::ExecutionEvent::kForceDelete : jobs::ExecutionEvent::kDelete, now));
        return Empty{};
      },
      std::move(done));
}

}  // namespace iotjobs::service
