// The background work on due jobs (service/transactions/timers.h, ProgressDueJob): scheduled
// starts and ends (schedulingConfig), rollouts (maximumPerMinute, exponential rate increase)
// and the deletion of big jobs, all driven by the sweep's op.now.
#include "service/transactions/timers.h"

#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using jobs::ExecutionStatus;
using jobs::JobProcessDetails;
using jobs::JobStatus;
using transactions::DueJobs;
using transactions::ProgressDueJob;

constexpr int64_t kMinute = 60'000;

class DueJobsTest : public TransactionTest {
 protected:
  std::vector<std::string> Due(EpochMillis now) {
    auto due = Read([&](auto& tx) { return DueJobs(tx, {100}, Op(now)); });
    EXPECT_TRUE(due.ok()) << due.status().message();
    std::vector<std::string> ids;
    if (due.ok()) {
      for (const auto& d : *due) ids.push_back(d.job_id);
    }
    return ids;
  }
  // Runs ProgressDueJob at `now` on every job due then.
  void Sweep(EpochMillis now) {
    for (const auto& id : Due(now)) {
      auto r = Write([&](auto& tx) { return ProgressDueJob(tx, {kAccount, id}, Op(now)); });
      EXPECT_TRUE(r.ok()) << r.status().message();
    }
  }
  // Sweeps at `now`; returns the job afterwards.
  jobs::Job Progress(const std::string& job_id, EpochMillis now) {
    Sweep(now);
    return StoredJob(job_id);
  }
  // Names t0 .. t<n-1>, registered.
  std::vector<std::string> Things(int n) {
    std::vector<std::string> names;
    for (int i = 0; i < n; ++i) names.push_back("t" + std::to_string(i));
    AddThings(names);
    return names;
  }
  static CreateJobRequest RequestOn(const std::vector<std::string>& things) {
    std::vector<std::string> arns;
    for (const auto& t : things) arns.push_back(ThingArn(t));
    return JobRequest("job-1", arns);
  }
  static jobs::SchedulingConfig Schedule(std::optional<std::string> start,
                                         std::optional<std::string> end,
                                         std::optional<std::string> behavior = std::nullopt) {
    return {std::move(start), std::move(end), std::move(behavior), {}};
  }
  // A job on the things rolled out at an exponential rate from one a minute.
  static CreateJobRequest ExponentialRollout(const std::vector<std::string>& things,
                                             double factor, jobs::RateIncreaseCriteria criteria) {
    auto req = RequestOn(things);
    jobs::ExponentialRolloutRate rate;
    rate.base_rate_per_minute = 1;
    rate.increment_factor = factor;
    rate.rate_increase_criteria = criteria;
    req.job.rollout_config = jobs::JobExecutionsRolloutConfig{std::nullopt, rate};
    return req;
  }
  // A job on t0 and t1 that ends at 00:30 with `behavior` while t0 runs; the job after the
  // sweep at its end.
  jobs::Job EndedWithOneRunning(const std::string& behavior) {
    auto req = RequestOn(Things(2));
    req.job.scheduling_config = Schedule(std::nullopt, "2026-01-01T00:30", behavior);
    CreateJobOk(req);
    EXPECT_TRUE(Report("job-1", "t0", ExecutionStatus::kInProgress).ok());
    return Progress("job-1", kT0 + 30 * kMinute);
  }
};

// ---- schedulingConfig ----

TEST_F(DueJobsTest, AScheduledJobStartsAtItsStartTime) {
  auto things = Things(2);
  auto req = RequestOn(things);
  req.job.scheduling_config = Schedule("2026-01-01T01:00", std::nullopt);
  CreateJobOk(req);
  EXPECT_TRUE(Due(kT0 + 60 * kMinute - 1).empty());
  jobs::Job job = Progress("job-1", kT0 + 60 * kMinute);
  EXPECT_EQ(job.status, JobStatus::kInProgress);
  EXPECT_EQ(job.last_updated_at, kT0 + 60 * kMinute);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.queued = 2}));
  EXPECT_FALSE(job.next_action_at.has_value());
  EXPECT_EQ(StoredExecution("job-1", "t0")->queued_at, kT0 + 60 * kMinute);
}

