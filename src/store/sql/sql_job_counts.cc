// Job counters kept apart from the job's row (entities/jobs.h, JobDecisions): the jobs row's
// n_* columns hold what was counted when the row itself was written (creation, cancel, the
// background worker), and job_counts one row per writer (shard) with what execution changes
// added since. An execution change then writes one small row of its own writer instead of
// rewriting the job's, and two instances changing the same job's executions write different
// rows (docs/architecture.md, "Job counters"). On PostgreSQL a batch's changes of one job
// are summed and written as one upsert (CountShard).
#include <algorithm>

#include "store/job_columns.h"
#include "store/row_readers.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {
namespace {

// The eight counters of job_counts, summed, in JobProcessDetails' order; PostgreSQL's SUM of
// a BIGINT is a NUMERIC, hence the casts.
#define IOTJOBS_SUMMED_COUNTS                                                                 \
  "CAST(COALESCE(SUM(n_canceled), 0) AS BIGINT), CAST(COALESCE(SUM(n_succeeded), 0) AS BIGINT), " \
  "CAST(COALESCE(SUM(n_failed), 0) AS BIGINT), CAST(COALESCE(SUM(n_rejected), 0) AS BIGINT), "    \
  "CAST(COALESCE(SUM(n_queued), 0) AS BIGINT), "                                                 \
  "CAST(COALESCE(SUM(n_in_progress), 0) AS BIGINT), "                                            \
  "CAST(COALESCE(SUM(n_removed), 0) AS BIGINT), CAST(COALESCE(SUM(n_timed_out), 0) AS BIGINT)"

// Adds the eight counters at `first` of `row` to `d`.
void AddCounts(const SqlRows& row, int first, jobs::JobProcessDetails& d) {
  jobs::JobProcessDetails added;
  added.canceled = row.Int(first);
  added.succeeded = row.Int(first + 1);
  added.failed = row.Int(first + 2);
  added.rejected = row.Int(first + 3);
  added.queued = row.Int(first + 4);
  added.in_progress = row.Int(first + 5);
  added.removed = row.Int(first + 6);
  added.timed_out = row.Int(first + 7);
  d += added;
}

// The upsert of a change into the writer's row. SQLite's single writer does not number its
// changes: its statement leaves seq (and so the (shard, seq) index) alone.
#define IOTJOBS_ADD_COUNTS                                                                 \
  "INSERT INTO job_counts (account_id, job_id, shard, n_canceled, n_succeeded, n_failed, "  \
  "n_rejected, n_queued, n_in_progress, n_removed, n_timed_out, seq) "                      \
  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) "                             \
  "ON CONFLICT (account_id, job_id, shard) DO UPDATE SET "                                  \
  "n_canceled = job_counts.n_canceled + excluded.n_canceled, "                              \
  "n_succeeded = job_counts.n_succeeded + excluded.n_succeeded, "                           \
  "n_failed = job_counts.n_failed + excluded.n_failed, "                                    \
  "n_rejected = job_counts.n_rejected + excluded.n_rejected, "                              \
  "n_queued = job_counts.n_queued + excluded.n_queued, "                                    \
  "n_in_progress = job_counts.n_in_progress + excluded.n_in_progress, "                     \
  "n_removed = job_counts.n_removed + excluded.n_removed, "                                  \
  "n_timed_out = job_counts.n_timed_out + excluded.n_timed_out"
constexpr std::string_view kAddCountsNumbered = IOTJOBS_ADD_COUNTS ", seq = excluded.seq";
constexpr std::string_view kAddCountsUnnumbered = IOTJOBS_ADD_COUNTS;

constexpr std::string_view kJobRowSql =
    "SELECT " IOTJOBS_JOB_COLUMNS " FROM jobs WHERE account_id = $1 AND job_id = $2";
constexpr std::string_view kJobCountsSql =
    "SELECT " IOTJOBS_SUMMED_COUNTS " FROM job_counts WHERE account_id = $1 AND job_id = $2";

}  // namespace

Result<std::optional<jobs::Job>> SqlTransaction::JobRow(std::string_view job_id) {
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows row, db_.Query(kJobRowSql, account_id_, job_id));
  return ReadFirst<jobs::Job>(row, &ReadJob<SqlRows>);
}

Result<std::optional<jobs::Job>> SqlTransaction::GetJob(std::string_view job_id) {
  IOTJOBS_ASSIGN_OR_RETURN(auto job, JobRow(job_id));
  if (!job) return job;
  IOTJOBS_RETURN_IF_ERROR(WriteCountSums());
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r, db_.Query(kJobCountsSql, account_id_, job_id));
  IOTJOBS_ASSIGN_OR_RETURN(bool found, r.Step());
  if (found) AddCounts(r, 0, job->process_details);
  return job;
}

