// Counts for the server's metrics, over EVERY account (entities/stats.h). One pass over the
// jobs table gives both the jobs and the executions per status, from the per-job counters
// (n_queued, ...) plus the writers' counter rows (job_counts, sql_job_counts.cc) that every
// execution change already keeps up to date; the executions table is touched only through
// the partial index of armed timers.
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {

Result<StoreStats> SqlTransaction::ReadStats() {
  StoreStats stats;
  // The counters' order here is the order of kExecutionStatuses below.
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows jobs,
      db_.Query("SELECT status, COUNT(*), CAST(SUM(n_queued) AS BIGINT), "
                "CAST(SUM(n_in_progress) AS BIGINT), CAST(SUM(n_succeeded) AS BIGINT), "
                "CAST(SUM(n_failed) AS BIGINT), CAST(SUM(n_timed_out) AS BIGINT), "
                "CAST(SUM(n_rejected) AS BIGINT), CAST(SUM(n_removed) AS BIGINT), "
                "CAST(SUM(n_canceled) AS BIGINT) FROM jobs GROUP BY status ORDER BY status"));
  static constexpr const char* kExecutionStatuses[] = {
      "QUEUED", "IN_PROGRESS", "SUCCEEDED", "FAILED", "TIMED_OUT", "REJECTED", "REMOVED",
      "CANCELED"};
  int64_t executions[std::size(kExecutionStatuses)] = {};
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, jobs.Step());
    if (!row) break;
    stats.jobs_by_status.emplace_back(jobs.Text(0), jobs.Int(1));
    for (size_t i = 0; i < std::size(kExecutionStatuses); ++i) {
      executions[i] += jobs.OptInt(static_cast<int>(i) + 2).value_or(0);
    }
  }
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows added,
      db_.Query("SELECT CAST(SUM(n_queued) AS BIGINT), "
                "CAST(SUM(n_in_progress) AS BIGINT), CAST(SUM(n_succeeded) AS BIGINT), "
                "CAST(SUM(n_failed) AS BIGINT), CAST(SUM(n_timed_out) AS BIGINT), "
                "CAST(SUM(n_rejected) AS BIGINT), CAST(SUM(n_removed) AS BIGINT), "
                "CAST(SUM(n_canceled) AS BIGINT) FROM job_counts"));
  IOTJOBS_ASSIGN_OR_RETURN(bool has_added, added.Step());
  for (size_t i = 0; has_added && i < std::size(kExecutionStatuses); ++i) {
    executions[i] += added.OptInt(static_cast<int>(i)).value_or(0);
  }
  for (size_t i = 0; i < std::size(kExecutionStatuses); ++i) {
    stats.executions_by_status.emplace_back(kExecutionStatuses[i], executions[i]);
  }

  // The outbox is short while the broker keeps up; a long one is what the metric is for.
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows outbox,
                           db_.Query("SELECT COUNT(*), MIN(created_at) FROM outbox"));
  IOTJOBS_ASSIGN_OR_RETURN(bool has_outbox, outbox.Step());
  if (has_outbox) {
    stats.outbox_depth = outbox.Int(0);
    stats.outbox_oldest = outbox.OptInt(1);
  }

  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows timers,
      db_.Query("SELECT (SELECT COUNT(*) FROM job_executions WHERE timeout_at IS NOT NULL) + "
                "(SELECT COUNT(*) FROM jobs WHERE next_action_at IS NOT NULL)"));
  IOTJOBS_ASSIGN_OR_RETURN(bool has_timers, timers.Step());
  if (has_timers) stats.timers_pending = timers.Int(0);
  return stats;
}

}  // namespace iotjobs::store
