#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

// Counts over EVERY account, for the server's metrics (GET /metrics): read by a sampler
// thread every few seconds, never per request or per scrape (see server/stats_sampler.h).
namespace iotjobs::store {

struct StoreStats {
  // Jobs per job status ("IN_PROGRESS", ...); statuses without jobs are absent.
  std::vector<std::pair<std::string, int64_t>> jobs_by_status;
  // Executions per execution status, summed from the per-job counters the jobs table keeps
  // (n_queued, ...), so the executions table is never scanned.
  std::vector<std::pair<std::string, int64_t>> executions_by_status;
  int64_t outbox_depth = 0;                  // messages not yet acknowledged by the broker
  std::optional<EpochMillis> outbox_oldest;  // when the oldest of them was written
  // Execution timeouts armed plus jobs with a scheduled action (start, end, rollout step,
  // deletion): both counted on the partial indexes the timer worker uses.
  int64_t timers_pending = 0;
};

class StatsReads {
 public:
  virtual ~StatsReads() = default;
  virtual Result<StoreStats> ReadStats() = 0;
};

}  // namespace iotjobs::store
