// CreateThingType, DescribeThingType, ListThingTypes, UpdateThingType, DeprecateThingType,
// DeleteThingType: each runs its transaction body (transactions/thing_types.h) as one store
// transaction.
#include "service/service.h"
#include "service/transactions/thing_types.h"

namespace iotjobs::service {

void Service::CreateThingType(const CallContext& ctx, CreateThingTypeRequest req,
                              Callback<jobs::ThingType> done) {
  WriteOp<jobs::ThingType>(ctx, transactions::CreateThingType, std::move(req), std::move(done));
}

void Service::DescribeThingType(const CallContext& ctx, std::string thing_type_name,
                                Callback<jobs::ThingType> done) {
  ReadOp<jobs::ThingType>(ctx, transactions::DescribeThingType, std::move(thing_type_name),
                          std::move(done));
}

void Service::ListThingTypes(const CallContext& ctx, ListThingTypesRequest req,
                             Callback<ListResult<jobs::ThingType>> done) {
  ReadOp<ListResult<jobs::ThingType>>(ctx, transactions::ListThingTypes, std::move(req),
                                      std::move(done));
}

void Service::UpdateThingType(const CallContext& ctx, UpdateThingTypeRequest req,
                              Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::UpdateThingType, std::move(req), std::move(done));
}

void Service::DeprecateThingType(const CallContext& ctx, DeprecateThingTypeRequest req,
                                 Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::DeprecateThingType, std::move(req), std::move(done));
}

void Service::DeleteThingType(const CallContext& ctx, std::string thing_type_name,
                              Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::DeleteThingType, std::move(thing_type_name), std::move(done));
}

}  // namespace iotjobs::service
