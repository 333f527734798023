// CreateThing, DescribeThing, ListThings, UpdateThing, DeleteThing: each runs its
// transaction body (transactions/things.h) as one store transaction.
#include "service/service.h"
#include "service/transactions/things.h"

namespace iotjobs::service {

void Service::CreateThing(const CallContext& ctx, CreateThingRequest req,
                          Callback<jobs::Thing> done) {
  WriteOp<jobs::Thing>(ctx, transactions::CreateThing, std::move(req), std::move(done));
}

void Service::DescribeThing(const CallContext& ctx, std::string thing_name,
                            Callback<jobs::Thing> done) {
  ReadOp<jobs::Thing>(ctx, transactions::DescribeThing, std::move(thing_name), std::move(done));
}

void Service::ListThings(const CallContext& ctx, ListThingsRequest req,
                         Callback<ListResult<jobs::Thing>> done) {
  ReadOp<ListResult<jobs::Thing>>(ctx, transactions::ListThings, std::move(req),
                                  std::move(done));
}

void Service::UpdateThing(const CallContext& ctx, UpdateThingRequest req, Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::UpdateThing, std::move(req), std::move(done));
}

void Service::DeleteThing(const CallContext& ctx, DeleteThingRequest req, Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::DeleteThing, std::move(req), std::move(done));
}

}  // namespace iotjobs::service
