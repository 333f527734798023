// What a job's configurations decide when one of its executions finishes, in the same
// transaction as the device's update (service/job_progress.h): retries
// (jobExecutionsRetryConfig), the abort criteria (abortConfig), snapshot completion, and the
// in-progress timeout that a later UpdateJob changes.
#include "service/transactions/device.h"
#include "service/transactions/jobs.h"

#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using jobs::ExecutionStatus;
using jobs::JobProcessDetails;
using jobs::JobStatus;
using jobs::TargetSelection;

constexpr int64_t kMinute = 60'000;

class ExecutionOutcomesTest : public TransactionTest {
 protected:
  // A job on the things, with `change` applied to its CreateJob request.
  template <typename Change>
  void CreateJobWith(const std::string& job_id, const std::vector<std::string>& things,
                     Change change) {
    std::vector<std::string> arns;
    for (const auto& t : things) arns.push_back(ThingArn(t));
    CreateJobRequest req = JobRequest(job_id, arns);
    change(req.job);
    CreateJobOk(req);
  }
  void Finish(const std::string& thing, ExecutionStatus status, EpochMillis now = kT0) {
    auto r = Report("job-1", thing, status, now);
    ASSERT_TRUE(r.ok()) << thing << ": " << r.status().message();
  }
};

TEST_F(ExecutionOutcomesTest, AFailedExecutionIsRetriedAsManyTimesAsTheConfigAllows) {
  AddThings({"t1"});
  CreateJobWith("job-1", {"t1"}, [](jobs::Job& j) {
    j.retry_config = jobs::JobExecutionsRetryConfig{{{"FAILED", 2}}};
  });
  Finish("t1", ExecutionStatus::kFailed, kT0 + 1);
  auto retry = StoredExecution("job-1", "t1");
  EXPECT_EQ(retry->execution_number, 2);
  EXPECT_EQ(retry->status, ExecutionStatus::kQueued);
  EXPECT_EQ(retry->retry_attempt, 1);
  EXPECT_EQ(retry->queued_at, kT0 + 1);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.failed = 1, .queued = 1}));

  Finish("t1", ExecutionStatus::kFailed);
  EXPECT_EQ(StoredExecution("job-1", "t1")->execution_number, 3);
  EXPECT_EQ(StoredExecution("job-1", "t1")->retry_attempt, 2);
  // The third failure used up both retries: the job is done.
  Finish("t1", ExecutionStatus::kFailed);
  EXPECT_EQ(StoredExecution("job-1", "t1")->execution_number, 3);
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.process_details, (JobProcessDetails{.failed = 3}));
  EXPECT_EQ(job.status, JobStatus::kCompleted);
}

TEST_F(ExecutionOutcomesTest, RejectedAndSucceededAreNeverRetried) {
  AddThings({"t1", "t2"});
  CreateJobWith("job-1", {"t1", "t2"}, [](jobs::Job& j) {
    j.retry_config = jobs::JobExecutionsRetryConfig{{{"ALL", 5}}};
  });
  Finish("t1", ExecutionStatus::kRejected);
  Finish("t2", ExecutionStatus::kSucceeded);
  EXPECT_EQ(StoredExecution("job-1", "t1")->execution_number, 1);
  EXPECT_EQ(StoredExecution("job-1", "t2")->execution_number, 1);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.succeeded = 1, .rejected = 1}));
}

TEST_F(ExecutionOutcomesTest, ARetryForTimeoutsOnlyDoesNotRetryAFailure) {
  AddThings({"t1"});
  CreateJobWith("job-1", {"t1"}, [](jobs::Job& j) {
    j.retry_config = jobs::JobExecutionsRetryConfig{{{"TIMED_OUT", 3}}};
  });
  Finish("t1", ExecutionStatus::kFailed);
  EXPECT_EQ(StoredExecution("job-1", "t1")->execution_number, 1);
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kCompleted);
}

TEST_F(ExecutionOutcomesTest, MeetingTheAbortCriteriaCancelsTheJobAndItsQueuedExecutions) {
  AddThings({"t1", "t2", "t3", "t4"});
  CreateJobWith("job-1", {"t1", "t2", "t3", "t4"}, [](jobs::Job& j) {
    j.abort_config = jobs::AbortConfig{{{"FAILED", "CANCEL", 50, 2}}};
  });
  Finish("t3", ExecutionStatus::kInProgress);
  // One failure out of one executed: 100%, but fewer than minNumberOfExecutedThings.
  Finish("t1", ExecutionStatus::kFailed, kT0 + 1);
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kInProgress);
  // One failure out of two executed: 50% reaches thresholdPercentage.
  Finish("t2", ExecutionStatus::kSucceeded, kT0 + 2);
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.status, JobStatus::kCanceled);
  EXPECT_EQ(job.last_updated_at, kT0 + 2);
  EXPECT_FALSE(job.force_canceled);
  // t4 was QUEUED and is canceled; t3 keeps running.
  EXPECT_EQ(job.process_details,
            (JobProcessDetails{.canceled = 1, .succeeded = 1, .failed = 1, .in_progress = 1}));
  EXPECT_EQ(StoredExecution("job-1", "t4")->status, ExecutionStatus::kCanceled);
  EXPECT_EQ(StoredExecution("job-1", "t3")->status, ExecutionStatus::kInProgress);
  // The running execution may still finish; the job stays canceled.
  Finish("t3", ExecutionStatus::kSucceeded);
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kCanceled);
  EXPECT_EQ(StoredJob("job-1").process_details,
            (JobProcessDetails{.canceled = 1, .succeeded = 2, .failed = 1}));
}

