#pragma once

#include "store/row_readers.h"
#include "store/sql/sql_db.h"

// The SQL of the execution lists, named so that the SQLite plans test can check that the
// summary lists stay answerable from the job_executions_by_thing and job_executions_pending
// indexes alone (covering indexes: SQLite migration 0003, PostgreSQL 0001). Keep every
// column they name in those indexes.
namespace iotjobs::store {

// A query whose text differs between the dialects: the only such queries, kept side by side.
// The difference is the keyset condition after the last row of the previous page.
// PostgreSQL turns a row comparison ("(a, b) > (x, y)", standard SQL) into an index seek;
// SQLite is given the spelled-out OR, whose plan the plans test has checked for years.
struct DialectSql {
  const char* sqlite;
  const char* postgres;
  const char* For(const SqlDb& db) const { return db.is_sqlite() ? sqlite : postgres; }
};

#define IOTJOBS_EXECUTIONS_FOR_JOB_SQL(KEYSET)                                        \
  "SELECT " IOTJOBS_EXECUTION_COLUMNS                                                 \
  " FROM job_executions WHERE account_id = $1 AND job_id = $2 AND " KEYSET            \
  " AND (CAST($5 AS TEXT) IS NULL OR status = $5) "                                   \
  "ORDER BY thing_name, execution_number LIMIT $6"

inline constexpr DialectSql kListExecutionsForJobSql = {
    IOTJOBS_EXECUTIONS_FOR_JOB_SQL(
        "(thing_name > $3 OR (thing_name = $3 AND execution_number > $4))"),
    IOTJOBS_EXECUTIONS_FOR_JOB_SQL("(thing_name, execution_number) > ($3, $4)"),
};

#define IOTJOBS_EXECUTIONS_FOR_THING_SQL(KEYSET)                                         \
  "SELECT " IOTJOBS_SUMMARY_COLUMNS                                                      \
  " FROM job_executions WHERE account_id = $1 AND thing_name = $2 AND " KEYSET           \
  " AND (CAST($5 AS TEXT) IS NULL OR status = $5) "                                      \
  "AND (CAST($6 AS TEXT) IS NULL OR namespace_id = $6) "                                 \
  "ORDER BY job_id, execution_number LIMIT $7"

inline constexpr DialectSql kListExecutionsForThingSql = {
    IOTJOBS_EXECUTIONS_FOR_THING_SQL(
        "(job_id > $3 OR (job_id = $3 AND execution_number > $4))"),
    IOTJOBS_EXECUTIONS_FOR_THING_SQL("(job_id, execution_number) > ($3, $4)"),
};

// The same list for one job (the jobId filter, and counting a thing's attempts at a job for
// retries): job_id as an equality and the cursor as an execution number, so the scan seeks
// to the job's rows instead of walking the thing's whole history.
inline constexpr char kListExecutionsForThingAndJobSql[] =
    "SELECT " IOTJOBS_SUMMARY_COLUMNS
    " FROM job_executions WHERE account_id = $1 AND thing_name = $2 AND job_id = $3 "
    "AND execution_number > $4 "
    "AND (CAST($5 AS TEXT) IS NULL OR status = $5) "
    "AND (CAST($6 AS TEXT) IS NULL OR namespace_id = $6) "
    "ORDER BY job_id, execution_number LIMIT $7";

// 'IN_PROGRESS' sorts before 'QUEUED' (binary order; COLLATE "C" on PostgreSQL), so the
// index order is the device's order.
inline constexpr char kListPendingExecutionsForThingSql[] =
    "SELECT " IOTJOBS_SUMMARY_COLUMNS
    " FROM job_executions WHERE account_id = $1 AND thing_name = $2 "
    "AND status IN ('QUEUED', 'IN_PROGRESS') "
    "ORDER BY status, queued_at, job_id, execution_number LIMIT $3";

}  // namespace iotjobs::store
