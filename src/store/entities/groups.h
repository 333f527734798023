#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "jobs/fleet_query.h"
#include "jobs/thing.h"
#include "store/entities/page.h"

// Thing groups and their members (see things.h for what every entity interface promises).
namespace iotjobs::store {

struct ThingGroupFilter {
  std::optional<std::string> parent_group;  // direct children of this group only
  std::optional<std::string> name_prefix;
};

// A dynamic group being filled (jobs::DynamicGroupQuery), in some account.
struct DueFill {
  std::string account_id;
  std::string thing_group_name;
};

// One bounded step of a dynamic group's fill: of the things named after `after`, up to
// `window` of them in name order, the ones that match the query, are not in the group yet and
// are in fewer than `max_groups` groups. `window_end` is the last name the window reached;
// `done` when the window reached the last thing.
struct FillBatch {
  std::vector<std::string> joiners;
  std::string window_end;
  bool done = false;
};

class GroupReads {
 public:
  virtual ~GroupReads() = default;
  virtual Result<std::optional<jobs::ThingGroup>> GetThingGroup(std::string_view name) = 0;
  virtual Result<std::optional<jobs::ThingGroup>> GetThingGroupById(std::string_view id) = 0;
  virtual Result<Page<jobs::ThingGroup>> ListThingGroups(const ThingGroupFilter& filter,
                                                         const PageRequest& page) = 0;
  virtual Result<std::vector<std::string>> ListChildGroupNames(std::string_view parent) = 0;
  virtual Result<bool> IsThingInGroup(std::string_view group, std::string_view thing) = 0;
  // Names of the things directly in `group`, in name order.
  virtual Result<Page<std::string>> ListThingsInGroup(std::string_view group,
                                                      const PageRequest& page) = 0;
  // Names of the groups `thing` belongs to directly, in name order.
  virtual Result<Page<std::string>> ListGroupsOfThing(std::string_view thing,
                                                      const PageRequest& page) = 0;
  // The account's dynamic groups, in name order.
  virtual Result<std::vector<jobs::ThingGroup>> ListDynamicGroups() = 0;
  // Dynamic groups of EVERY account whose fill is running, at most `limit`.
  virtual Result<std::vector<DueFill>> ListFillingGroups(int limit) = 0;
  // The next step of filling `group` with the things `query` matches (see FillBatch).
  virtual Result<FillBatch> NextFillBatch(const jobs::FleetQuery& query, std::string_view group,
                                          std::string_view after, int window,
                                          int max_groups) = 0;
};

class GroupWrites {
 public:
  virtual ~GroupWrites() = default;
  virtual Status InsertThingGroup(const jobs::ThingGroup& group) = 0;
  virtual Status UpdateThingGroup(const jobs::ThingGroup& group) = 0;
  virtual Status DeleteThingGroup(std::string_view name) = 0;
  virtual Status AddThingToGroup(std::string_view group, std::string_view thing) = 0;
  virtual Status RemoveThingFromGroup(std::string_view group, std::string_view thing) = 0;
};

}  // namespace iotjobs::store
