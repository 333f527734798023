#pragma once

#include <set>
#include <string>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "store/store.h"

// What a thing joining a group sets off, whichever path it joins by: AddThingToThingGroup
// (a static group), or a dynamic group's query starting to match it (dynamic_groups.h).
namespace iotjobs::service {

// AWS quota: a thing is in at most 10 groups, static and dynamic together.
inline constexpr int kMaxGroupsPerThing = 10;

// The groups `thing` is in, with all their ancestors.
Result<std::set<std::string>> GroupsWithAncestors(store::ReadTransaction& tx,
                                                  const std::string& thing);

// Continuous jobs whose targets now reach `thing` through `groups` (the group it joined and
// that group's ancestors) get an execution for it, unless the thing already was a target
// through `groups_before` or by name, or has a pending execution of the job. A job not started yet reaches the thing when its
// rollout walks the groups; one outside its maintenance windows queues it for the next.
Status QueueForContinuousJobs(store::WriteTransaction& tx, const std::string& thing,
                              const std::vector<std::string>& groups,
                              const std::set<std::string>& groups_before, EpochMillis now);

}  // namespace iotjobs::service
