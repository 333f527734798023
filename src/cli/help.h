#pragma once

#include <string>

#include "api/wire/model.h"

// The help pages of iotjobs: `iotjobs help` / `--help`, `iotjobs iot help`,
// `iotjobs iot delete-job-execution help`. Plain text built from the same model the
// commands are (operation and member documentation, types, required members), so the help
// cannot disagree with what the command accepts.
namespace iotjobs::cli {

std::string TopHelp();
std::string ServiceHelp(const api::wire::ServiceModel& service);
std::string OperationHelp(const api::wire::ServiceModel& service, const api::wire::Operation& op);

// "iotjobs 0.1.0 (AWS CLI v2 compatible; iot 2015-05-28, iot-jobs-data 2017-09-29)"
std::string VersionLine();

}  // namespace iotjobs::cli
