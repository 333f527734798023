#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"

namespace iotjobs::jobs {

struct Thing {
  std::string thing_name;
  std::string thing_id;  // a UUID, as AWS gives
  std::optional<std::string> thing_type_name;
  std::optional<std::string> billing_group_name;
  std::map<std::string, std::string> attributes;
  int64_t version = 1;
};

// What makes a thing group dynamic (CreateDynamicThingGroup): the fleet indexing query its
// members match, and where filling it stands. `status` is AWS's DynamicGroupStatus: BUILDING
// while a new group is filled, REBUILDING while a changed query is applied, ACTIVE after.
// The fill walks things by name in batches on the background worker; `fill_phase` is
// "prune" (members checked against a changed query) then "add" (matching things joined),
// `fill_after` the last name it passed; both absent when ACTIVE.
struct DynamicGroupQuery {
  std::string query_string;
  std::string query_version;
  std::string index_name;
  std::string status;
  std::optional<std::string> fill_phase;
  std::string fill_after;
};

struct ThingGroup {
  std::string thing_group_name;
  std::string thing_group_id;
  std::optional<std::string> parent_group_name;
  std::optional<std::string> description;
  std::map<std::string, std::string> attributes;
  int64_t version = 1;
  EpochMillis creation_date = 0;
  std::optional<DynamicGroupQuery> dynamic;  // absent for a static group
};

}  // namespace iotjobs::jobs
