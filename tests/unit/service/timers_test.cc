// The background work on execution timers (service/transactions/timers.h): which timers are
// due at the sweep's time, and an IN_PROGRESS execution timing out through the state machine
// (in-progress timeout and step timeout), with what that decides for the job.
#include "service/transactions/timers.h"

#include "service/transactions/executions.h"
#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using jobs::ExecutionStatus;
using jobs::JobProcessDetails;
using jobs::JobStatus;
using transactions::DueTimers;
using transactions::TimeOutExecution;

constexpr int64_t kMinute = 60'000;

class TimersTest : public TransactionTest {
 protected:
  // A job on the things with an in-progress timeout, `change` applied to its request.
  template <typename Change>
  void JobWithTimeout(const std::vector<std::string>& things, int64_t minutes, Change change) {
    std::vector<std::string> arns;
    for (const auto& t : things) arns.push_back(ThingArn(t));
    CreateJobRequest req = JobRequest("job-1", arns);
    req.job.timeout_config = jobs::TimeoutConfig{minutes};
    change(req.job);
    CreateJobOk(req);
  }
  void JobWithTimeout(const std::vector<std::string>& things, int64_t minutes) {
    JobWithTimeout(things, minutes, [](jobs::Job&) {});
  }
  std::vector<store::DueTimer> Due(EpochMillis now) {
    auto due = Read([&](auto& tx) { return DueTimers(tx, {100}, Op(now)); });
    EXPECT_TRUE(due.ok()) << due.status().message();
    return due.ok() ? *due : std::vector<store::DueTimer>{};
  }
  // Runs TimeOutExecution for every timer due at `now`; returns how many timed out.
  int Sweep(EpochMillis now) {
    int timed_out = 0;
    for (const auto& timer : Due(now)) {
      auto r = Write([&](auto& tx) { return TimeOutExecution(tx, timer, Op(now)); });
      EXPECT_TRUE(r.ok()) << r.status().message();
      timed_out += r.ok() && *r;
    }
    return timed_out;
  }
};

TEST_F(TimersTest, ATimerIsDueFromItsTimeOn) {
  AddThings({"t1", "t2"});
  JobWithTimeout({"t1", "t2"}, 10);
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress, kT0).ok());
  EXPECT_TRUE(Due(kT0 + 10 * kMinute - 1).empty());
  auto due = Due(kT0 + 10 * kMinute);
  ASSERT_EQ(due.size(), 1u);  // t2 never started: no timer
  EXPECT_EQ(due[0].account_id, kAccount);
  EXPECT_EQ(due[0].job_id, "job-1");
  EXPECT_EQ(due[0].thing_name, "t1");
  EXPECT_EQ(due[0].execution_number, 1);
}

TEST_F(TimersTest, TheInProgressTimeoutTimesTheExecutionOut) {
  AddThings({"t1", "t2"});
  JobWithTimeout({"t1", "t2"}, 10);
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress, kT0).ok());
  EXPECT_EQ(Sweep(kT0 + 10 * kMinute - 1), 0);
  EXPECT_EQ(Sweep(kT0 + 10 * kMinute), 1);
  auto e = StoredExecution("job-1", "t1");
  EXPECT_EQ(e->status, ExecutionStatus::kTimedOut);
  EXPECT_EQ(e->version_number, 3);
  EXPECT_EQ(e->last_updated_at, kT0 + 10 * kMinute);
  EXPECT_FALSE(e->in_progress_timeout_at.has_value());
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.queued = 1, .timed_out = 1}));
  EXPECT_TRUE(Due(kT0 + 20 * kMinute).empty());
  // A timed-out execution is terminal: the device can no longer finish it.
  EXPECT_EQ(Report("job-1", "t1", ExecutionStatus::kSucceeded).status().code(),
            ErrorCode::kInvalidStateTransition);
}

