#pragma once

#include <optional>

#include "common/result.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// The device plane (iot-jobs-data) as transaction bodies: GetPendingJobExecutions,
// StartNextPendingJobExecution, DescribeJobExecution (a job id or $next) and
// UpdateJobExecution. The same state machine as the control plane decides every change
// (service/job_progress.h). Each runs inside the transaction it is given and leaves
// committing to its caller (Service, or a unit test).
namespace iotjobs::service::transactions {

Result<PendingExecutions> GetPendingJobExecutions(store::ReadTransaction& tx,
                                                  const GetPendingJobExecutionsRequest& req,
                                                  const OperationContext& op);
// Absent result: nothing is pending.
Result<std::optional<DeviceExecution>> StartNextPendingJobExecution(
    store::WriteTransaction& tx, const StartNextPendingJobExecutionRequest& req,
    const OperationContext& op);
// Absent result: $next asked for and nothing is pending.
Result<std::optional<DeviceExecution>> DescribeJobExecutionForDevice(
    store::ReadTransaction& tx, const DeviceDescribeJobExecutionRequest& req,
    const OperationContext& op);
Result<UpdateJobExecutionResult> UpdateJobExecution(store::WriteTransaction& tx,
                                                    const UpdateJobExecutionRequest& req,
                                                    const OperationContext& op);

}  // namespace iotjobs::service::transactions
