#include "service/transactions/thing_groups.h"

#include <algorithm>

#include <set>
#include <string_view>
#include <utility>
#include <vector>

#include "common/ids.h"
#include "jobs/job_rules.h"
#include "service/dynamic_groups.h"
#include "service/group_joins.h"
#include "service/job_progress.h"
#include "service/messages.h"
#include "service/pagination.h"
#include "service/targets.h"
#include "service/transactions/tags.h"

namespace iotjobs::service::transactions {
namespace {

// AWS quota: a hierarchy is at most 7 levels deep.
constexpr size_t kMaxGroupDepth = 7;

// Resolves "by name or by ARN" for one side of a membership request.
Result<std::string> NameOrArn(const std::optional<std::string>& name,
                              const std::optional<std::string>& arn, jobs::ResourceKind kind,
                              const jobs::ArnContext& arns, std::string_view what) {
  if (name) return *name;
  if (!arn)
    return InvalidRequest("Either the " + std::string(what) + " name or its ARN is required.");
  auto parsed = jobs::ParseArn(*arn);
  if (!parsed || parsed->kind != kind || parsed->region != arns.region ||
      parsed->account_id != arns.account_id) {
    return InvalidRequest(std::string(*arn) + " is not the ARN of a " + std::string(what) +
                          " in this account and region.");
  }
  return parsed->name;
}

// An in-memory page over a sorted list of names, for the recursive listings.
ListResult<std::string> PageOf(const std::set<std::string>& names, const store::PageRequest& page) {
  ListResult<std::string> out;
  auto it = page.after.empty() ? names.begin() : names.upper_bound(page.after);
  for (; it != names.end(); ++it) {
    if (static_cast<int>(out.items.size()) == page.limit) {
      out.next_token = ToNextToken(out.items.back());
      break;
    }
    out.items.push_back(*it);
  }
  return out;
}

// A group's version check, as UpdateThingGroup and DeleteThingGroup make it.
Status CheckGroupVersion(const jobs::ThingGroup& group,
                         const std::optional<int64_t>& expected_version) {
  if (expected_version && *expected_version != group.version) {
    return VersionConflict(messages::VersionMismatch("thing group " + group.thing_group_name,
                                                     *expected_version, group.version));
  }
  return Status::Ok();
}

// The group and thing a membership request names (by name or ARN), both checked to exist,
// and whether the thing is already a direct member.
struct Membership {
  std::string group_name;
  std::string thing_name;
  bool member = false;
};

// Members of a dynamic group follow its query alone (D66).
Status CheckStaticGroup(store::ReadTransaction& tx, const std::string& group, const char* call) {
  IOTJOBS_ASSIGN_OR_RETURN(auto g, tx.GetThingGroup(group));
  if (g && g->dynamic) return InvalidRequest(messages::DynamicGroupNeedsDynamicCall(group, call));
  return Status::Ok();
}

// With overrideDynamicGroups, a thing at the limit leaves the last (in name order) of its
// dynamic groups to make room for a static one (D67). Answers whether it made room.
Result<bool> LeaveLastDynamicGroup(store::WriteTransaction& tx, const std::string& thing,
                                   const std::vector<std::string>& groups) {
  for (auto it = groups.rbegin(); it != groups.rend(); ++it) {
    IOTJOBS_ASSIGN_OR_RETURN(auto g, tx.GetThingGroup(*it));
    if (g && g->dynamic) {
      IOTJOBS_RETURN_IF_ERROR(tx.RemoveThingFromGroup(*it, thing));
      return true;
    }
  }
  return false;
}

Result<Membership> ResolveMembership(store::ReadTransaction& tx,
                                     const ThingGroupMembershipRequest& req,
                                     const jobs::ArnContext& arns) {
  Membership m;
  IOTJOBS_ASSIGN_OR_RETURN(m.group_name,
                           NameOrArn(req.thing_group_name, req.thing_group_arn,
                                     jobs::ResourceKind::kThingGroup, arns, "thing group"));
  IOTJOBS_ASSIGN_OR_RETURN(m.thing_name, NameOrArn(req.thing_name, req.thing_arn,
                                                   jobs::ResourceKind::kThing, arns, "thing"));
  IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(m.group_name));
  if (!group) return NotFound(messages::ThingGroupNotFound(m.group_name));
  IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(m.thing_name));
  if (!thing) return NotFound(messages::ThingNotFound(m.thing_name));
  IOTJOBS_ASSIGN_OR_RETURN(m.member, tx.IsThingInGroup(m.group_name, m.thing_name));
  return m;
}

}  // namespace

