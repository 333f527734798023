#pragma once

#include <string>
#include <vector>

#include "jobs/fleet_query.h"

// A fleet indexing query (jobs/fleet_query.h) as a SQL condition on a row of `things`, in
// either dialect, with the meaning FleetQuery::Matches gives it: values compared in lower
// case, `*` and `?` as LIKE's `%` and `_` (the rest escaped), ranges numeric when the value
// and its bounds are numbers (-?[0-9]+(.[0-9]+)?, checked before the CAST) and bytewise text
// otherwise, attributes read from the JSON column, thingGroupNames through
// thing_group_members, and a missing value matching nothing, also under NOT. The store's
// search test runs a table of queries through both and compares the things they find.
namespace iotjobs::store {

struct SqlCondition {
  std::string sql;                // a boolean expression over `things`
  std::vector<std::string> args;  // its parameters, $first.. in order
  // SearchThingsSql with a list of candidate names from an index: the count of the list's
  // names, up to kCandidateProbeLimit, over $1 (account), $2 (page's last name) and the first
  // `probe_args` of `args`. "" without a list.
  std::string probe;
  size_t probe_args = 0;
};

// The number of candidate names from which a search walks the account's things instead of
// reading the list: a list is read whole (and sorted by name) before the first thing is
// sought, while a walk stops at a full page, after ~100/f things for a query matching a share
// f of them. At 10^6 things a list of 4096 names costs ~2 ms, the walk to a page at that
// density ~15 ms; at a quarter of the things the list would be 250,000 names (bench/analysis.md
// [F2]).
inline constexpr int kCandidateProbeLimit = 4096;

// `first` is the number of the condition's first parameter ($first); $1 is the account.
// Tested on each thing the caller reads, in its order: a dynamic group's fill bounds the names
// of each window, and a list of candidates (below) would be read whole for every window.
SqlCondition FleetQueryCondition(const jobs::QueryNode& root, bool sqlite, int first);

// SearchIndex's page: the things of account $1 after the name $2 that `root` matches, in name
// order, at most `limit` of them; the query's values are the parameters from $3. With
// `use_index`, a query that has a list of candidate names from an index (a thingName or
// attribute term or prefix, a text range: fleet_query_sql.cc, Candidates) reads those names
// and seeks them rather than walking the account's things; `probe` then says how many there
// are, and the caller asks again without the index when they reach kCandidateProbeLimit.
SqlCondition SearchThingsSql(const jobs::QueryNode& root, bool sqlite, int limit,
                             bool use_index = true);

}  // namespace iotjobs::store
