#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace iotjobs {

// A thread that runs a step again and again, waiting between steps for as long as the step
// asks, or until Wake() or Stop(). The server's background work (the timer sweeps, the
// outbox relay, the lease keeper) runs on these. Their steps wait for store commits, which
// is why each has a thread of its own rather than a timer on the HTTP threads' io_context:
// a step there would hold an HTTP thread for the length of a commit.
class BackgroundLoop {
 public:
  // Runs on the loop's thread. `woken`: whether Wake() ended the wait before this step
  // (false when the wait's time ran out). Returns how long to wait before the next step;
  // zero runs it again at once.
  using Step = std::function<std::chrono::milliseconds(bool woken)>;

  BackgroundLoop() = default;
  ~BackgroundLoop() { Stop(); }
  BackgroundLoop(const BackgroundLoop&) = delete;
  BackgroundLoop& operator=(const BackgroundLoop&) = delete;

  // Starts the thread; the first step runs after `first_wait` (or a Wake).
  void Start(Step step, std::chrono::milliseconds first_wait = std::chrono::milliseconds(0));
  // Ends the current wait (or the next one, if a step is running).
  void Wake();
  // Ends the loop after the step in progress and joins the thread. Returns true on the first
  // call (started or not), false after.
  bool Stop();

 private:
  void Run(std::chrono::milliseconds first_wait);

  Step step_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;  // GUARDED_BY(mu_)
  bool woken_ = false;     // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace iotjobs
