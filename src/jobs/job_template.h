#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "jobs/job_configs.h"

namespace iotjobs::jobs {

// A custom job template (CreateJobTemplate): a job document and the configurations that a
// job created from it (CreateJob with jobTemplateArn) starts with. Field names follow the
// model's members mechanically. Its tags are kept apart, as every resource's are
// (store/entities/tags.h).
struct JobTemplate {
  std::string job_template_id;
  std::string description;
  std::string document;  // inline JSON document
  std::optional<std::string> document_source;  // the S3 URL it was read from, if any
  std::optional<PresignedUrlConfig> presigned_url_config;
  std::optional<JobExecutionsRolloutConfig> rollout_config;
  std::optional<AbortConfig> abort_config;
  std::optional<TimeoutConfig> timeout_config;
  std::optional<JobExecutionsRetryConfig> retry_config;
  std::vector<MaintenanceWindow> maintenance_windows;
  std::vector<std::string> destination_package_versions;
  EpochMillis created_at = 0;
};

}  // namespace iotjobs::jobs
