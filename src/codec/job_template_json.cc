#include "codec/job_template_json.h"

#include "codec/job_configs_json.h"
#include "codec/json_fields.h"

namespace iotjobs::codec {
namespace json = boost::json;

void AppendJobTemplateConfigs(const jobs::JobTemplate& t, json::object& out) {
  if (t.presigned_url_config) out["presignedUrlConfig"] = ToJson(*t.presigned_url_config);
  if (t.rollout_config) out["jobExecutionsRolloutConfig"] = ToJson(*t.rollout_config);
  if (t.abort_config) out["abortConfig"] = ToJson(*t.abort_config);
  if (t.timeout_config) out["timeoutConfig"] = ToJson(*t.timeout_config);
  if (t.retry_config) out["jobExecutionsRetryConfig"] = ToJson(*t.retry_config);
  if (!t.maintenance_windows.empty()) out["maintenanceWindows"] = ToJson(t.maintenance_windows);
  if (!t.destination_package_versions.empty()) {
    out["destinationPackageVersions"] = ToJsonArray(t.destination_package_versions);
  }
}

void ReadJobTemplateConfigs(const json::object& in, jobs::JobTemplate& t) {
  if (const json::value* v = Member(in, "presignedUrlConfig")) {
    t.presigned_url_config = ParsePresignedUrlConfig(*v);
  }
  if (const json::value* v = Member(in, "jobExecutionsRolloutConfig")) {
    t.rollout_config = ParseRolloutConfig(*v);
  }
  if (const json::value* v = Member(in, "abortConfig")) t.abort_config = ParseAbortConfig(*v);
  if (const json::value* v = Member(in, "timeoutConfig")) t.timeout_config = ParseTimeoutConfig(*v);
  if (const json::value* v = Member(in, "jobExecutionsRetryConfig")) {
    t.retry_config = ParseRetryConfig(*v);
  }
  if (const json::value* v = Member(in, "maintenanceWindows")) {
    t.maintenance_windows = ParseMaintenanceWindows(*v);
  }
  if (Member(in, "destinationPackageVersions")) {
    t.destination_package_versions = GetStringList(in, "destinationPackageVersions");
  }
}

}  // namespace iotjobs::codec
