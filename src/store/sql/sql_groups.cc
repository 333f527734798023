// Thing groups and their members.
#include <string>
#include <utility>
#include <vector>

#include "store/json_columns.h"
#include "store/registry_filters.h"
#include "store/row_readers.h"
#include "store/sql/fleet_query_sql.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {
namespace {

std::string FirstColumn(const SqlRows& r) { return r.Text(0); }

// A page of one text column from a query that asked for limit+1 rows.
Result<Page<std::string>> NamePage(SqlRows& r, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(auto names, ReadAll<std::string>(r, &FirstColumn));
  return LimitPlusOnePage(std::move(names), limit, [](const std::string& last) { return last; });
}

}  // namespace

Result<std::optional<jobs::ThingGroup>> SqlTransaction::GetThingGroup(std::string_view name) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("SELECT " IOTJOBS_GROUP_COLUMNS
                           " FROM thing_groups WHERE account_id = $1 AND thing_group_name = $2",
                           account_id_, name));
  return ReadFirst<jobs::ThingGroup>(r, &ReadGroup<SqlRows>);
}

Result<std::optional<jobs::ThingGroup>> SqlTransaction::GetThingGroupById(std::string_view id) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("SELECT " IOTJOBS_GROUP_COLUMNS
                           " FROM thing_groups WHERE account_id = $1 AND thing_group_id = $2",
                           account_id_, id));
  return ReadFirst<jobs::ThingGroup>(r, &ReadGroup<SqlRows>);
}

Result<Page<jobs::ThingGroup>> SqlTransaction::ListThingGroups(const ThingGroupFilter& filter,
                                                               const PageRequest& page) {
  auto chunk = [&](const std::string& after) -> Result<std::vector<jobs::ThingGroup>> {
    IOTJOBS_ASSIGN_OR_RETURN(
        SqlRows r,
        db_.Query("SELECT " IOTJOBS_GROUP_COLUMNS
                  " FROM thing_groups WHERE account_id = $1 AND thing_group_name > $2 "
                  "AND (CAST($3 AS TEXT) IS NULL OR parent_group_name = $3) "
                  "ORDER BY thing_group_name LIMIT 256",
                  account_id_, after, filter.parent_group));
    return ReadAll<jobs::ThingGroup>(r, &ReadGroup<SqlRows>);
  };
  auto keep = [&](const jobs::ThingGroup& g) { return MatchesThingGroupFilter(filter, g); };
  return FilteredScan<jobs::ThingGroup>(
      page, chunk, keep, [](const jobs::ThingGroup& g) { return g.thing_group_name; });
}

Result<std::vector<std::string>> SqlTransaction::ListChildGroupNames(std::string_view parent) {
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r,
                           db_.Query("SELECT thing_group_name FROM thing_groups "
                                     "WHERE account_id = $1 AND parent_group_name = $2 "
                                     "ORDER BY thing_group_name",
                                     account_id_, parent));
  return ReadAll<std::string>(r, &FirstColumn);
}

Result<bool> SqlTransaction::IsThingInGroup(std::string_view group, std::string_view thing) {
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r,
                           db_.Query("SELECT 1 FROM thing_group_members WHERE account_id = $1 "
                                     "AND thing_group_name = $2 AND thing_name = $3",
                                     account_id_, group, thing));
  return r.Step();
}

Result<Page<std::string>> SqlTransaction::ListThingsInGroup(std::string_view group,
                                                            const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r,
                           db_.Query("SELECT thing_name FROM thing_group_members "
                                     "WHERE account_id = $1 AND thing_group_name = $2 "
                                     "AND thing_name > $3 ORDER BY thing_name LIMIT $4",
                                     account_id_, group, page.after, page.limit + 1));
  return NamePage(r, page.limit);
}

Result<Page<std::string>> SqlTransaction::ListGroupsOfThing(std::string_view thing,
                                                            const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r,
                           db_.Query("SELECT thing_group_name FROM thing_group_members "
                                     "WHERE account_id = $1 AND thing_name = $2 "
                                     "AND thing_group_name > $3 ORDER BY thing_group_name "
                                     "LIMIT $4",
                                     account_id_, thing, page.after, page.limit + 1));
  return NamePage(r, page.limit);
}

namespace {

// A dynamic group's columns, all NULL for a static group.
struct DynamicColumns {
  std::optional<std::string> query_string, query_version, index_name, status, fill_phase,
      fill_after;
};

DynamicColumns DynamicColumnsOf(const jobs::ThingGroup& g) {
  if (!g.dynamic) return {};
  const jobs::DynamicGroupQuery& d = *g.dynamic;
  return {d.query_string, d.query_version, d.index_name,
          d.status,       d.fill_phase,    d.fill_phase ? std::optional(d.fill_after) : std::nullopt};
}

}  // namespace

Result<std::vector<jobs::ThingGroup>> SqlTransaction::ListDynamicGroups() {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("SELECT " IOTJOBS_GROUP_COLUMNS
                           " FROM thing_groups WHERE account_id = $1 AND query_string IS NOT NULL "
                           "ORDER BY thing_group_name",
                           account_id_));
  return ReadAll<jobs::ThingGroup>(r, &ReadGroup<SqlRows>);
}

