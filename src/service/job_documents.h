#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"
#include "common/result.h"
#include "store/store.h"

namespace iotjobs::s3 {
class ObjectStore;
}

// The one way a job's document leaves for its devices: the HTTPS device plane
// (DescribeJobExecution, StartNextPendingJobExecution, UpdateJobExecution), the MQTT replies and
// notify-next, all built from these, and GetJobDocument unless asked for the document before
// substitution. A job made from an AWS managed template has every ${aws:iot:parameter:KEY}
// placeholder replaced by its documentParameters (jobs::SubstituteDocumentParameters); any
// other job's document goes as it was written (docs/aws-behaviour.md, "AWS managed
// templates").
namespace iotjobs::service {

std::string DocumentForDevices(const store::JobDocument& stored);

// The job's document with its documentParameters substituted (DocumentForDevices); absent
// when the job does not exist.
Result<std::optional<std::string>> LoadDocumentForDevices(store::ReadTransaction& tx,
                                                          std::string_view job_id);

// What a device is handed: LoadDocumentForDevices with, besides, every
// ${aws:iot:s3-presigned-url:URL} placeholder replaced by a GET URL of that object presigned
// by `object_store` at `now`, valid for the job's presignedUrlConfig.expiresInSec (3600 when
// absent). The stored document never changes (docs/s3-documents.md). Without a store the
// placeholders stay as written (CreateJob refuses them then; only a job created before the
// store was taken away can have them) and a warning is logged.
Result<std::optional<std::string>> LoadDocumentForDelivery(store::ReadTransaction& tx,
                                                           std::string_view job_id,
                                                           const s3::ObjectStore* object_store,
                                                           EpochMillis now);

}  // namespace iotjobs::service