TEST_F(ExecutionOutcomesTest, TheFailureThatAbortsTheJobIsNotRetried) {
  AddThings({"t1", "t2"});
  CreateJobWith("job-1", {"t1", "t2"}, [](jobs::Job& j) {
    j.abort_config = jobs::AbortConfig{{{"FAILED", "CANCEL", 50, 1}}};
    j.retry_config = jobs::JobExecutionsRetryConfig{{{"FAILED", 3}}};
  });
  Finish("t1", ExecutionStatus::kFailed);
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.status, JobStatus::kCanceled);
  // t2 canceled; no second attempt of t1 was queued (and canceled) behind the abort.
  EXPECT_EQ(job.process_details, (JobProcessDetails{.canceled = 1, .failed = 1}));
  EXPECT_EQ(StoredExecution("job-1", "t1")->execution_number, 1);
}

TEST_F(ExecutionOutcomesTest, AJobBetweenMaintenanceWindowsStillAborts) {
  AddThings({"t1", "t2"});
  CreateJobWith("job-1", {"t1", "t2"}, [](jobs::Job& j) {
    j.abort_config = jobs::AbortConfig{{{"FAILED", "CANCEL", 50, 1}}};
  });
  jobs::Job job = StoredJob("job-1");
  job.status = JobStatus::kScheduled;  // as when its window closes (job.rollout_started)
  ASSERT_TRUE(Write([&](auto& tx) -> Result<bool> {
                IOTJOBS_RETURN_IF_ERROR(tx.UpdateJob(job));
                return true;
              }).ok());
  Finish("t1", ExecutionStatus::kFailed);
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kCanceled);
  EXPECT_EQ(StoredExecution("job-1", "t2")->status, ExecutionStatus::kCanceled);
}

TEST_F(ExecutionOutcomesTest, BelowTheThresholdTheJobGoesOn) {
  AddThings({"t1", "t2", "t3", "t4"});
  CreateJobWith("job-1", {"t1", "t2", "t3", "t4"}, [](jobs::Job& j) {
    j.abort_config = jobs::AbortConfig{{{"ALL", "CANCEL", 50, 3}}};
  });
  Finish("t1", ExecutionStatus::kRejected);
  Finish("t2", ExecutionStatus::kSucceeded);
  Finish("t3", ExecutionStatus::kSucceeded);  // 1 of 3: 33% < 50%
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kInProgress);
  Finish("t4", ExecutionStatus::kFailed);  // 2 of 4: 50%, but nothing is left to cancel
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kCanceled);
  EXPECT_EQ(StoredJob("job-1").process_details,
            (JobProcessDetails{.succeeded = 2, .failed = 1, .rejected = 1}));
}

TEST_F(ExecutionOutcomesTest, AContinuousJobDoesNotCompleteWhenItsExecutionsFinish) {
  AddThings({"t1"});
  CreateJobWith("job-1", {"t1"}, [](jobs::Job& j) {
    j.target_selection = TargetSelection::kContinuous;
  });
  Finish("t1", ExecutionStatus::kSucceeded);
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.status, JobStatus::kInProgress);
  EXPECT_FALSE(job.completed_at.has_value());
  EXPECT_EQ(job.process_details, (JobProcessDetails{.succeeded = 1}));
}

TEST_F(ExecutionOutcomesTest, ANewTimeoutAppliesToExecutionsThatStartAfterIt) {
  AddThings({"t1", "t2"});
  CreateJobWith("job-1", {"t1", "t2"}, [](jobs::Job& j) { j.timeout_config = jobs::TimeoutConfig{10}; });
  Finish("t1", ExecutionStatus::kInProgress, kT0);
  UpdateJobRequest update;
  update.job_id = "job-1";
  update.timeout_config = jobs::TimeoutConfig{60};
  ASSERT_TRUE(Write([&](auto& tx) { return transactions::UpdateJob(tx, update, Op()); }).ok());
  Finish("t2", ExecutionStatus::kInProgress, kT0 + 1);
  EXPECT_EQ(StoredExecution("job-1", "t1")->in_progress_timeout_at, kT0 + 10 * kMinute);
  EXPECT_EQ(StoredExecution("job-1", "t2")->in_progress_timeout_at, kT0 + 1 + 60 * kMinute);
  // Reporting IN_PROGRESS again does not restart the timer.
  Finish("t1", ExecutionStatus::kInProgress, kT0 + 5);
  EXPECT_EQ(StoredExecution("job-1", "t1")->in_progress_timeout_at, kT0 + 10 * kMinute);
}

}  // namespace
}  // namespace iotjobs::service
