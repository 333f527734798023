// Job executions: point lookups by key, keyset pages per job and per thing, and the
// device's pending queue (a partial index, so its cost does not grow with history). The
// per-thing page and the pending queue name only columns of their indexes, so PostgreSQL can
// answer them with index-only scans. Keyset conditions are row comparisons ("(a, b) > (x,
// y)", standard SQL), which PostgreSQL turns into an index seek; SQLite's spelled-out OR
// means the same.
#include <string>
#include <utility>
#include <vector>

#include "store/execution_columns.h"
#include "store/json_columns.h"
#include "store/postgres/postgres_transaction.h"
#include "store/row_readers.h"

namespace iotjobs::store::postgres {
namespace {

// Reads rows into a page; the query asked for limit+1 rows to learn whether more exist.
template <typename T>
Page<T> ExecutionPage(Rows& r, int limit, bool key_is_thing, T (*read)(const Rows&)) {
  std::vector<T> items;
  while (r.Next()) items.push_back(read(r));
  return ExecutionLimitPlusOnePage(std::move(items), limit, key_is_thing);
}

constexpr char kListExecutionsForThingSql[] =
    "SELECT " IOTJOBS_SUMMARY_COLUMNS
    " FROM job_executions WHERE account_id = $1 AND thing_name = $2 "
    "AND (job_id, execution_number) > ($3, $4) "
    "AND (CAST($5 AS TEXT) IS NULL OR status = $5) "
    "AND (CAST($6 AS TEXT) IS NULL OR namespace_id = $6) "
    "ORDER BY job_id, execution_number LIMIT $7";
// The same list for one job: job_id as an equality and the cursor as an execution number,
// so the scan seeks to the job's rows instead of walking the thing's whole history.
constexpr char kListExecutionsForThingAndJobSql[] =
    "SELECT " IOTJOBS_SUMMARY_COLUMNS
    " FROM job_executions WHERE account_id = $1 AND thing_name = $2 AND job_id = $3 "
    "AND execution_number > $4 "
    "AND (CAST($5 AS TEXT) IS NULL OR status = $5) "
    "AND (CAST($6 AS TEXT) IS NULL OR namespace_id = $6) "
    "ORDER BY job_id, execution_number LIMIT $7";
// 'IN_PROGRESS' sorts before 'QUEUED' (COLLATE "C" as in SQLite), so the index order is the
// device's order.
constexpr char kListPendingExecutionsForThingSql[] =
    "SELECT " IOTJOBS_SUMMARY_COLUMNS
    " FROM job_executions WHERE account_id = $1 AND thing_name = $2 "
    "AND status IN ('QUEUED', 'IN_PROGRESS') "
    "ORDER BY status, queued_at, job_id, execution_number LIMIT $3";

}  // namespace

Result<std::optional<jobs::JobExecution>> PostgresTransaction::GetExecution(
    std::string_view job_id, std::string_view thing_name,
    std::optional<int64_t> execution_number) {
  Result<Rows> rows =
      execution_number
          ? conn_.Query("SELECT " IOTJOBS_EXECUTION_COLUMNS
                        " FROM job_executions WHERE account_id = $1 AND job_id = $2 "
                        "AND thing_name = $3 AND execution_number = $4",
                        account_id_, job_id, thing_name, *execution_number)
          : conn_.Query("SELECT " IOTJOBS_EXECUTION_COLUMNS
                        " FROM job_executions WHERE account_id = $1 AND job_id = $2 "
                        "AND thing_name = $3 ORDER BY execution_number DESC LIMIT 1",
                        account_id_, job_id, thing_name);
  if (!rows.ok()) return rows.status();
  if (!rows->Next()) return std::optional<jobs::JobExecution>();
  return std::optional<jobs::JobExecution>(ReadExecution(*rows));
}

Result<Page<jobs::JobExecution>> PostgresTransaction::ListExecutionsForJob(
    std::string_view job_id, std::optional<jobs::ExecutionStatus> status,
    const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(auto after, ExecutionPageAfter(page));
  std::optional<std::string> status_text;
  if (status) status_text = std::string(jobs::ToString(*status));
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query("SELECT " IOTJOBS_EXECUTION_COLUMNS
                          " FROM job_executions WHERE account_id = $1 AND job_id = $2 "
                          "AND (thing_name, execution_number) > ($3, $4) "
                          "AND (CAST($5 AS TEXT) IS NULL OR status = $5) "
                          "ORDER BY thing_name, execution_number LIMIT $6",
                          account_id_, job_id, after.first, after.second, status_text,
                          page.limit + 1));
  return ExecutionPage(r, page.limit, /*key_is_thing=*/true, &ReadExecution<Rows>);
}

