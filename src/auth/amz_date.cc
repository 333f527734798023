#include "auth/amz_date.h"

#include <array>
#include <chrono>
#include <cstdio>

namespace iotjobs::auth {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;

// Reads `count` decimal digits at `pos`; nullopt when any is not a digit.
std::optional<int> Digits(std::string_view text, size_t pos, size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (size_t i = pos; i < pos + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

std::optional<EpochMillis> FromCivil(int y, int mo, int d, int h, int mi, int s) {
  std::chrono::year_month_day ymd{year(y), month(static_cast<unsigned>(mo)),
                                  day(static_cast<unsigned>(d))};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
  auto days = std::chrono::sys_days(ymd).time_since_epoch().count();
  return (static_cast<EpochMillis>(days) * 86400 + h * 3600 + mi * 60 + s) * 1000;
}

}  // namespace

std::string FormatAmzDate(EpochMillis t) {
  int64_t secs = t >= 0 ? t / 1000 : -((-t + 999) / 1000);
  int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
  int64_t rem = secs - days * 86400;
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(days))};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d%02dZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                static_cast<int>(rem % 60));
  return buf;
}

std::optional<EpochMillis> ParseAmzDate(std::string_view text) {
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return std::nullopt;
  auto y = Digits(text, 0, 4), mo = Digits(text, 4, 2), d = Digits(text, 6, 2);
  auto h = Digits(text, 9, 2), mi = Digits(text, 11, 2), s = Digits(text, 13, 2);
  if (!y || !mo || !d || !h || !mi || !s) return std::nullopt;
  return FromCivil(*y, *mo, *d, *h, *mi, *s);
}

std::optional<EpochMillis> ParseHttpDate(std::string_view text) {
  // "Sun, 30 Aug 2015 12:36:00 GMT": 29 characters at fixed positions.
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' ||
      text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  int mo = 0;
  for (size_t i = 0; i < kMonths.size(); ++i) {
    if (text.substr(8, 3) == kMonths[i]) mo = static_cast<int>(i) + 1;
  }
  auto d = Digits(text, 5, 2), y = Digits(text, 12, 4);
  auto h = Digits(text, 17, 2), mi = Digits(text, 20, 2), s = Digits(text, 23, 2);
  if (mo == 0 || !d || !y || !h || !mi || !s) return std::nullopt;
  return FromCivil(*y, mo, *d, *h, *mi, *s);
}

}  // namespace iotjobs::auth
