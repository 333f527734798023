// Job executions: point lookups by key, keyset pages per job and per thing, and the
// device's pending queue (a partial index, so its cost does not grow with history). The
// per-thing page and the pending queue read summaries from their indexes alone
// (execution_sql.h): on SQLite job_executions is WITHOUT ROWID, so a column outside an index
// would cost a second descent of the primary key per row; PostgreSQL answers them with
// index-only scans.
#include <string>
#include <utility>
#include <vector>

#include "store/execution_columns.h"
#include "store/json_columns.h"
#include "store/row_readers.h"
#include "store/sql/execution_sql.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {
namespace {

// Reads rows into a page; the query asked for limit+1 rows to learn whether more exist.
template <typename T>
Result<Page<T>> ExecutionPage(SqlRows& r, int limit, bool key_is_thing,
                              T (*read)(const SqlRows&)) {
  IOTJOBS_ASSIGN_OR_RETURN(std::vector<T> items, ReadAll<T>(r, read));
  return ExecutionLimitPlusOnePage(std::move(items), limit, key_is_thing);
}

// The latest execution of a job on a thing (also prefetched: the text must be the same).
constexpr std::string_view kLatestExecutionSql =
    "SELECT " IOTJOBS_EXECUTION_COLUMNS
    " FROM job_executions WHERE account_id = $1 AND job_id = $2 "
    "AND thing_name = $3 ORDER BY execution_number DESC LIMIT 1";

}  // namespace

Result<std::optional<jobs::JobExecution>> SqlTransaction::GetExecution(
    std::string_view job_id, std::string_view thing_name,
    std::optional<int64_t> execution_number) {
  Result<SqlRows> rows =
      execution_number
          ? db_.Query("SELECT " IOTJOBS_EXECUTION_COLUMNS
                      " FROM job_executions WHERE account_id = $1 AND job_id = $2 "
                      "AND thing_name = $3 AND execution_number = $4",
                      account_id_, job_id, thing_name, *execution_number)
          : db_.Query(kLatestExecutionSql, account_id_, job_id, thing_name);
  if (!rows.ok()) return rows.status();
  return ReadFirst<jobs::JobExecution>(*rows, &ReadExecution<SqlRows>);
}

Result<Page<jobs::JobExecution>> SqlTransaction::ListExecutionsForJob(
    std::string_view job_id, std::optional<jobs::ExecutionStatus> status,
    const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(auto after, ExecutionPageAfter(page));
  std::optional<std::string> status_text;
  if (status) status_text = std::string(jobs::ToString(*status));
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query(kListExecutionsForJobSql.For(db_), account_id_, job_id, after.first,
                           after.second, status_text, page.limit + 1));
  return ExecutionPage(r, page.limit, /*key_is_thing=*/true, &ReadExecution<SqlRows>);
}

Result<Page<jobs::ExecutionSummary>> SqlTransaction::ListExecutionsForThing(
    std::string_view thing_name, const ExecutionFilter& filter, const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(auto after, ExecutionPageAfter(page));
  std::optional<std::string> status_text;
  if (filter.status) status_text = std::string(jobs::ToString(*filter.status));
  if (filter.job_id) {
    const std::string& job = *filter.job_id;
    std::optional<int64_t> after_number = ExecutionNumberAfterWithinJob(after, job);
    if (!after_number) return Page<jobs::ExecutionSummary>{};
    IOTJOBS_ASSIGN_OR_RETURN(
        SqlRows r, db_.Query(kListExecutionsForThingAndJobSql, account_id_, thing_name, job,
                             *after_number, status_text, filter.namespace_id, page.limit + 1));
    return ExecutionPage(r, page.limit, /*key_is_thing=*/false, &ReadSummary<SqlRows>);
  }
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r,
      db_.Query(kListExecutionsForThingSql.For(db_), account_id_, thing_name, after.first,
                after.second, status_text, filter.namespace_id, page.limit + 1));
  return ExecutionPage(r, page.limit, /*key_is_thing=*/false, &ReadSummary<SqlRows>);
}

Result<std::vector<jobs::ExecutionSummary>> SqlTransaction::ListPendingExecutionsForThing(
    std::string_view thing_name, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query(kListPendingExecutionsForThingSql, account_id_, thing_name, limit));
  return ReadAll<jobs::ExecutionSummary>(r, &ReadSummary<SqlRows>);
}

// Ties in time are broken by key, so that every backend lists the same timers in the same
// order (free on SQLite: the index entries end with the key).
Result<std::vector<DueTimer>> SqlTransaction::ListDueTimers(EpochMillis now, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("SELECT account_id, job_id, thing_name, execution_number "
                           "FROM job_executions WHERE timeout_at IS NOT NULL AND timeout_at <= $1 "
                           "ORDER BY timeout_at, account_id, job_id, thing_name, execution_number "
                           "LIMIT $2",
                           now, limit));
  return ReadAll<DueTimer>(r, [](const SqlRows& row) {
    return DueTimer{row.Text(0), row.Text(1), row.Text(2), row.Int(3)};
  });
}

Status SqlTransaction::InsertExecution(const jobs::JobExecution& e) {
  return db_.Run("INSERT INTO job_executions (account_id, " IOTJOBS_EXECUTION_COLUMNS
                 ", timeout_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
                 "$14, $15, $16)",
                 account_id_, e.job_id, e.thing_name, e.execution_number,
                 jobs::ToString(e.status), e.force_canceled, StringMapToJson(e.status_details),
                 e.queued_at, e.started_at, e.last_updated_at, e.version_number,
                 static_cast<int64_t>(e.retry_attempt), e.namespace_id,
                 e.in_progress_timeout_at, e.step_timeout_at, TimeoutAt(e));
}

Status SqlTransaction::UpdateExecution(const jobs::JobExecution& e) {
  return db_.Run("UPDATE job_executions SET status = $1, force_canceled = $2, "
                 "status_details = $3, started_at = $4, last_updated_at = $5, "
                 "version_number = $6, retry_attempt = $7, in_progress_timeout_at = $8, "
                 "step_timeout_at = $9, timeout_at = $10 WHERE account_id = $11 AND job_id = $12 "
                 "AND thing_name = $13 AND execution_number = $14",
                 jobs::ToString(e.status), e.force_canceled, StringMapToJson(e.status_details),
                 e.started_at, e.last_updated_at, e.version_number,
                 static_cast<int64_t>(e.retry_attempt), e.in_progress_timeout_at,
                 e.step_timeout_at, TimeoutAt(e), account_id_, e.job_id, e.thing_name,
                 e.execution_number);
}

Status SqlTransaction::DeleteExecution(std::string_view job_id, std::string_view thing_name,
                                       int64_t execution_number) {
  return db_.Run("DELETE FROM job_executions WHERE account_id = $1 AND job_id = $2 "
                 "AND thing_name = $3 AND execution_number = $4",
                 account_id_, job_id, thing_name, execution_number);
}

// The executions of the things among the job's first `limit` rows in thing order (DELETE has
// no LIMIT in portable SQL; the subquery has).
Result<int64_t> SqlTransaction::DeleteExecutionsOfJob(std::string_view job_id, int64_t limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("DELETE FROM job_executions WHERE account_id = $1 AND job_id = $2 "
                           "AND thing_name IN (SELECT thing_name FROM job_executions "
                           "WHERE account_id = $1 AND job_id = $2 ORDER BY thing_name LIMIT $3)",
                           account_id_, job_id, limit));
  IOTJOBS_RETURN_IF_ERROR(r.Run());
  return r.Affected();
}

}  // namespace iotjobs::store
