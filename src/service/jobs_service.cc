// CreateJob, DescribeJob, ListJobs, UpdateJob, CancelJob, DeleteJob, GetJobDocument,
// AssociateTargetsWithJob.
#include "common/time_format.h"
#include "jobs/job_rules.h"
#include "service/job_checks.h"
#include "service/job_progress.h"
#include "service/messages.h"
#include "service/pagination.h"
#include "service/service.h"
#include "service/targets.h"
#include "service/transactions/job_templates.h"

namespace iotjobs::service {
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

Status CheckDocument(const CreateJobRequest& req) {
  if (req.document_source) {
    return InvalidRequest("documentSource (a document in Amazon S3) is not supported by "
                          "iotjobs; pass the job document inline with document.");
  }
  if (!req.job.document_parameters.empty()) {
    return InvalidRequest("documentParameters can only be used with a managed job template.");
  }
  if (req.job.document.empty()) {
    return InvalidRequest("A job document is required: specify document or documentSource.");
  }
  return CheckJobDocument(req.job.document);
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

}  // namespace

void Service::CreateJob(const CallContext& ctx, CreateJobRequest req, Callback<jobs::Job> done) {
  jobs::ArnContext arns = ArnsFor(ctx);
  EpochMillis now = Now();
  Write<jobs::Job>(ctx.account_id,
      [req = std::move(req), arns, now](store::WriteTransaction& tx) -> Result<jobs::Job> {
        CreateJobRequest resolved = req;
        IOTJOBS_RETURN_IF_ERROR(transactions::ApplyJobTemplate(tx, resolved, {arns, now}));
        jobs::Job job = resolved.job;
        IOTJOBS_RETURN_IF_ERROR(CheckDocument(resolved));
        if (job.targets.size() > kMaxTargetsPerJob) {
          return LimitExceeded("A job can have at most 100 targets.");
        }
        if (job.scheduling_config) IOTJOBS_RETURN_IF_ERROR(CheckScheduling(*job.scheduling_config, now));
        IOTJOBS_RETURN_IF_ERROR(CheckRollout(job.rollout_config));
        IOTJOBS_RETURN_IF_ERROR(CheckRetry(job.retry_config));
        IOTJOBS_ASSIGN_OR_RETURN(auto existing, tx.GetJob(job.job_id));
        if (existing) return AlreadyExists("Job " + job.job_id + " already exists.");
        IOTJOBS_ASSIGN_OR_RETURN(auto targets, ResolveTargets(tx, arns, job.targets));
        for (const auto& t : targets) {
          if (t.kind != jobs::ResourceKind::kThingGroup) continue;
          IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(t.name));
          if (group) job.thing_group_id = group->thing_group_id;
          break;
        }
        job.created_at = now;
        job.last_updated_at = now;
        job.process_details = {};
        job.status = job.scheduling_config && job.scheduling_config->start_time
                         ? jobs::JobStatus::kScheduled
                         : jobs::JobStatus::kInProgress;
        if (job.status == jobs::JobStatus::kInProgress) {
          // The first executions are created with the job, as many as the rollout rate
          // allows up to kInlineRelease; the background worker creates the rest.
          IOTJOBS_ASSIGN_OR_RETURN(job.rollout, PlanRollout(tx, job, now));
          IOTJOBS_RETURN_IF_ERROR(ReleaseExecutions(tx, job, now, kInlineRelease));
          // A snapshot job that reaches no thing has nothing to do: it is complete at once.
          CompleteIfDone(job, now);
        }
        job.next_action_at = jobs::NextActionAt(job, now);
        IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(job));
        return job;
      },
      std::move(done));
}

void Service::DescribeJob(const CallContext& ctx, std::string job_id, Callback<jobs::Job> done) {
  RunRead<jobs::Job>(
      store_, ctx.account_id,
      [job_id = std::move(job_id)](store::ReadTransaction& tx) { return LoadJob(tx, job_id); },
      std::move(done));
}

