#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "jobs/job_configs.h"

// Checks of a job's document and configurations that the model's constraints do not cover,
// shared by the operations that accept them (CreateJob, UpdateJob, CreateJobTemplate).
namespace iotjobs::service {

// The document must be a JSON object nested at most codec::kMaxJobDocumentDepth deep, without
// presigned URL placeholders (no S3 store signs them).
Status CheckJobDocument(std::string_view document);
// destinationPackageVersions needs AWS's software package catalog, which is not served.
Status CheckNoPackageVersions(const std::vector<std::string>& destination_package_versions);
// CreateJob from a template, custom or AWS managed: the template is the job's document, so a
// document or documentSource given beside it would be a second, conflicting one
// (docs/aws-behaviour.md, D26).
Status CheckNoDocumentBesideTemplate(std::string_view document,
                                     const std::optional<std::string>& document_source);
// maximumPerMinute at most 1000; rateIncreaseCriteria with exactly one criterion.
Status CheckRollout(const std::optional<jobs::JobExecutionsRolloutConfig>& c);
// At most 10 retries in all.
Status CheckRetry(const std::optional<jobs::JobExecutionsRetryConfig>& c);

}  // namespace iotjobs::service