Result<jobs::ThingGroup> CreateThingGroup(store::WriteTransaction& tx,
                                          const CreateThingGroupRequest& req,
                                          const OperationContext& op) {
  // CreateThingGroup models no LimitExceededException: too many tags is a bad request here
  // (docs/aws-behaviour.md, D47).
  if (Status tags = CheckNewResourceTags(req.tags); !tags.ok()) {
    return InvalidRequest(tags.message());
  }
  jobs::ThingGroup group;
  group.thing_group_name = req.thing_group_name;
  group.parent_group_name = req.parent_group_name;
  group.description = req.description;
  if (req.attribute_payload) {
    jobs::ApplyAttributePayload(group.attributes, req.attribute_payload->attributes, false);
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto existing, tx.GetThingGroup(req.thing_group_name));
  if (existing) {
    if (!existing->dynamic && existing->parent_group_name == group.parent_group_name &&
        existing->description == group.description && existing->attributes == group.attributes) {
      // The same group again: its tags stay as they are; TagResource changes them (D49).
      return std::move(*existing);
    }
    return AlreadyExists("Thing group " + req.thing_group_name +
                         " already exists with different properties.");
  }
  if (req.parent_group_name) {
    IOTJOBS_ASSIGN_OR_RETURN(auto parent, tx.GetThingGroup(*req.parent_group_name));
    if (!parent) return NotFound(messages::ThingGroupNotFound(*req.parent_group_name));
    // Dynamic groups cannot be part of a hierarchy (AWS's developer guide).
    if (parent->dynamic) {
      return InvalidRequest(
          messages::DynamicGroupNeedsDynamicCall(*req.parent_group_name, "parentGroupName"));
    }
    // The parent sits at level ancestors + 1, the new group one below it.
    IOTJOBS_ASSIGN_OR_RETURN(auto ancestors, Ancestors(tx, *req.parent_group_name));
    if (ancestors.size() + 2 > kMaxGroupDepth) {
      return InvalidRequest("A thing group hierarchy can be at most " +
                            std::to_string(kMaxGroupDepth) + " levels deep.");
    }
  }
  group.thing_group_id = NewUuid();
  group.version = 1;
  group.creation_date = op.now;
  IOTJOBS_RETURN_IF_ERROR(tx.InsertThingGroup(group));
  IOTJOBS_RETURN_IF_ERROR(
      TagNewResource(tx, jobs::ResourceKind::kThingGroup, group.thing_group_name, req.tags));
  return group;
}

Result<ThingGroupView> DescribeThingGroup(store::ReadTransaction& tx,
                                          const std::string& thing_group_name,
                                          const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(thing_group_name));
  if (!group) return NotFound(messages::ThingGroupNotFound(thing_group_name));
  IOTJOBS_ASSIGN_OR_RETURN(auto ancestors, Ancestors(tx, thing_group_name));
  return ThingGroupView{std::move(*group), std::move(ancestors)};
}

Result<ListResult<std::string>> ListThingGroups(store::ReadTransaction& tx,
                                                const ListThingGroupsRequest& req,
                                                const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  if (req.parent_group) {
    IOTJOBS_ASSIGN_OR_RETURN(auto parent, tx.GetThingGroup(*req.parent_group));
    if (!parent) return NotFound(messages::ThingGroupNotFound(*req.parent_group));
  }
  if (req.parent_group && req.recursive) {
    IOTJOBS_ASSIGN_OR_RETURN(auto tree, GroupTree(tx, *req.parent_group));
    std::set<std::string> names;
    for (size_t i = 1; i < tree.size(); ++i) {  // tree[0] is the parent itself
      if (!req.name_prefix_filter || tree[i].rfind(*req.name_prefix_filter, 0) == 0) {
        names.insert(tree[i]);
      }
    }
    return PageOf(names, page);
  }
  store::ThingGroupFilter filter{req.parent_group, req.name_prefix_filter};
  IOTJOBS_ASSIGN_OR_RETURN(auto groups, tx.ListThingGroups(filter, page));
  ListResult<std::string> out;
  for (auto& g : groups.items) out.items.push_back(std::move(g.thing_group_name));
  out.next_token = ToNextToken(groups.next);
  return out;
}

Result<int64_t> UpdateThingGroup(store::WriteTransaction& tx, const UpdateThingGroupRequest& req,
                                 const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(req.thing_group_name));
  if (!group) return NotFound(messages::ThingGroupNotFound(req.thing_group_name));
  if (group->dynamic) {
    return InvalidRequest(
        messages::DynamicGroupNeedsDynamicCall(req.thing_group_name, "UpdateThingGroup"));
  }
  IOTJOBS_RETURN_IF_ERROR(CheckGroupVersion(*group, req.expected_version));
  if (req.description) group->description = req.description;
  if (req.attribute_payload) {
    jobs::ApplyAttributePayload(group->attributes, req.attribute_payload->attributes,
                                req.attribute_payload->merge);
  }
  group->version += 1;
  IOTJOBS_RETURN_IF_ERROR(tx.UpdateThingGroup(*group));
  return group->version;
}

