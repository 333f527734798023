#pragma once

#include <optional>
#include <string_view>

namespace iotjobs::api::validation {

// Numeric ranges that AWS documents and enforces but the botocore models leave out (the
// models carry the range only where the service team wrote it into the shape). The server
// checks these on top of the model's own min and max, so a value AWS refuses never reaches
// the arithmetic of timers and rollouts. The CLI does not: AWS CLI sends such values and
// lets the service answer, and so does iotjobs.
struct DocumentedRange {
  std::optional<double> min;
  std::optional<double> max;
  // One value outside the range that AWS accepts all the same, with its meaning (the step
  // timeout's -1, which cancels the step timer).
  std::optional<double> also;
  std::string_view also_means;
};

// The documented range of the shape named `shape_name`, if AWS documents one beyond the model.
const DocumentedRange* DocumentedRangeFor(std::string_view shape_name);

}  // namespace iotjobs::api::validation
