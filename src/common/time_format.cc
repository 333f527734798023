#include "common/time_format.h"

#include <cstdio>
#include <ctime>

namespace iotjobs {
namespace {

struct Parts {
  std::tm tm{};
  int millis = 0;
};

Parts Split(EpochMillis t) {
  Parts p;
  int64_t secs = t / 1000;
  p.millis = static_cast<int>(t % 1000);
  if (p.millis < 0) {
    p.millis += 1000;
    secs -= 1;
  }
  time_t tt = static_cast<time_t>(secs);
  gmtime_r(&tt, &p.tm);
  return p;
}

}  // namespace

std::string FormatIso8601Millis(EpochMillis t) {
  Parts p = Split(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", p.tm.tm_year + 1900,
                p.tm.tm_mon + 1, p.tm.tm_mday, p.tm.tm_hour, p.tm.tm_min, p.tm.tm_sec, p.millis);
  return buf;
}

std::string FormatIsoDateTime(EpochMillis t) {
  Parts p = Split(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", p.tm.tm_year + 1900, p.tm.tm_mon + 1,
                p.tm.tm_mday, p.tm.tm_hour, p.tm.tm_min);
  return buf;
}

std::string FormatCliTimestamp(EpochMillis t) {
  Parts p = Split(t);
  char buf[64];
  if (p.millis == 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+00:00", p.tm.tm_year + 1900,
                  p.tm.tm_mon + 1, p.tm.tm_mday, p.tm.tm_hour, p.tm.tm_min, p.tm.tm_sec);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03d000+00:00",
                  p.tm.tm_year + 1900, p.tm.tm_mon + 1, p.tm.tm_mday, p.tm.tm_hour, p.tm.tm_min,
                  p.tm.tm_sec, p.millis);
  }
  return buf;
}

std::optional<EpochMillis> ParseIsoDateTime(std::string_view text) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  int consumed = 0;
  std::string copy(text);
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi, &consumed) != 5 ||
      consumed != 16) {
    return std::nullopt;
  }
  std::string_view rest = text.substr(16);
  int millis = 0;
  if (!rest.empty() && rest[0] == ':') {
    if (rest.size() < 3 || !std::isdigit(static_cast<unsigned char>(rest[1])) ||
        !std::isdigit(static_cast<unsigned char>(rest[2]))) {
      return std::nullopt;
    }
    s = (rest[1] - '0') * 10 + (rest[2] - '0');
    rest.remove_prefix(3);
    if (!rest.empty() && rest[0] == '.') {
      rest.remove_prefix(1);
      int digits = 0;
      while (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) {
        if (digits < 3) millis = millis * 10 + (rest[0] - '0');
        ++digits;
        rest.remove_prefix(1);
      }
      if (digits == 0) return std::nullopt;
      for (; digits < 3; ++digits) millis *= 10;
    }
  }
  if (rest == "Z" || rest == "+00:00") rest = {};
  if (!rest.empty()) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  time_t secs = timegm(&tm);
  // timegm normalises 2026-02-31 to March; refuse dates that do not exist.
  std::tm check{};
  gmtime_r(&secs, &check);
  if (check.tm_mday != d || check.tm_mon != mo - 1) return std::nullopt;
  return static_cast<EpochMillis>(secs) * 1000 + millis;
}

}  // namespace iotjobs
