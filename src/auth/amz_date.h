#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/clock.h"

// The two request-time formats SigV4 accepts: X-Amz-Date's ISO 8601 basic format and, when a
// client sends no X-Amz-Date, the HTTP Date header (RFC 7231 IMF-fixdate).
namespace iotjobs::auth {

// "20150830T123600Z" (UTC, whole seconds; milliseconds are dropped, as botocore does).
std::string FormatAmzDate(EpochMillis t);

// Parses exactly "YYYYMMDDTHHMMSSZ" with a valid calendar date and time. nullopt otherwise.
std::optional<EpochMillis> ParseAmzDate(std::string_view text);

// Parses an IMF-fixdate "Sun, 30 Aug 2015 12:36:00 GMT" (the form botocore writes when it
// signs with a Date header). The weekday is not checked. nullopt when malformed.
std::optional<EpochMillis> ParseHttpDate(std::string_view text);

}  // namespace iotjobs::auth
