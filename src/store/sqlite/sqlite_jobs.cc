// Jobs, their documents and their thing-group targets.
#include <set>
#include <utility>
#include <vector>

#include "store/job_columns.h"
#include "store/row_readers.h"
#include "store/sqlite/sqlite_transaction.h"

namespace iotjobs::store::sqlite {

Result<std::optional<jobs::Job>> SqliteTransaction::GetJob(std::string_view job_id) {
  IOTJOBS_ASSIGN_OR_RETURN(Statement s,
                           conn_.Prepare("SELECT " IOTJOBS_JOB_COLUMNS
                                         " FROM jobs WHERE account_id = ? AND job_id = ?"));
  s.BindAll(account_id_, job_id);
  IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<jobs::Job>();
  return std::optional<jobs::Job>(ReadJob(s));
}

Result<std::optional<std::string>> SqliteTransaction::GetJobDocument(std::string_view job_id) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("SELECT document FROM job_documents WHERE account_id = ? AND job_id = ?"));
  s.BindAll(account_id_, job_id);
  IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(s.Text(0));
}

Result<Page<jobs::Job>> SqliteTransaction::ListJobs(const JobFilter& filter,
                                                    const PageRequest& page) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("SELECT " IOTJOBS_JOB_COLUMNS
                    " FROM jobs j WHERE account_id = ?1 AND job_id > ?2 "
                    "AND (?3 IS NULL OR status = ?3) AND (?4 IS NULL OR target_selection = ?4) "
                    "AND (?5 IS NULL OR namespace_id = ?5) "
                    "AND (?6 IS NULL OR EXISTS (SELECT 1 FROM job_group_targets t "
                    "  WHERE t.account_id = j.account_id AND t.thing_group_name = ?6 "
                    "  AND t.job_id = j.job_id)) "
                    "ORDER BY job_id LIMIT ?7"));
  std::optional<std::string> status, selection;
  if (filter.status) status = std::string(jobs::ToString(*filter.status));
  if (filter.target_selection) selection = std::string(jobs::ToString(*filter.target_selection));
  s.BindAll(account_id_, page.after, status, selection, filter.namespace_id,
            filter.thing_group_name, page.limit + 1);
  std::vector<jobs::Job> items;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    items.push_back(ReadJob(s));
  }
  return LimitPlusOnePage(std::move(items), page.limit,
                          [](const jobs::Job& last) { return last.job_id; });
}

Result<std::vector<std::string>> SqliteTransaction::ListJobsTargetingGroups(
    const std::vector<std::string>& groups) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& group : groups) {
    IOTJOBS_ASSIGN_OR_RETURN(
        Statement s,
        conn_.Prepare("SELECT job_id FROM job_group_targets "
                      "WHERE account_id = ? AND thing_group_name = ? ORDER BY job_id"));
    s.BindAll(account_id_, group);
    for (;;) {
      IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      std::string id = s.Text(0);
      if (seen.insert(id).second) out.push_back(std::move(id));
    }
  }
  return out;
}

// Ties in time are broken by key, so that every backend lists the same jobs in the same
// order (here free: the index entries end with the key).
Result<std::vector<DueJob>> SqliteTransaction::ListDueJobs(EpochMillis now, int limit) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s,
      conn_.Prepare("SELECT account_id, job_id FROM jobs WHERE next_action_at IS NOT NULL "
                    "AND next_action_at <= ? ORDER BY next_action_at, account_id, job_id LIMIT ?"));
  s.BindAll(now, limit);
  std::vector<DueJob> out;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return out;
    out.push_back({s.Text(0), s.Text(1)});
  }
}

// Indexes the job under each thing group it targets, so membership changes find the
// continuous jobs to apply; targets already recorded are left as they are.
Status SqliteTransaction::InsertMissingGroupTargets(const jobs::Job& job) {
  for (const auto& group : GroupTargets(job)) {
    IOTJOBS_ASSIGN_OR_RETURN(
        Statement s,
        conn_.Prepare("INSERT INTO job_group_targets (account_id, thing_group_name, job_id) "
                      "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"));
    s.BindAll(account_id_, group, job.job_id);
    IOTJOBS_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

Status SqliteTransaction::InsertJob(const jobs::Job& job) {
  {
    IOTJOBS_ASSIGN_OR_RETURN(
        Statement s,
        conn_.Prepare("INSERT INTO jobs (account_id, " IOTJOBS_JOB_COLUMNS
                      ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const auto& d = job.process_details;
    s.BindAll(account_id_, job.job_id, jobs::ToString(job.status),
              jobs::ToString(job.target_selection), job.namespace_id, job.created_at,
              job.last_updated_at, job.completed_at, d.canceled, d.succeeded, d.failed,
              d.rejected, d.queued, d.in_progress, d.removed, d.timed_out,
              JobDetailsToJson(job), job.next_action_at);
    IOTJOBS_RETURN_IF_ERROR(s.Run());
  }
  {
    IOTJOBS_ASSIGN_OR_RETURN(
        Statement s, conn_.Prepare("INSERT INTO job_documents (account_id, job_id, document) "
                                   "VALUES (?, ?, ?)"));
    s.BindAll(account_id_, job.job_id, job.document);
    IOTJOBS_RETURN_IF_ERROR(s.Run());
  }
  return InsertMissingGroupTargets(job);
}

Status SqliteTransaction::UpdateJob(const jobs::Job& job) {
  {
    IOTJOBS_ASSIGN_OR_RETURN(
        Statement s,
        conn_.Prepare("UPDATE jobs SET status = ?, target_selection = ?, namespace_id = ?, "
                      "created_at = ?, last_updated_at = ?, completed_at = ?, n_canceled = ?, "
                      "n_succeeded = ?, n_failed = ?, n_rejected = ?, n_queued = ?, "
                      "n_in_progress = ?, n_removed = ?, n_timed_out = ?, details = ?, "
                      "next_action_at = ? WHERE account_id = ? AND job_id = ?"));
    const auto& d = job.process_details;
    s.BindAll(jobs::ToString(job.status), jobs::ToString(job.target_selection),
              job.namespace_id, job.created_at, job.last_updated_at, job.completed_at,
              d.canceled, d.succeeded, d.failed, d.rejected, d.queued, d.in_progress, d.removed,
              d.timed_out, JobDetailsToJson(job), job.next_action_at, account_id_, job.job_id);
    IOTJOBS_RETURN_IF_ERROR(s.Run());
  }
  // Targets only grow (AssociateTargetsWithJob), so inserting the missing ones suffices.
  return InsertMissingGroupTargets(job);
}

Status SqliteTransaction::DeleteJob(std::string_view job_id) {
  static constexpr std::string_view kStatements[] = {
      "DELETE FROM job_group_targets WHERE account_id = ? AND job_id = ?",
      "DELETE FROM job_documents WHERE account_id = ? AND job_id = ?",
      "DELETE FROM jobs WHERE account_id = ? AND job_id = ?",
  };
  for (std::string_view sql : kStatements) {
    IOTJOBS_ASSIGN_OR_RETURN(Statement s, conn_.Prepare(sql));
    s.BindAll(account_id_, job_id);
    IOTJOBS_RETURN_IF_ERROR(s.Run());
  }
  return Status::Ok();
}

}  // namespace iotjobs::store::sqlite
