// Control-plane executions: DescribeJobExecution, ListJobExecutionsForJob,
// ListJobExecutionsForThing, CancelJobExecution, DeleteJobExecution: each runs its transaction
// body (transactions/executions.h) as one store transaction.
#include "service/service.h"
#include "service/transactions/executions.h"

namespace iotjobs::service {

void Service::DescribeJobExecution(const CallContext& ctx, DescribeJobExecutionRequest req,
                                   Callback<jobs::JobExecution> done) {
  ReadOp<jobs::JobExecution>(ctx, transactions::DescribeJobExecution, std::move(req),
                             std::move(done));
}

void Service::ListJobExecutionsForJob(const CallContext& ctx, ListJobExecutionsForJobRequest req,
                                      Callback<ListResult<jobs::JobExecution>> done) {
  ReadOp<ListResult<jobs::JobExecution>>(ctx, transactions::ListJobExecutionsForJob,
                                         std::move(req), std::move(done));
}

void Service::ListJobExecutionsForThing(const CallContext& ctx,
                                        ListJobExecutionsForThingRequest req,
                                        Callback<ListResult<jobs::ExecutionSummary>> done) {
  ReadOp<ListResult<jobs::ExecutionSummary>>(ctx, transactions::ListJobExecutionsForThing,
                                             std::move(req), std::move(done));
}

void Service::CancelJobExecution(const CallContext& ctx, CancelJobExecutionRequest req,
                                 Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::CancelJobExecution, std::move(req), std::move(done));
}

void Service::DeleteJobExecution(const CallContext& ctx, DeleteJobExecutionRequest req,
                                 Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::DeleteJobExecution, std::move(req), std::move(done));
}

}  // namespace iotjobs::service
