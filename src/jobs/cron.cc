#include "jobs/cron.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>

namespace iotjobs::jobs {
namespace {

namespace chr = std::chrono;

constexpr int kFirstYear = 1970;
constexpr int kLastYear = 2199;
constexpr int64_t kMinuteMillis = 60'000;
constexpr int64_t kDayMillis = 24 * 60 * kMinuteMillis;

struct Field {
  const char* name;
  unsigned min;
  unsigned max;
  // Names accepted in place of numbers (JAN..DEC, SUN..SAT), numbered from `min`.
  std::vector<std::string_view> names;
};

const Field kMinutes{"Minutes", 0, 59, {}};
const Field kHours{"Hours", 0, 23, {}};
const Field kDayOfMonth{"Day-of-month", 1, 31, {}};
const Field kMonth{"Month", 1, 12, {"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG",
                                    "SEP", "OCT", "NOV", "DEC"}};
const Field kDayOfWeek{"Day-of-week", 1, 7, {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}};
const Field kYear{"Year", kFirstYear, kLastYear, {}};

Status Bad(const Field& f, std::string_view item, const std::string& why) {
  return InvalidRequest("the " + std::string(f.name) + " field '" + std::string(item) + "' " +
                        why);
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// One value of the field: a number in range, or one of its names.
Result<unsigned> Value(const Field& f, std::string_view item, std::string_view text) {
  std::string up = Upper(text);
  for (size_t i = 0; i < f.names.size(); ++i) {
    if (up == f.names[i]) return static_cast<unsigned>(f.min + i);
  }
  unsigned v = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
    return Bad(f, item, "has '" + std::string(text) + "', which is not a value of the field");
  }
  if (v < f.min || v > f.max) {
    return Bad(f, item, "has " + std::to_string(v) + ", outside " + std::to_string(f.min) + "-" +
                            std::to_string(f.max));
  }
  return v;
}

// `*`, `N`, `A-B` (wrapping past the field's end when A > B), each optionally `/STEP`, into
// `set` (indexed by value - offset).
template <size_t Bits>
Status AddItem(const Field& f, std::string_view item, std::bitset<Bits>& set, unsigned offset) {
  std::string_view base = item;
  unsigned step = 1;
  bool stepped = false;
  if (size_t slash = item.find('/'); slash != std::string_view::npos) {
    base = item.substr(0, slash);
    std::string_view s = item.substr(slash + 1);
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), step);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || step == 0 ||
        step > f.max) {
      return Bad(f, item, "has a step that is not a whole number from 1 to " +
                              std::to_string(f.max));
    }
    stepped = true;
  }
  unsigned from = f.min, to = f.max;
  if (base != "*") {
    if (size_t dash = base.find('-'); dash != std::string_view::npos) {
      IOTJOBS_ASSIGN_OR_RETURN(from, Value(f, item, base.substr(0, dash)));
      IOTJOBS_ASSIGN_OR_RETURN(to, Value(f, item, base.substr(dash + 1)));
    } else {
      IOTJOBS_ASSIGN_OR_RETURN(from, Value(f, item, base));
      // `N/STEP` runs from N to the field's end; a bare `N` is one value.
      to = stepped ? f.max : from;
    }
  }
  const unsigned span = f.max - f.min + 1;
  const unsigned count = (to >= from ? to - from : to + span - from) + 1;
  for (unsigned i = 0; i < count; i += step) {
    unsigned v = from + i;
    if (v > f.max) v -= span;
    set.set(v - offset);
  }
  return Status::Ok();
}

template <size_t Bits>
Status ParseList(const Field& f, std::string_view text, std::bitset<Bits>& set,
                 unsigned offset) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string_view item =
        text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (item.empty()) return Bad(f, text, "has an empty list item");
    if (item == "?") return Bad(f, text, "uses ?, which only Day-of-month and Day-of-week allow");
    IOTJOBS_RETURN_IF_ERROR(AddItem(f, item, set, offset));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return Status::Ok();
}

std::vector<std::string_view> SplitFields(std::string_view body) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < body.size()) {
    while (i < body.size() && body[i] == ' ') ++i;
    size_t start = i;
    while (i < body.size() && body[i] != ' ') ++i;
    if (i > start) out.push_back(body.substr(start, i - start));
  }
  return out;
}

unsigned LastDay(int year, unsigned month) {
  return static_cast<unsigned>(
      chr::year_month_day_last(chr::year{year}, chr::month_day_last{chr::month{month}}).day());
}

// 1 (Sunday) .. 7 (Saturday).
unsigned Weekday(int year, unsigned month, unsigned day) {
  chr::weekday w{chr::sys_days{chr::year{year} / chr::month{month} / chr::day{day}}};
  return w.c_encoding() + 1;
}

// The weekday (Monday to Friday) nearest `day` in the same month: `W` in Day-of-month.
unsigned NearestWeekday(int year, unsigned month, unsigned day) {
  unsigned last = LastDay(year, month);
  unsigned w = Weekday(year, month, day);
  if (w == 7) return day == 1 ? day + 2 : day - 1;     // Saturday
  if (w == 1) return day == last ? day - 2 : day + 1;  // Sunday
  return day;
}

}  // namespace

