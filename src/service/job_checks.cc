#include "service/job_checks.h"

#include <boost/json/error.hpp>
#include <string>

#include "codec/job_document.h"
#include "s3/object_store.h"
#include "s3/presigned_placeholders.h"

namespace iotjobs::service {
namespace {
constexpr int kMaxRolloutPerMinute = 1000;  // docs/aws-behaviour.md, "Limits"

// Every presigned URL placeholder names an object of the store, and there are at most 10.
Status CheckPresignedUrlPlaceholders(std::string_view document,
                                     const s3::ObjectStore* object_store) {
  IOTJOBS_ASSIGN_OR_RETURN(auto placeholders, s3::FindPresignedUrlPlaceholders(document));
  if (placeholders.empty()) return Status::Ok();
  if (!object_store) {
    return InvalidRequest("The job document has a presigned URL placeholder (" +
                          std::string(placeholders.front().url) +
                          "), but iotjobsd has no S3 store to sign it with: start it with "
                          "--s3-endpoint.");
  }
  if (placeholders.size() > s3::kMaxPresignedUrls) {
    return InvalidRequest("The job document has " + std::to_string(placeholders.size()) +
                          " presigned URL placeholders; at most " +
                          std::to_string(s3::kMaxPresignedUrls) + " are allowed.");
  }
  for (const auto& p : placeholders) {
    IOTJOBS_RETURN_IF_ERROR(object_store->Locate(p.url).status());
  }
  return Status::Ok();
}

}  // namespace

Status CheckJobDocument(std::string_view document, const s3::ObjectStore* object_store) {
  boost::system::error_code ec;
  boost::json::value doc = codec::ParseJobDocument(document, ec);
  if (ec == boost::json::error::too_deep) {
    return InvalidRequest("The job document nests deeper than " +
                          std::to_string(codec::kMaxJobDocumentDepth) +
                          " levels of objects and arrays, the most iotjobs accepts.");
  }
  if (ec || !doc.is_object()) return InvalidRequest("The job document is not a valid JSON object.");
  return CheckPresignedUrlPlaceholders(document, object_store);
}

namespace {

Status DocumentSourceAlone(bool with_document, bool with_other, std::string_view other) {
  if (with_document) {
    return InvalidRequest("Specify either document or documentSource, not both.");
  }
  if (with_other) {
    return InvalidRequest("Specify either documentSource or " + std::string(other) +
                          ", not both: " + std::string(other) + " gives the document too.");
  }
  return Status::Ok();
}

}  // namespace

Status CheckDocumentSourceAlone(const CreateJobRequest& req) {
  if (!req.document_source) return Status::Ok();
  return DocumentSourceAlone(!req.job.document.empty(), req.job_template_arn.has_value(),
                             "jobTemplateArn");
}

Status CheckDocumentSourceAlone(const CreateJobTemplateRequest& req) {
  if (!req.document_source) return Status::Ok();
  return DocumentSourceAlone(req.document.has_value(), req.job_arn.has_value(), "jobArn");
}

Status NameDocumentSource(Status s, const std::optional<std::string>& source) {
  if (s.ok() || !source) return s;
  return Status(s.code(), "documentSource " + *source + ": " + s.message());
}

Status NoStoreToRead(const std::string& document_source) {
  return InvalidRequest("documentSource " + document_source +
                        " cannot be read: iotjobsd has no S3 store (start it with "
                        "--s3-endpoint), so pass the job document inline with document.");
}

Status CheckNoDocumentBesideTemplate(std::string_view document,
                                     const std::optional<std::string>& document_source) {
  if (document.empty() && !document_source) return Status::Ok();
  return InvalidRequest("A job created from a job template takes the template's document: "
                        "do not specify document or documentSource with jobTemplateArn.");
}

Status CheckNoPackageVersions(const std::vector<std::string>& destination_package_versions) {
  if (destination_package_versions.empty()) return Status::Ok();
  return InvalidRequest("destinationPackageVersions is not supported: iotjobs does not serve "
                        "the software package catalog.");
}

Status CheckRollout(const std::optional<jobs::JobExecutionsRolloutConfig>& c) {
  if (c && c->maximum_per_minute && *c->maximum_per_minute > kMaxRolloutPerMinute) {
    return InvalidRequest("jobExecutionsRolloutConfig.maximumPerMinute must be at most 1000.");
  }
  if (c && c->exponential_rate) {
    const auto& criteria = c->exponential_rate->rate_increase_criteria;
    if (!criteria.number_of_notified_things == !criteria.number_of_succeeded_things) {
      return InvalidRequest("rateIncreaseCriteria needs exactly one of numberOfNotifiedThings "
                            "and numberOfSucceededThings.");
    }
  }
  return Status::Ok();
}

Status CheckRetry(const std::optional<jobs::JobExecutionsRetryConfig>& c) {
  if (!c) return Status::Ok();
  int total = 0;
  for (const auto& r : c->criteria_list) total += r.number_of_retries;
  if (total > 10) return InvalidRequest("A job execution can be retried at most 10 times in all.");
  return Status::Ok();
}

}  // namespace iotjobs::service
