#include "cli/output/cli_timestamp.h"

#include <boost/json/value.hpp>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <string_view>

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

struct DateTime {
  std::int64_t year = 1970;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0, microsecond = 0;
  std::optional<int> offset_seconds;  // nullopt: a naive datetime
};

// Howard Hinnant's civil_from_days (proleptic Gregorian, day 0 = 1970-01-01).
void CivilFromDays(std::int64_t z, DateTime* dt) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  dt->day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  dt->month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  dt->year = yoe + era * 400 + (dt->month <= 2);
}

int DaysInMonth(std::int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// datetime.isoformat().
std::string IsoFormat(const DateTime& dt) {
  char buffer[64];
  int n = std::snprintf(buffer, sizeof(buffer), "%04d-%02d-%02dT%02d:%02d:%02d",
                        static_cast<int>(dt.year), dt.month, dt.day, dt.hour, dt.minute, dt.second);
  std::string out(buffer, n);
  if (dt.microsecond != 0) {
    n = std::snprintf(buffer, sizeof(buffer), ".%06d", dt.microsecond);
    out.append(buffer, n);
  }
  if (dt.offset_seconds.has_value()) {
    const int offset = *dt.offset_seconds;
    const int magnitude = offset < 0 ? -offset : offset;
    n = std::snprintf(buffer, sizeof(buffer), "%c%02d:%02d", offset < 0 ? '-' : '+',
                      magnitude / 3600, magnitude / 60 % 60);
    out.append(buffer, n);
    if (magnitude % 60 != 0) {
      n = std::snprintf(buffer, sizeof(buffer), ":%02d", magnitude % 60);
      out.append(buffer, n);
    }
  }
  return out;
}

// dateutil's tzlocal() knows two offsets, taken from CPython's time.timezone and time.altzone,
// which CPython on glibc derives from the local zone's offsets in January and July of the
// current year (init_timezone in Modules/timemodule.c).
struct LocalZone {
  int std_offset;
  int dst_offset;  // == std_offset when the zone has no DST now
};

LocalZone CurrentLocalZone() {
  constexpr std::time_t kYear = (365 * 24 + 6) * 3600;
  std::time_t t = (std::time(nullptr) / kYear) * kYear;
  std::tm p{};
  localtime_r(&t, &p);
  const long janzone = -p.tm_gmtoff;
  t += kYear / 2;
  localtime_r(&t, &p);
  const long julyzone = -p.tm_gmtoff;
  const long timezone = janzone < julyzone ? julyzone : janzone;  // southern hemisphere swaps
  const long altzone = janzone < julyzone ? janzone : julyzone;
  return {static_cast<int>(-timezone),
          static_cast<int>(janzone != julyzone ? -altzone : -timezone)};
}

// datetime.fromtimestamp(seconds + microsecond / 1e6, tzlocal()). tzlocal().fromutc() comes to
// the DST offset when localtime() flags the instant as DST and the zone has DST today, else the
// standard offset: the zone's current offsets, whatever its rules were at the time.
std::optional<DateTime> FromEpoch(std::int64_t seconds, int microsecond) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm local{};
  if (localtime_r(&t, &local) == nullptr) return std::nullopt;
  const LocalZone zone = CurrentLocalZone();
  const bool dst = zone.dst_offset != zone.std_offset && local.tm_isdst > 0;
  DateTime dt;
  dt.offset_seconds = dst ? zone.dst_offset : zone.std_offset;
  // Python checks the UTC date, then the local one.
  for (const std::int64_t instant : {seconds, seconds + *dt.offset_seconds}) {
    const std::int64_t days = instant >= 0 ? instant / 86400 : -((-instant + 86399) / 86400);
    CivilFromDays(days, &dt);
    if (dt.year < 1 || dt.year > 9999) return std::nullopt;
    const std::int64_t in_day = instant - days * 86400;
    dt.hour = static_cast<int>(in_day / 3600);
    dt.minute = static_cast<int>(in_day / 60 % 60);
    dt.second = static_cast<int>(in_day % 60);
  }
  dt.microsecond = microsecond;
  return dt;
}

