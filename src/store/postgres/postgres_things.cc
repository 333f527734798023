// Things, thing groups and membership: the registry a job targets.
#include <string>
#include <utility>
#include <vector>

#include "store/json_columns.h"
#include "store/postgres/postgres_transaction.h"
#include "store/registry_filters.h"
#include "store/row_readers.h"

namespace iotjobs::store::postgres {
namespace {

// A page of one text column from a query that asked for limit+1 rows.
Page<std::string> NamePage(Rows& r, int limit) {
  std::vector<std::string> names;
  while (r.Next()) names.push_back(r.Text(0));
  return LimitPlusOnePage(std::move(names), limit, [](const std::string& last) { return last; });
}

}  // namespace

Result<std::optional<jobs::Thing>> PostgresTransaction::GetThing(std::string_view thing_name) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query("SELECT " IOTJOBS_THING_COLUMNS
                          " FROM things WHERE account_id = $1 AND thing_name = $2",
                          account_id_, thing_name));
  if (!r.Next()) return std::optional<jobs::Thing>();
  return std::optional<jobs::Thing>(ReadThing(r));
}

Result<Page<jobs::Thing>> PostgresTransaction::ListThings(const ThingFilter& filter,
                                                          const PageRequest& page) {
  auto chunk = [&](const std::string& after) -> Result<std::vector<jobs::Thing>> {
    IOTJOBS_ASSIGN_OR_RETURN(
        Rows r,
        conn_.Query("SELECT " IOTJOBS_THING_COLUMNS
                    " FROM things WHERE account_id = $1 AND thing_name > $2 "
                    "ORDER BY thing_name LIMIT 256",
                    account_id_, after));
    std::vector<jobs::Thing> rows;
    while (r.Next()) rows.push_back(ReadThing(r));
    return rows;
  };
  auto keep = [&](const jobs::Thing& t) { return MatchesThingFilter(filter, t); };
  return FilteredScan<jobs::Thing>(page, chunk, keep,
                                   [](const jobs::Thing& t) { return t.thing_name; });
}

Status PostgresTransaction::InsertThing(const jobs::Thing& t) {
  return conn_
      .Query("INSERT INTO things (account_id, thing_name, thing_id, thing_type_name, "
             "billing_group_name, attributes, version) VALUES ($1, $2, $3, $4, $5, $6, $7)",
             account_id_, t.thing_name, t.thing_id, t.thing_type_name, t.billing_group_name,
             StringMapToJson(t.attributes), t.version)
      .status();
}

Status PostgresTransaction::UpdateThing(const jobs::Thing& t) {
  return conn_
      .Query("UPDATE things SET thing_type_name = $1, billing_group_name = $2, "
             "attributes = $3, version = $4 WHERE account_id = $5 AND thing_name = $6",
             t.thing_type_name, t.billing_group_name, StringMapToJson(t.attributes), t.version,
             account_id_, t.thing_name)
      .status();
}

Status PostgresTransaction::DeleteThing(std::string_view thing_name) {
  IOTJOBS_RETURN_IF_ERROR(
      conn_
          .Query("DELETE FROM thing_group_members WHERE account_id = $1 AND thing_name = $2",
                 account_id_, thing_name)
          .status());
  return conn_
      .Query("DELETE FROM things WHERE account_id = $1 AND thing_name = $2", account_id_,
             thing_name)
      .status();
}

Result<std::optional<jobs::ThingGroup>> PostgresTransaction::GetThingGroup(
    std::string_view name) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r,
      conn_.Query("SELECT " IOTJOBS_GROUP_COLUMNS
                  " FROM thing_groups WHERE account_id = $1 AND thing_group_name = $2",
                  account_id_, name));
  if (!r.Next()) return std::optional<jobs::ThingGroup>();
  return std::optional<jobs::ThingGroup>(ReadGroup(r));
}

Result<std::optional<jobs::ThingGroup>> PostgresTransaction::GetThingGroupById(
    std::string_view id) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r,
      conn_.Query("SELECT " IOTJOBS_GROUP_COLUMNS
                  " FROM thing_groups WHERE account_id = $1 AND thing_group_id = $2",
                  account_id_, id));
  if (!r.Next()) return std::optional<jobs::ThingGroup>();
  return std::optional<jobs::ThingGroup>(ReadGroup(r));
}