void Service::ListJobs(const CallContext& ctx, ListJobsRequest req,
                       Callback<ListResult<jobs::Job>> done) {
  RunRead<ListResult<jobs::Job>>(
      store_, ctx.account_id,
      [req = std::move(req)](store::ReadTransaction& tx) -> Result<ListResult<jobs::Job>> {
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
        return ListResult<jobs::Job>{std::move(jobs_page.items), ToNextToken(jobs_page.next)};
      },
      std::move(done));
}

void Service::UpdateJob(const CallContext& ctx, UpdateJobRequest req, Callback<Empty> done) {
  EpochMillis now = Now();
  Write<Empty>(ctx.account_id,
      [req = std::move(req), now](store::WriteTransaction& tx) -> Result<Empty> {
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
        job.last_updated_at = now;
        IOTJOBS_RETURN_IF_ERROR(SaveJob(tx, job, now));
        return Empty{};
      },
      std::move(done));
}

void Service::CancelJob(const CallContext& ctx, CancelJobRequest req, Callback<jobs::Job> done) {
  EpochMillis now = Now();
  Write<jobs::Job>(ctx.account_id,
      [req = std::move(req), now](store::WriteTransaction& tx) -> Result<jobs::Job> {
        IOTJOBS_ASSIGN_OR_RETURN(jobs::Job job, LoadJob(tx, req.job_id));
        IOTJOBS_RETURN_IF_ERROR(jobs::CheckCancelJob(job, req.force));
        job.status = jobs::JobStatus::kCanceled;
        if (req.force) job.force_canceled = true;
        if (req.reason_code) job.reason_code = req.reason_code;
        if (req.comment) job.comment = req.comment;
        job.last_updated_at = now;
        IOTJOBS_RETURN_IF_ERROR(CancelPendingExecutions(tx, job, req.force, now));
        IOTJOBS_RETURN_IF_ERROR(SaveJob(tx, job, now));
        return job;
      },
      std::move(done));
}

void Service::DeleteJob(const CallContext& ctx, DeleteJobRequest req, Callback<Empty> done) {
  EpochMillis now = Now();
  Write<Empty>(ctx.account_id,
      [req = std::move(req), now](store::WriteTransaction& tx) -> Result<Empty> {
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
        job.last_updated_at = now;
        IOTJOBS_RETURN_IF_ERROR(SaveJob(tx, job, now));
        return Empty{};
      },
      std::move(done));
}

void Service::GetJobDocument(const CallContext& ctx, std::string job_id,
                             Callback<std::string> done) {
  RunRead<std::string>(
      store_, ctx.account_id,
      [job_id = std::move(job_id)](store::ReadTransaction& tx) -> Result<std::string> {
        IOTJOBS_ASSIGN_OR_RETURN(auto document, tx.GetJobDocument(job_id));
        if (!document) return NotFound(messages::JobNotFound(job_id));
        return std::move(*document);
      },
      std::move(done));
}

void Service::AssociateTargetsWithJob(const CallContext& ctx, AssociateTargetsWithJobRequest req,
                                      Callback<jobs::Job> done) {
  jobs::ArnContext arns = ArnsFor(ctx);
  EpochMillis now = Now();
  Write<jobs::Job>(ctx.account_id,
      [req = std::move(req), arns, now](store::WriteTransaction& tx) -> Result<jobs::Job> {
        IOTJOBS_ASSIGN_OR_RETURN(jobs::Job job, LoadJob(tx, req.job_id, req.namespace_id));
        IOTJOBS_RETURN_IF_ERROR(jobs::CheckAssociateTargets(job));
        IOTJOBS_RETURN_IF_ERROR(ResolveTargets(tx, arns, req.targets).status());
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
        IOTJOBS_ASSIGN_OR_RETURN(jobs::RolloutState more, PlanRollout(tx, added, now));
        if (!job.rollout) {
          job.rollout = std::move(more);
        } else {
          for (auto& t : more.things) job.rollout->things.push_back(std::move(t));
          for (auto& g : more.groups) job.rollout->groups.push_back(std::move(g));
        }
        IOTJOBS_RETURN_IF_ERROR(ReleaseExecutions(tx, job, now, kInlineRelease));
        job.last_updated_at = now;
        IOTJOBS_RETURN_IF_ERROR(SaveJob(tx, job, now));
        return job;
      },
      std::move(done));
}

}  // namespace iotjobs::service
