#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "jobs/execution_status.h"
#include "jobs/job_configs.h"
#include "jobs/rollout.h"

namespace iotjobs::jobs {

// JobStatus of the iot model.
enum class JobStatus { kInProgress, kCanceled, kCompleted, kDeletionInProgress, kScheduled };
std::string_view ToString(JobStatus status);
std::optional<JobStatus> ParseJobStatus(std::string_view text);

enum class TargetSelection { kContinuous, kSnapshot };
std::string_view ToString(TargetSelection selection);
std::optional<TargetSelection> ParseTargetSelection(std::string_view text);

// jobProcessDetails: how many executions are in each status. Kept exact by applying every
// status change to it in the same transaction as the change (CountChange below); the
// counters count executions, retries included (boto3 issue #4656).
struct JobProcessDetails {
  int64_t canceled = 0;
  int64_t succeeded = 0;
  int64_t failed = 0;
  int64_t rejected = 0;
  int64_t queued = 0;
  int64_t in_progress = 0;
  int64_t removed = 0;
  int64_t timed_out = 0;

  int64_t& For(ExecutionStatus status);
  int64_t Total() const;
  bool operator==(const JobProcessDetails&) const = default;
};

// Moves one execution between counters: `from` absent for a new execution, `to` absent for
// a deleted one.
void CountChange(JobProcessDetails& details, std::optional<ExecutionStatus> from,
                 std::optional<ExecutionStatus> to);

// The difference of each counter (may be negative), as it is written to the store.
JobProcessDetails& operator+=(JobProcessDetails& a, const JobProcessDetails& b);

struct Job {
  std::string job_id;
  std::vector<std::string> targets;  // thing and thing-group ARNs, as given
  std::string document;              // inline JSON document
  // The S3 URL the document was read from at CreateJob (documentSource); absent for an
  // inline document.
  std::optional<std::string> document_source;
  std::optional<std::string> description;
  TargetSelection target_selection = TargetSelection::kSnapshot;
  JobStatus status = JobStatus::kInProgress;
  bool force_canceled = false;
  std::optional<std::string> reason_code;
  std::optional<std::string> comment;
  std::optional<std::string> namespace_id;
  std::optional<PresignedUrlConfig> presigned_url_config;
  std::optional<JobExecutionsRolloutConfig> rollout_config;
  std::optional<AbortConfig> abort_config;
  std::optional<TimeoutConfig> timeout_config;
  std::optional<JobExecutionsRetryConfig> retry_config;
  std::optional<SchedulingConfig> scheduling_config;
  // The values a job made from an AWS managed template gives its document's placeholders
  // (CreateJob's documentParameters), as given; empty for every other job.
  std::map<std::string, std::string> document_parameters;
  std::vector<std::string> destination_package_versions;
  // The job template the job was created from (CreateJob's jobTemplateArn): a custom one of
  // the account, or an AWS managed one (no account, NAME:VERSION).
  std::optional<std::string> job_template_arn;
  EpochMillis created_at = 0;
  EpochMillis last_updated_at = 0;
  std::optional<EpochMillis> completed_at;
  // The counters as stored when the job was read, plus the changes made since; exact only when
  // counts_known (store/entities/jobs.h, GetJobWithoutCounts).
  JobProcessDetails process_details;
  bool counts_known = true;
  // The changes to the counters not written yet: the store adds them to what it has
  // (service::SaveJob, SaveCounts), so that a change never rewrites the job's row.
  JobProcessDetails unsaved_counts;
  // thingGroupId of the first thing-group target, shown in ListJobs' JobSummary.
  std::optional<std::string> thing_group_id;
  // Executions still to be released (absent once every target has its execution).
  std::optional<RolloutState> rollout;
  // When the background worker must look at this job next (a scheduled start, the next
  // rollout window, the scheduled end, a deletion to finish); absent: never.
  std::optional<EpochMillis> next_action_at;
  // The schedulingConfig's end (endBehavior) has been applied.
  bool scheduled_end_applied = false;
  // The rollout has begun (the job was IN_PROGRESS once): a SCHEDULED job with this set is
  // waiting between maintenance windows, not for its start.
  bool rollout_started = false;
};

// Counts a change of one of the job's executions in unsaved_counts and, when they are known,
// in process_details.
void CountChange(Job& job, std::optional<ExecutionStatus> from,
                 std::optional<ExecutionStatus> to);

// Whether the job has schedulingConfig.maintenanceWindows.
bool HasMaintenanceWindows(const Job& job);

// Whether the job may roll out at `now`: always without maintenance windows, else only while
// one is open (jobs/maintenance_windows.h).
bool InsideMaintenanceWindow(const Job& job, EpochMillis now);

// The next seven window starts a job will roll out in (DescribeJob's scheduledJobRollouts):
// after `now` and the job's startTime, before its endTime; none once the job is finished.
std::vector<EpochMillis> ScheduledRollouts(const Job& job, EpochMillis now);

// When the worker must act on `job` next, from its status, rollout and schedule.
std::optional<EpochMillis> NextActionAt(const Job& job, EpochMillis now);

// Whether the job was made from an AWS managed template: devices then get its document with
// the placeholders replaced by its documentParameters (jobs/managed_templates/).
bool FromManagedTemplate(const Job& job);

// True once a snapshot job has nothing left to do: in progress, rolled out, and every
// execution terminal. Continuous jobs never complete by themselves, except after the
// scheduled end time (docs/aws-behaviour.md, "Job statuses and completion").
bool ShouldComplete(const Job& job);

}  // namespace iotjobs::jobs
