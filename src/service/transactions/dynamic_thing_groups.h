#pragma once

#include <cstdint>

#include "common/result.h"
#include "jobs/thing.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// CreateDynamicThingGroup, UpdateDynamicThingGroup, DeleteDynamicThingGroup as transaction
// bodies (docs/aws-behaviour.md, "Dynamic thing groups", D66 to D70). The group's members
// are filled in batches (service/dynamic_groups.h): the request runs the first batch, the
// background worker the rest (FillDynamicGroup), so a group over a large fleet answers at
// once, BUILDING, and turns ACTIVE when its fill is through.
namespace iotjobs::service::transactions {

// Checks in the order the model lists the errors: the tags and the query version
// (kInvalidRequest), the query (kInvalidQuery), the index (kResourceNotFound: indexing off or
// not AWS_Things), the name (kResourceAlreadyExists when taken, unless by the same dynamic
// group: that one is answered), the quota of dynamic groups (kLimitExceeded).
Result<jobs::ThingGroup> CreateDynamicThingGroup(store::WriteTransaction& tx,
                                                 const CreateDynamicThingGroupRequest& req,
                                                 const OperationContext& op);
// Answers the new version; kResourceNotFound, kInvalidRequest for a static group (D66),
// kVersionConflict. A changed query makes the group REBUILDING until its members follow it.
Result<int64_t> UpdateDynamicThingGroup(store::WriteTransaction& tx,
                                        const UpdateDynamicThingGroupRequest& req,
                                        const OperationContext& op);
// Deleting an absent group succeeds (no ResourceNotFoundException in the model);
// kInvalidRequest for a static group (D66); kVersionConflict.
Result<Empty> DeleteDynamicThingGroup(store::WriteTransaction& tx,
                                      const DeleteThingGroupRequest& req,
                                      const OperationContext& op);

// The background worker's work: the dynamic groups of every account being filled, and one
// batch of one of them; true while work remains.
Result<std::vector<store::DueFill>> FillingGroups(store::ReadTransaction& tx, const int& limit,
                                                  const OperationContext& op);
Result<bool> FillDynamicGroup(store::WriteTransaction& tx, const store::DueFill& fill,
                              const OperationContext& op);

}  // namespace iotjobs::service::transactions
