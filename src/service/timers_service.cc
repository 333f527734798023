// Background work on time: execution timers (an IN_PROGRESS execution whose in-progress or
// step timer ran out becomes TIMED_OUT) and due jobs (scheduled starts and ends, rollouts,
// deletions), through the same state machine and rules as any other change.
#include <atomic>
#include <memory>

#include "common/log.h"
#include "service/job_progress.h"
#include "service/service.h"

namespace iotjobs::service {
namespace {
constexpr int kTimersPerSweep = 1000;
constexpr int kJobsPerSweep = 100;

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
  RunRead<std::vector<store::DueJob>>(
      store_, /*account_id=*/"",
      [now](store::ReadTransaction& tx) { return tx.ListDueJobs(now, kJobsPerSweep); },
      [this, now, done = std::move(done)](Result<std::vector<store::DueJob>> due) {
        if (!due.ok() || due->empty()) {
          if (!due.ok()) IOTJOBS_LOG(kWarn) << "jobs: cannot list due jobs: " << due.status().ToString();
          done(0);
          return;
        }
        auto countdown = std::make_shared<Countdown>();
        countdown->remaining = static_cast<int>(due->size());
        countdown->done = done;
        for (store::DueJob& job : *due) {
          this->Write<Empty>(
              job.account_id,
              [job_id = std::move(job.job_id), now](store::WriteTransaction& tx) -> Result<Empty> {
                IOTJOBS_RETURN_IF_ERROR(ProgressJob(tx, job_id, now));
                return Empty{};
              },
              Callback<Empty>([countdown](Result<Empty> r) {
                if (!r.ok()) IOTJOBS_LOG(kWarn) << "jobs: " << r.status().ToString();
                countdown->Arrive(true);
              }));
        }
      });
}

void Service::TimeOutDueExecutions(EpochMillis now, std::function<void(int)> done) {
  RunRead<std::vector<store::DueTimer>>(
      store_, /*account_id=*/"",
      [now](store::ReadTransaction& tx) { return tx.ListDueTimers(now, kTimersPerSweep); },
      [this, now, done = std::move(done)](Result<std::vector<store::DueTimer>> due) {
        if (!due.ok() || due->empty()) {
          if (!due.ok()) IOTJOBS_LOG(kWarn) << "timers: cannot list due timers: " << due.status().ToString();
          done(0);
          return;
        }
        auto countdown = std::make_shared<Countdown>();
        countdown->remaining = static_cast<int>(due->size());
        countdown->done = done;
        for (store::DueTimer& timer : *due) {
          std::string account = timer.account_id;
          this->Write<bool>(
              account,
              [timer = std::move(timer), now](store::WriteTransaction& tx) -> Result<bool> {
                IOTJOBS_ASSIGN_OR_RETURN(
                    auto e, tx.GetExecution(timer.job_id, timer.thing_name, timer.execution_number));
                if (!e) return false;  // deleted meanwhile
                if (e->status != jobs::ExecutionStatus::kInProgress) {
                  // A timer left on an execution that is not running: stop it.
                  e->in_progress_timeout_at.reset();
                  e->step_timeout_at.reset();
                  IOTJOBS_RETURN_IF_ERROR(tx.UpdateExecution(*e));
                  return false;
                }
                IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(timer.job_id));
                if (!job) return false;
                IOTJOBS_RETURN_IF_ERROR(
                    ApplyExecutionEvent(tx, *job, *e, jobs::ExecutionEvent::kTimeOut, now));
                return true;
              },
              Callback<bool>([countdown](Result<bool> r) {
                if (!r.ok()) IOTJOBS_LOG(kWarn) << "timers: " << r.status().ToString();
                countdown->Arrive(r.ok() && *r);
              }));
        }
      });
}

}  // namespace iotjobs::service