// _PyTime_DoubleToDenominator with _PyTime_ROUND_HALF_EVEN, as fromtimestamp() splits a float.
std::optional<DateTime> FromEpoch(double value) {
  if (!std::isfinite(value)) return std::nullopt;
  double intpart = 0;
  volatile double floatpart = std::modf(value, &intpart) * 1e6;
  double rounded = std::round(floatpart);
  if (std::fabs(floatpart - rounded) == 0.5) rounded = 2.0 * std::round(floatpart / 2.0);
  floatpart = rounded;
  if (floatpart >= 1e6) {
    floatpart = floatpart - 1e6;
    intpart += 1.0;
  } else if (floatpart < 0) {
    floatpart = floatpart + 1e6;
    intpart -= 1.0;
  }
  if (!(intpart >= -9.2e18 && intpart <= 9.2e18)) return std::nullopt;
  return FromEpoch(static_cast<std::int64_t>(intpart), static_cast<int>(floatpart));
}

// float(text): Python's literal syntax with surrounding whitespace and underscores between
// digits; infinities and NaN are left out (fromtimestamp() rejects them anyway).
std::optional<double> PythonFloat(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  std::string clean;
  std::size_t i = 0;
  const auto digits = [&]() {  // digit (["_"] digit)*
    if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return false;
    while (i < text.size()) {
      if (std::isdigit(static_cast<unsigned char>(text[i]))) {
        clean += text[i++];
      } else if (text[i] == '_' && i + 1 < text.size() &&
                 std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
        ++i;
      } else {
        break;
      }
    }
    return true;
  };
  bool negative = false;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
  const bool integer = digits();
  bool fraction = false;
  if (i < text.size() && text[i] == '.') {
    clean += text[i++];
    fraction = digits();
  }
  if (!integer && !fraction) return std::nullopt;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    clean += text[i++];
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) clean += text[i++];
    if (!digits()) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  double value = 0;
  const auto result = std::from_chars(clean.data(), clean.data() + clean.size(), value);
  if (result.ec != std::errc() || result.ptr != clean.data() + clean.size()) return std::nullopt;
  return negative ? -value : value;
}

// Reads `count` digits (exactly, or 1..count when `at_most`) at s[*i] into *out.
bool TakeNumber(std::string_view s, std::size_t* i, int count, bool at_most, int* out) {
  int n = 0;
  int value = 0;
  while (n < count && *i < s.size() && std::isdigit(static_cast<unsigned char>(s[*i]))) {
    value = value * 10 + (s[(*i)++] - '0');
    ++n;
  }
  *out = value;
  return at_most ? n >= 1 : n == count;
}

bool TakeChar(std::string_view s, std::size_t* i, char c) {
  if (*i >= s.size() || s[*i] != c) return false;
  ++*i;
  return true;
}

bool TakeWordNoCase(std::string_view s, std::size_t* i, std::string_view word) {
  if (s.size() - *i < word.size()) return false;
  for (std::size_t k = 0; k < word.size(); ++k) {
    if (std::tolower(static_cast<unsigned char>(s[*i + k])) != word[k]) return false;
  }
  *i += word.size();
  return true;
}

// The zone suffix: nothing (naive), Z, UTC, GMT, +HH, +HHMM or +HH:MM, after optional spaces.
bool TakeZone(std::string_view s, std::size_t* i, DateTime* dt) {
  while (*i < s.size() && s[*i] == ' ') ++*i;
  if (*i == s.size()) return true;
  if (TakeWordNoCase(s, i, "z") || TakeWordNoCase(s, i, "utc") || TakeWordNoCase(s, i, "gmt")) {
    dt->offset_seconds = 0;
    return *i == s.size();
  }
  if (s[*i] != '+' && s[*i] != '-') return false;
  const int sign = s[(*i)++] == '-' ? -1 : 1;
  int hours = 0, minutes = 0;
  const std::size_t start = *i;
  if (!TakeNumber(s, i, 2, true, &hours)) return false;
  if (*i - start == 2 && *i < s.size()) {
    TakeChar(s, i, ':');
    if (!TakeNumber(s, i, 2, false, &minutes)) return false;
  }
  if (hours > 23 || minutes > 59) return false;
  dt->offset_seconds = sign * (hours * 3600 + minutes * 60);
  return *i == s.size();
}