Result<Page<jobs::ThingGroup>> PostgresTransaction::ListThingGroups(
    const ThingGroupFilter& filter, const PageRequest& page) {
  auto chunk = [&](const std::string& after) -> Result<std::vector<jobs::ThingGroup>> {
    IOTJOBS_ASSIGN_OR_RETURN(
        Rows r,
        conn_.Query("SELECT " IOTJOBS_GROUP_COLUMNS
                    " FROM thing_groups WHERE account_id = $1 AND thing_group_name > $2 "
                    "AND (CAST($3 AS TEXT) IS NULL OR parent_group_name = $3) "
                    "ORDER BY thing_group_name LIMIT 256",
                    account_id_, after, filter.parent_group));
    std::vector<jobs::ThingGroup> rows;
    while (r.Next()) rows.push_back(ReadGroup(r));
    return rows;
  };
  auto keep = [&](const jobs::ThingGroup& g) { return MatchesThingGroupFilter(filter, g); };
  return FilteredScan<jobs::ThingGroup>(
      page, chunk, keep, [](const jobs::ThingGroup& g) { return g.thing_group_name; });
}

Result<std::vector<std::string>> PostgresTransaction::ListChildGroupNames(
    std::string_view parent) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query("SELECT thing_group_name FROM thing_groups "
                          "WHERE account_id = $1 AND parent_group_name = $2 "
                          "ORDER BY thing_group_name",
                          account_id_, parent));
  std::vector<std::string> out;
  while (r.Next()) out.push_back(r.Text(0));
  return out;
}

Result<bool> PostgresTransaction::IsThingInGroup(std::string_view group,
                                                 std::string_view thing) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query("SELECT 1 FROM thing_group_members WHERE account_id = $1 "
                          "AND thing_group_name = $2 AND thing_name = $3",
                          account_id_, group, thing));
  return r.Next();
}

Result<Page<std::string>> PostgresTransaction::ListThingsInGroup(std::string_view group,
                                                                 const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query("SELECT thing_name FROM thing_group_members WHERE account_id = $1 "
                          "AND thing_group_name = $2 AND thing_name > $3 "
                          "ORDER BY thing_name LIMIT $4",
                          account_id_, group, page.after, page.limit + 1));
  return NamePage(r, page.limit);
}

Result<Page<std::string>> PostgresTransaction::ListGroupsOfThing(std::string_view thing,
                                                                 const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query("SELECT thing_group_name FROM thing_group_members "
                          "WHERE account_id = $1 AND thing_name = $2 "
                          "AND thing_group_name > $3 ORDER BY thing_group_name LIMIT $4",
                          account_id_, thing, page.after, page.limit + 1));
  return NamePage(r, page.limit);
}

Status PostgresTransaction::InsertThingGroup(const jobs::ThingGroup& g) {
  return conn_
      .Query("INSERT INTO thing_groups (account_id, thing_group_name, thing_group_id, "
             "parent_group_name, description, attributes, version, creation_date) "
             "VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
             account_id_, g.thing_group_name, g.thing_group_id, g.parent_group_name,
             g.description, StringMapToJson(g.attributes), g.version, g.creation_date)
      .status();
}

Status PostgresTransaction::UpdateThingGroup(const jobs::ThingGroup& g) {
  return conn_
      .Query("UPDATE thing_groups SET description = $1, attributes = $2, version = $3 "
             "WHERE account_id = $4 AND thing_group_name = $5",
             g.description, StringMapToJson(g.attributes), g.version, account_id_,
             g.thing_group_name)
      .status();
}

Status PostgresTransaction::DeleteThingGroup(std::string_view name) {
  IOTJOBS_RETURN_IF_ERROR(conn_
                              .Query("DELETE FROM thing_group_members WHERE account_id = $1 "
                                     "AND thing_group_name = $2",
                                     account_id_, name)
                              .status());
  return conn_
      .Query("DELETE FROM thing_groups WHERE account_id = $1 AND thing_group_name = $2",
             account_id_, name)
      .status();
}

Status PostgresTransaction::AddThingToGroup(std::string_view group, std::string_view thing) {
  return conn_
      .Query("INSERT INTO thing_group_members (account_id, thing_group_name, thing_name) "
             "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
             account_id_, group, thing)
      .status();
}

Status PostgresTransaction::RemoveThingFromGroup(std::string_view group,
                                                 std::string_view thing) {
  return conn_
      .Query("DELETE FROM thing_group_members WHERE account_id = $1 "
             "AND thing_group_name = $2 AND thing_name = $3",
             account_id_, group, thing)
      .status();
}

}  // namespace iotjobs::store::postgres
