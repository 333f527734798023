#include "service/transactions/jobs.h"

#include <algorithm>

#include "common/time_format.h"
#include "jobs/arn.h"
#include "jobs/job_rules.h"
#include "jobs/maintenance_windows.h"
#include "service/job_checks.h"
#include "service/job_documents.h"
#include "service/job_progress.h"
#include "service/messages.h"
#include "service/pagination.h"
#include "service/targets.h"
#include "service/transactions/job_templates.h"
#include "service/transactions/tags.h"

namespace iotjobs::service::transactions {
namespace {

constexpr size_t kMaxTargetsPerJob = 100;         // AWS quota, CreateJob and Associate...
constexpr int64_t kMinute = 60'000;
constexpr int64_t kDay = 24 * 60 * kMinute;
// Executions created inside CreateJob's own transaction; more are created in the background
// so that a job on a huge group does not hold the writer.
constexpr int64_t kInlineRelease = 1000;
// Jobs with more executions than this are deleted in the background (DELETION_IN_PROGRESS);
// at most kMaxJobsBeingDeleted at once, as AWS allows.
constexpr int64_t kInlineDelete = 1000;
constexpr int kMaxJobsBeingDeleted = 10;

Result<jobs::Job> LoadJob(store::ReadTransaction& tx, const std::string& job_id,
                          const std::optional<std::string>& namespace_id = std::nullopt) {
  IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(job_id));
  if (!job || !jobs::NamespaceMatches(*job, namespace_id)) {
    return NotFound(messages::JobNotFound(job_id));
  }
  return std::move(*job);
}

// The job's document: inline, from its template, or read from documentSource by the service
// before this transaction (document_sources.cc).
Status CheckDocument(const CreateJobRequest& req, const OperationContext& op) {
  if (req.document_source && !req.job.document_source) {  // not read: no store
    IOTJOBS_RETURN_IF_ERROR(CheckDocumentSourceAlone(req));
    return NoStoreToRead(*req.document_source);
  }
  // Only an AWS managed template has placeholders for them (ApplyManagedJobTemplate checked
  // them against its schema).
  if (!req.job.document_parameters.empty() && !jobs::FromManagedTemplate(req.job)) {
    return InvalidRequest("documentParameters can only be used with an AWS managed job "
                          "template (jobTemplateArn arn:aws:iot:REGION::jobtemplate/NAME:VERSION).");
  }
  if (req.job.document.empty()) {
    return InvalidRequest("A job document is required: specify document or documentSource.");
  }
  return NameDocumentSource(CheckJobDocument(req.job.document, op.object_store),
                            req.job.document_source);
}

// schedulingConfig, as AWS bounds it: the start 30 minutes to one year ahead, the end at least
// 30 minutes after the start and at most two years ahead.
Status CheckScheduling(const jobs::SchedulingConfig& c, EpochMillis now) {
  std::optional<EpochMillis> start, end;
  if (c.start_time) {
    start = ParseIsoDateTime(*c.start_time);
    if (!start) return InvalidRequest("schedulingConfig.startTime must be YYYY-MM-DDTHH:MM in UTC.");
    if (*start < AddMillis(now, 30 * kMinute) || *start > AddMillis(now, 366 * kDay)) {
      return InvalidRequest("schedulingConfig.startTime must be between 30 minutes and one year "
                            "from now.");
    }
  }
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckMaintenanceWindows(c.maintenance_windows, now));
  if (c.end_time) {
    end = ParseIsoDateTime(*c.end_time);
    if (!end) return InvalidRequest("schedulingConfig.endTime must be YYYY-MM-DDTHH:MM in UTC.");
    if (*end > AddMillis(now, 2 * 366 * kDay) ||
        (start && *end < AddMillis(*start, 30 * kMinute)) ||
        (!start && *end < AddMillis(now, 30 * kMinute))) {
      return InvalidRequest("schedulingConfig.endTime must be at least 30 minutes after the start "
                            "time and at most two years from now.");
    }
  }
  return Status::Ok();
}

// The job's own read (is the id taken?) carries the read that follows it for the first
// target, when that is a thing: the thing's (ResolveTargets), named by the request. A job of
// one thing then reads in one round trip on PostgreSQL. (A new job's executions are not
// read: ReleaseExecutions, JobAge::kNew.)
Status PrefetchFirstThingTarget(store::WriteTransaction& tx, const jobs::Job& job) {
  if (job.targets.empty()) return Status::Ok();
  auto first = jobs::ParseArn(job.targets.front());
  if (!first || first->kind != jobs::ResourceKind::kThing) return Status::Ok();
  return tx.PrefetchThing(first->name);
}

}  // namespace

