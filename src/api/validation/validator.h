#pragma once

#include <boost/json/object.hpp>

#include "api/wire/model.h"
#include "common/status.h"

namespace iotjobs::api::validation {

// Checks a decoded input against its shape as the AWS services do: required members, types,
// lengths, ranges, enums and patterns, recursively. OK, or kInvalidRequest with AWS's
// validation wording ("1 validation error detected: Value 'bad id' at 'jobId' failed to
// satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+").
// Thread-safe.
Status Validate(const wire::Shape& input_shape, const boost::json::object& input);

}  // namespace iotjobs::api::validation
