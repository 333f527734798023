#pragma once

#include "api/api.h"
#include "api/wire/model.h"

namespace iotjobs::api {

// Which plane a request is for. Both planes share one endpoint and two paths
// (GET /things/{thingName}/jobs/{jobId}, GET /things/{thingName}/jobs), so the signature's
// credential scope decides: `iot-jobs-data` is the device plane, `iot` and `execute-api`
// (older CLI models sign the control plane with it) the control plane. An unsigned request
// (--auth none, --no-sign-request) goes by its Host: `data.jobs.iot.*` is the device plane,
// as the SDKs address it; anything else the control plane.
wire::Plane PlaneOf(const ApiRequest& request);

}  // namespace iotjobs::api
