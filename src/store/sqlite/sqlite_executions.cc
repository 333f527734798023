// Job executions: point lookups by key, keyset pages per job and per thing, and the
// device's pending queue (a partial index, so its cost does not grow with history). The
// per-thing page and the pending queue read summaries from their indexes alone (covering
// indexes, migration 0003): job_executions is WITHOUT ROWID, so a column outside an index
// would cost a second descent of the primary key per row.
#include <string>
#include <utility>
#include <vector>

#include "store/execution_columns.h"
#include "store/json_columns.h"
#include "store/row_readers.h"
#include "store/sqlite/sqlite_transaction.h"

namespace iotjobs::store::sqlite {
namespace {

// Reads rows into a page; the statement asked for limit+1 rows to learn whether more exist.
template <typename T>
Result<Page<T>> ExecutionPage(Statement& s, int limit, bool key_is_thing,
                              T (*read)(const Statement&)) {
  std::vector<T> items;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    items.push_back(read(s));
  }
  return ExecutionLimitPlusOnePage(std::move(items), limit, key_is_thing);
}

}  // namespace

// Both are covering-index scans (the store test checks the plans); keep every column they
// name in the indexes of migration 0003.
const char kListExecutionsForThingSql[] =
    "SELECT " IOTJOBS_SUMMARY_COLUMNS
    " FROM job_executions WHERE account_id = ?1 AND thing_name = ?2 "
    "AND (job_id > ?3 OR (job_id = ?3 AND execution_number > ?4)) "
    "AND (?5 IS NULL OR status = ?5) AND (?6 IS NULL OR namespace_id = ?6) "
    "ORDER BY job_id, execution_number LIMIT ?7";
// The same list for one job (the jobId filter, and counting a thing's attempts at a job for
// retries): job_id as an equality and the cursor as an execution number, so the scan seeks
// to the job's rows instead of walking the thing's whole history.
const char kListExecutionsForThingAndJobSql[] =
    "SELECT " IOTJOBS_SUMMARY_COLUMNS
    " FROM job_executions WHERE account_id = ?1 AND thing_name = ?2 AND job_id = ?3 "
    "AND execution_number > ?4 "
    "AND (?5 IS NULL OR status = ?5) AND (?6 IS NULL OR namespace_id = ?6) "
    "ORDER BY job_id, execution_number LIMIT ?7";
// 'IN_PROGRESS' sorts before 'QUEUED', so the index order is the device's order.
const char kListPendingExecutionsForThingSql[] =
    "SELECT " IOTJOBS_SUMMARY_COLUMNS
    " FROM job_executions WHERE account_id = ? AND thing_name = ? "
    "AND status IN ('QUEUED', 'IN_PROGRESS') "
    "ORDER BY status, queued_at, job_id, execution_number LIMIT ?";

Result<std::optional<jobs::JobExecution>> SqliteTransaction::GetExecution(
    std::string_view job_id, std::string_view thing_name,
    std::optional<int64_t> execution_number) {
  Result<Statement> prepared =
      execution_number
          ? conn_.Prepare("SELECT " IOTJOBS_EXECUTION_COLUMNS
                          " FROM job_executions WHERE account_id = ? AND job_id = ? "
                          "AND thing_name = ? AND execution_number = ?")
          : conn_.Prepare("SELECT " IOTJOBS_EXECUTION_COLUMNS
                          " FROM job_executions WHERE account_id = ? AND job_id = ? "
                          "AND thing_name = ? ORDER BY execution_number DESC LIMIT 1");
  if (!prepared.ok()) return prepared.status();
  Statement& s = *prepared;
  s.BindAll(account_id_, job_id, thing_name);
  if (execution_number) s.Bind(4, *execution_number);
  IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<jobs::JobExecution>();
  return std::optional<jobs::JobExecution>(ReadExecution(s));
}

Result<Page<jobs::JobExecution>> SqliteTransaction::ListExecutionsForJob(
    std::string_view job_id, std::optional<jobs::ExecutionStatus> status,
    const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(auto after, ExecutionPageAfter(page));
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("SELECT " IOTJOBS_EXECUTION_COLUMNS
                    " FROM job_executions WHERE account_id = ?1 AND job_id = ?2 "
                    "AND (thing_name > ?3 OR (thing_name = ?3 AND execution_number > ?4)) "
                    "AND (?5 IS NULL OR status = ?5) "
                    "ORDER BY thing_name, execution_number LIMIT ?6"));
  std::optional<std::string> status_text;
  if (status) status_text = std::string(jobs::ToString(*status));
  s.BindAll(account_id_, job_id, after.first, after.second, status_text, page.limit + 1);
  return ExecutionPage(s, page.limit, /*key_is_thing=*/true, &ReadExecution<Statement>);
}

