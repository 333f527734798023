#pragma once

#include <string>

#include "common/result.h"
#include "jobs/thing.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// The registry's thing operations as transaction bodies: CreateThing, DescribeThing,
// ListThings, UpdateThing, DeleteThing. Each runs inside the transaction it is given and
// leaves committing to its caller (Service, or a unit test). A thingTypeName they are given
// must name a thing type of the account, and a thing cannot be given a deprecated one
// (docs/aws-behaviour.md, "Thing types").
namespace iotjobs::service::transactions {

Result<jobs::Thing> CreateThing(store::WriteTransaction& tx, const CreateThingRequest& req,
                                const OperationContext& op);
Result<jobs::Thing> DescribeThing(store::ReadTransaction& tx, const std::string& thing_name,
                                  const OperationContext& op);
Result<ListResult<jobs::Thing>> ListThings(store::ReadTransaction& tx,
                                           const ListThingsRequest& req,
                                           const OperationContext& op);
Result<Empty> UpdateThing(store::WriteTransaction& tx, const UpdateThingRequest& req,
                          const OperationContext& op);
// Removes the thing's pending executions first (they count as removed things of their jobs).
Result<Empty> DeleteThing(store::WriteTransaction& tx, const DeleteThingRequest& req,
                          const OperationContext& op);

}  // namespace iotjobs::service::transactions
