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
  bool name_range = false;        // it begins with a thingName range (see below)
};

// `first` is the number of the condition's first parameter ($first); $1 is the account.
// `name_range`: a thingName prefix is also read as a range of things_by_lower_name, which
// pays off when the condition is the whole search; a caller that already bounds the names it
// reads (a dynamic group's fill window) leaves it out, since the range is then read in full
// for every window.
SqlCondition FleetQueryCondition(const jobs::QueryNode& root, bool sqlite, int first,
                                 bool name_range = true);

// SearchIndex's page: the things of account $1 after the name $2 that `root` matches, in name
// order, at most `limit` of them; the query's values are the parameters from $3. With a name
// range, SQLite seeks the range's names one by one rather than walking the account's things.
SqlCondition SearchThingsSql(const jobs::QueryNode& root, bool sqlite, int limit);

}  // namespace iotjobs::store
