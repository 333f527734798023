#pragma once

#include <atomic>
#include <functional>
#include <mutex>

#include "common/background_loop.h"
#include "common/clock.h"
#include "service/service.h"

namespace iotjobs::service {

// Runs the service's background sweeps on its own thread, once per `period`, or at once
// again while work was found: execution timers, then due jobs (scheduled starts and ends,
// rollouts, deletions), then a batch of each dynamic thing group being filled, then the jobs
// whose counters changed without a decision (several instances on one database:
// store::JobDecisions::kFolded). Everything they act on is stored, so a restart loses nothing;
// timers
// fire up to one period late, within AWS's "up to 60 seconds later" for timeouts.
class TimerWorker {
 public:
  TimerWorker(Service& service, const Clock& clock, std::chrono::milliseconds period);
  ~TimerWorker();
  TimerWorker(const TimerWorker&) = delete;
  TimerWorker& operator=(const TimerWorker&) = delete;

  void Start();
  void Stop();

  // Runs one sweep now, at the clock's time, and calls `done` when it finished. Thread-safe;
  // used by the test clock so tests see a timer's effect as soon as they move time.
  void SweepNow(std::function<void()> done);

  // Sweep or not: of several instances on one database, only the holder of the background
  // lease sweeps (service::LeaseKeeper). Active from the start.
  void SetActive(bool active);

 private:
  // One sweep; `done` gets whether any work was found.
  void Sweep(std::function<void(bool)> done);

  Service& service_;
  const Clock& clock_;
  std::chrono::milliseconds period_;
  std::atomic<bool> active_{true};
  // How far each writer's counter changes were looked at (Service::DecideChangedJobs); kept in
  // memory and forgotten when this instance takes the lease over, so that a new holder looks
  // at every change once.
  std::mutex marks_mu_;
  Service::CountWatermarks marks_;
  BackgroundLoop loop_;
};

}  // namespace iotjobs::service
