#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace iotjobs::store {

// Whether a store takes writes now: what GET /health reports, so that a load balancer or a
// service manager stops sending work to an instance whose writes fail (a full disk, an I/O
// error, a database it cannot reach) and sends it again once they succeed.
struct HealthReport {
  bool writable = true;
  std::string problem;  // why writes fail, when they do
};

// The writer thread's record of its last outcome. Writes that fail for a reason outside the
// request (kServiceUnavailable from the database) mark it failing; the next commit that
// succeeds, a request's or the writer's own probe, marks it healthy again. Read from any
// thread.
class WriteHealth {
 public:
  // How long an idle writer waits between probes while its writes fail.
  static constexpr std::chrono::seconds kProbeInterval{1};

  void Failed(std::string problem);
  void Succeeded();
  bool failing() const { return failing_.load(std::memory_order_relaxed); }
  HealthReport Report() const;

  // The writer thread's wait for work (`ready`, under `lock`). While writes fail, nobody may
  // be writing (a load balancer that saw /health fail sends nothing), so the wait lasts at
  // most kProbeInterval; then `probe` runs without the lock, to find out whether writes
  // commit again. Returns true when `ready` holds, false after a probe (wait again).
  template <typename Ready, typename Probe>
  bool WaitForWork(std::unique_lock<std::mutex>& lock, std::condition_variable& cv, Ready ready,
                   Probe probe) {
    if (!failing()) {
      cv.wait(lock, ready);
      return true;
    }
    if (cv.wait_for(lock, kProbeInterval, ready)) return true;
    lock.unlock();
    probe();
    lock.lock();
    return false;
  }

 private:
  std::atomic<bool> failing_{false};
  mutable std::mutex mu_;
  std::string problem_;  // GUARDED_BY(mu_)
};

}  // namespace iotjobs::store
