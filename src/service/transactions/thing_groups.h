#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"
#include "jobs/thing.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// The registry's thing group and membership operations as transaction bodies. Each runs
// inside the transaction it is given and leaves committing to its caller (Service, or a unit
// test); a failed body may have written part of its work, which the caller rolls back.
namespace iotjobs::service::transactions {

// Creating a group that exists with the same parent, description and attributes answers
// the existing one, its tags unchanged; with others, kResourceAlreadyExists. kResourceNotFound
// for an unknown parent; kInvalidRequest when the group would sit deeper than 7 levels (AWS
// quota) or for tags jobs::CheckTags refuses (more than 50 included). A new group gets the
// request's tags.
Result<jobs::ThingGroup> CreateThingGroup(store::WriteTransaction& tx,
                                          const CreateThingGroupRequest& req,
                                          const OperationContext& op);
// The group and its ancestors, root first (rootToParentThingGroups); kResourceNotFound.
Result<ThingGroupView> DescribeThingGroup(store::ReadTransaction& tx,
                                          const std::string& thing_group_name,
                                          const OperationContext& op);
// Group names in name order: every group, or the direct children of `parent_group`, or with
// `recursive` every group below it; kResourceNotFound for an unknown parent.
Result<ListResult<std::string>> ListThingGroups(store::ReadTransaction& tx,
                                                const ListThingGroupsRequest& req,
                                                const OperationContext& op);
// Answers the group's new version; kResourceNotFound, kVersionConflict.
Result<int64_t> UpdateThingGroup(store::WriteTransaction& tx, const UpdateThingGroupRequest& req,
                                 const OperationContext& op);
// Deleting an absent group succeeds; kVersionConflict; kInvalidRequest while it has child
// groups.
Result<Empty> DeleteThingGroup(store::WriteTransaction& tx, const DeleteThingGroupRequest& req,
                               const OperationContext& op);
// Each side by name or ARN (kInvalidRequest for neither, or an ARN of another kind, account
// or region; kResourceNotFound for an unknown group or thing). Adding a member again does
// nothing; a thing already in 10 groups is refused (kInvalidRequest). IN_PROGRESS continuous
// jobs on the group or its ancestors that did not target the thing before queue an execution.
Result<Empty> AddThingToThingGroup(store::WriteTransaction& tx,
                                   const ThingGroupMembershipRequest& req,
                                   const OperationContext& op);
// The same resolution; removing a non-member does nothing. Pending executions of jobs that no
// longer target the thing become REMOVED.
Result<Empty> RemoveThingFromThingGroup(store::WriteTransaction& tx,
                                        const ThingGroupMembershipRequest& req,
                                        const OperationContext& op);
// Thing names in name order: the group's direct members, or with `recursive` the members of
// every group below it too; kResourceNotFound.
Result<ListResult<std::string>> ListThingsInThingGroup(store::ReadTransaction& tx,
                                                       const ListThingsInThingGroupRequest& req,
                                                       const OperationContext& op);
// The groups the thing is directly in, in name order; kResourceNotFound for an unknown thing.
Result<ListResult<std::string>> ListThingGroupsForThing(store::ReadTransaction& tx,
                                                        const ListThingGroupsForThingRequest& req,
                                                        const OperationContext& op);

}  // namespace iotjobs::service::transactions
