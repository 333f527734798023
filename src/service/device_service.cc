// The device plane (iot-jobs-data): GetPendingJobExecutions, StartNextPendingJobExecution,
// DescribeJobExecution (a job id or $next) and UpdateJobExecution: each runs its transaction
// body (transactions/device.h) as one store transaction.
#include "service/service.h"
#include "service/transactions/device.h"

namespace iotjobs::service {

void Service::GetPendingJobExecutions(const CallContext& ctx, std::string thing_name,
                                      std::optional<NamespaceScope> scope,
                                      Callback<PendingExecutions> done) {
  ReadOp<PendingExecutions>(ctx, transactions::GetPendingJobExecutions,
                            GetPendingJobExecutionsRequest{std::move(thing_name), std::move(scope)},
                            std::move(done));
}

void Service::StartNextPendingJobExecution(const CallContext& ctx,
                                           StartNextPendingJobExecutionRequest req,
                                           Callback<std::optional<DeviceExecution>> done) {
  WriteOp<std::optional<DeviceExecution>>(ctx, transactions::StartNextPendingJobExecution,
                                          std::move(req), std::move(done));
}

void Service::DescribeJobExecutionForDevice(const CallContext& ctx,
                                            DeviceDescribeJobExecutionRequest req,
                                            Callback<std::optional<DeviceExecution>> done) {
  ReadOp<std::optional<DeviceExecution>>(ctx, transactions::DescribeJobExecutionForDevice,
                                         std::move(req), std::move(done));
}

void Service::UpdateJobExecution(const CallContext& ctx, UpdateJobExecutionRequest req,
                                 Callback<UpdateJobExecutionResult> done) {
  WriteOp<UpdateJobExecutionResult>(ctx, transactions::UpdateJobExecution, std::move(req),
                                    std::move(done));
}

}  // namespace iotjobs::service
