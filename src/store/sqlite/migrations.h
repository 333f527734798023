#pragma once

#include "common/status.h"
#include "store/sqlite/connection.h"

namespace iotjobs::store::sqlite {

// Brings the schema to the newest version: applies, in order and each in its own
// transaction, the migrations (store/migrations/sqlite/NNNN_*.sql, embedded in the binary)
// numbered above the database's PRAGMA user_version. A database newer than this binary is
// refused (kServiceUnavailable) rather than touched.
Status Migrate(Connection& conn);

}  // namespace iotjobs::store::sqlite
