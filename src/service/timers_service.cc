// Execution timers: an IN_PROGRESS execution whose in-progress timer (timeoutConfig) or step
// timer (stepTimeoutInMinutes) ran out becomes TIMED_OUT, through the same state machine and
// with the same retry, abort and completion rules as any other change.
#include <atomic>
#include <memory>

#include "common/log.h"
#include "service/job_progress.h"
#include "service/service.h"

namespace iotjobs::service {
namespace {
constexpr int kTimersPerSweep = 1000;
constexpr int kJobsPerSweep = 100;
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
        auto remaining = std::make_shared<std::atomic<int>>(static_cast<int>(due->size()));
        int count = static_cast<int>(due->size());
        for (store::DueJob& job : *due) {
          std::string account = job.account_id;
          store_.Write(
              account,
              [job_id = std::move(job.job_id), now](store::WriteTransaction& tx) {
                return ProgressJob(tx, job_id, now);
              },
              [remaining, count, done](Status s) {
                if (!s.ok()) IOTJOBS_LOG(kWarn) << "jobs: " << s.ToString();
                if (remaining->fetch_sub(1) == 1) done(count);
              });
        }
      });
}

void Service::TimeOutDueExecutions(EpochMillis now, std::function<void(int)> done) {
  RunRead<std::vector<store::DueTimer>>(
      store_, /*account_id=*/"",
      [now](store::ReadTransaction& tx) { return tx.ListDueTimers(now, kTimersPerSweep); },
      [this, now, done = std::move(done)](Result<std::vector<store::DueTimer>> due) {
        if (!due.ok()) {
          IOTJOBS_LOG(kWarn) << "timers: cannot list due timers: " << due.status().ToString();
          done(0);
          return;
        }
        if (due->empty()) {
          done(0);
          return;
        }
        auto remaining = std::make_shared<std::atomic<int>>(static_cast<int>(due->size()));
        auto timed_out = std::make_shared<std::atomic<int>>(0);
        for (store::DueTimer& timer : *due) {
          std::string account = timer.account_id;
          store_.Write(
              account,
              [timer = std::move(timer), now, timed_out](store::WriteTransaction& tx) -> Status {
                IOTJOBS_ASSIGN_OR_RETURN(
                    auto e, tx.GetExecution(timer.job_id, timer.thing_name, timer.execution_number));
                if (!e) return Status::Ok();  // deleted meanwhile
                if (e->status != jobs::ExecutionStatus::kInProgress) {
                  // A timer left on an execution that is not running: stop it.
                  e->in_progress_timeout_at.reset();
                  e->step_timeout_at.reset();
                  return tx.UpdateExecution(*e);
                }
                IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(timer.job_id));
                if (!job) return Status::Ok();
                IOTJOBS_RETURN_IF_ERROR(
                    ApplyExecutionEvent(tx, *job, *e, jobs::ExecutionEvent::kTimeOut, now));
                timed_out->fetch_add(1);
                return Status::Ok();
              },
              [remaining, timed_out, done](Status s) {
                if (!s.ok()) IOTJOBS_LOG(kWarn) << "timers: " << s.ToString();
                if (remaining->fetch_sub(1) == 1) done(timed_out->load());
              });
        }
      });
}

}  // namespace iotjobs::service
