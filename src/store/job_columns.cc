#include "store/job_columns.h"

#include <boost/json.hpp>

#include "codec/job_configs_json.h"
#include "codec/json_fields.h"
#include "common/log.h"
#include "jobs/arn.h"

namespace iotjobs::store {
namespace json = boost::json;

std::string JobDetailsToJson(const jobs::Job& job) {
  json::object o;
  o["targets"] = codec::ToJsonArray(job.targets);
  if (job.description) o["description"] = *job.description;
  if (job.document_source) o["documentSource"] = *job.document_source;
  if (job.force_canceled) o["forceCanceled"] = true;
  if (job.reason_code) o["reasonCode"] = *job.reason_code;
  if (job.comment) o["comment"] = *job.comment;
  if (job.presigned_url_config) o["presignedUrlConfig"] = codec::ToJson(*job.presigned_url_config);
  if (job.rollout_config) o["jobExecutionsRolloutConfig"] = codec::ToJson(*job.rollout_config);
  if (job.abort_config) o["abortConfig"] = codec::ToJson(*job.abort_config);
  if (job.timeout_config) o["timeoutConfig"] = codec::ToJson(*job.timeout_config);
  if (job.retry_config) o["jobExecutionsRetryConfig"] = codec::ToJson(*job.retry_config);
  if (job.scheduling_config) o["schedulingConfig"] = codec::ToJson(*job.scheduling_config);
  if (!job.document_parameters.empty()) {
    o["documentParameters"] = codec::ToJsonObject(job.document_parameters);
  }
  if (!job.destination_package_versions.empty()) {
    o["destinationPackageVersions"] = codec::ToJsonArray(job.destination_package_versions);
  }
  if (job.thing_group_id) o["thingGroupId"] = *job.thing_group_id;
  if (job.job_template_arn) o["jobTemplateArn"] = *job.job_template_arn;
  if (job.scheduled_end_applied) o["scheduledEndApplied"] = true;
  if (job.rollout_started) o["rolloutStarted"] = true;
  if (job.rollout) {
    const jobs::RolloutState& r = *job.rollout;
    o["rollout"] = json::object{{"things", codec::ToJsonArray(r.things)},
                                {"groups", codec::ToJsonArray(r.groups)},
                                {"groupIndex", r.group_index},
                                {"afterThing", r.after_thing},
                                {"joined", codec::ToJsonArray(r.joined)},
                                {"windowStart", r.window_start},
                                {"releasedInWindow", r.released_in_window},
                                {"rate", r.rate},
                                {"notifiedSinceIncrease", r.notified_since_increase},
                                {"succeededAtIncrease", r.succeeded_at_increase}};
  }
  return json::serialize(o);
}

void JobDetailsFromJson(std::string_view text, jobs::Job& job) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) {
    IOTJOBS_LOG(kError) << "store: job " << job.job_id << " has unreadable details";
    return;
  }
  const json::object& o = v.get_object();
  job.targets = codec::GetStringList(o, "targets");
  job.description = codec::GetString(o, "description");
  job.document_source = codec::GetString(o, "documentSource");
  job.force_canceled = codec::GetBool(o, "forceCanceled").value_or(false);
  job.reason_code = codec::GetString(o, "reasonCode");
  job.comment = codec::GetString(o, "comment");
  if (auto* c = codec::Member(o, "presignedUrlConfig")) {
    job.presigned_url_config = codec::ParsePresignedUrlConfig(*c);
  }
  if (auto* c = codec::Member(o, "jobExecutionsRolloutConfig")) {
    job.rollout_config = codec::ParseRolloutConfig(*c);
  }
  if (auto* c = codec::Member(o, "abortConfig")) job.abort_config = codec::ParseAbortConfig(*c);
  if (auto* c = codec::Member(o, "timeoutConfig")) {
    job.timeout_config = codec::ParseTimeoutConfig(*c);
  }
  if (auto* c = codec::Member(o, "jobExecutionsRetryConfig")) {
    job.retry_config = codec::ParseRetryConfig(*c);
  }
  if (auto* c = codec::Member(o, "schedulingConfig")) {
    job.scheduling_config = codec::ParseSchedulingConfig(*c);
  }
  job.document_parameters = codec::GetStringMap(o, "documentParameters");
  job.destination_package_versions = codec::GetStringList(o, "destinationPackageVersions");
  job.thing_group_id = codec::GetString(o, "thingGroupId");
  job.job_template_arn = codec::GetString(o, "jobTemplateArn");
  job.scheduled_end_applied = codec::GetBool(o, "scheduledEndApplied").value_or(false);
  // Jobs stored before maintenance windows acted have no rolloutStarted: any job past
  // SCHEDULED had started its rollout.
  job.rollout_started = codec::GetBool(o, "rolloutStarted")
                            .value_or(job.status != jobs::JobStatus::kScheduled);
  if (const json::object* r = codec::GetObject(o, "rollout")) {
    jobs::RolloutState state;
    state.things = codec::GetStringList(*r, "things");
    state.groups = codec::GetStringList(*r, "groups");
    state.group_index = static_cast<size_t>(codec::GetInt(*r, "groupIndex").value_or(0));
    state.after_thing = codec::GetString(*r, "afterThing").value_or("");
    state.joined = codec::GetStringList(*r, "joined");
    state.window_start = codec::GetInt(*r, "windowStart").value_or(0);
    state.released_in_window = codec::GetInt(*r, "releasedInWindow").value_or(0);
    state.rate = codec::GetDouble(*r, "rate").value_or(0);
    state.notified_since_increase = codec::GetInt(*r, "notifiedSinceIncrease").value_or(0);
    state.succeeded_at_increase = codec::GetInt(*r, "succeededAtIncrease").value_or(0);
    job.rollout = std::move(state);
  }
}

std::vector<std::string> GroupTargets(const jobs::Job& job) {
  std::vector<std::string> out;
  for (const auto& target : job.targets) {
    auto arn = jobs::ParseArn(target);
    if (arn && arn->kind == jobs::ResourceKind::kThingGroup) out.push_back(arn->name);
  }
  return out;
}

}  // namespace iotjobs::store