Result<Page<jobs::ExecutionSummary>> SqliteTransaction::ListExecutionsForThing(
    std::string_view thing_name, const ExecutionFilter& filter, const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(auto after, ExecutionPageAfter(page));
  std::optional<std::string> status_text;
  if (filter.status) status_text = std::string(jobs::ToString(*filter.status));
  if (filter.job_id) {
    const std::string& job = *filter.job_id;
    std::optional<int64_t> after_number = ExecutionNumberAfterWithinJob(after, job);
    if (!after_number) return Page<jobs::ExecutionSummary>{};
    IOTJOBS_ASSIGN_OR_RETURN(Statement s, conn_.Prepare(kListExecutionsForThingAndJobSql));
    s.BindAll(account_id_, thing_name, job, *after_number, status_text, filter.namespace_id,
              page.limit + 1);
    return ExecutionPage(s, page.limit, /*key_is_thing=*/false, &ReadSummary<Statement>);
  }
  IOTJOBS_ASSIGN_OR_RETURN(Statement s, conn_.Prepare(kListExecutionsForThingSql));
  s.BindAll(account_id_, thing_name, after.first, after.second, status_text,
            filter.namespace_id, page.limit + 1);
  return ExecutionPage(s, page.limit, /*key_is_thing=*/false, &ReadSummary<Statement>);
}

Result<std::vector<jobs::ExecutionSummary>> SqliteTransaction::ListPendingExecutionsForThing(
    std::string_view thing_name, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(Statement s, conn_.Prepare(kListPendingExecutionsForThingSql));
  s.BindAll(account_id_, thing_name, limit);
  std::vector<jobs::ExecutionSummary> out;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back(ReadSummary(s));
  }
}

// Ties in time are broken by key, so that every backend lists the same timers in the same
// order (here free: the index entries end with the key).
Result<std::vector<DueTimer>> SqliteTransaction::ListDueTimers(EpochMillis now, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("SELECT account_id, job_id, thing_name, execution_number FROM job_executions "
                    "WHERE timeout_at IS NOT NULL AND timeout_at <= ? ORDER BY timeout_at, "
                    "account_id, job_id, thing_name, execution_number LIMIT ?"));
  s.BindAll(now, limit);
  std::vector<DueTimer> out;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back({s.Text(0), s.Text(1), s.Text(2), s.Int(3)});
  }
}

Status SqliteTransaction::InsertExecution(const jobs::JobExecution& e) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("INSERT INTO job_executions (account_id, " IOTJOBS_EXECUTION_COLUMNS
                                 ", timeout_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  s.BindAll(account_id_, e.job_id, e.thing_name, e.execution_number, jobs::ToString(e.status),
            e.force_canceled, StringMapToJson(e.status_details), e.queued_at, e.started_at,
            e.last_updated_at, e.version_number, static_cast<int64_t>(e.retry_attempt),
            e.namespace_id, e.in_progress_timeout_at, e.step_timeout_at, TimeoutAt(e));
  return s.Run();
}

Status SqliteTransaction::UpdateExecution(const jobs::JobExecution& e) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("UPDATE job_executions SET status = ?, force_canceled = ?, "
                    "status_details = ?, started_at = ?, last_updated_at = ?, "
                    "version_number = ?, retry_attempt = ?, in_progress_timeout_at = ?, "
                    "step_timeout_at = ?, timeout_at = ? WHERE account_id = ? AND job_id = ? "
                    "AND thing_name = ? AND execution_number = ?"));
  s.BindAll(jobs::ToString(e.status), e.force_canceled, StringMapToJson(e.status_details),
            e.started_at, e.last_updated_at, e.version_number,
            static_cast<int64_t>(e.retry_attempt), e.in_progress_timeout_at, e.step_timeout_at,
            TimeoutAt(e), account_id_, e.job_id, e.thing_name, e.execution_number);
  return s.Run();
}

Status SqliteTransaction::DeleteExecution(std::string_view job_id, std::string_view thing_name,
                                          int64_t execution_number) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("DELETE FROM job_executions WHERE account_id = ? AND job_id = ? "
                                 "AND thing_name = ? AND execution_number = ?"));
  s.BindAll(account_id_, job_id, thing_name, execution_number);
  return s.Run();
}

Result<int64_t> SqliteTransaction::DeleteExecutionsOfJob(std::string_view job_id,
                                                         int64_t limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("DELETE FROM job_executions WHERE account_id = ?1 AND job_id = ?2 "
                    "AND thing_name IN (SELECT thing_name FROM job_executions "
                    "WHERE account_id = ?1 AND job_id = ?2 ORDER BY thing_name LIMIT ?3)"));
  s.BindAll(account_id_, job_id, limit);
  IOTJOBS_RETURN_IF_ERROR(s.Run());
  return conn_.Changes();
}

}  // namespace iotjobs::store::sqlite
