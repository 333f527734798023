#include "service/transactions/things.h"

#include "common/ids.h"
#include "jobs/job_rules.h"
#include "jobs/thing_type.h"
#include "service/dynamic_groups.h"
#include "service/job_progress.h"
#include "service/messages.h"
#include "service/pagination.h"

namespace iotjobs::service::transactions {
namespace {

// AWS allows 3 attributes on a thing without a thing type and 50 with one.
constexpr size_t kMaxAttributesWithoutType = 3;
constexpr size_t kMaxAttributesWithType = 50;

Status CheckAttributeCount(const jobs::Thing& thing) {
  size_t limit = thing.thing_type_name ? kMaxAttributesWithType : kMaxAttributesWithoutType;
  if (thing.attributes.size() > limit) {
    return InvalidRequest("A thing " +
                          std::string(thing.thing_type_name ? "with" : "without") +
                          " a thing type can have at most " + std::to_string(limit) +
                          " attributes.");
  }
  return Status::Ok();
}

// A thing newly given the thing type `name` (a new thing, or another type than its own): the
// type must exist (404, the operations' modelled not-found) and not be deprecated
// (docs/aws-behaviour.md, D51, D52).
Status CheckGivenThingType(store::ReadTransaction& tx, const std::string& name, bool creating) {
  IOTJOBS_ASSIGN_OR_RETURN(auto type, tx.GetThingType(name));
  if (!type) return NotFound(messages::ThingTypeNotFound(name));
  return jobs::CheckAssociateThingType(*type, creating);
}

}  // namespace

Result<jobs::Thing> CreateThing(store::WriteTransaction& tx, const CreateThingRequest& req,
                                const OperationContext& op) {
  if (req.billing_group_name) {
    // Billing groups are not served: none can exist for the thing to join, and a name kept
    // but never checked would be a member accepted and ignored.
    return InvalidRequest("billingGroupName is not supported: iotjobs does not serve billing "
                          "groups.");
  }
  jobs::Thing thing;
  thing.thing_name = req.thing_name;
  thing.thing_type_name = req.thing_type_name;
  thing.billing_group_name = req.billing_group_name;
  if (req.attribute_payload) {
    jobs::ApplyAttributePayload(thing.attributes, req.attribute_payload->attributes, false);
  }
  IOTJOBS_RETURN_IF_ERROR(CheckAttributeCount(thing));
  IOTJOBS_ASSIGN_OR_RETURN(auto existing, tx.GetThing(req.thing_name));
  if (existing) {
    // Creating what already exists, identically, succeeds (even with a type deprecated since:
    // no thing is newly given it, docs/aws-behaviour.md D51); anything else conflicts.
    if (existing->thing_type_name == thing.thing_type_name &&
        existing->attributes == thing.attributes &&
        existing->billing_group_name == thing.billing_group_name) {
      return *existing;
    }
    return AlreadyExists("Thing " + req.thing_name +
                         " already exists in account with different attributes");
  }
  if (thing.thing_type_name) {
    IOTJOBS_RETURN_IF_ERROR(CheckGivenThingType(tx, *thing.thing_type_name, /*creating=*/true));
  }
  thing.thing_id = NewUuid();
  thing.version = 1;
  IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(thing));
  // It joins the dynamic groups that match it now, with their continuous jobs.
  IOTJOBS_RETURN_IF_ERROR(UpdateDynamicMemberships(tx, thing.thing_name, op.now));
  return thing;
}

Result<jobs::Thing> DescribeThing(store::ReadTransaction& tx, const std::string& thing_name,
                                  const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(thing_name));
  if (!thing) return NotFound(messages::ThingNotFound(thing_name));
  return std::move(*thing);
}

Result<ListResult<jobs::Thing>> ListThings(store::ReadTransaction& tx,
                                           const ListThingsRequest& req,
                                           const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  if (req.filter.thing_type_name) {
    // ListThings models no not-found error: a type that does not exist is a bad request,
    // not an empty list that would hide a misspelt name (docs/aws-behaviour.md, D52).
    IOTJOBS_ASSIGN_OR_RETURN(auto type, tx.GetThingType(*req.filter.thing_type_name));
    if (!type) return InvalidRequest(messages::ThingTypeNotFound(*req.filter.thing_type_name));
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto things, tx.ListThings(req.filter, page));
  return ToListResult(std::move(things));
}

Result<Empty> UpdateThing(store::WriteTransaction& tx, const UpdateThingRequest& req,
                          const OperationContext& op) {
  if (req.remove_thing_type && req.thing_type_name) {
    return InvalidRequest("Cannot set thingTypeName and removeThingType together.");
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(req.thing_name));
  if (!thing) return NotFound(messages::ThingNotFound(req.thing_name));
  if (req.expected_version && *req.expected_version != thing->version) {
    return VersionConflict(messages::VersionMismatch("thing " + req.thing_name,
                                                     *req.expected_version, thing->version));
  }
  if (req.thing_type_name && req.thing_type_name != thing->thing_type_name) {
    // A thing keeps a type deprecated after it got it; only a change to another is checked.
    IOTJOBS_RETURN_IF_ERROR(CheckGivenThingType(tx, *req.thing_type_name, /*creating=*/false));
    thing->thing_type_name = req.thing_type_name;
  }
  if (req.remove_thing_type) thing->thing_type_name.reset();
  if (req.attribute_payload) {
    jobs::ApplyAttributePayload(thing->attributes, req.attribute_payload->attributes,
                                req.attribute_payload->merge);
  }
  IOTJOBS_RETURN_IF_ERROR(CheckAttributeCount(*thing));
  thing->version += 1;
  IOTJOBS_RETURN_IF_ERROR(tx.UpdateThing(*thing));
  IOTJOBS_RETURN_IF_ERROR(UpdateDynamicMemberships(tx, thing->thing_name, op.now));
  return Empty{};
}

Result<Empty> DeleteThing(store::WriteTransaction& tx, const DeleteThingRequest& req,
                          const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(req.thing_name));
  // Deleting a thing that does not exist succeeds (the model's documented behaviour).
  if (!thing) return Empty{};
  if (req.expected_version && *req.expected_version != thing->version) {
    return VersionConflict(messages::VersionMismatch("thing " + req.thing_name,
                                                     *req.expected_version, thing->version));
  }
  // Its pending executions can never run now: they count as removed
  // (JobProcessDetails.numberOfRemovedThings).
  IOTJOBS_RETURN_IF_ERROR(RemovePendingExecutions(tx, req.thing_name, std::nullopt, op.now));
  IOTJOBS_RETURN_IF_ERROR(tx.DeleteThing(req.thing_name));
  return Empty{};
}

}  // namespace iotjobs::service::transactions
