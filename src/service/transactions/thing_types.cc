#include "service/transactions/thing_types.h"

#include "common/ids.h"
#include "service/messages.h"
#include "service/pagination.h"

namespace iotjobs::service::transactions {
namespace {

// Puts the properties a request gives into `type` and checks what it then holds.
Status ApplyProperties(const ThingTypePropertiesInput& given, jobs::ThingType& type) {
  if (given.propagating_attributes > 0) {
    return InvalidRequest(messages::kMqtt5ConfigurationNotServed);
  }
  if (given.thing_type_description) type.thing_type_description = given.thing_type_description;
  if (given.searchable_attributes) type.searchable_attributes = *given.searchable_attributes;
  return jobs::CheckThingTypeProperties(type);
}

Result<jobs::ThingType> Load(store::ReadTransaction& tx, const std::string& name) {
  IOTJOBS_ASSIGN_OR_RETURN(auto type, tx.GetThingType(name));
  if (!type) return NotFound(messages::ThingTypeNotFound(name));
  return std::move(*type);
}

}  // namespace

Result<jobs::ThingType> CreateThingType(store::WriteTransaction& tx,
                                        const CreateThingTypeRequest& req,
                                        const OperationContext& op) {
  if (!req.tags.empty()) return InvalidRequest(messages::kThingTypeTagsNotServed);
  jobs::ThingType type;
  type.thing_type_name = req.thing_type_name;
  IOTJOBS_RETURN_IF_ERROR(ApplyProperties(req.properties, type));
  IOTJOBS_ASSIGN_OR_RETURN(auto existing, tx.GetThingType(req.thing_type_name));
  if (existing) {
    if (jobs::SameConfiguration(*existing, type)) return std::move(*existing);
    return AlreadyExists(messages::ThingTypeExists(req.thing_type_name));
  }
  type.thing_type_id = NewUuid();
  type.creation_date = op.now;
  IOTJOBS_RETURN_IF_ERROR(tx.InsertThingType(type));
  return type;
}

Result<jobs::ThingType> DescribeThingType(store::ReadTransaction& tx,
                                          const std::string& thing_type_name,
                                          const OperationContext&) {
  return Load(tx, thing_type_name);
}

Result<ListResult<jobs::ThingType>> ListThingTypes(store::ReadTransaction& tx,
                                                   const ListThingTypesRequest& req,
                                                   const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  IOTJOBS_ASSIGN_OR_RETURN(auto types, tx.ListThingTypes(req.thing_type_name, page));
  return ToListResult(std::move(types));
}

Result<Empty> UpdateThingType(store::WriteTransaction& tx, const UpdateThingTypeRequest& req,
                              const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::ThingType type, Load(tx, req.thing_type_name));
  if (!req.properties) return Empty{};
  IOTJOBS_RETURN_IF_ERROR(ApplyProperties(*req.properties, type));
  IOTJOBS_RETURN_IF_ERROR(tx.UpdateThingType(type));
  return Empty{};
}

Result<Empty> DeprecateThingType(store::WriteTransaction& tx, const DeprecateThingTypeRequest& req,
                                 const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::ThingType type, Load(tx, req.thing_type_name));
  jobs::Deprecate(type, req.undo_deprecate, op.now);
  IOTJOBS_RETURN_IF_ERROR(tx.UpdateThingType(type));
  return Empty{};
}

Result<Empty> DeleteThingType(store::WriteTransaction& tx, const std::string& thing_type_name,
                              const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::ThingType type, Load(tx, thing_type_name));
  IOTJOBS_ASSIGN_OR_RETURN(auto thing_with_type, tx.FindThingOfType(thing_type_name));
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckDeleteThingType(type, op.now, thing_with_type));
  IOTJOBS_RETURN_IF_ERROR(tx.DeleteThingType(thing_type_name));
  return Empty{};
}

}  // namespace iotjobs::service::transactions