TEST_F(DueJobsTest, TheScheduledEndStopsTheRolloutAndLetsReleasedExecutionsFinish) {
  auto things = Things(4);
  auto req = RequestOn(things);
  req.job.rollout_config = jobs::JobExecutionsRolloutConfig{1, std::nullopt};
  req.job.scheduling_config = Schedule(std::nullopt, "2026-01-01T00:30");  // STOP_ROLLOUT
  CreateJobOk(req);
  EXPECT_EQ(Progress("job-1", kT0 + kMinute).process_details, (JobProcessDetails{.queued = 2}));
  ASSERT_TRUE(Report("job-1", "t0", ExecutionStatus::kSucceeded).ok());
  // The sweep at the end time first releases what the open rollout window allows (t2), then
  // applies the end: t3 is never released.
  jobs::Job job = Progress("job-1", kT0 + 30 * kMinute);
  EXPECT_TRUE(job.scheduled_end_applied);
  EXPECT_FALSE(job.rollout.has_value());
  EXPECT_EQ(job.status, JobStatus::kInProgress);  // t1 and t2 may still run
  EXPECT_EQ(job.process_details, (JobProcessDetails{.succeeded = 1, .queued = 2}));
  EXPECT_FALSE(StoredExecution("job-1", "t3").has_value());
  EXPECT_FALSE(job.next_action_at.has_value());
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kSucceeded, kT0 + 31 * kMinute).ok());
  ASSERT_TRUE(Report("job-1", "t2", ExecutionStatus::kSucceeded, kT0 + 31 * kMinute).ok());
  job = StoredJob("job-1");
  EXPECT_EQ(job.status, JobStatus::kCompleted);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.succeeded = 3}));
}

TEST_F(DueJobsTest, AContinuousJobCompletesAfterItsScheduledEnd) {
  auto things = Things(1);
  auto req = RequestOn(things);
  req.job.target_selection = jobs::TargetSelection::kContinuous;
  req.job.scheduling_config = Schedule(std::nullopt, "2026-01-01T00:30");
  CreateJobOk(req);
  ASSERT_TRUE(Report("job-1", "t0", ExecutionStatus::kSucceeded).ok());
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kInProgress);
  jobs::Job job = Progress("job-1", kT0 + 30 * kMinute);
  EXPECT_EQ(job.status, JobStatus::kCompleted);
  EXPECT_EQ(job.completed_at, kT0 + 30 * kMinute);
}

TEST_F(DueJobsTest, TheScheduledEndCancelCancelsQueuedExecutionsOnly) {
  jobs::Job job = EndedWithOneRunning("CANCEL");
  EXPECT_EQ(job.status, JobStatus::kCanceled);
  EXPECT_FALSE(job.force_canceled);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.canceled = 1, .in_progress = 1}));
  EXPECT_EQ(StoredExecution("job-1", "t0")->status, ExecutionStatus::kInProgress);
}

TEST_F(DueJobsTest, TheScheduledEndForceCancelCancelsRunningExecutionsToo) {
  jobs::Job job = EndedWithOneRunning("FORCE_CANCEL");
  EXPECT_EQ(job.status, JobStatus::kCanceled);
  EXPECT_TRUE(job.force_canceled);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.canceled = 2}));
  EXPECT_TRUE(StoredExecution("job-1", "t0")->force_canceled);
}

TEST_F(DueJobsTest, ASweepAfterBothStartAndEndStartsTheJobThenStopsItsRollout) {
  auto things = Things(2);
  auto req = RequestOn(things);
  req.job.scheduling_config = Schedule("2026-01-01T01:00", "2026-01-01T01:30");
  CreateJobOk(req);
  EXPECT_EQ(Due(kT0 + 2 * 60 * kMinute), (std::vector<std::string>{"job-1"}));
  jobs::Job job = Progress("job-1", kT0 + 2 * 60 * kMinute);
  EXPECT_EQ(job.status, JobStatus::kInProgress);
  EXPECT_TRUE(job.scheduled_end_applied);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.queued = 2}));
}

// ---- jobExecutionsRolloutConfig ----

TEST_F(DueJobsTest, MaximumPerMinuteReleasesThatManyEachMinute) {
  auto things = Things(5);
  auto req = RequestOn(things);
  req.job.rollout_config = jobs::JobExecutionsRolloutConfig{2, std::nullopt};
  EXPECT_EQ(CreateJobOk(req).process_details.queued, 2);
  EXPECT_TRUE(Due(kT0 + kMinute - 1).empty());  // the window is full until then
  jobs::Job job = Progress("job-1", kT0 + kMinute);
  EXPECT_EQ(job.process_details.queued, 4);
  EXPECT_EQ(job.next_action_at, kT0 + 2 * kMinute);
  job = Progress("job-1", kT0 + 2 * kMinute);
  EXPECT_EQ(job.process_details.queued, 5);
  EXPECT_FALSE(job.rollout.has_value());
  EXPECT_FALSE(job.next_action_at.has_value());
  EXPECT_EQ(StoredExecution("job-1", "t4")->queued_at, kT0 + 2 * kMinute);
}

