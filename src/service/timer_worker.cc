#include "service/timer_worker.h"

#include <algorithm>
#include <future>

namespace iotjobs::service {

TimerWorker::TimerWorker(Service& service, const Clock& clock, std::chrono::milliseconds period)
    : service_(service), clock_(clock), period_(period) {}

TimerWorker::~TimerWorker() { Stop(); }

// Sweeps at once, then again at once while work was found, else after a period.
void TimerWorker::Start() {
  loop_.Start([this](bool) {
    std::promise<bool> finished;
    Sweep([&finished](bool found) { finished.set_value(found); });
    return finished.get_future().get() ? std::chrono::milliseconds(0) : period_;
  });
}

void TimerWorker::Stop() { loop_.Stop(); }

void TimerWorker::SetActive(bool active) {
  if (active && !active_.load()) {
    std::lock_guard lock(marks_mu_);
    marks_.clear();
  }
  active_.store(active);
}

void TimerWorker::Sweep(std::function<void(bool)> done) {
  if (!active_.load()) {
    done(false);
    return;
  }
  EpochMillis now = clock_.NowMillis();
  service_.TimeOutDueExecutions(now, [this, now, done = std::move(done)](int timed_out) {
    service_.ProgressDueJobs(now, [this, now, timed_out, done](int jobs) {
      service_.FillDynamicGroups(now, [this, now, timed_out, jobs, done](int filling) {
        Service::CountWatermarks marks;
        {
          std::lock_guard lock(marks_mu_);
          marks = marks_;
        }
        service_.DecideChangedJobs(
            now, std::move(marks),
            [this, timed_out, jobs, filling, done](bool decided,
                                                   Service::CountWatermarks after) {
              {
                std::lock_guard lock(marks_mu_);
                for (const auto& [shard, seq] : after) {
                  int64_t& kept = marks_[shard];
                  kept = std::max(kept, seq);
                }
              }
              done(timed_out + jobs + filling > 0 || decided);
            });
      });
    });
  });
}

namespace {

// Sweeps until nothing is due (a timeout may make a job due; a rollout step may leave more
// to do), bounded so that a test-clock request always returns. Each callback holds the
// chain alive until the last one ran.
struct SweepChain : std::enable_shared_from_this<SweepChain> {
  std::function<void(std::function<void(bool)>)> sweep;
  std::function<void()> done;
  int rounds = 0;

  void Next(bool found) {
    if (!found || ++rounds >= 1000) {
      done();
      return;
    }
    sweep([self = shared_from_this()](bool again) { self->Next(again); });
  }
};

}  // namespace

void TimerWorker::SweepNow(std::function<void()> done) {
  auto chain = std::make_shared<SweepChain>();
  chain->sweep = [this](std::function<void(bool)> next) { Sweep(std::move(next)); };
  chain->done = std::move(done);
  chain->Next(true);
}

}  // namespace iotjobs::service
