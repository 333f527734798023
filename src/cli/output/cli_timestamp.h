#pragma once

#include <boost/json/fwd.hpp>
#include <optional>
#include <string>

// How AWS CLI v2 prints a timestamp member: its default cli_timestamp_format, iso8601, makes
// the response parser call parse_timestamp(value).isoformat() on the wire value
// (awscli/customizations/timestampformat.py, botocore.utils.parse_timestamp).
namespace iotjobs::cli::output {

// The text the CLI shows for a timestamp member's wire value:
//  - a number (epoch seconds, integer or fractional; also true/false as 1/0) or a string that
//    Python's float() accepts ("1560787023", " 1_560.5 "): the instant in the LOCAL time zone
//    with its offset, microseconds rounded half to even as datetime.fromtimestamp does, the
//    fraction left out when zero: 1560787023.636 -> "2019-06-17T15:57:03.636000+00:00" with
//    TZ=UTC, "2019-06-17T17:57:03.636000+02:00" in Europe/Paris;
//  - an ISO 8601 date-time ("2019-06-17T15:57:03.5Z", "2019-06-17 15:57", "2019-06-17",
//    "20190617T155703Z") or an RFC 1123 date ("Mon, 17 Jun 2019 15:57:03 GMT"): its fields
//    as written (fraction cut to 6 digits), its own offset ("Z", "UTC", "GMT" -> "+00:00",
//    "+0530" -> "+05:30"), no offset when it has none.
// nullopt where Python raises (the CLI would fail to parse the response): other strings (the
// CLI's dateutil reads many more free-form dates than this does), years outside 1..9999,
// NaN, infinities, non-scalars.
// The local zone is what TZ (or /etc/localtime) says, read the way Python's dateutil tzlocal
// reads it: only the zone's CURRENT standard and daylight offsets exist (CPython takes them from
// this year's January and July), and the C library's tm_isdst picks one. So a date from when
// the zone's rules differed gets today's offsets: 2012 in Europe/Moscow prints +03:00 though
// Moscow was at +04:00 then, exactly as the CLI prints it.
std::optional<std::string> CliTimestamp(const boost::json::value& wire);

}  // namespace iotjobs::cli::output
