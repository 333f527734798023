#pragma once

#include <string>

#include "common/clock.h"
#include "common/result.h"
#include "jobs/thing.h"
#include "store/store.h"

// Keeping dynamic thing groups' members to their queries (docs/aws-behaviour.md, "Dynamic
// thing groups", D66 to D70). Two paths, both in the transaction of the change that moves a
// thing in or out:
//   - one thing changed (created, updated, its static groups changed): every dynamic group of
//     the account is tested against it in memory (jobs::FleetQuery::Matches);
//   - a group was created or its query changed: the group is filled in bounded batches, each
//     its own transaction, by the background worker (and a first batch by the request), with
//     the store's SQL search (store::GroupReads::NextFillBatch).
// A thing that joins goes through the continuous-job path (group_joins.h); one that leaves
// keeps its executions (D70).
namespace iotjobs::service {

// How many things one fill batch looks at: each batch is one short transaction.
inline constexpr int kFillWindow = 2000;

// A new dynamic group's state: BUILDING, its fill about to start.
jobs::DynamicGroupQuery NewDynamicQuery(std::string query_string, std::string index_name);

// Moves `thing_name` into every dynamic group of the account whose query it now matches, and
// out of every one it no longer matches. The thing's groups the queries see are the ones it
// is in before this call (D68); a thing already in kMaxGroupsPerThing groups joins none
// (D67). A thing that does not exist (deleted) changes nothing.
Status UpdateDynamicMemberships(store::WriteTransaction& tx, const std::string& thing_name,
                                EpochMillis now);

// One batch of `group`'s fill: the "prune" phase takes out members the query no longer
// matches, the "add" phase puts in things it matches; ACTIVE when both are through. Answers
// whether work remains. A group that is gone or not filling answers false.
Result<bool> FillDynamicGroupStep(store::WriteTransaction& tx, const std::string& group_name,
                                  EpochMillis now);

}  // namespace iotjobs::service
