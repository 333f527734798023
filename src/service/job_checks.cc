#include "service/job_checks.h"

#include <boost/json/error.hpp>
#include <string>

#include "codec/job_document.h"

namespace iotjobs::service {
namespace {
constexpr int kMaxRolloutPerMinute = 1000;  // docs/aws-behaviour.md, "Limits"
constexpr std::string_view kPresignedUrlPlaceholder = "${aws:iot:s3-presigned-url:";
}  // namespace

Status CheckJobDocument(std::string_view document) {
  boost::system::error_code ec;
  boost::json::value doc = codec::ParseJobDocument(document, ec);
  if (ec == boost::json::error::too_deep) {
    return InvalidRequest("The job document nests deeper than " +
                          std::to_string(codec::kMaxJobDocumentDepth) +
                          " levels of objects and arrays, the most iotjobs accepts.");
  }
  if (ec || !doc.is_object()) return InvalidRequest("The job document is not a valid JSON object.");
  // Devices would get the placeholder unreplaced: iotjobs signs no S3 URLs yet.
  if (document.find(kPresignedUrlPlaceholder) != std::string_view::npos) {
    return InvalidRequest("The job document has a presigned URL placeholder (" +
                          std::string(kPresignedUrlPlaceholder) +
                          "...}), which iotjobs cannot replace: it does not serve Amazon S3. "
                          "Put the download URL itself in the document.");
  }
  return Status::Ok();
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
