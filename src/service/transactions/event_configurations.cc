#include "service/transactions/event_configurations.h"

#include <string>
#include <vector>

#include "service/messages.h"

namespace iotjobs::service::transactions {
namespace {

std::string Names(const std::vector<jobs::EventType>& types) {
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i > 0) out += i + 1 == types.size() ? " and " : ", ";
    out += jobs::ToString(types[i]);
  }
  return out;
}

}  // namespace

Result<jobs::EventConfigurations> EffectiveEventConfigurations(store::ReadTransaction& tx,
                                                               const EventPublishing& publishing) {
  IOTJOBS_ASSIGN_OR_RETURN(auto stored, tx.GetEventConfigurations());
  if (stored) return std::move(*stored);
  return jobs::EventConfigurations::Starting(publishing.broker &&
                                             publishing.job_events_by_default);
}

Result<Empty> UpdateEventConfigurations(store::WriteTransaction& tx,
                                        const UpdateEventConfigurationsRequest& req,
                                        const OperationContext& op) {
  std::vector<jobs::EventType> unpublished = jobs::UnpublishedTypesToEnable(req.changes);
  if (!unpublished.empty()) {
    return InvalidRequest(messages::EventTypesNotPublished(Names(unpublished)));
  }
  if (!req.publishing.broker) {
    std::vector<jobs::EventType> enabling;
    for (const auto& [type, on] : req.changes) {
      if (on) enabling.push_back(type);
    }
    if (!enabling.empty()) return InvalidRequest(messages::NoBrokerForEvents(Names(enabling)));
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto stored, tx.GetEventConfigurations());
  jobs::EventConfigurations c =
      stored ? std::move(*stored)
             : jobs::EventConfigurations::Starting(req.publishing.broker &&
                                                   req.publishing.job_events_by_default);
  for (const auto& [type, on] : req.changes) c.enabled[type] = on;
  if (c.created_at == 0) c.created_at = op.now;
  c.last_modified_at = op.now;
  IOTJOBS_RETURN_IF_ERROR(tx.PutEventConfigurations(c));
  return Empty{};
}

Result<jobs::EventConfigurations> DescribeEventConfigurations(
    store::ReadTransaction& tx, const DescribeEventConfigurationsRequest& req,
    const OperationContext& /*op*/) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::EventConfigurations c,
                           EffectiveEventConfigurations(tx, req.publishing));
  for (jobs::EventType type : jobs::kAllEventTypes) c.enabled.emplace(type, false);
  return c;
}

}  // namespace iotjobs::service::transactions