Result<std::vector<DueFill>> SqlTransaction::ListFillingGroups(int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("SELECT account_id, thing_group_name FROM thing_groups "
                           "WHERE fill_phase IS NOT NULL ORDER BY account_id, thing_group_name "
                           "LIMIT $1",
                           limit));
  return ReadAll<DueFill>(r, [](const SqlRows& row) { return DueFill{row.Text(0), row.Text(1)}; });
}

// Two statements, each bounded by the window: where the window ends (the name `window` things
// on), then the joiners inside it. The search condition is the one SearchIndex runs
// (fleet_query_sql.h), so a fill adds exactly the things a search finds.
Result<FillBatch> SqlTransaction::NextFillBatch(const jobs::FleetQuery& query,
                                                std::string_view group, std::string_view after,
                                                int window, int max_groups) {
  FillBatch batch;
  {
    IOTJOBS_ASSIGN_OR_RETURN(
        SqlRows r, db_.Query("SELECT thing_name FROM things WHERE account_id = $1 AND "
                             "thing_name > $2 ORDER BY thing_name LIMIT 1 OFFSET $3",
                             account_id_, after, window - 1));
    IOTJOBS_ASSIGN_OR_RETURN(bool row, r.Step());
    if (row) batch.window_end = r.Text(0);
  }
  batch.done = batch.window_end.empty();
  SqlCondition where = FleetQueryCondition(query.root(), db_.is_sqlite(), 6);
  const std::string sql =
      "SELECT thing_name FROM things WHERE account_id = $1 AND thing_name > $2 "
      "AND (CAST($3 AS TEXT) = '' OR thing_name <= $3) "  // text only: "" is no end
      "AND NOT EXISTS (SELECT 1 FROM thing_group_members m WHERE m.account_id = $1 "
      "AND m.thing_group_name = $4 AND m.thing_name = things.thing_name) "
      "AND (SELECT COUNT(*) FROM thing_group_members m WHERE m.account_id = $1 "
      "AND m.thing_name = things.thing_name) < CAST($5 AS INTEGER) AND " +
      where.sql + " ORDER BY thing_name";
  std::vector<std::string> args{account_id_, std::string(after), batch.window_end,
                                std::string(group), std::to_string(max_groups)};
  for (auto& a : where.args) args.push_back(std::move(a));
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r, db_.QueryOnce(sql, args));
  IOTJOBS_ASSIGN_OR_RETURN(batch.joiners, ReadAll<std::string>(r, &FirstColumn));
  return batch;
}

Status SqlTransaction::InsertThingGroup(const jobs::ThingGroup& g) {
  DynamicColumns d = DynamicColumnsOf(g);
  return db_.Run(
      "INSERT INTO thing_groups (account_id, thing_group_name, thing_group_id, "
      "parent_group_name, description, attributes, version, creation_date, query_string, "
      "query_version, index_name, dynamic_status, fill_phase, fill_after) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)",
      account_id_, g.thing_group_name, g.thing_group_id, g.parent_group_name, g.description,
      StringMapToJson(g.attributes), g.version, g.creation_date, d.query_string, d.query_version,
      d.index_name, d.status, d.fill_phase, d.fill_after);
}

Status SqlTransaction::UpdateThingGroup(const jobs::ThingGroup& g) {
  DynamicColumns d = DynamicColumnsOf(g);
  return db_.Run(
      "UPDATE thing_groups SET description = $1, attributes = $2, version = $3, "
      "query_string = $4, query_version = $5, index_name = $6, dynamic_status = $7, "
      "fill_phase = $8, fill_after = $9 WHERE account_id = $10 AND thing_group_name = $11",
      g.description, StringMapToJson(g.attributes), g.version, d.query_string, d.query_version,
      d.index_name, d.status, d.fill_phase, d.fill_after, account_id_, g.thing_group_name);
}

Status SqlTransaction::DeleteThingGroup(std::string_view name) {
  IOTJOBS_RETURN_IF_ERROR(db_.Run(
      "DELETE FROM thing_group_members WHERE account_id = $1 AND thing_group_name = $2",
      account_id_, name));
  IOTJOBS_RETURN_IF_ERROR(
      db_.Run("DELETE FROM thing_groups WHERE account_id = $1 AND thing_group_name = $2",
              account_id_, name));
  return DeleteAllTags(jobs::ResourceKind::kThingGroup, name);
}

Status SqlTransaction::AddThingToGroup(std::string_view group, std::string_view thing) {
  return db_.Run(
      "INSERT INTO thing_group_members (account_id, thing_group_name, thing_name) "
      "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
      account_id_, group, thing);
}

Status SqlTransaction::RemoveThingFromGroup(std::string_view group, std::string_view thing) {
  return db_.Run(
      "DELETE FROM thing_group_members WHERE account_id = $1 "
      "AND thing_group_name = $2 AND thing_name = $3",
      account_id_, group, thing);
}

}  // namespace iotjobs::store
