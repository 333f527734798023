#pragma once

#include "common/result.h"
#include "jobs/job_execution.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// The control plane's execution operations as transaction bodies: DescribeJobExecution,
// ListJobExecutionsForJob, ListJobExecutionsForThing, CancelJobExecution, DeleteJobExecution.
// Each runs inside the transaction it is given and leaves committing to its caller (Service,
// or a unit test). Changes go through the execution state machine (service/job_progress.h).
namespace iotjobs::service::transactions {

Result<jobs::JobExecution> DescribeJobExecution(store::ReadTransaction& tx,
                                                const DescribeJobExecutionRequest& req,
                                                const OperationContext& op);
Result<ListResult<jobs::JobExecution>> ListJobExecutionsForJob(
    store::ReadTransaction& tx, const ListJobExecutionsForJobRequest& req,
    const OperationContext& op);
Result<ListResult<jobs::ExecutionSummary>> ListJobExecutionsForThing(
    store::ReadTransaction& tx, const ListJobExecutionsForThingRequest& req,
    const OperationContext& op);
// Cancels the latest execution of the job on the thing (an IN_PROGRESS one only with force).
Result<Empty> CancelJobExecution(store::WriteTransaction& tx, const CancelJobExecutionRequest& req,
                                 const OperationContext& op);
// Deletes one execution (an IN_PROGRESS one only with force).
Result<Empty> DeleteJobExecution(store::WriteTransaction& tx, const DeleteJobExecutionRequest& req,
                                 const OperationContext& op);

}  // namespace iotjobs::service::transactions
