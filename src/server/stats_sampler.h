#pragma once

#include <chrono>

#include "common/background_loop.h"
#include "common/clock.h"
#include "store/store.h"

namespace iotjobs::server {

// Keeps the metrics that count stored data (jobs and executions per status, the outbox's
// depth and oldest message, the timers pending) up to date, by reading them from the store
// every `period` on a thread of its own.
//
// Why sampled rather than computed per scrape or kept as live counters: counting per scrape
// would let anyone who can reach /metrics (open by default) make the store scan the jobs
// table as often as they like, and the scan would run on an HTTP thread; live gauges updated
// by every write would have to be exact across instances sharing one PostgreSQL database and
// across restarts, which only the store itself knows. So the store's own numbers are read at
// a fixed pace: one pass over the jobs table (whose per-job counters n_queued, ... already
// give the executions per status, so the executions table is never scanned), a COUNT of the
// outbox (short while the broker keeps up) and two counts on the timer worker's partial
// indexes. Scrapes only read the cached gauges; iotjobs_store_stats_sampled_timestamp_seconds
// says how fresh they are.
class StatsSampler {
 public:
  StatsSampler(store::Store& store, const Clock& clock, std::chrono::milliseconds period);
  ~StatsSampler();
  StatsSampler(const StatsSampler&) = delete;
  StatsSampler& operator=(const StatsSampler&) = delete;

  void Start();
  void Stop();

  // One sample now, on the calling thread.
  void Sample();

 private:
  store::Store& store_;
  const Clock& clock_;
  const std::chrono::milliseconds period_;
  BackgroundLoop loop_;
};

}  // namespace iotjobs::server
