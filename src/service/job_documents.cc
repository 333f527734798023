#include "service/job_documents.h"

#include "common/log.h"
#include "jobs/managed_templates/document_parameters.h"
#include "s3/object_store.h"
#include "s3/presigned_placeholders.h"

namespace iotjobs::service {
namespace {
// presignedUrlConfig.expiresInSec when the job has none (AWS's default).
constexpr int64_t kDefaultExpiresInSec = 3600;
}  // namespace

std::string DocumentForDevices(const store::JobDocument& stored) {
  if (!stored.parameters) return stored.document;
  return jobs::SubstituteDocumentParameters(stored.document, *stored.parameters);
}

Result<std::optional<std::string>> LoadDocumentForDevices(store::ReadTransaction& tx,
                                                          std::string_view job_id) {
  IOTJOBS_ASSIGN_OR_RETURN(auto stored, tx.GetJobDocument(job_id));
  if (!stored) return std::optional<std::string>();
  return std::optional<std::string>(DocumentForDevices(*stored));
}

Result<std::optional<std::string>> LoadDocumentForDelivery(store::ReadTransaction& tx,
                                                           std::string_view job_id,
                                                           const s3::ObjectStore* object_store,
                                                           EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(auto document, LoadDocumentForDevices(tx, job_id));
  if (!document || document->find(s3::kPresignedUrlPrefix) == std::string::npos) {
    return document;
  }
  if (!object_store) {
    IOTJOBS_LOG(kWarn) << "job " << job_id << ": its document's presigned URL placeholders go "
                       << "to devices unsigned: iotjobsd runs without --s3-endpoint";
    return document;
  }
  // Only documents with placeholders pay for reading the job (its presignedUrlConfig).
  IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(job_id));
  const int64_t expires = job && job->presigned_url_config &&
                                  job->presigned_url_config->expires_in_sec
                              ? *job->presigned_url_config->expires_in_sec
                              : kDefaultExpiresInSec;
  // A delivery never fails for a placeholder (notify-next is written in the transaction of
  // the write that causes it): CreateJob checked them all, so one that still cannot be signed
  // (the store's endpoint changed since) goes as written, with a warning.
  auto presign = [&](std::string_view url) -> Result<std::string> {
    Result<s3::ObjectLocation> location = object_store->Locate(url);
    Result<std::string> signed_url = location.ok()
                                         ? object_store->PresignGet(*location, expires, now)
                                         : Result<std::string>(location.status());
    if (signed_url.ok()) return signed_url;
    IOTJOBS_LOG(kWarn) << "job " << job_id << ": presigned URL placeholder left as written: "
                       << signed_url.status().message();
    return std::string(s3::kPresignedUrlPrefix) + std::string(url) + "}";
  };
  Result<std::string> presigned = s3::ReplacePresignedUrlPlaceholders(*document, presign);
  if (!presigned.ok()) return document;
  return std::optional<std::string>(std::move(presigned).value());
}

}  // namespace iotjobs::service
