#include "service/transactions/dynamic_thing_groups.h"

#include "common/ids.h"
#include "jobs/fleet_query.h"
#include "jobs/indexing_configuration.h"
#include "jobs/job_rules.h"
#include "service/dynamic_groups.h"
#include "service/messages.h"
#include "service/transactions/fleet_indexing.h"
#include "service/transactions/tags.h"

namespace iotjobs::service::transactions {
namespace {

// AWS quota: dynamic thing groups per account.
constexpr size_t kMaxDynamicGroups = 100;

// The query version, query and index a request names, checked as CreateDynamicThingGroup
// lists its errors; the index name it resolves to (AWS_Things when absent).
Result<std::string> CheckQuery(store::ReadTransaction& tx,
                               const std::optional<std::string>& query_version,
                               const std::optional<std::string>& query_string,
                               const std::optional<std::string>& index_name) {
  if (query_version && *query_version != jobs::kQueryVersion) {
    return InvalidRequest(messages::UnknownQueryVersion(*query_version));
  }
  if (query_string) IOTJOBS_RETURN_IF_ERROR(jobs::FleetQuery::Parse(*query_string).status());
  std::string index = index_name.value_or(std::string(jobs::kThingsIndexName));
  IOTJOBS_RETURN_IF_ERROR(CheckIndex(tx, index));
  return index;
}

Status CheckVersion(const jobs::ThingGroup& group, const std::optional<int64_t>& expected) {
  if (expected && *expected != group.version) {
    return VersionConflict(
        messages::VersionMismatch("thing group " + group.thing_group_name, *expected, group.version));
  }
  return Status::Ok();
}

}  // namespace

Result<jobs::ThingGroup> CreateDynamicThingGroup(store::WriteTransaction& tx,
                                                 const CreateDynamicThingGroupRequest& req,
                                                 const OperationContext& op) {
  if (Status tags = CheckNewResourceTags(req.tags); !tags.ok()) {
    return InvalidRequest(tags.message());
  }
  IOTJOBS_ASSIGN_OR_RETURN(std::string index, CheckQuery(tx, req.query_version, req.query_string,
                                                         req.index_name));
  jobs::ThingGroup group;
  group.thing_group_name = req.thing_group_name;
  group.description = req.description;
  if (req.attribute_payload) {
    jobs::ApplyAttributePayload(group.attributes, req.attribute_payload->attributes, false);
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto existing, tx.GetThingGroup(req.thing_group_name));
  if (existing) {
    // The same group again is answered, as CreateThingGroup answers its own (D66).
    if (existing->dynamic && existing->dynamic->query_string == req.query_string &&
        existing->dynamic->index_name == index && existing->description == group.description &&
        existing->attributes == group.attributes) {
      return std::move(*existing);
    }
    return AlreadyExists("Thing group " + req.thing_group_name +
                         " already exists with different properties.");
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto dynamic, tx.ListDynamicGroups());
  if (dynamic.size() >= kMaxDynamicGroups) {
    return LimitExceeded("An account can have at most " + std::to_string(kMaxDynamicGroups) +
                         " dynamic thing groups.");
  }
  group.thing_group_id = NewUuid();
  group.version = 1;
  group.creation_date = op.now;
  group.dynamic = NewDynamicQuery(req.query_string, index);
  IOTJOBS_RETURN_IF_ERROR(tx.InsertThingGroup(group));
  IOTJOBS_RETURN_IF_ERROR(
      TagNewResource(tx, jobs::ResourceKind::kThingGroup, group.thing_group_name, req.tags));
  // The first batch now: a group over a small fleet is ACTIVE when the request returns.
  IOTJOBS_RETURN_IF_ERROR(FillDynamicGroupStep(tx, group.thing_group_name, op.now).status());
  return group;
}

Result<int64_t> UpdateDynamicThingGroup(store::WriteTransaction& tx,
                                        const UpdateDynamicThingGroupRequest& req,
                                        const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(req.thing_group_name));
  if (!group) return NotFound(messages::ThingGroupNotFound(req.thing_group_name));
  if (!group->dynamic) return InvalidRequest(messages::NotDynamicGroup(req.thing_group_name));
  IOTJOBS_RETURN_IF_ERROR(CheckVersion(*group, req.expected_version));
  IOTJOBS_ASSIGN_OR_RETURN(std::string index, CheckQuery(tx, req.query_version, req.query_string,
                                                         req.index_name));
  jobs::DynamicGroupQuery& d = *group->dynamic;
  d.index_name = index;
  if (req.description) group->description = req.description;
  if (req.attribute_payload) {
    jobs::ApplyAttributePayload(group->attributes, req.attribute_payload->attributes,
                                req.attribute_payload->merge);
  }
  const bool requery = req.query_string && *req.query_string != d.query_string;
  if (requery) {
    // Members the new query no longer matches leave first, then the things it matches join;
    // a fill already running starts over.
    d.query_string = *req.query_string;
    d.status = "REBUILDING";
    d.fill_phase = "prune";
    d.fill_after.clear();
  }
  group->version += 1;
  IOTJOBS_RETURN_IF_ERROR(tx.UpdateThingGroup(*group));
  if (requery) {
    IOTJOBS_RETURN_IF_ERROR(FillDynamicGroupStep(tx, group->thing_group_name, op.now).status());
  }
  return group->version;
}

Result<Empty> DeleteDynamicThingGroup(store::WriteTransaction& tx,
                                      const DeleteThingGroupRequest& req,
                                      const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(req.thing_group_name));
  if (!group) return Empty{};
  if (!group->dynamic) return InvalidRequest(messages::NotDynamicGroup(req.thing_group_name));
  IOTJOBS_RETURN_IF_ERROR(CheckVersion(*group, req.expected_version));
  IOTJOBS_RETURN_IF_ERROR(tx.DeleteThingGroup(req.thing_group_name));
  return Empty{};
}

Result<std::vector<store::DueFill>> FillingGroups(store::ReadTransaction& tx, const int& limit,
                                                  const OperationContext&) {
  return tx.ListFillingGroups(limit);
}

Result<bool> FillDynamicGroup(store::WriteTransaction& tx, const store::DueFill& fill,
                              const OperationContext& op) {
  return FillDynamicGroupStep(tx, fill.thing_group_name, op.now);
}

}  // namespace iotjobs::service::transactions