Result<CronSchedule> CronSchedule::Parse(std::string_view text) {
  if (text.size() < 7 || text.substr(0, 5) != "cron(" || text.back() != ')') {
    return InvalidRequest("it must have the form cron(Minutes Hours Day-of-month Month "
                          "Day-of-week Year)");
  }
  std::vector<std::string_view> f = SplitFields(text.substr(5, text.size() - 6));
  if (f.size() != 6) {
    return InvalidRequest("it has " + std::to_string(f.size()) +
                          " fields; six are needed: Minutes Hours Day-of-month Month "
                          "Day-of-week Year");
  }
  CronSchedule c;
  IOTJOBS_RETURN_IF_ERROR(ParseList(kMinutes, f[0], c.minutes_, 0));
  IOTJOBS_RETURN_IF_ERROR(ParseList(kHours, f[1], c.hours_, 0));
  IOTJOBS_RETURN_IF_ERROR(ParseList(kMonth, f[3], c.months_, 0));
  IOTJOBS_RETURN_IF_ERROR(ParseList(kYear, f[5], c.years_, kFirstYear));

  c.dom_any_ = f[2] == "?";
  c.dow_any_ = f[4] == "?";
  if (c.dom_any_ == c.dow_any_) {
    return InvalidRequest("exactly one of Day-of-month and Day-of-week must be ?: the other "
                          "gives the days");
  }
  if (!c.dom_any_) {
    std::string up = Upper(f[2]);
    if (up == "L") {
      c.last_day_ = true;
    } else if (up == "LW") {
      c.last_weekday_ = true;
    } else if (up.size() > 1 && up.back() == 'W') {
      IOTJOBS_ASSIGN_OR_RETURN(unsigned d,
                               Value(kDayOfMonth, f[2], std::string_view(up).substr(0, up.size() - 1)));
      c.nearest_weekday_.push_back(d);
    } else {
      IOTJOBS_RETURN_IF_ERROR(ParseList(kDayOfMonth, f[2], c.days_, 0));
    }
  }
  if (!c.dow_any_) {
    std::string up = Upper(f[4]);
    if (up == "L") {
      c.weekdays_.set(7);  // L alone: the last day of the week, Saturday
    } else if (size_t hash = up.find('#'); hash != std::string::npos) {
      std::string_view u(up);
      IOTJOBS_ASSIGN_OR_RETURN(unsigned w, Value(kDayOfWeek, f[4], u.substr(0, hash)));
      std::string_view n = u.substr(hash + 1);
      if (n.size() != 1 || n[0] < '1' || n[0] > '5') {
        return Bad(kDayOfWeek, f[4], "must give the week of the month after # as 1 to 5");
      }
      c.nth_weekday_.emplace_back(w, static_cast<unsigned>(n[0] - '0'));
    } else if (up.size() > 1 && up.back() == 'L') {
      IOTJOBS_ASSIGN_OR_RETURN(
          unsigned w, Value(kDayOfWeek, f[4], std::string_view(up).substr(0, up.size() - 1)));
      c.last_of_weekday_.push_back(w);
    } else {
      IOTJOBS_RETURN_IF_ERROR(ParseList(kDayOfWeek, f[4], c.weekdays_, 0));
    }
  }
  return c;
}

bool CronSchedule::MatchesDate(int year, unsigned month, unsigned day) const {
  if (!years_.test(static_cast<size_t>(year - kFirstYear)) || !months_.test(month)) return false;
  if (dow_any_) {
    if (days_.test(day)) return true;
    unsigned last = LastDay(year, month);
    if (last_day_ && day == last) return true;
    if (last_weekday_ && day == NearestWeekday(year, month, last)) return true;
    for (unsigned n : nearest_weekday_) {
      if (n <= last && NearestWeekday(year, month, n) == day) return true;
    }
    return false;
  }
  unsigned w = Weekday(year, month, day);
  if (weekdays_.test(w)) return true;
  for (unsigned l : last_of_weekday_) {
    if (l == w && day + 7 > LastDay(year, month)) return true;
  }
  for (auto [nw, k] : nth_weekday_) {
    if (nw == w && (day - 1) / 7 + 1 == k) return true;
  }
  return false;
}

std::optional<EpochMillis> CronSchedule::NextAfter(EpochMillis after) const {
  // The first whole minute after `after`.
  int64_t t = after >= 0 ? (after / kMinuteMillis + 1) * kMinuteMillis
                         : -((-after) / kMinuteMillis) * kMinuteMillis + kMinuteMillis;
  int64_t day_number = t >= 0 ? t / kDayMillis : (t - kDayMillis + 1) / kDayMillis;
  int minute_of_day = static_cast<int>((t - day_number * kDayMillis) / kMinuteMillis);
  chr::sys_days day{chr::days{day_number}};
  const chr::sys_days end{chr::year{kLastYear} / chr::December / chr::day{31}};
  while (day <= end) {
    chr::year_month_day ymd{day};
    int year = static_cast<int>(ymd.year());
    unsigned month = static_cast<unsigned>(ymd.month());
    unsigned dom = static_cast<unsigned>(ymd.day());
    if (year < kFirstYear || !years_.test(static_cast<size_t>(year - kFirstYear))) {
      day = chr::sys_days{chr::year{year + 1} / chr::January / chr::day{1}};
      minute_of_day = 0;
      continue;
    }
    if (!months_.test(month)) {
      day = chr::sys_days{chr::year_month_day{ymd.year() / ymd.month() / chr::day{1}} +
                          chr::months{1}};
      minute_of_day = 0;
      continue;
    }
    if (MatchesDate(year, month, dom)) {
      for (int m = minute_of_day; m < 24 * 60; ++m) {
        if (hours_.test(static_cast<size_t>(m / 60)) && minutes_.test(static_cast<size_t>(m % 60))) {
          return day.time_since_epoch().count() * kDayMillis + m * kMinuteMillis;
        }
      }
    }
    day += chr::days{1};
    minute_of_day = 0;
  }
  return std::nullopt;
}

}  // namespace iotjobs::jobs
