#pragma once

#include <string>
#include <string_view>

#include "api/wire/model.h"
#include "common/status.h"

namespace iotjobs::api::wire {

// How an error travels: the HTTP status and the x-amzn-ErrorType name.
struct ErrorInfo {
  int http_status;
  std::string_view type;  // "ResourceNotFoundException"
};

// The one table from our error codes to AWS's (statuses from the botocore models; the 403s
// are what every AWS endpoint answers for authentication failures). Throttling differs by
// plane: 400 on the control plane, 429 on the device plane, as the models say.
ErrorInfo ErrorInfoFor(ErrorCode code, Plane plane);

// The JSON body of an error: {"message": "..."}.
std::string ErrorBody(const Status& status);

}  // namespace iotjobs::api::wire
