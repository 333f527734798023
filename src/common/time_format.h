#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

namespace iotjobs {

// "2026-11-26T06:07:15.123Z": log lines.
std::string FormatIso8601Millis(EpochMillis t);

// "2026-11-26T06:07:15.123000+00:00": how AWS CLI v2 prints a timestamp (Python's
// datetime.isoformat() in UTC; the fraction is omitted when it is zero, as Python does).
std::string FormatCliTimestamp(EpochMillis t);

// "2026-11-26T06:07": the StringDateTime form of schedulingConfig (minutes, UTC), as
// DescribeJob's scheduledJobRollouts show window starts.
std::string FormatIsoDateTime(EpochMillis t);

// Parses "YYYY-MM-DDTHH:MM" with optional ":SS", optional fraction and optional "Z" —
// the StringDateTime of schedulingConfig. nullopt when malformed.
std::optional<EpochMillis> ParseIsoDateTime(std::string_view text);

}  // namespace iotjobs
