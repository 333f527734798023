// Background work on time: execution timers and due jobs. Each sweep lists what is due in
// every account, then runs one transaction body (transactions/timers.h) per item in that
// item's account.
#include <atomic>
#include <memory>

#include "common/log.h"
#include "service/service.h"
#include "service/transactions/dynamic_thing_groups.h"
#include "service/transactions/timers.h"

namespace iotjobs::service {
namespace {
constexpr int kTimersPerSweep = 1000;
constexpr int kJobsPerSweep = 100;
constexpr int kFillsPerSweep = 100;

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
