// Background work on time: execution timers, due jobs, and jobs whose counters changed
// without a decision. Each sweep lists what is due in every account, then runs one
// transaction body (transactions/timers.h) per item in that item's account.
#include <atomic>
#include <memory>
#include <mutex>

#include "common/log.h"
#include "service/count_sweep.h"
#include "service/service.h"
#include "service/transactions/dynamic_thing_groups.h"
#include "service/transactions/timers.h"

namespace iotjobs::service {
namespace {
constexpr int kTimersPerSweep = 1000;
constexpr int kJobsPerSweep = 100;
constexpr int kFillsPerSweep = 100;
constexpr int kCountChangesPerSweep = 1000;  // per writer

// Calls `done(count)` once `n` callbacks have arrived.
struct Countdown {
  std::atomic<int> remaining;
  std::atomic<int> count{0};
  std::function<void(int)> done;
  void Arrive(bool counted) {
    if (counted) count.fetch_add(1);
    if (remaining.fetch_sub(1) == 1) done(count.load());
  }
};
}  // namespace

void Service::DecideChangedJobs(EpochMillis now, CountWatermarks after,
                                std::function<void(bool, CountWatermarks)> done) {
  OperationContext sweep{{region_, /*account_id=*/""}, now};
  RunRead<std::vector<store::JobCountChange>>(
      store_, /*account_id=*/"",
      [sweep, after](store::ReadTransaction& tx) {
        return transactions::ChangedJobCounts(tx, after, {kCountChangesPerSweep}, sweep);
      },
      [this, now, after, done = std::move(done)](
          Result<std::vector<store::JobCountChange>> changes) mutable {
        if (!changes.ok() || changes->empty()) {
          if (!changes.ok()) {
            IOTJOBS_LOG(kWarn) << "jobs: cannot list changed counters: "
                               << changes.status().ToString();
          }
          done(false, std::move(after));
          return;
        }
        // One decision per job, however many writers changed it (CountSweep).
        struct Sweep {
          explicit Sweep(std::vector<store::JobCountChange> changes)
              : counts(std::move(changes), kCountChangesPerSweep) {}
          std::mutex mu;
          CountSweep counts;
          CountWatermarks after;
          int remaining = 0;
          bool changed = false;
          std::function<void(bool, CountWatermarks)> done;
        };
        auto s = std::make_shared<Sweep>(std::move(*changes));
        s->after = std::move(after);
        s->done = std::move(done);
        s->remaining = static_cast<int>(s->counts.jobs().size());
        for (const auto& [key, listed] : s->counts.jobs()) {
          OperationContext op{{region_, key.first}, now};
          this->Write<bool>(
              key.first,
              [job_id = key.second, op](store::WriteTransaction& tx) {
                return transactions::DecideChangedJob(tx, job_id, op);
              },
              Callback<bool>([s, listed = &listed](Result<bool> r) {
                std::unique_lock lock(s->mu);
                if (!r.ok()) {
                  IOTJOBS_LOG(kWarn) << "jobs: " << r.status().ToString();
                  s->counts.Failed(*listed);
                } else if (*r) {
                  s->changed = true;
                }
                if (--s->remaining > 0) return;
                s->counts.Advance(s->after);
                auto finish = std::move(s->done);
                bool found = s->changed || s->counts.more();
                CountWatermarks next = std::move(s->after);
                lock.unlock();
                finish(found, std::move(next));
              }));
        }
      });
}

void Service::ProgressDueJobs(EpochMillis now, std::function<void(int)> done) {
  OperationContext sweep{{region_, /*account_id=*/""}, now};
  RunRead<std::vector<store::DueJob>>(
      store_, /*account_id=*/"",
      [sweep](store::ReadTransaction& tx) {
        return transactions::DueJobs(tx, {kJobsPerSweep}, sweep);
      },
      [this, now, done = std::move(done)](Result<std::vector<store::DueJob>> due) {
        if (!due.ok() || due->empty()) {
          if (!due.ok()) {
            IOTJOBS_LOG(kWarn) << "jobs: cannot list due jobs: " << due.status().ToString();
          }
          done(0);
          return;
        }
        auto countdown = std::make_shared<Countdown>();
        countdown->remaining = static_cast<int>(due->size());
        countdown->done = done;
        for (store::DueJob& job : *due) {
          std::string account = job.account_id;
          OperationContext op{{region_, account}, now};
          this->Write<Empty>(
              account,
              [job = std::move(job), op](store::WriteTransaction& tx) {
                return transactions::ProgressDueJob(tx, job, op);
              },
              Callback<Empty>([countdown](Result<Empty> r) {
                if (!r.ok()) IOTJOBS_LOG(kWarn) << "jobs: " << r.status().ToString();
                countdown->Arrive(true);
              }));
        }
      });
}

void Service::TimeOutDueExecutions(EpochMillis now, std::function<void(int)> done) {
  OperationContext sweep{{region_, /*account_id=*/""}, now};
  RunRead<std::vector<store::DueTimer>>(
      store_, /*account_id=*/"",
      [sweep](store::ReadTransaction& tx) {
        return transactions::DueTimers(tx, {kTimersPerSweep}, sweep);
      },
      [this, now, done = std::move(done)](Result<std::vector<store::DueTimer>> due) {
        if (!due.ok() || due->empty()) {
          if (!due.ok()) {
            IOTJOBS_LOG(kWarn) << "timers: cannot list due timers: " << due.status().ToString();
          }
          done(0);
          return;
        }
        auto countdown = std::make_shared<Countdown>();
        countdown->remaining = static_cast<int>(due->size());
        countdown->done = done;
        for (store::DueTimer& timer : *due) {
          std::string account = timer.account_id;
          OperationContext op{{region_, account}, now};
          this->Write<bool>(
              account,
              [timer = std::move(timer), op](store::WriteTransaction& tx) {
                return transactions::TimeOutExecution(tx, timer, op);
              },
              Callback<bool>([countdown](Result<bool> r) {
                if (!r.ok()) IOTJOBS_LOG(kWarn) << "timers: " << r.status().ToString();
                countdown->Arrive(r.ok() && *r);
              }));
        }
      });
}

// One batch per filling group per sweep: a group over a large fleet takes many sweeps, each
// batch its own short transaction, and the worker sweeps again at once while work remains.
void Service::FillDynamicGroups(EpochMillis now, std::function<void(int)> done) {
  OperationContext sweep{{region_, /*account_id=*/""}, now};
  RunRead<std::vector<store::DueFill>>(
      store_, /*account_id=*/"",
      [sweep](store::ReadTransaction& tx) {
        return transactions::FillingGroups(tx, kFillsPerSweep, sweep);
      },
      [this, now, done = std::move(done)](Result<std::vector<store::DueFill>> due) {
        if (!due.ok() || due->empty()) {
          if (!due.ok()) {
            IOTJOBS_LOG(kWarn) << "dynamic groups: cannot list fills: "
                               << due.status().ToString();
          }
          done(0);
          return;
        }
        auto countdown = std::make_shared<Countdown>();
        countdown->remaining = static_cast<int>(due->size());
        countdown->done = done;
        for (store::DueFill& fill : *due) {
          std::string account = fill.account_id;
          OperationContext op{{region_, account}, now};
          this->Write<bool>(
              account,
              [fill = std::move(fill), op](store::WriteTransaction& tx) {
                return transactions::FillDynamicGroup(tx, fill, op);
              },
              Callback<bool>([countdown](Result<bool> r) {
                if (!r.ok()) IOTJOBS_LOG(kWarn) << "dynamic groups: " << r.status().ToString();
                countdown->Arrive(r.ok() && *r);
              }));
        }
      });
}

}  // namespace iotjobs::service
