// Jobs and their executions on the control plane.
#include <boost/json.hpp>

#include "api/handlers/handler.h"
#include "api/handlers/input.h"
#include "api/wire_out.h"
#include "codec/job_configs_json.h"
#include "common/time_format.h"

namespace iotjobs::api {
namespace json = boost::json;
using jobs::ResourceKind;

namespace {

// CreateJob/CancelJob/AssociateTargetsWithJob answer jobArn, jobId, description.
json::value JobIdentity(const jobs::Job& job, const jobs::ArnContext& arns) {
  json::object o{{"jobArn", jobs::MakeArn(arns, ResourceKind::kJob, job.job_id)},
                 {"jobId", job.job_id}};
  if (job.description) o["description"] = *job.description;
  return o;
}

template <typename T, typename Parse>
std::optional<T> ConfigOf(const json::object& in, std::string_view key, Parse parse) {
  const json::value* v = codec::Member(in, key);
  if (!v) return std::nullopt;
  return parse(*v);
}

std::optional<jobs::ExecutionStatus> ExecutionStatusOf(const json::object& in) {
  auto s = GetString(in, "status");
  return s ? jobs::ParseExecutionStatus(*s) : std::nullopt;
}

template <typename Execution>  // jobs::JobExecution (per job) or jobs::ExecutionSummary
json::value ExecutionList(const service::ListResult<Execution>& r, const jobs::ArnContext& arns,
                          bool for_job) {
  json::array summaries;
  for (const auto& e : r.items) {
    json::object o;
    if (for_job) {
      o["thingArn"] = jobs::MakeArn(arns, ResourceKind::kThing, e.thing_name);
    } else {
      o["jobId"] = e.job_id;
    }
    o["jobExecutionSummary"] = ExecutionSummaryToJson(e);
    summaries.push_back(std::move(o));
  }
  json::object out{{"executionSummaries", std::move(summaries)}};
  if (r.next_token) out["nextToken"] = *r.next_token;
  return out;
}

}  // namespace

void HandleCreateJob(const HandlerContext& ctx, json::object in, Respond respond) {
  service::CreateJobRequest req;
  jobs::Job& job = req.job;
  job.job_id = Required(in, "jobId");
  job.targets = GetStringList(in, "targets");
  job.document = GetString(in, "document").value_or("");
  job.description = GetString(in, "description");
  if (auto s = GetString(in, "targetSelection")) {
    job.target_selection = jobs::ParseTargetSelection(*s).value_or(jobs::TargetSelection::kSnapshot);
  }
  job.namespace_id = GetString(in, "namespaceId");
  job.presigned_url_config =
      ConfigOf<jobs::PresignedUrlConfig>(in, "presignedUrlConfig", codec::ParsePresignedUrlConfig);
  job.rollout_config = ConfigOf<jobs::JobExecutionsRolloutConfig>(
      in, "jobExecutionsRolloutConfig", codec::ParseRolloutConfig);
  job.abort_config = ConfigOf<jobs::AbortConfig>(in, "abortConfig", codec::ParseAbortConfig);
  job.timeout_config = ConfigOf<jobs::TimeoutConfig>(in, "timeoutConfig", codec::ParseTimeoutConfig);
  job.retry_config = ConfigOf<jobs::JobExecutionsRetryConfig>(in, "jobExecutionsRetryConfig",
                                                              codec::ParseRetryConfig);
  job.scheduling_config =
      ConfigOf<jobs::SchedulingConfig>(in, "schedulingConfig", codec::ParseSchedulingConfig);
  if (const json::value* tags = codec::Member(in, "tags")) req.tags = codec::ParseTags(*tags);
  job.document_parameters = GetStringMap(in, "documentParameters");
  job.destination_package_versions = GetStringList(in, "destinationPackageVersions");
  req.document_source = GetString(in, "documentSource");
  req.job_template_arn = GetString(in, "jobTemplateArn");
  ctx.service.CreateJob(ctx.call, std::move(req),
                        Reply<jobs::Job>(std::move(respond), [arns = ctx.arns](const jobs::Job& j) {
                          return JobIdentity(j, arns);
                        }));
}

void HandleDescribeJob(const HandlerContext& ctx, json::object in, Respond respond) {
  // beforeSubstitution changes nothing here: the Job shape carries the documentParameters
  // (as given) but no document, so there is nothing to show before or after substitution
  // (docs/aws-behaviour.md, D34). GetJobDocument is where it acts.
  ctx.service.DescribeJob(
      ctx.call, Required(in, "jobId"),
      Reply<service::JobDescription>(
          std::move(respond), [arns = ctx.arns](const service::JobDescription& d) {
            json::object job = JobToJson(d.job, arns);
            if (!d.scheduled_rollouts.empty()) {
              json::array rollouts;
              for (EpochMillis t : d.scheduled_rollouts) {
                rollouts.push_back(json::object{{"startTime", FormatIsoDateTime(t)}});
              }
              job["scheduledJobRollouts"] = std::move(rollouts);
            }
            json::object out;
            if (d.job.document_source) out["documentSource"] = *d.job.document_source;
            out["job"] = std::move(job);
            return json::value(std::move(out));
          }));
}

void HandleListJobs(const HandlerContext& ctx, json::object in, Respond respond) {
  service::ListJobsRequest req;
  req.page = PageOf(in);
  if (auto s = GetString(in, "status")) req.status = jobs::ParseJobStatus(*s);
  if (auto s = GetString(in, "targetSelection")) req.target_selection = jobs::ParseTargetSelection(*s);
  req.thing_group_name = GetString(in, "thingGroupName");
  req.thing_group_id = GetString(in, "thingGroupId");
  req.namespace_id = GetString(in, "namespaceId");
  ctx.service.ListJobs(
      ctx.call, std::move(req),
      Reply<service::ListResult<jobs::Job>>(
          std::move(respond), [arns = ctx.arns](const service::ListResult<jobs::Job>& r) {
            json::array list;
            for (const auto& j : r.items) list.push_back(JobSummaryToJson(j, arns));
            json::object o{{"jobs", std::move(list)}};
            if (r.next_token) o["nextToken"] = *r.next_token;
            return json::value(std::move(o));
          }));
}

void HandleUpdateJob(const HandlerContext& ctx, json::object in, Respond respond) {
  service::UpdateJobRequest req;
  req.job_id = Required(in, "jobId");
  req.namespace_id = GetString(in, "namespaceId");
  req.description = GetString(in, "description");
  req.presigned_url_config =
      ConfigOf<jobs::PresignedUrlConfig>(in, "presignedUrlConfig", codec::ParsePresignedUrlConfig);
  req.rollout_config = ConfigOf<jobs::JobExecutionsRolloutConfig>(
      in, "jobExecutionsRolloutConfig", codec::ParseRolloutConfig);
  req.abort_config = ConfigOf<jobs::AbortConfig>(in, "abortConfig", codec::ParseAbortConfig);
  req.timeout_config = ConfigOf<jobs::TimeoutConfig>(in, "timeoutConfig", codec::ParseTimeoutConfig);
  req.retry_config = ConfigOf<jobs::JobExecutionsRetryConfig>(in, "jobExecutionsRetryConfig",
                                                              codec::ParseRetryConfig);
  ctx.service.UpdateJob(ctx.call, std::move(req), ReplyEmpty(std::move(respond)));
}

void HandleCancelJob(const HandlerContext& ctx, json::object in, Respond respond) {
  service::CancelJobRequest req;
  req.job_id = Required(in, "jobId");
  req.reason_code = GetString(in, "reasonCode");
  req.comment = GetString(in, "comment");
  req.force = GetBool(in, "force").value_or(false);
  ctx.service.CancelJob(ctx.call, std::move(req),
                        Reply<jobs::Job>(std::move(respond), [arns = ctx.arns](const jobs::Job& j) {
                          return JobIdentity(j, arns);
                        }));
}

void HandleDeleteJob(const HandlerContext& ctx, json::object in, Respond respond) {
  ctx.service.DeleteJob(ctx.call,
                        {Required(in, "jobId"), GetBool(in, "force").value_or(false),
                         GetString(in, "namespaceId")},
                        ReplyEmpty(std::move(respond)));
}

void HandleGetJobDocument(const HandlerContext& ctx, json::object in, Respond respond) {
  service::GetJobDocumentRequest req{Required(in, "jobId"),
                                     GetBool(in, "beforeSubstitution").value_or(false)};
  ctx.service.GetJobDocument(ctx.call, std::move(req),
                             Reply<std::string>(std::move(respond), [](const std::string& doc) {
                               return json::value{{"document", doc}};
                             }));
}

void HandleAssociateTargetsWithJob(const HandlerContext& ctx, json::object in, Respond respond) {
  service::AssociateTargetsWithJobRequest req;
  req.job_id = Required(in, "jobId");
  req.targets = GetStringList(in, "targets");
  req.comment = GetString(in, "comment");
  req.namespace_id = GetString(in, "namespaceId");
  ctx.service.AssociateTargetsWithJob(
      ctx.call, std::move(req),
      Reply<jobs::Job>(std::move(respond),
                       [arns = ctx.arns](const jobs::Job& j) { return JobIdentity(j, arns); }));
}

void HandleDescribeJobExecution(const HandlerContext& ctx, json::object in, Respond respond) {
  service::DescribeJobExecutionRequest req{Required(in, "jobId"), Required(in, "thingName"),
                                           GetInt(in, "executionNumber")};
  service::Service& service = ctx.service;
  ctx.service.DescribeJobExecution(
      ctx.call, std::move(req),
      Reply<jobs::JobExecution>(std::move(respond),
                                [arns = ctx.arns, &service](const jobs::JobExecution& e) {
                                  return json::value{
                                      {"execution", ExecutionToJson(e, arns, service.Now())}};
                                }));
}

void HandleListJobExecutionsForJob(const HandlerContext& ctx, json::object in, Respond respond) {
  service::ListJobExecutionsForJobRequest req{Required(in, "jobId"), ExecutionStatusOf(in),
                                              PageOf(in)};
  ctx.service.ListJobExecutionsForJob(
      ctx.call, std::move(req),
      Reply<service::ListResult<jobs::JobExecution>>(
          std::move(respond),
          [arns = ctx.arns](const service::ListResult<jobs::JobExecution>& r) {
            return ExecutionList(r, arns, /*for_job=*/true);
          }));
}

void HandleListJobExecutionsForThing(const HandlerContext& ctx, json::object in,
                                     Respond respond) {
  service::ListJobExecutionsForThingRequest req{Required(in, "thingName"), ExecutionStatusOf(in),
                                                GetString(in, "namespaceId"),
                                                GetString(in, "jobId"), PageOf(in)};
  ctx.service.ListJobExecutionsForThing(
      ctx.call, std::move(req),
      Reply<service::ListResult<jobs::ExecutionSummary>>(
          std::move(respond),
          [arns = ctx.arns](const service::ListResult<jobs::ExecutionSummary>& r) {
            return ExecutionList(r, arns, /*for_job=*/false);
          }));
}

void HandleCancelJobExecution(const HandlerContext& ctx, json::object in, Respond respond) {
  service::CancelJobExecutionRequest req;
  req.job_id = Required(in, "jobId");
  req.thing_name = Required(in, "thingName");
  req.force = GetBool(in, "force").value_or(false);
  req.expected_version = GetInt(in, "expectedVersion");
  if (codec::Member(in, "statusDetails")) req.status_details = GetStringMap(in, "statusDetails");
  ctx.service.CancelJobExecution(ctx.call, std::move(req), ReplyEmpty(std::move(respond)));
}

void HandleDeleteJobExecution(const HandlerContext& ctx, json::object in, Respond respond) {
  service::DeleteJobExecutionRequest req;
  req.job_id = Required(in, "jobId");
  req.thing_name = Required(in, "thingName");
  req.execution_number = GetInt(in, "executionNumber").value_or(0);
  req.force = GetBool(in, "force").value_or(false);
  req.namespace_id = GetString(in, "namespaceId");
  ctx.service.DeleteJobExecution(ctx.call, std::move(req), ReplyEmpty(std::move(respond)));
}

}  // namespace iotjobs::api