TEST_F(DueJobsTest, TheExponentialRateGrowsWithNotifiedThings) {
  jobs::RateIncreaseCriteria criteria;
  criteria.number_of_notified_things = 1;
  EXPECT_EQ(CreateJobOk(ExponentialRollout(Things(10), 2, criteria)).process_details.queued, 1);
  // Each minute the rate doubles (1, 2, 4, 8): 1, 3, 7, then the last 3.
  EXPECT_EQ(Progress("job-1", kT0 + kMinute).process_details.queued, 3);
  EXPECT_EQ(Progress("job-1", kT0 + 2 * kMinute).process_details.queued, 7);
  jobs::Job job = Progress("job-1", kT0 + 3 * kMinute);
  EXPECT_EQ(job.process_details.queued, 10);
  EXPECT_FALSE(job.rollout.has_value());
}

TEST_F(DueJobsTest, TheExponentialRateGrowsWithSucceededThings) {
  jobs::RateIncreaseCriteria criteria;
  criteria.number_of_succeeded_things = 2;
  CreateJobOk(ExponentialRollout(Things(8), 3, criteria));
  ASSERT_TRUE(Report("job-1", "t0", ExecutionStatus::kSucceeded).ok());
  // One success is not enough: still one a minute.
  EXPECT_EQ(Progress("job-1", kT0 + kMinute).process_details.Total(), 2);
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kSucceeded).ok());
  // Two successes: the rate triples to 3.
  jobs::Job job = Progress("job-1", kT0 + 2 * kMinute);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.succeeded = 2, .queued = 3}));
  ASSERT_TRUE(job.rollout.has_value());
  EXPECT_EQ(job.rollout->rate, 3);
}

TEST_F(DueJobsTest, AGroupRolloutWalksEachGroupMemberByMember) {
  auto things = Things(4);
  AddGroup("fleet", {"t0", "t1", "t2"});
  auto req = JobRequest("job-1", {ThingArn("t3"), GroupArn("fleet")});
  req.job.rollout_config = jobs::JobExecutionsRolloutConfig{2, std::nullopt};
  CreateJobOk(req);
  // Direct thing targets first, then the group's members in name order.
  EXPECT_TRUE(StoredExecution("job-1", "t3").has_value());
  EXPECT_TRUE(StoredExecution("job-1", "t0").has_value());
  EXPECT_FALSE(StoredExecution("job-1", "t1").has_value());
  jobs::Job job = Progress("job-1", kT0 + kMinute);
  EXPECT_EQ(job.process_details.queued, 4);
  EXPECT_FALSE(job.rollout.has_value());
}

// ---- DeleteJob of a big job ----

TEST_F(DueJobsTest, ABigJobIsDeletedInTheBackground) {
  std::vector<std::string> things;
  for (int i = 0; i < 1001; ++i) things.push_back("t" + std::to_string(1000 + i));
  AddThings(things);
  AddGroup("fleet", things);
  CreateJobOk(JobRequest("job-1", {GroupArn("fleet")}));
  // CreateJob releases at most 1000; the background releases the rest.
  EXPECT_EQ(StoredJob("job-1").process_details.queued, 1000);
  EXPECT_EQ(Progress("job-1", kT0).process_details.queued, 1001);

  DeleteJobRequest del{"job-1", /*force=*/true, std::nullopt};
  ASSERT_TRUE(Write([&](auto& tx) { return transactions::DeleteJob(tx, del, Op(kT0 + 1)); }).ok());
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.status, JobStatus::kDeletionInProgress);
  EXPECT_EQ(job.next_action_at, kT0 + 1);
  // While it is being deleted it cannot be deleted, canceled or updated again.
  auto refusal = [&](auto body) { return Write(body).status().code(); };
  EXPECT_EQ(refusal([&](auto& tx) { return transactions::DeleteJob(tx, del, Op()); }),
            ErrorCode::kInvalidStateTransition);
  CancelJobRequest cancel;
  cancel.job_id = "job-1";
  EXPECT_EQ(refusal([&](auto& tx) { return transactions::CancelJob(tx, cancel, Op()); }),
            ErrorCode::kInvalidRequest);
  UpdateJobRequest update;
  update.job_id = "job-1";
  EXPECT_EQ(refusal([&](auto& tx) { return transactions::UpdateJob(tx, update, Op()); }),
            ErrorCode::kInvalidRequest);

  Sweep(kT0 + 2);  // deletes the executions
  EXPECT_FALSE(StoredExecution("job-1", "t1000").has_value());
  EXPECT_EQ(Due(kT0 + 3), (std::vector<std::string>{"job-1"}));
  Sweep(kT0 + 3);  // finds none left: deletes the job
  auto gone = Read([](store::ReadTransaction& tx) { return tx.GetJob("job-1"); });
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
}

}  // namespace
}  // namespace iotjobs::service