Result<jobs::Job> CreateJob(store::WriteTransaction& tx, const CreateJobRequest& req,
                            const OperationContext& op) {
  IOTJOBS_RETURN_IF_ERROR(CheckNewResourceTags(req.tags));
  CreateJobRequest resolved = req;
  IOTJOBS_RETURN_IF_ERROR(ApplyJobTemplate(tx, resolved, op));
  jobs::Job job = resolved.job;
  IOTJOBS_RETURN_IF_ERROR(CheckDocument(resolved, op));
  IOTJOBS_RETURN_IF_ERROR(CheckNoPackageVersions(job.destination_package_versions));
  if (job.targets.size() > kMaxTargetsPerJob) {
    return LimitExceeded("A job can have at most 100 targets.");
  }
  if (job.scheduling_config) {
    IOTJOBS_RETURN_IF_ERROR(CheckScheduling(*job.scheduling_config, op.now));
  }
  IOTJOBS_RETURN_IF_ERROR(CheckRollout(job.rollout_config));
  IOTJOBS_RETURN_IF_ERROR(CheckRetry(job.retry_config));
  IOTJOBS_RETURN_IF_ERROR(PrefetchFirstThingTarget(tx, job));
  // The row alone: its counters are not needed to know that it exists.
  IOTJOBS_ASSIGN_OR_RETURN(auto existing, tx.GetJobWithoutCounts(job.job_id));
  if (existing) return AlreadyExists("Job " + job.job_id + " already exists.");
  IOTJOBS_ASSIGN_OR_RETURN(auto targets, ResolveTargets(tx, op.arns, job.targets));
  for (const auto& t : targets) {
    if (t.kind != jobs::ResourceKind::kThingGroup) continue;
    IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(t.name));
    if (group) job.thing_group_id = group->thing_group_id;
    break;
  }
  job.created_at = op.now;
  job.last_updated_at = op.now;
  job.process_details = {};
  // SCHEDULED until the start time, and with maintenance windows until one is open.
  job.status = (job.scheduling_config && job.scheduling_config->start_time) ||
                       !jobs::InsideMaintenanceWindow(job, op.now)
                   ? jobs::JobStatus::kScheduled
                   : jobs::JobStatus::kInProgress;
  if (job.status == jobs::JobStatus::kInProgress) {
    job.rollout_started = true;
    // The first executions are created with the job, as many as the rollout rate
    // allows up to kInlineRelease; the background worker creates the rest.
    IOTJOBS_ASSIGN_OR_RETURN(job.rollout, PlanRollout(tx, job, op.now));
    IOTJOBS_RETURN_IF_ERROR(ReleaseExecutions(tx, job, op.now, kInlineRelease, JobAge::kNew));
    // A snapshot job that reaches no thing has nothing to do: it is complete at once.
    CompleteIfDone(job, op.now);
  }
  job.next_action_at = jobs::NextActionAt(job, op.now);
  IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(job));
  job.unsaved_counts = {};  // stored as the new job's counters
  // The job's own tags only: a template's are not handed on (docs/aws-behaviour.md, D49).
  IOTJOBS_RETURN_IF_ERROR(TagNewResource(tx, jobs::ResourceKind::kJob, job.job_id, req.tags));
  return job;
}

Result<JobDescription> DescribeJob(store::ReadTransaction& tx, const std::string& job_id,
                                   const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::Job job, LoadJob(tx, job_id));
  std::vector<EpochMillis> rollouts = jobs::ScheduledRollouts(job, op.now);
  return JobDescription{std::move(job), std::move(rollouts)};
}

Result<ListResult<jobs::Job>> ListJobs(store::ReadTransaction& tx, const ListJobsRequest& req,
                                       const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  store::JobFilter filter{req.status, req.target_selection, req.namespace_id,
                          req.thing_group_name};
  if (req.thing_group_id) {
    IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroupById(*req.thing_group_id));
    if (!group || (req.thing_group_name && *req.thing_group_name != group->thing_group_name)) {
      return ListResult<jobs::Job>{};
    }
    filter.thing_group_name = group->thing_group_name;
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto jobs_page, tx.ListJobs(filter, page));
  return ToListResult(std::move(jobs_page));
}

Result<Empty> UpdateJob(store::WriteTransaction& tx, const UpdateJobRequest& req,
                        const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::Job job, LoadJob(tx, req.job_id, req.namespace_id));
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckUpdateJob(job));
  IOTJOBS_RETURN_IF_ERROR(CheckRollout(req.rollout_config));
  IOTJOBS_RETURN_IF_ERROR(CheckRetry(req.retry_config));
  if (req.description) job.description = req.description;
  if (req.presigned_url_config) job.presigned_url_config = req.presigned_url_config;
  if (req.rollout_config) job.rollout_config = req.rollout_config;
  if (req.abort_config) job.abort_config = req.abort_config;
  // A new timeout applies to executions that start after the update
  // (docs/aws-behaviour.md, D17).
  if (req.timeout_config) job.timeout_config = req.timeout_config;
  if (req.retry_config) job.retry_config = req.retry_config;
  job.last_updated_at = op.now;
  IOTJOBS_RETURN_IF_ERROR(SaveJob(tx, job, op.now));
  return Empty{};
}

