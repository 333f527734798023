#include "jobs/rollout.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace iotjobs::jobs {
namespace {
constexpr EpochMillis kWindow = 60'000;
constexpr double kMaxRate = 1000;  // rollout rate per minute (docs/aws-behaviour.md, "Limits")
}  // namespace

RolloutState StartRollout(std::vector<std::string> things, std::vector<std::string> groups,
                          const std::optional<JobExecutionsRolloutConfig>& config,
                          EpochMillis now) {
  RolloutState s;
  s.things = std::move(things);
  s.groups = std::move(groups);
  s.window_start = now;
  if (config && config->maximum_per_minute) {
    s.rate = *config->maximum_per_minute;
  } else if (config && config->exponential_rate) {
    s.rate = config->exponential_rate->base_rate_per_minute;
  }
  return s;
}

int64_t ReleaseAllowance(RolloutState& s, const std::optional<JobExecutionsRolloutConfig>& config,
                         int64_t succeeded, EpochMillis now) {
  if (s.rate <= 0) return INT64_MAX;
  if (config && config->exponential_rate) {
    const auto& e = *config->exponential_rate;
    const auto& c = e.rate_increase_criteria;
    bool increase =
        (c.number_of_notified_things && s.notified_since_increase >= *c.number_of_notified_things) ||
        (c.number_of_succeeded_things &&
         succeeded - s.succeeded_at_increase >= *c.number_of_succeeded_things);
    if (increase) {
      s.rate = std::min(kMaxRate, std::floor(s.rate * e.increment_factor));
      s.notified_since_increase = 0;
      s.succeeded_at_increase = succeeded;
    }
  }
  if (now >= AddMillis(s.window_start, kWindow)) {
    s.window_start = now;
    s.released_in_window = 0;
  }
  return std::max<int64_t>(0, static_cast<int64_t>(s.rate) - s.released_in_window);
}

void RecordReleases(RolloutState& s, int64_t n) {
  s.released_in_window += n;
  s.notified_since_increase += n;
}

EpochMillis NextReleaseAt(const RolloutState& s, EpochMillis now) {
  if (s.rate <= 0 || s.released_in_window < static_cast<int64_t>(s.rate)) return now;
  return AddMillis(s.window_start, kWindow);
}

}  // namespace iotjobs::jobs
