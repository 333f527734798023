#pragma once

#include "store/sql/execution_sql.h"

// The writes that keep thing_attributes (SQLite migration 0015, PostgreSQL 0011), fleet
// indexing's index of attribute values, equal to the things' JSON attributes: every write of
// a thing's attributes runs them in its own transaction. The rows are read back from the row
// just written, with the same lower() and JSON reading as the migration's fill and the search
// (store/sql/fleet_query_sql.cc), so that an indexed comparison and the same comparison made
// on the JSON column find the same things.
namespace iotjobs::store {

// $1 the account, $2 the thing: its attributes as its things row now holds them.
inline constexpr DialectSql kFillThingAttributesSql = {
    "INSERT INTO thing_attributes (account_id, thing_name, name, lower_value) "
    "SELECT t.account_id, t.thing_name, a.key, lower(a.value) "
    "FROM things t, json_each(t.attributes) a "
    "WHERE t.account_id = $1 AND t.thing_name = $2 AND a.value IS NOT NULL",
    "INSERT INTO thing_attributes (account_id, thing_name, name, lower_value) "
    "SELECT t.account_id, t.thing_name, a.key, lower(a.value) "
    "FROM things t, jsonb_each_text(CAST(t.attributes AS jsonb)) a "
    "WHERE t.account_id = $1 AND t.thing_name = $2 AND a.value IS NOT NULL",
};

// $1 the account, $2 the thing: before its attributes are written again, or it is deleted.
inline constexpr const char* kDeleteThingAttributesSql =
    "DELETE FROM thing_attributes WHERE account_id = $1 AND thing_name = $2";

}  // namespace iotjobs::store
