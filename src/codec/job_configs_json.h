#pragma once

#include <boost/json/value.hpp>
#include <vector>

#include "jobs/job_configs.h"

// Job configurations <-> JSON in the iot model's shapes (TimeoutConfig, AbortConfig, ...).
// The same text is the wire form (api/) and the stored form (store/ keeps each
// configuration as one JSON column), so one codec serves both.
namespace iotjobs::codec {

boost::json::value ToJson(const jobs::TimeoutConfig& c);
boost::json::value ToJson(const jobs::JobExecutionsRetryConfig& c);
boost::json::value ToJson(const jobs::AbortConfig& c);
boost::json::value ToJson(const jobs::JobExecutionsRolloutConfig& c);
boost::json::value ToJson(const jobs::SchedulingConfig& c);
boost::json::value ToJson(const jobs::PresignedUrlConfig& c);
// MaintenanceWindows and TagList: JSON arrays.
boost::json::value ToJson(const std::vector<jobs::MaintenanceWindow>& windows);
boost::json::value ToJson(const std::vector<jobs::Tag>& tags);

// The parsers take JSON that already passed the model's validation (api/) or that this codec
// wrote (store/); members of the wrong type are ignored rather than trusted.
jobs::TimeoutConfig ParseTimeoutConfig(const boost::json::value& v);
jobs::JobExecutionsRetryConfig ParseRetryConfig(const boost::json::value& v);
jobs::AbortConfig ParseAbortConfig(const boost::json::value& v);
jobs::JobExecutionsRolloutConfig ParseRolloutConfig(const boost::json::value& v);
jobs::SchedulingConfig ParseSchedulingConfig(const boost::json::value& v);
jobs::PresignedUrlConfig ParsePresignedUrlConfig(const boost::json::value& v);
std::vector<jobs::MaintenanceWindow> ParseMaintenanceWindows(const boost::json::value& v);
std::vector<jobs::Tag> ParseTags(const boost::json::value& v);

}  // namespace iotjobs::codec