// HH:MM[:SS[.fraction]] (or HHMM[SS] when `compact`); dateutil keeps 6 fraction digits.
bool TakeTime(std::string_view s, std::size_t* i, bool compact, DateTime* dt) {
  if (!TakeNumber(s, i, 2, !compact, &dt->hour)) return false;
  if (!compact && !TakeChar(s, i, ':')) return false;
  if (!TakeNumber(s, i, 2, false, &dt->minute)) return false;
  if (compact ? (*i < s.size() && std::isdigit(static_cast<unsigned char>(s[*i])))
              : TakeChar(s, i, ':')) {
    if (!TakeNumber(s, i, 2, false, &dt->second)) return false;
    if (TakeChar(s, i, '.')) {
      int digits = 0;
      while (*i < s.size() && std::isdigit(static_cast<unsigned char>(s[*i]))) {
        if (digits++ < 6) dt->microsecond = dt->microsecond * 10 + (s[*i] - '0');
        ++*i;
      }
      if (digits == 0) return false;
      for (; digits < 6; ++digits) dt->microsecond *= 10;
    }
  }
  return true;
}

// "Mon, 17 Jun 2019 15:57:03 GMT" (RFC 1123; the weekday is not checked, as dateutil).
bool ParseRfc1123(std::string_view s, DateTime* dt) {
  static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::size_t i = 0;
  while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
  if (i != 3 || !TakeChar(s, &i, ',') || !TakeChar(s, &i, ' ')) return false;
  if (!TakeNumber(s, &i, 2, true, &dt->day) || !TakeChar(s, &i, ' ')) return false;
  dt->month = 0;
  for (int m = 0; m < 12 && dt->month == 0; ++m) {
    if (TakeWordNoCase(s, &i, kMonths[m])) dt->month = m + 1;
  }
  int year = 0;
  if (dt->month == 0 || !TakeChar(s, &i, ' ') || !TakeNumber(s, &i, 4, false, &year) ||
      !TakeChar(s, &i, ' ')) {
    return false;
  }
  dt->year = year;
  return TakeTime(s, &i, false, dt) && TakeZone(s, &i, dt);
}

// The ISO 8601 forms dateutil.parser.parse reads: YYYY-MM-DD, then optionally [T ]HH:MM with
// optional :SS, fraction and zone; or the compact YYYYMMDD[THHMM[SS]] with a zone.
std::optional<DateTime> ParseDateString(std::string_view s) {
  DateTime dt;
  if (!s.empty() && std::isalpha(static_cast<unsigned char>(s[0]))) {
    if (!ParseRfc1123(s, &dt)) return std::nullopt;
  } else {
    std::size_t i = 0;
    int year = 0;
    if (!TakeNumber(s, &i, 4, false, &year)) return std::nullopt;
    dt.year = year;
    bool compact = false;
    if (TakeChar(s, &i, '-')) {
      if (!TakeNumber(s, &i, 2, true, &dt.month) || !TakeChar(s, &i, '-') ||
          !TakeNumber(s, &i, 2, true, &dt.day)) {
        return std::nullopt;
      }
    } else if (TakeNumber(s, &i, 2, false, &dt.month) && TakeNumber(s, &i, 2, false, &dt.day)) {
      compact = true;
    } else {
      return std::nullopt;
    }
    if (i < s.size()) {
      if (!TakeChar(s, &i, 'T') && !(!compact && TakeChar(s, &i, ' '))) return std::nullopt;
      if (!TakeTime(s, &i, compact, &dt) || !TakeZone(s, &i, &dt)) return std::nullopt;
    }
  }
  if (dt.year < 1 || dt.month < 1 || dt.month > 12 || dt.day < 1 ||
      dt.day > DaysInMonth(dt.year, dt.month) || dt.hour > 23 || dt.minute > 59 || dt.second > 59) {
    return std::nullopt;
  }
  return dt;
}

}  // namespace

std::optional<std::string> CliTimestamp(const json::value& wire) {
  std::optional<DateTime> dt;
  switch (wire.kind()) {
    case json::kind::bool_:
      dt = FromEpoch(wire.get_bool() ? 1 : 0, 0);
      break;
    case json::kind::int64:
      dt = FromEpoch(wire.get_int64(), 0);
      break;
    case json::kind::double_:
      dt = FromEpoch(wire.get_double());
      break;
    case json::kind::string: {
      const std::string_view text = wire.get_string();
      if (const std::optional<double> seconds = PythonFloat(text)) {
        dt = FromEpoch(*seconds);
      } else {
        dt = ParseDateString(text);
      }
      break;
    }
    default:  // uint64 (past time_t), null, arrays, objects
      break;
  }
  if (!dt.has_value()) return std::nullopt;
  return IsoFormat(*dt);
}

}  // namespace iotjobs::cli::output
