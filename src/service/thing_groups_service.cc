// CreateThingGroup, DescribeThingGroup, ListThingGroups, UpdateThingGroup, DeleteThingGroup,
// AddThingToThingGroup, RemoveThingFromThingGroup, ListThingsInThingGroup,
// ListThingGroupsForThing: each runs its transaction body (transactions/thing_groups.h) as one
// store transaction.
#include "service/service.h"
#include "service/transactions/thing_groups.h"

namespace iotjobs::service {

void Service::CreateThingGroup(const CallContext& ctx, CreateThingGroupRequest req,
                               Callback<jobs::ThingGroup> done) {
  WriteOp<jobs::ThingGroup>(ctx, transactions::CreateThingGroup, std::move(req), std::move(done));
}

void Service::DescribeThingGroup(const CallContext& ctx, std::string name,
                                 Callback<ThingGroupView> done) {
  ReadOp<ThingGroupView>(ctx, transactions::DescribeThingGroup, std::move(name), std::move(done));
}

void Service::ListThingGroups(const CallContext& ctx, ListThingGroupsRequest req,
                              Callback<ListResult<std::string>> done) {
  ReadOp<ListResult<std::string>>(ctx, transactions::ListThingGroups, std::move(req),
                                  std::move(done));
}

void Service::UpdateThingGroup(const CallContext& ctx, UpdateThingGroupRequest req,
                               Callback<int64_t> done) {
  WriteOp<int64_t>(ctx, transactions::UpdateThingGroup, std::move(req), std::move(done));
}

void Service::DeleteThingGroup(const CallContext& ctx, DeleteThingGroupRequest req,
                               Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::DeleteThingGroup, std::move(req), std::move(done));
}

void Service::AddThingToThingGroup(const CallContext& ctx, ThingGroupMembershipRequest req,
                                   Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::AddThingToThingGroup, std::move(req), std::move(done));
}

void Service::RemoveThingFromThingGroup(const CallContext& ctx, ThingGroupMembershipRequest req,
                                        Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::RemoveThingFromThingGroup, std::move(req), std::move(done));
}

void Service::ListThingsInThingGroup(const CallContext& ctx, ListThingsInThingGroupRequest req,
                                     Callback<ListResult<std::string>> done) {
  ReadOp<ListResult<std::string>>(ctx, transactions::ListThingsInThingGroup, std::move(req),
                                  std::move(done));
}

void Service::ListThingGroupsForThing(const CallContext& ctx, ListThingGroupsForThingRequest req,
                                      Callback<ListResult<std::string>> done) {
  ReadOp<ListResult<std::string>>(ctx, transactions::ListThingGroupsForThing, std::move(req),
                                  std::move(done));
}

}  // namespace iotjobs::service
