#pragma once

#include "store/sql/execution_sql.h"

// The writes that keep thing_attributes (SQLite migration 0015, PostgreSQL 0011), fleet
// indexing's index of attribute values, equal to the things' JSON attributes: every write of
// a thing's attributes runs them in its own transaction. Values are lower-cased by the
// database's lower(), as the migration's fill and the search (store/sql/fleet_query_sql.cc)
// do, so that an indexed comparison and the same comparison made on the JSON column find the
// same things.
namespace iotjobs::store {

// The rows of thing $2 of account $1, from its attributes as its things row holds them.
#define IOTJOBS_THING_ATTRIBUTE_ROWS(EACH)                                        \
  "SELECT t.account_id, a.key, lower(a.value), t.thing_name FROM things t, " EACH \
  " a "                                                                           \
  "WHERE t.account_id = $1 AND t.thing_name = $2 AND a.value IS NOT NULL"
#define IOTJOBS_THING_ATTRIBUTE_ROWS_SQLITE IOTJOBS_THING_ATTRIBUTE_ROWS("json_each(t.attributes)")
#define IOTJOBS_THING_ATTRIBUTE_ROWS_POSTGRES \
  IOTJOBS_THING_ATTRIBUTE_ROWS("jsonb_each_text(CAST(t.attributes AS jsonb))")

// After the thing's row is written: one row per attribute, its value lower-cased by the
// database as the search does. One statement per row rather than INSERT ... SELECT from the
// JSON: SQLite gives a statement that writes several rows inside a transaction a statement
// journal, a copy of every page it changes (bench/bulk_load.cc's 10^5 things: 900,000
// writes instead of 30,000, 5x the load time). A row that is there already is left alone.
inline constexpr const char* kInsertThingAttributeSql =
    "INSERT INTO thing_attributes (account_id, name, lower_value, thing_name) "
    "VALUES ($1, $2, lower(CAST($3 AS TEXT)), $4) ON CONFLICT DO NOTHING";

// Before the thing's row is written again or deleted: its rows, found by the key from the
// values it still holds (the table has no index by thing; its rows are exactly these).
inline constexpr DialectSql kDeleteThingAttributesSql = {
    "DELETE FROM thing_attributes WHERE (account_id, name, lower_value, thing_name) IN "
    "(" IOTJOBS_THING_ATTRIBUTE_ROWS_SQLITE ")",
    "DELETE FROM thing_attributes WHERE (account_id, name, lower_value, thing_name) IN "
    "(" IOTJOBS_THING_ATTRIBUTE_ROWS_POSTGRES ")",
};

#undef IOTJOBS_THING_ATTRIBUTE_ROWS_POSTGRES
#undef IOTJOBS_THING_ATTRIBUTE_ROWS_SQLITE
#undef IOTJOBS_THING_ATTRIBUTE_ROWS

}  // namespace iotjobs::store
