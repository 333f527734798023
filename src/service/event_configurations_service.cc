// UpdateEventConfigurations and DescribeEventConfigurations: each runs its transaction body
// (transactions/event_configurations.h) as one store transaction, with what this server can
// publish filled in here.
#include "service/service.h"
#include "service/transactions/event_configurations.h"

namespace iotjobs::service {

void Service::UpdateEventConfigurations(const CallContext& ctx,
                                        UpdateEventConfigurationsRequest req,
                                        Callback<Empty> done) {
  req.publishing = Publishing();
  WriteOp<Empty>(ctx, transactions::UpdateEventConfigurations, std::move(req), std::move(done));
}

void Service::DescribeEventConfigurations(const CallContext& ctx,
                                          Callback<jobs::EventConfigurations> done) {
  ReadOp<jobs::EventConfigurations>(ctx, transactions::DescribeEventConfigurations,
                                    DescribeEventConfigurationsRequest{Publishing()},
                                    std::move(done));
}

}  // namespace iotjobs::service