Result<Empty> DeleteThingGroup(store::WriteTransaction& tx, const DeleteThingGroupRequest& req,
                               const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(req.thing_group_name));
  // The model lists no ResourceNotFoundException: deleting an absent group succeeds.
  if (!group) return Empty{};
  if (group->dynamic) {
    return InvalidRequest(
        messages::DynamicGroupNeedsDynamicCall(req.thing_group_name, "DeleteThingGroup"));
  }
  IOTJOBS_RETURN_IF_ERROR(CheckGroupVersion(*group, req.expected_version));
  IOTJOBS_ASSIGN_OR_RETURN(auto children, tx.ListChildGroupNames(req.thing_group_name));
  if (!children.empty()) {
    return InvalidRequest("Cannot delete thing group " + req.thing_group_name +
                          " because it has child groups.");
  }
  IOTJOBS_RETURN_IF_ERROR(tx.DeleteThingGroup(req.thing_group_name));
  return Empty{};
}

Result<Empty> AddThingToThingGroup(store::WriteTransaction& tx,
                                   const ThingGroupMembershipRequest& req,
                                   const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(Membership m, ResolveMembership(tx, req, op.arns));
  IOTJOBS_RETURN_IF_ERROR(CheckStaticGroup(tx, m.group_name, "AddThingToThingGroup"));
  if (m.member) return Empty{};
  IOTJOBS_ASSIGN_OR_RETURN(auto current, tx.ListGroupsOfThing(m.thing_name, {"", 100}));
  bool full = static_cast<int>(current.items.size()) >= kMaxGroupsPerThing;
  if (full && req.override_dynamic_groups) {
    IOTJOBS_ASSIGN_OR_RETURN(bool made_room, LeaveLastDynamicGroup(tx, m.thing_name, current.items));
    full = !made_room;
  }
  if (full) {
    return InvalidRequest("Thing " + m.thing_name + " is already in " +
                          std::to_string(kMaxGroupsPerThing) +
                          " thing groups, the most a thing can belong to.");
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto groups_before, GroupsWithAncestors(tx, m.thing_name));
  IOTJOBS_RETURN_IF_ERROR(tx.AddThingToGroup(m.group_name, m.thing_name));
  IOTJOBS_ASSIGN_OR_RETURN(auto reached, Ancestors(tx, m.group_name));
  reached.push_back(m.group_name);
  IOTJOBS_RETURN_IF_ERROR(QueueForContinuousJobs(tx, m.thing_name, reached, groups_before, op.now));
  // Its thingGroupNames changed: dynamic groups whose queries name groups follow.
  IOTJOBS_RETURN_IF_ERROR(UpdateDynamicMemberships(tx, m.thing_name, op.now));
  return Empty{};
}

Result<Empty> RemoveThingFromThingGroup(store::WriteTransaction& tx,
                                        const ThingGroupMembershipRequest& req,
                                        const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(Membership m, ResolveMembership(tx, req, op.arns));
  IOTJOBS_RETURN_IF_ERROR(CheckStaticGroup(tx, m.group_name, "RemoveThingFromThingGroup"));
  if (!m.member) return Empty{};
  IOTJOBS_RETURN_IF_ERROR(tx.RemoveThingFromGroup(m.group_name, m.thing_name));
  // Pending executions of jobs that no longer target the thing are REMOVED
  // (numberOfRemovedThings: "removed from the group that was a target of the job").
  IOTJOBS_ASSIGN_OR_RETURN(auto pending, tx.ListPendingExecutionsForThing(m.thing_name, 1 << 30));
  for (const auto& summary : pending) {
    IOTJOBS_ASSIGN_OR_RETURN(auto job, JobForExecutionChange(tx, summary.job_id));
    if (!job) continue;
    IOTJOBS_ASSIGN_OR_RETURN(bool still, IsTargeted(tx, ParseTargets(job->targets), m.thing_name));
    if (still) continue;
    IOTJOBS_ASSIGN_OR_RETURN(jobs::JobExecution e, ExecutionOf(tx, summary));
    IOTJOBS_RETURN_IF_ERROR(
        ApplyExecutionEvent(tx, *job, e, jobs::ExecutionEvent::kRemove, op.now));
  }
  IOTJOBS_RETURN_IF_ERROR(UpdateDynamicMemberships(tx, m.thing_name, op.now));
  return Empty{};
}

Result<ListResult<std::string>> ListThingsInThingGroup(store::ReadTransaction& tx,
                                                       const ListThingsInThingGroupRequest& req,
                                                       const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(req.thing_group_name));
  if (!group) return NotFound(messages::ThingGroupNotFound(req.thing_group_name));
  if (req.recursive) {
    IOTJOBS_ASSIGN_OR_RETURN(auto things, ThingsInGroupTree(tx, req.thing_group_name));
    return PageOf(things, page);
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto names, tx.ListThingsInGroup(req.thing_group_name, page));
  return ToListResult(std::move(names));
}

Result<ListResult<std::string>> ListThingGroupsForThing(store::ReadTransaction& tx,
                                                        const ListThingGroupsForThingRequest& req,
                                                        const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(req.thing_name));
  if (!thing) return NotFound(messages::ThingNotFound(req.thing_name));
  IOTJOBS_ASSIGN_OR_RETURN(auto names, tx.ListGroupsOfThing(req.thing_name, page));
  return ToListResult(std::move(names));
}

}  // namespace iotjobs::service::transactions
