#pragma once

#include "common/result.h"
#include "jobs/event_configurations.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// The account's event configuration as transaction bodies: UpdateEventConfigurations and
// DescribeEventConfigurations (docs/aws-behaviour.md, "Event configurations"). The events
// themselves are written by NotifyingTransaction, which reads the same row inside the
// transaction of the change that causes them.
namespace iotjobs::service::transactions {

// Switches the named event types on or off. Refuses, changing nothing, to switch on a type
// iotjobsd does not publish, or any type on a server without a broker (D42). The first update
// of an account starts from the starting configuration (D43) and sets its creation date.
Result<Empty> UpdateEventConfigurations(store::WriteTransaction& tx,
                                        const UpdateEventConfigurationsRequest& req,
                                        const OperationContext& op);

// Every event type with its switch; created_at and last_modified_at are 0 for an account that
// never updated its configuration.
Result<jobs::EventConfigurations> DescribeEventConfigurations(
    store::ReadTransaction& tx, const DescribeEventConfigurationsRequest& req,
    const OperationContext& op);

// The configuration the events of a change follow: the stored one, or the starting one.
Result<jobs::EventConfigurations> EffectiveEventConfigurations(store::ReadTransaction& tx,
                                                               const EventPublishing& publishing);

}  // namespace iotjobs::service::transactions
