#pragma once

#include <bitset>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

// AWS's cron expressions, as maintenance windows use them (schedulingConfig.maintenanceWindows
// [].startTime): `cron(Minutes Hours Day-of-month Month Day-of-week Year)`, six fields, in UTC,
// the syntax of AWS's scheduled expressions (docs/aws-behaviour.md, D55):
//
//   Minutes 0-59, Hours 0-23, Day-of-month 1-31, Month 1-12 or JAN-DEC,
//   Day-of-week 1-7 or SUN-SAT (1 is Sunday), Year 1970-2199;
//   `*` any, `,` lists, `-` ranges, `/` steps (`0/15`, `*/15`, `5-50/5`);
//   `?` "no value" in Day-of-month or Day-of-week — exactly one of the two must be `?`;
//   `L` last (day of the month; `L` alone or `NL` in Day-of-week: the last such weekday),
//   `W` the weekday nearest a day of the month (`15W`, `LW`), `#` the n-th weekday (`3#2`).
namespace iotjobs::jobs {

class CronSchedule {
 public:
  // Parses `text`; kInvalidRequest with the reason (which field, what is wrong) otherwise.
  static Result<CronSchedule> Parse(std::string_view text);

  // The first occurrence strictly after `after` (occurrences fall on whole minutes), or
  // nullopt when there is none before the end of 2199.
  std::optional<EpochMillis> NextAfter(EpochMillis after) const;

 private:
  // Does the expression's date part (year, month, day fields) match this date?
  bool MatchesDate(int year, unsigned month, unsigned day) const;

  std::bitset<60> minutes_;
  std::bitset<24> hours_;
  std::bitset<13> months_;     // 1..12
  std::bitset<230> years_;     // 1970..2199
  // Day-of-month: unused when `?`.
  bool dom_any_ = false;       // `?`
  std::bitset<32> days_;       // 1..31
  bool last_day_ = false;      // L
  bool last_weekday_ = false;  // LW
  std::vector<unsigned> nearest_weekday_;  // NW
  // Day-of-week: unused when `?`. 1 (Sunday) .. 7 (Saturday).
  bool dow_any_ = false;       // `?`
  std::bitset<8> weekdays_;
  std::vector<unsigned> last_of_weekday_;  // NL
  std::vector<std::pair<unsigned, unsigned>> nth_weekday_;  // N#K
};

}  // namespace iotjobs::jobs