Result<Page<jobs::ExecutionSummary>> PostgresTransaction::ListExecutionsForThing(
    std::string_view thing_name, const ExecutionFilter& filter, const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(auto after, ExecutionPageAfter(page));
  std::optional<std::string> status_text;
  if (filter.status) status_text = std::string(jobs::ToString(*filter.status));
  if (filter.job_id) {
    const std::string& job = *filter.job_id;
    std::optional<int64_t> after_number = ExecutionNumberAfterWithinJob(after, job);
    if (!after_number) return Page<jobs::ExecutionSummary>{};
    IOTJOBS_ASSIGN_OR_RETURN(
        Rows r, conn_.Query(kListExecutionsForThingAndJobSql, account_id_, thing_name, job,
                            *after_number, status_text, filter.namespace_id, page.limit + 1));
    return ExecutionPage(r, page.limit, /*key_is_thing=*/false, &ReadSummary<Rows>);
  }
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query(kListExecutionsForThingSql, account_id_, thing_name, after.first,
                          after.second, status_text, filter.namespace_id, page.limit + 1));
  return ExecutionPage(r, page.limit, /*key_is_thing=*/false, &ReadSummary<Rows>);
}

Result<std::vector<jobs::ExecutionSummary>> PostgresTransaction::ListPendingExecutionsForThing(
    std::string_view thing_name, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query(kListPendingExecutionsForThingSql, account_id_, thing_name, limit));
  std::vector<jobs::ExecutionSummary> out;
  while (r.Next()) out.push_back(ReadSummary(r));
  return out;
}

Result<std::vector<DueTimer>> PostgresTransaction::ListDueTimers(EpochMillis now, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query("SELECT account_id, job_id, thing_name, execution_number "
                          "FROM job_executions WHERE timeout_at IS NOT NULL AND timeout_at <= $1 "
                          "ORDER BY timeout_at, account_id, job_id, thing_name, execution_number "
                          "LIMIT $2",
                          now, limit));
  std::vector<DueTimer> out;
  while (r.Next()) out.push_back({r.Text(0), r.Text(1), r.Text(2), r.Int(3)});
  return out;
}

Status PostgresTransaction::InsertExecution(const jobs::JobExecution& e) {
  return conn_
      .Query("INSERT INTO job_executions (account_id, " IOTJOBS_EXECUTION_COLUMNS
             ", timeout_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, "
             "$14, $15, $16)",
             account_id_, e.job_id, e.thing_name, e.execution_number, jobs::ToString(e.status),
             e.force_canceled, StringMapToJson(e.status_details), e.queued_at, e.started_at,
             e.last_updated_at, e.version_number, e.retry_attempt, e.namespace_id,
             e.in_progress_timeout_at, e.step_timeout_at, TimeoutAt(e))
      .status();
}

Status PostgresTransaction::UpdateExecution(const jobs::JobExecution& e) {
  return conn_
      .Query("UPDATE job_executions SET status = $1, force_canceled = $2, "
             "status_details = $3, started_at = $4, last_updated_at = $5, "
             "version_number = $6, retry_attempt = $7, in_progress_timeout_at = $8, "
             "step_timeout_at = $9, timeout_at = $10 WHERE account_id = $11 AND job_id = $12 "
             "AND thing_name = $13 AND execution_number = $14",
             jobs::ToString(e.status), e.force_canceled, StringMapToJson(e.status_details),
             e.started_at, e.last_updated_at, e.version_number, e.retry_attempt,
             e.in_progress_timeout_at, e.step_timeout_at, TimeoutAt(e), account_id_, e.job_id,
             e.thing_name, e.execution_number)
      .status();
}

Status PostgresTransaction::DeleteExecution(std::string_view job_id, std::string_view thing_name,
                                            int64_t execution_number) {
  return conn_
      .Query("DELETE FROM job_executions WHERE account_id = $1 AND job_id = $2 "
             "AND thing_name = $3 AND execution_number = $4",
             account_id_, job_id, thing_name, execution_number)
      .status();
}

// As in SQLite: the executions of the things among the job's first `limit` rows in thing
// order (DELETE has no LIMIT in portable SQL; the subquery has).
Result<int64_t> PostgresTransaction::DeleteExecutionsOfJob(std::string_view job_id,
                                                           int64_t limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Rows r, conn_.Query("DELETE FROM job_executions WHERE account_id = $1 AND job_id = $2 "
                          "AND thing_name IN (SELECT thing_name FROM job_executions "
                          "WHERE account_id = $1 AND job_id = $2 ORDER BY thing_name LIMIT $3)",
                          account_id_, job_id, limit));
  return r.Affected();
}

}  // namespace iotjobs::store::postgres
