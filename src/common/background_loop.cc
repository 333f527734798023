#include "common/background_loop.h"

namespace iotjobs {

void BackgroundLoop::Start(Step step, std::chrono::milliseconds first_wait) {
  step_ = std::move(step);
  thread_ = std::thread([this, first_wait] { Run(first_wait); });
}

void BackgroundLoop::Wake() {
  {
    std::lock_guard lock(mu_);
    woken_ = true;
  }
  cv_.notify_all();
}

bool BackgroundLoop::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopping_) return false;
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  return true;
}

void BackgroundLoop::Run(std::chrono::milliseconds wait) {
  std::unique_lock lock(mu_);
  for (;;) {
    if (wait.count() > 0) cv_.wait_for(lock, wait, [this] { return stopping_ || woken_; });
    if (stopping_) return;
    const bool woken = woken_;
    woken_ = false;
    lock.unlock();
    wait = step_(woken);
    lock.lock();
  }
}

}  // namespace iotjobs