TEST_F(TimersTest, TheStepTimeoutTimesTheExecutionOutFirst) {
  AddThings({"t1"});
  JobWithTimeout({"t1"}, 60);
  UpdateJobExecutionRequest req;
  req.job_id = "job-1";
  req.thing_name = "t1";
  req.status = ExecutionStatus::kInProgress;
  req.step_timeout_in_minutes = 2;
  ASSERT_TRUE(
      Write([&](auto& tx) { return transactions::UpdateJobExecution(tx, req, Op()); }).ok());
  EXPECT_EQ(Sweep(kT0 + 2 * kMinute), 1);
  EXPECT_EQ(StoredExecution("job-1", "t1")->status, ExecutionStatus::kTimedOut);
  // The only execution ended: the snapshot job is complete.
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.status, JobStatus::kCompleted);
  EXPECT_EQ(job.completed_at, kT0 + 2 * kMinute);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.timed_out = 1}));
}

TEST_F(TimersTest, ATimedOutExecutionIsRetriedWhenTheConfigAllows) {
  AddThings({"t1"});
  JobWithTimeout({"t1"}, 10, [](jobs::Job& j) {
    j.retry_config = jobs::JobExecutionsRetryConfig{{{"TIMED_OUT", 1}}};
  });
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress).ok());
  EXPECT_EQ(Sweep(kT0 + 10 * kMinute), 1);
  auto retry = StoredExecution("job-1", "t1");
  EXPECT_EQ(retry->execution_number, 2);
  EXPECT_EQ(retry->status, ExecutionStatus::kQueued);
  EXPECT_EQ(retry->retry_attempt, 1);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.queued = 1, .timed_out = 1}));
  // The retry times out too: no retry is left.
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress, kT0 + 11 * kMinute).ok());
  EXPECT_EQ(Sweep(kT0 + 21 * kMinute), 1);
  EXPECT_EQ(StoredExecution("job-1", "t1")->execution_number, 2);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.timed_out = 2}));
}

TEST_F(TimersTest, TimeoutsCountTowardsTheAbortCriteria) {
  AddThings({"t1", "t2"});
  JobWithTimeout({"t1", "t2"}, 10, [](jobs::Job& j) {
    j.abort_config = jobs::AbortConfig{{{"TIMED_OUT", "CANCEL", 100, 1}}};
  });
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress).ok());
  EXPECT_EQ(Sweep(kT0 + 10 * kMinute), 1);
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.status, JobStatus::kCanceled);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.canceled = 1, .timed_out = 1}));
}

TEST_F(TimersTest, ATimerOfAnExecutionThatIsNotRunningIsStopped) {
  AddThings({"t1"});
  JobWithTimeout({"t1"}, 10);
  // A timer left on a QUEUED execution (as a damaged or older store might hold).
  auto e = StoredExecution("job-1", "t1");
  e->step_timeout_at = kT0 + kMinute;
  ASSERT_TRUE(store::WriteAndWait(store(), kAccount, [&](store::WriteTransaction& tx) {
                return tx.UpdateExecution(*e);
              }).ok());
  auto due = Due(kT0 + kMinute);
  ASSERT_EQ(due.size(), 1u);
  auto r = Write([&](auto& tx) { return TimeOutExecution(tx, due[0], Op(kT0 + kMinute)); });
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(*r);
  auto after = StoredExecution("job-1", "t1");
  EXPECT_EQ(after->status, ExecutionStatus::kQueued);
  EXPECT_FALSE(after->step_timeout_at.has_value());
  EXPECT_TRUE(Due(kT0 + kMinute).empty());
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.queued = 1}));
}

TEST_F(TimersTest, ATimerOfAnExecutionDeletedMeanwhileDoesNothing) {
  AddThings({"t1"});
  JobWithTimeout({"t1"}, 10);
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress).ok());
  auto due = Due(kT0 + 10 * kMinute);
  ASSERT_EQ(due.size(), 1u);
  DeleteJobExecutionRequest del{"job-1", "t1", 1, /*force=*/true, std::nullopt};
  ASSERT_TRUE(
      Write([&](auto& tx) { return transactions::DeleteJobExecution(tx, del, Op()); }).ok());
  auto r = Write([&](auto& tx) { return TimeOutExecution(tx, due[0], Op(kT0 + 10 * kMinute)); });
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(*r);
  EXPECT_EQ(StoredJob("job-1").process_details, JobProcessDetails{});
}

}  // namespace
}  // namespace iotjobs::service
