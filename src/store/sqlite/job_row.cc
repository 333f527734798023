#include "store/sqlite/job_row.h"

#include <boost/json.hpp>

#include "codec/job_configs_json.h"
#include "codec/json_fields.h"
#include "common/log.h"

namespace iotjobs::store::sqlite {
namespace json = boost::json;

std::string JobDetailsToJson(const jobs::Job& job) {
  json::object o;
  o["targets"] = codec::ToJsonArray(job.targets);
  if (job.description) o["description"] = *job.description;
  if (job.force_canceled) o["forceCanceled"] = true;
  if (job.reason_code) o["reasonCode"] = *job.reason_code;
  if (job.comment) o["comment"] = *job.comment;
  if (job.presigned_url_config) o["presignedUrlConfig"] = codec::ToJson(*job.presigned_url_config);
  if (job.rollout_config) o["jobExecutionsRolloutConfig"] = codec::ToJson(*job.rollout_config);
  if (job.abort_config) o["abortConfig"] = codec::ToJson(*job.abort_config);
  if (job.timeout_config) o["timeoutConfig"] = codec::ToJson(*job.timeout_config);
  if (job.retry_config) o["jobExecutionsRetryConfig"] = codec::ToJson(*job.retry_config);
  if (job.scheduling_config) o["schedulingConfig"] = codec::ToJson(*job.scheduling_config);
  if (!job.tags.empty()) {
    json::array tags;
    for (const auto& t : job.tags) {
      json::object tag{{"Key", t.key}};
      if (t.value) tag["Value"] = *t.value;
      tags.push_back(std::move(tag));
    }
    o["tags"] = std::move(tags);
  }
  if (!job.document_parameters.empty()) {
    o["documentParameters"] = codec::ToJsonObject(job.document_parameters);
  }
  if (!job.destination_package_versions.empty()) {
    o["destinationPackageVersions"] = codec::ToJsonArray(job.destination_package_versions);
  }
  if (!job.processing_targets.empty()) {
    o["processingTargets"] = codec::ToJsonArray(job.processing_targets);
  }
  if (job.thing_group_id) o["thingGroupId"] = *job.thing_group_id;
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
  if (auto* tags = codec::Member(o, "tags"); tags && tags->is_array()) {
    for (const auto& t : tags->get_array()) {
      if (!t.is_object()) continue;
      job.tags.push_back({codec::GetString(t.get_object(), "Key").value_or(""),
                          codec::GetString(t.get_object(), "Value")});
    }
  }
  job.document_parameters = codec::GetStringMap(o, "documentParameters");
  job.destination_package_versions = codec::GetStringList(o, "destinationPackageVersions");
  job.processing_targets = codec::GetStringList(o, "processingTargets");
  job.thing_group_id = codec::GetString(o, "thingGroupId");
}

}  // namespace iotjobs::store::sqlite
