#include "api/validation/documented_ranges.h"

#include <array>
#include <utility>

namespace iotjobs::api::validation {
namespace {

// Sources: docs/aws-behaviour.md, "Limits". Every numeric member of the served operations was
// checked against the models; those not listed here either carry their range in the model
// or have none documented (versions and execution numbers are only compared, never
// computed with).
const std::array<std::pair<std::string_view, DocumentedRange>, 3> kRanges = {{
    // TimeoutConfig: "anywhere between 1 minute and 7 days (1 to 10080 minutes)".
    {"InProgressTimeoutInMinutes", {1, 10080, std::nullopt, {}}},
    // StartNextPendingJobExecution and UpdateJobExecution: "Valid values for this parameter
    // range from 1 to 10080"; UpdateJobExecution: "A value of -1 is also valid and will cancel
    // the current step timer".
    {"StepTimeoutInMinutes", {1, 10080, -1, "to cancel the step timer"}},
    // JobExecutionsRolloutConfig: the rollout rate is at most 1000 things a minute (AWS IoT
    // quotas); the model gives only the minimum.
    {"MaxJobExecutionsPerMin", {1, 1000, std::nullopt, {}}},
}};

}  // namespace

const DocumentedRange* DocumentedRangeFor(std::string_view shape_name) {
  for (const auto& [name, range] : kRanges) {
    if (name == shape_name) return &range;
  }
  return nullptr;
}

}  // namespace iotjobs::api::validation
