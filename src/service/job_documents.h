#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "store/store.h"

// The one way a job's document leaves for its devices: the HTTPS device plane
// (DescribeJobExecution, StartNextPendingJobExecution, UpdateJobExecution), the MQTT replies and
// notify-next, all built from these, and GetJobDocument unless asked for the document before
// substitution. A job made from an AWS managed template has every ${aws:iot:parameter:KEY}
// placeholder replaced by its documentParameters (jobs::SubstituteDocumentParameters); any
// other job's document goes as it was written (docs/aws-behaviour.md, "AWS managed
// templates").
namespace iotjobs::service {

std::string DocumentForDevices(const store::JobDocument& stored);

// The job's document as its devices get it; absent when the job does not exist.
Result<std::optional<std::string>> LoadDocumentForDevices(store::ReadTransaction& tx,
                                                          std::string_view job_id);

}  // namespace iotjobs::service
