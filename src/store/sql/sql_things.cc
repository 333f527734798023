// Things: the registry a job targets.
#include <string>
#include <utility>
#include <vector>

#include "store/json_columns.h"
#include "store/registry_filters.h"
#include "store/row_readers.h"
#include "store/sql/sql_transaction.h"
#include "store/sql/thing_attributes_sql.h"
#include "store/sql/thing_sql.h"

namespace iotjobs::store {

namespace {

constexpr std::string_view kGetThingSql =
    "SELECT " IOTJOBS_THING_COLUMNS " FROM things WHERE account_id = $1 AND thing_name = $2";

}  // namespace

Result<std::optional<jobs::Thing>> SqlTransaction::GetThing(std::string_view thing_name) {
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r, db_.Query(kGetThingSql, account_id_, thing_name));
  return ReadFirst<jobs::Thing>(r, &ReadThing<SqlRows>);
}

Status SqlTransaction::PrefetchThing(std::string_view thing_name) {
  return db_.Prefetch(kGetThingSql, account_id_, thing_name);
}

Result<Page<jobs::Thing>> SqlTransaction::ListThings(const ThingFilter& filter,
                                                     const PageRequest& page) {
  auto chunk = [&](const std::string& after) -> Result<std::vector<jobs::Thing>> {
    if (filter.thing_type_name) {
      // Only the things of that type, through things_by_type (SQLite migration 0011).
      IOTJOBS_ASSIGN_OR_RETURN(
          SqlRows r, db_.Query(kThingsOfTypeSql, account_id_, *filter.thing_type_name, after));
      return ReadAll<jobs::Thing>(r, &ReadThing<SqlRows>);
    }
    IOTJOBS_ASSIGN_OR_RETURN(SqlRows r,
                             db_.Query("SELECT " IOTJOBS_THING_COLUMNS
                                       " FROM things WHERE account_id = $1 AND thing_name > $2 "
                                       "ORDER BY thing_name LIMIT 256",
                                       account_id_, after));
    return ReadAll<jobs::Thing>(r, &ReadThing<SqlRows>);
  };
  auto keep = [&](const jobs::Thing& t) { return MatchesThingFilter(filter, t); };
  return FilteredScan<jobs::Thing>(page, chunk, keep,
                                   [](const jobs::Thing& t) { return t.thing_name; });
}

Result<std::optional<std::string>> SqlTransaction::FindThingOfType(
    std::string_view thing_type_name) {
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r, db_.Query(kOneThingOfTypeSql, account_id_, thing_type_name));
  return ReadFirst<std::string>(r, [](const SqlRows& row) { return row.Text(0); });
}

Status SqlTransaction::InsertThing(const jobs::Thing& t) {
  IOTJOBS_RETURN_IF_ERROR(
      db_.Run("INSERT INTO things (account_id, thing_name, thing_id, thing_type_name, "
              "billing_group_name, attributes, version) VALUES ($1, $2, $3, $4, $5, $6, $7)",
              account_id_, t.thing_name, t.thing_id, t.thing_type_name, t.billing_group_name,
              StringMapToJson(t.attributes), t.version));
  return InsertThingAttributes(t);
}

// The thing's attributes are written whole (the service merges them), so its index rows are
// replaced whole: those of the attributes it had, before the row changes, then the new ones.
// The thing exists (the service reads it in the same transaction).
Status SqlTransaction::UpdateThing(const jobs::Thing& t) {
  IOTJOBS_RETURN_IF_ERROR(db_.Run(kDeleteThingAttributesSql.For(db_), account_id_, t.thing_name));
  IOTJOBS_RETURN_IF_ERROR(
      db_.Run("UPDATE things SET thing_type_name = $1, billing_group_name = $2, "
              "attributes = $3, version = $4 WHERE account_id = $5 AND thing_name = $6",
              t.thing_type_name, t.billing_group_name, StringMapToJson(t.attributes), t.version,
              account_id_, t.thing_name));
  return InsertThingAttributes(t);
}

Status SqlTransaction::InsertThingAttributes(const jobs::Thing& t) {
  for (const auto& [name, value] : t.attributes) {
    IOTJOBS_RETURN_IF_ERROR(
        db_.Run(kInsertThingAttributeSql, account_id_, name, value, t.thing_name));
  }
  return Status::Ok();
}

Status SqlTransaction::DeleteThing(std::string_view thing_name) {
  IOTJOBS_RETURN_IF_ERROR(
      db_.Run("DELETE FROM thing_group_members WHERE account_id = $1 AND thing_name = $2",
              account_id_, thing_name));
  IOTJOBS_RETURN_IF_ERROR(db_.Run(kDeleteThingAttributesSql.For(db_), account_id_, thing_name));
  return db_.Run("DELETE FROM things WHERE account_id = $1 AND thing_name = $2", account_id_,
                 thing_name);
}

}  // namespace iotjobs::store
