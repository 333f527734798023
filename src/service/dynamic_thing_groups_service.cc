// CreateDynamicThingGroup, UpdateDynamicThingGroup, DeleteDynamicThingGroup: each runs its
// transaction body (transactions/dynamic_thing_groups.h) as one store transaction. The
// background fill runs with the other sweeps (timers_service.cc, FillDynamicGroups).
#include "service/service.h"
#include "service/transactions/dynamic_thing_groups.h"

namespace iotjobs::service {

void Service::CreateDynamicThingGroup(const CallContext& ctx, CreateDynamicThingGroupRequest req,
                                      Callback<jobs::ThingGroup> done) {
  WriteOp<jobs::ThingGroup>(ctx, transactions::CreateDynamicThingGroup, std::move(req),
                            std::move(done));
}

void Service::UpdateDynamicThingGroup(const CallContext& ctx, UpdateDynamicThingGroupRequest req,
                                      Callback<int64_t> done) {
  WriteOp<int64_t>(ctx, transactions::UpdateDynamicThingGroup, std::move(req), std::move(done));
}

void Service::DeleteDynamicThingGroup(const CallContext& ctx, DeleteThingGroupRequest req,
                                      Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::DeleteDynamicThingGroup, std::move(req), std::move(done));
}

}  // namespace iotjobs::service
