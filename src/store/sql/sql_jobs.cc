// Jobs, their documents and their thing-group targets.
#include <set>
#include <utility>
#include <vector>

#include "store/job_columns.h"
#include "store/row_readers.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {

// GetJob is in sql_job_counts.cc, with the counters it sums.

Result<std::optional<JobDocument>> SqlTransaction::GetJobDocument(std::string_view job_id) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r, db_.Query("SELECT document, parameters FROM job_documents "
                           "WHERE account_id = $1 AND job_id = $2",
                           account_id_, job_id));
  return ReadFirst<JobDocument>(r, [](const SqlRows& row) {
    JobDocument d{row.Text(0), std::nullopt};
    if (auto parameters = row.OptText(1)) d.parameters = StringMapFromJson(*parameters);
    return d;
  });
}

Result<Page<jobs::Job>> SqlTransaction::ListJobs(const JobFilter& filter,
                                                 const PageRequest& page) {
  std::optional<std::string> status, selection;
  if (filter.status) status = std::string(jobs::ToString(*filter.status));
  if (filter.target_selection) selection = std::string(jobs::ToString(*filter.target_selection));
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r,
      db_.Query("SELECT " IOTJOBS_JOB_COLUMNS
                " FROM jobs j WHERE account_id = $1 AND job_id > $2 "
                "AND (CAST($3 AS TEXT) IS NULL OR status = $3) "
                "AND (CAST($4 AS TEXT) IS NULL OR target_selection = $4) "
                "AND (CAST($5 AS TEXT) IS NULL OR namespace_id = $5) "
                "AND (CAST($6 AS TEXT) IS NULL OR EXISTS (SELECT 1 FROM job_group_targets t "
                "  WHERE t.account_id = j.account_id AND t.thing_group_name = $6 "
                "  AND t.job_id = j.job_id)) "
                "ORDER BY job_id LIMIT $7",
                account_id_, page.after, status, selection, filter.namespace_id,
                filter.thing_group_name, page.limit + 1));
  IOTJOBS_ASSIGN_OR_RETURN(auto items, ReadAll<jobs::Job>(r, &ReadJob<SqlRows>));
  IOTJOBS_RETURN_IF_ERROR(AddCounterRows(items));
  return LimitPlusOnePage(std::move(items), page.limit,
                          [](const jobs::Job& last) { return last.job_id; });
}

Result<std::vector<std::string>> SqlTransaction::ListJobsTargetingGroups(
    const std::vector<std::string>& groups) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& group : groups) {
    IOTJOBS_ASSIGN_OR_RETURN(
        SqlRows r, db_.Query("SELECT job_id FROM job_group_targets "
                             "WHERE account_id = $1 AND thing_group_name = $2 ORDER BY job_id",
                             account_id_, group));
    for (;;) {
      IOTJOBS_ASSIGN_OR_RETURN(bool row, r.Step());
      if (!row) break;
      std::string id = r.Text(0);
      if (seen.insert(id).second) out.push_back(std::move(id));
    }
  }
  return out;
}

// Ties in time are broken by key, so that every backend lists the same jobs in the same
// order (free on SQLite: the index entries end with the key).
Result<std::vector<DueJob>> SqlTransaction::ListDueJobs(EpochMillis now, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      SqlRows r,
      db_.Query("SELECT account_id, job_id FROM jobs WHERE next_action_at IS NOT NULL "
                "AND next_action_at <= $1 ORDER BY next_action_at, account_id, job_id "
                "LIMIT $2",
                now, limit));
  return ReadAll<DueJob>(r, [](const SqlRows& row) { return DueJob{row.Text(0), row.Text(1)}; });
}

// Indexes the job under each thing group it targets, so membership changes find the
// continuous jobs to apply; targets already recorded are left as they are.
Status SqlTransaction::InsertMissingGroupTargets(const jobs::Job& job) {
  for (const auto& group : GroupTargets(job)) {
    IOTJOBS_RETURN_IF_ERROR(
        db_.Run("INSERT INTO job_group_targets (account_id, thing_group_name, job_id) "
                "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                account_id_, group, job.job_id));
  }
  return Status::Ok();
}

Status SqlTransaction::InsertJob(const jobs::Job& job) {
  const auto& d = job.process_details;
  IOTJOBS_RETURN_IF_ERROR(
      db_.Run("INSERT INTO jobs (account_id, " IOTJOBS_JOB_COLUMNS
              ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
              "$16, $17, $18)",
              account_id_, job.job_id, jobs::ToString(job.status),
              jobs::ToString(job.target_selection), job.namespace_id, job.created_at,
              job.last_updated_at, job.completed_at, d.canceled, d.succeeded, d.failed,
              d.rejected, d.queued, d.in_progress, d.removed, d.timed_out, JobDetailsToJson(job),
              job.next_action_at));
  std::optional<std::string> parameters;
  if (jobs::FromManagedTemplate(job)) parameters = StringMapToJson(job.document_parameters);
  IOTJOBS_RETURN_IF_ERROR(db_.Run(
      "INSERT INTO job_documents (account_id, job_id, document, parameters) "
      "VALUES ($1, $2, $3, $4)",
      account_id_, job.job_id, job.document, parameters));
  return InsertMissingGroupTargets(job);
}

Status SqlTransaction::UpdateJob(const jobs::Job& job) {
  // The counters are added to, not set: other writers' changes may be in job_counts.
  const auto& d = job.unsaved_counts;
  IOTJOBS_RETURN_IF_ERROR(
      db_.Run("UPDATE jobs SET status = $1, target_selection = $2, namespace_id = $3, "
              "created_at = $4, last_updated_at = $5, completed_at = $6, "
              "n_canceled = n_canceled + $7, n_succeeded = n_succeeded + $8, "
              "n_failed = n_failed + $9, n_rejected = n_rejected + $10, "
              "n_queued = n_queued + $11, n_in_progress = n_in_progress + $12, "
              "n_removed = n_removed + $13, n_timed_out = n_timed_out + $14, details = $15, "
              "next_action_at = $16 WHERE account_id = $17 AND job_id = $18",
              jobs::ToString(job.status), jobs::ToString(job.target_selection),
              job.namespace_id, job.created_at, job.last_updated_at, job.completed_at,
              d.canceled, d.succeeded, d.failed, d.rejected, d.queued, d.in_progress, d.removed,
              d.timed_out, JobDetailsToJson(job), job.next_action_at, account_id_, job.job_id));
  // Targets only grow (AssociateTargetsWithJob), so inserting the missing ones suffices.
  return InsertMissingGroupTargets(job);
}

Status SqlTransaction::DeleteJob(std::string_view job_id) {
  // Sums held back for the job are written first, to be deleted with its rows.
  IOTJOBS_RETURN_IF_ERROR(WriteCountSums());
  static constexpr std::string_view kStatements[] = {
      "DELETE FROM job_group_targets WHERE account_id = $1 AND job_id = $2",
      "DELETE FROM job_counts WHERE account_id = $1 AND job_id = $2",
      "DELETE FROM job_documents WHERE account_id = $1 AND job_id = $2",
      "DELETE FROM jobs WHERE account_id = $1 AND job_id = $2",
  };
  for (std::string_view sql : kStatements) {
    IOTJOBS_RETURN_IF_ERROR(db_.Run(sql, account_id_, job_id));
  }
  return DeleteAllTags(jobs::ResourceKind::kJob, job_id);
}

}  // namespace iotjobs::store
