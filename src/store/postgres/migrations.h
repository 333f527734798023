#pragma once

#include "common/status.h"
#include "store/postgres/pg_connection.h"

namespace iotjobs::store::postgres {

// Brings the schema to the newest version: applies, in order and each in its own
// serializable transaction with the version bump, the migrations
// (store/migrations/postgres/NNNN_*.sql, embedded in the binary) numbered above the version
// in the iotjobs_schema_version table. Several iotjobsd starting at once against one
// database is safe: one applies a migration, the others conflict with it, roll back, and
// find it applied. A database newer than this binary is refused (kServiceUnavailable) rather
// than touched.
Status Migrate(Connection& conn);

}  // namespace iotjobs::store::postgres
