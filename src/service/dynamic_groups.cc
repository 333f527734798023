#include "service/dynamic_groups.h"

#include <algorithm>
#include <set>
#include <vector>

#include "common/log.h"
#include "jobs/fleet_query.h"
#include "jobs/indexing_configuration.h"
#include "service/group_joins.h"

namespace iotjobs::service {
namespace {

constexpr const char* kPrune = "prune";
constexpr const char* kAdd = "add";

// The groups `thing` is directly in (at most kMaxGroupsPerThing, one page).
Result<std::vector<std::string>> DirectGroups(store::ReadTransaction& tx,
                                              const std::string& thing) {
  IOTJOBS_ASSIGN_OR_RETURN(auto page, tx.ListGroupsOfThing(thing, {"", 100}));
  return std::move(page.items);
}

// The stored query of a dynamic group. It was parsed when it was stored, so a failure here
// means a row written by something else: logged, and the group left alone.
std::optional<jobs::FleetQuery> QueryOf(const jobs::ThingGroup& group) {
  auto query = jobs::FleetQuery::Parse(group.dynamic->query_string);
  if (!query.ok()) {
    IOTJOBS_LOG(kError) << "dynamic group " << group.thing_group_name
                        << ": stored query does not parse: " << query.status().message();
    return std::nullopt;
  }
  return std::move(*query);
}

// Puts `thing` in `group` and queues it for the continuous jobs on the group.
Status Join(store::WriteTransaction& tx, const std::string& group, const std::string& thing,
            bool group_has_jobs, EpochMillis now) {
  std::set<std::string> before;
  if (group_has_jobs) {
    IOTJOBS_ASSIGN_OR_RETURN(before, GroupsWithAncestors(tx, thing));
  }
  IOTJOBS_RETURN_IF_ERROR(tx.AddThingToGroup(group, thing));
  if (!group_has_jobs) return Status::Ok();
  // A dynamic group has no ancestors (it cannot be in a hierarchy): the group alone.
  return QueueForContinuousJobs(tx, thing, {group}, before, now);
}

Result<bool> HasJobs(store::ReadTransaction& tx, const std::string& group) {
  IOTJOBS_ASSIGN_OR_RETURN(auto jobs, tx.ListJobsTargetingGroups({group}));
  return !jobs.empty();
}

}  // namespace

jobs::DynamicGroupQuery NewDynamicQuery(std::string query_string, std::string index_name) {
  jobs::DynamicGroupQuery d;
  d.query_string = std::move(query_string);
  d.query_version = std::string(jobs::kQueryVersion);
  d.index_name = std::move(index_name);
  d.status = "BUILDING";
  d.fill_phase = kAdd;
  return d;
}

Status UpdateDynamicMemberships(store::WriteTransaction& tx, const std::string& thing_name,
                                EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(auto dynamic, tx.ListDynamicGroups());
  if (dynamic.empty()) return Status::Ok();
  IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(thing_name));
  if (!thing) return Status::Ok();
  IOTJOBS_ASSIGN_OR_RETURN(const std::vector<std::string> seen, DirectGroups(tx, thing_name));
  std::set<std::string> current(seen.begin(), seen.end());
  for (const jobs::ThingGroup& group : dynamic) {
    std::optional<jobs::FleetQuery> query = QueryOf(group);
    if (!query) continue;
    const bool member = current.count(group.thing_group_name) > 0;
    const bool matches = query->Matches(*thing, seen);
    if (matches && !member) {
      if (static_cast<int>(current.size()) >= kMaxGroupsPerThing) continue;  // D67
      IOTJOBS_ASSIGN_OR_RETURN(bool has_jobs, HasJobs(tx, group.thing_group_name));
      IOTJOBS_RETURN_IF_ERROR(Join(tx, group.thing_group_name, thing_name, has_jobs, now));
      current.insert(group.thing_group_name);
    } else if (!matches && member) {
      IOTJOBS_RETURN_IF_ERROR(tx.RemoveThingFromGroup(group.thing_group_name, thing_name));
      current.erase(group.thing_group_name);
    }
  }
  return Status::Ok();
}

Result<bool> FillDynamicGroupStep(store::WriteTransaction& tx, const std::string& group_name,
                                  EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(group_name));
  if (!group || !group->dynamic || !group->dynamic->fill_phase) return false;
  jobs::DynamicGroupQuery& d = *group->dynamic;
  std::optional<jobs::FleetQuery> query = QueryOf(*group);
  if (!query) return false;
  if (*d.fill_phase == kPrune) {
    IOTJOBS_ASSIGN_OR_RETURN(auto members,
                             tx.ListThingsInGroup(group_name, {d.fill_after, kFillWindow}));
    for (const std::string& name : members.items) {
      IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(name));
      IOTJOBS_ASSIGN_OR_RETURN(auto groups, DirectGroups(tx, name));
      if (!thing || !query->Matches(*thing, groups)) {
        IOTJOBS_RETURN_IF_ERROR(tx.RemoveThingFromGroup(group_name, name));
      }
    }
    if (members.next.empty()) {
      d.fill_phase = kAdd;
      d.fill_after.clear();
    } else {
      d.fill_after = members.next;
    }
  } else {
    IOTJOBS_ASSIGN_OR_RETURN(
        store::FillBatch batch,
        tx.NextFillBatch(*query, group_name, d.fill_after, kFillWindow, kMaxGroupsPerThing));
    bool has_jobs = false;
    if (!batch.joiners.empty()) {
      IOTJOBS_ASSIGN_OR_RETURN(has_jobs, HasJobs(tx, group_name));
    }
    for (const std::string& thing : batch.joiners) {
      IOTJOBS_RETURN_IF_ERROR(Join(tx, group_name, thing, has_jobs, now));
    }
    if (batch.done) {
      d.fill_phase.reset();
      d.fill_after.clear();
      d.status = "ACTIVE";
    } else {
      d.fill_after = batch.window_end;
    }
  }
  IOTJOBS_RETURN_IF_ERROR(tx.UpdateThingGroup(*group));
  return d.fill_phase.has_value();
}

}  // namespace iotjobs::service
