#pragma once

#include "store/row_readers.h"

// The SQL of the questions about the things of one thing type, named so that the SQLite plans
// test can check that both are answered from the things_by_type index (SQLite migration 0011,
// PostgreSQL 0007) instead of a walk over the account's things.
namespace iotjobs::store {

// ListThings' thingTypeName filter: a chunk of the type's things after a name, in name order.
// The names come from the index, which covers them, and each row from the primary key. Asked
// for the whole rows in one step, SQLite without statistics prefers walking the primary key
// (the index does not cover the rows); through IN it takes the index, and reads the list in
// name order, so nothing is sorted.
inline constexpr const char* kThingsOfTypeSql =
    "SELECT " IOTJOBS_THING_COLUMNS
    " FROM things WHERE account_id = $1 AND thing_name IN "
    "(SELECT thing_name FROM things WHERE account_id = $1 AND thing_type_name = $2 "
    "AND thing_name > $3 ORDER BY thing_name LIMIT 256) ORDER BY thing_name";

// DeleteThingType: one thing that still has the type.
inline constexpr const char* kOneThingOfTypeSql =
    "SELECT thing_name FROM things WHERE account_id = $1 AND thing_type_name = $2 LIMIT 1";

}  // namespace iotjobs::store
