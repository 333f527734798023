#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "jobs/job_configs.h"
#include "service/requests.h"

// Checks of a job's document and configurations that the model's constraints do not cover,
// shared by the operations that accept them (CreateJob, UpdateJob, CreateJobTemplate).
namespace iotjobs::s3 {
class ObjectStore;
}

namespace iotjobs::service {

// The longest job document, inline or read from S3 (the model's JobDocument, and AWS's limit
// for a documentSource object).
inline constexpr size_t kMaxJobDocumentBytes = 32768;

// The document must be a JSON object nested at most codec::kMaxJobDocumentDepth deep. Its
// ${aws:iot:s3-presigned-url:URL} placeholders, at most 10, must each name an object of
// `object_store`; without a store (no --s3-endpoint) there may be none.
Status CheckJobDocument(std::string_view document, const s3::ObjectStore* object_store);
// A documentSource goes alone: neither beside an inline document nor beside what gives the
// document too (a job's jobTemplateArn, a template's jobArn). Ok without a documentSource.
Status CheckDocumentSourceAlone(const CreateJobRequest& req);
Status CheckDocumentSourceAlone(const CreateJobTemplateRequest& req);
// `s`, its message prefixed with the documentSource the document was read from, if any, so
// that a refusal of its text says which object it was.
Status NameDocumentSource(Status s, const std::optional<std::string>& source);
// The refusal of a documentSource the service did not read before the transaction: the
// server has no S3 store.
Status NoStoreToRead(const std::string& document_source);
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
