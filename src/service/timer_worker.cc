#include "service/timer_worker.h"

#include <future>

namespace iotjobs::service {

TimerWorker::TimerWorker(Service& service, const Clock& clock, std::chrono::milliseconds period)
    : service_(service), clock_(clock), period_(period) {}

TimerWorker::~TimerWorker() { Stop(); }

void TimerWorker::Start() { thread_ = std::thread([this] { Loop(); }); }

void TimerWorker::Stop() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void TimerWorker::SweepNow(std::function<void()> done) {
  service_.TimeOutDueExecutions(clock_.NowMillis(),
                                [done = std::move(done)](int) { done(); });
}

void TimerWorker::Loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    std::promise<void> finished;
    SweepNow([&finished] { finished.set_value(); });
    finished.get_future().wait();
    lock.lock();
    cv_.wait_for(lock, period_, [this] { return stopping_; });
  }
}

}  // namespace iotjobs::service