Result<std::optional<jobs::Job>> SqlTransaction::GetJobWithoutCounts(std::string_view job_id) {
  IOTJOBS_ASSIGN_OR_RETURN(auto job, JobRow(job_id));
  if (job) {
    job->process_details = {};  // the row's part alone would look like the whole
    job->counts_known = false;
  }
  return job;
}

// Only the job's row: a prefetched counters read would be wasted whenever the job is not
// found, and where counters are read with the job (kInline) the store is SQLite, which
// ignores prefetches anyway.
Status SqlTransaction::PrefetchJob(std::string_view job_id) {
  return db_.Prefetch(kJobRowSql, account_id_, job_id);
}

Status SqlTransaction::AddCounterRows(std::vector<jobs::Job>& page) {
  if (page.empty()) return Status::Ok();
  IOTJOBS_RETURN_IF_ERROR(WriteCountSums());
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("SELECT job_id, " IOTJOBS_SUMMED_COUNTS
                           " FROM job_counts WHERE account_id = $1 AND job_id >= $2 "
                           "AND job_id <= $3 GROUP BY job_id",
                           account_id_, page.front().job_id, page.back().job_id));
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, r.Step());
    if (!row) return Status::Ok();
    std::string id = r.Text(0);
    auto it = std::lower_bound(page.begin(), page.end(), id,
                               [](const jobs::Job& j, const std::string& k) { return j.job_id < k; });
    if (it != page.end() && it->job_id == id) AddCounts(r, 1, it->process_details);
  }
}

Status SqlTransaction::AddJobCounts(std::string_view job_id,
                                    const jobs::JobProcessDetails& d) {
  if (d == jobs::JobProcessDetails{}) return Status::Ok();
  if (shard_ && shard_->summing) {
    shard_->op[{account_id_, std::string(job_id)}] += d;
    return Status::Ok();
  }
  return WriteCounts(account_id_, job_id, d);
}

Status SqlTransaction::WriteCounts(std::string_view account_id, std::string_view job_id,
                                   const jobs::JobProcessDetails& d) {
  int64_t shard = shard_ ? shard_->shard : 0;
  int64_t seq = shard_ ? ++shard_->last_seq : 0;
  return db_.Run(shard_ ? kAddCountsNumbered : kAddCountsUnnumbered, account_id, job_id, shard,
                 d.canceled, d.succeeded, d.failed, d.rejected, d.queued, d.in_progress,
                 d.removed, d.timed_out, seq);
}

Status SqlTransaction::WriteCountSums() {
  if (!shard_) return Status::Ok();
  // Each sum leaves its map once written (a sum that fails to be written stays owed); the
  // batch's are noted in `written`, being written inside the running operation's savepoint.
  auto write = [this](CountShard::Sums& sums, CountShard::Sums* written) -> Status {
    for (auto it = sums.begin(); it != sums.end(); it = sums.erase(it)) {
      if (it->second == jobs::JobProcessDetails{}) continue;
      IOTJOBS_RETURN_IF_ERROR(WriteCounts(it->first.first, it->first.second, it->second));
      if (written) (*written)[it->first] += it->second;
    }
    return Status::Ok();
  };
  IOTJOBS_RETURN_IF_ERROR(write(shard_->batch, &shard_->written_in_op));
  return write(shard_->op, nullptr);
}

void CountShard::EndOperation(bool ok) {
  if (ok) {
    for (auto& [key, d] : op) batch[key] += d;
  } else {
    for (auto& [key, d] : written_in_op) batch[key] += d;
  }
  op.clear();
  written_in_op.clear();
}

void CountShard::Clear() {
  batch.clear();
  op.clear();
  written_in_op.clear();
}

Result<std::vector<JobCountChange>> SqlTransaction::ListJobCountChanges(
    const std::map<int64_t, int64_t>& after, int limit) {
  IOTJOBS_RETURN_IF_ERROR(WriteCountSums());
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows shards,
                           db_.Query("SELECT shard FROM job_count_shards ORDER BY shard"));
  std::vector<int64_t> ids;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, shards.Step());
    if (!row) break;
    ids.push_back(shards.Int(0));
  }
  std::vector<JobCountChange> out;
  for (int64_t shard : ids) {
    auto known = after.find(shard);
    int64_t from = known == after.end() ? 0 : known->second;
    IOTJOBS_ASSIGN_OR_RETURN(
        SqlRows r, db_.Query("SELECT account_id, job_id, seq FROM job_counts "
                             "WHERE shard = $1 AND seq > $2 ORDER BY seq LIMIT $3",
                             shard, from, limit));
    for (;;) {
      IOTJOBS_ASSIGN_OR_RETURN(bool row, r.Step());
      if (!row) break;
      out.push_back({r.Text(0), r.Text(1), shard, r.Int(2)});
    }
  }
  return out;
}

}  // namespace iotjobs::store
