#pragma once

#include <string>

#include "common/result.h"
#include "jobs/thing_type.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// Thing types as transaction bodies: CreateThingType, DescribeThingType, ListThingTypes,
// UpdateThingType, DeprecateThingType, DeleteThingType (docs/aws-behaviour.md, "Thing
// types"). Each runs inside the transaction it is given and leaves committing to its caller
// (Service, or a unit test). What a thing type means to the things that name it is checked by
// the thing operations (transactions/things.h).
namespace iotjobs::service::transactions {

// The same name and configuration again answers the existing type; another configuration is
// kResourceAlreadyExists. tags and MQTT 5 propagating attributes are refused (D54).
Result<jobs::ThingType> CreateThingType(store::WriteTransaction& tx,
                                        const CreateThingTypeRequest& req,
                                        const OperationContext& op);
Result<jobs::ThingType> DescribeThingType(store::ReadTransaction& tx,
                                          const std::string& thing_type_name,
                                          const OperationContext& op);
Result<ListResult<jobs::ThingType>> ListThingTypes(store::ReadTransaction& tx,
                                                   const ListThingTypesRequest& req,
                                                   const OperationContext& op);
// Replaces each property the request gives; the others stay (D54).
Result<Empty> UpdateThingType(store::WriteTransaction& tx, const UpdateThingTypeRequest& req,
                              const OperationContext& op);
// Deprecates at op.now, or undoes the deprecation (D51).
Result<Empty> DeprecateThingType(store::WriteTransaction& tx, const DeprecateThingTypeRequest& req,
                                 const OperationContext& op);
// Refused until the type has been deprecated for 5 minutes, and while things have it (D50).
Result<Empty> DeleteThingType(store::WriteTransaction& tx, const std::string& thing_type_name,
                              const OperationContext& op);

}  // namespace iotjobs::service::transactions