Result<jobs::Job> CancelJob(store::WriteTransaction& tx, const CancelJobRequest& req,
                            const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::Job job, LoadJob(tx, req.job_id));
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckCancelJob(job, req.force));
  job.status = jobs::JobStatus::kCanceled;
  if (req.force) job.force_canceled = true;
  if (req.reason_code) job.reason_code = req.reason_code;
  if (req.comment) job.comment = req.comment;
  job.last_updated_at = op.now;
  IOTJOBS_RETURN_IF_ERROR(CancelPendingExecutions(tx, job, req.force, op.now));
  IOTJOBS_RETURN_IF_ERROR(SaveJob(tx, job, op.now));
  return job;
}

Result<Empty> DeleteJob(store::WriteTransaction& tx, const DeleteJobRequest& req,
                        const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::Job job, LoadJob(tx, req.job_id, req.namespace_id));
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckDeleteJob(job, req.force));
  if (job.process_details.Total() <= kInlineDelete) {
    for (;;) {
      IOTJOBS_ASSIGN_OR_RETURN(int64_t deleted, tx.DeleteExecutionsOfJob(req.job_id, 1000));
      if (deleted == 0) break;
    }
    IOTJOBS_RETURN_IF_ERROR(tx.DeleteJob(req.job_id));
    return Empty{};
  }
  // A big job is deleted in the background: DELETION_IN_PROGRESS until its executions
  // are gone (docs/aws-behaviour.md, "DeleteJob").
  store::JobFilter deleting{jobs::JobStatus::kDeletionInProgress, std::nullopt,
                            std::nullopt, std::nullopt};
  IOTJOBS_ASSIGN_OR_RETURN(auto busy, tx.ListJobs(deleting, {"", kMaxJobsBeingDeleted}));
  if (static_cast<int>(busy.items.size()) >= kMaxJobsBeingDeleted) {
    return LimitExceeded("At most 10 jobs can be in status DELETION_IN_PROGRESS at once.");
  }
  job.status = jobs::JobStatus::kDeletionInProgress;
  job.rollout.reset();
  job.last_updated_at = op.now;
  IOTJOBS_RETURN_IF_ERROR(SaveJob(tx, job, op.now));
  return Empty{};
}

Result<std::string> GetJobDocument(store::ReadTransaction& tx, const GetJobDocumentRequest& req,
                                   const OperationContext&) {
  IOTJOBS_ASSIGN_OR_RETURN(auto stored, tx.GetJobDocument(req.job_id));
  if (!stored) return NotFound(messages::JobNotFound(req.job_id));
  if (req.before_substitution) return std::move(stored->document);
  return DocumentForDevices(*stored);
}

Result<jobs::Job> AssociateTargetsWithJob(store::WriteTransaction& tx,
                                          const AssociateTargetsWithJobRequest& req,
                                          const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::Job job, LoadJob(tx, req.job_id, req.namespace_id));
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckAssociateTargets(job));
  IOTJOBS_RETURN_IF_ERROR(ResolveTargets(tx, op.arns, req.targets).status());
  for (const auto& arn : req.targets) {
    if (std::find(job.targets.begin(), job.targets.end(), arn) == job.targets.end()) {
      job.targets.push_back(arn);
    }
  }
  if (job.targets.size() > kMaxTargetsPerJob) {
    return LimitExceeded("A job can have at most 100 targets.");
  }
  // The new targets join the rollout: they are walked after what is still pending.
  jobs::Job added = job;
  added.targets = req.targets;
  IOTJOBS_ASSIGN_OR_RETURN(jobs::RolloutState more, PlanRollout(tx, added, op.now));
  if (!job.rollout) {
    job.rollout = std::move(more);
  } else {
    for (auto& t : more.things) job.rollout->things.push_back(std::move(t));
    for (auto& g : more.groups) job.rollout->groups.push_back(std::move(g));
  }
  IOTJOBS_RETURN_IF_ERROR(ReleaseExecutions(tx, job, op.now, kInlineRelease));
  job.last_updated_at = op.now;
  IOTJOBS_RETURN_IF_ERROR(SaveJob(tx, job, op.now));
  return job;
}

}  // namespace iotjobs::service::transactions
