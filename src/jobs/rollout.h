#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"
#include "jobs/job_configs.h"

// How a job's executions are released: the things its targets stand for are walked in a
// fixed order (the direct thing targets, then each thing group of the target trees, member by
// member), and executions are created as fast as jobExecutionsRolloutConfig allows — all at
// once without a config, maximumPerMinute per minute, or an exponential rate that grows by
// incrementFactor each time rateIncreaseCriteria is met (docs/aws-behaviour.md, "Rollout").
// The walk's position is stored with the job, so a restart continues where it stopped.
namespace iotjobs::jobs {

struct RolloutState {
  std::vector<std::string> things;  // direct thing targets not released yet
  std::vector<std::string> groups;  // every group of the target trees, in walk order
  size_t group_index = 0;
  std::string after_thing;          // keyset position inside groups[group_index]
  // Things that joined a continuous job's target groups while its maintenance windows were
  // closed: released when the next window opens, if they are still targets then.
  std::vector<std::string> joined;
  // The rate window: at most `rate` releases per minute from window_start.
  EpochMillis window_start = 0;
  int64_t released_in_window = 0;
  double rate = 0;                  // per minute; 0: unlimited
  int64_t notified_since_increase = 0;
  int64_t succeeded_at_increase = 0;

  bool Done() const {
    return things.empty() && group_index >= groups.size() && joined.empty();
  }
};

// The starting state for a job's rollout at `now`.
RolloutState StartRollout(std::vector<std::string> things, std::vector<std::string> groups,
                          const std::optional<JobExecutionsRolloutConfig>& config, EpochMillis now);

// How many executions may be released at `now` (INT64_MAX without a rate). Opens a new
// one-minute window when the last one ended, and raises an exponential rate when its
// criteria are met (`succeeded`: the job's numberOfSucceededThings).
int64_t ReleaseAllowance(RolloutState& state,
                         const std::optional<JobExecutionsRolloutConfig>& config, int64_t succeeded,
                         EpochMillis now);

// Records `n` releases.
void RecordReleases(RolloutState& state, int64_t n);

// When releasing can continue: now while the window has room, else when it ends.
EpochMillis NextReleaseAt(const RolloutState& state, EpochMillis now);

}  // namespace iotjobs::jobs
