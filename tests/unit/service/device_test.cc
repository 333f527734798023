// The device plane's transaction bodies (service/transactions/device.h): which executions a
// device sees and in what order, starting the next one, and the device's status updates
// through the execution state machine (docs/execution-state-machine.md), counted in the job.
#include "service/transactions/device.h"

#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using jobs::ExecutionStatus;
using jobs::JobProcessDetails;
using jobs::JobStatus;
using transactions::DescribeJobExecutionForDevice;
using transactions::GetPendingJobExecutions;
using transactions::StartNextPendingJobExecution;
using transactions::UpdateJobExecution;

constexpr int64_t kMinute = 60'000;
constexpr const char* kDocument = R"({"operation":"update"})";

class DeviceTest : public TransactionTest {
 protected:
  Result<PendingExecutions> Pending(const std::string& thing,
                                    std::optional<NamespaceScope> scope = std::nullopt) {
    GetPendingJobExecutionsRequest req{thing, std::move(scope)};
    return Read([&](auto& tx) { return GetPendingJobExecutions(tx, req, Op()); });
  }
  Result<std::optional<DeviceExecution>> StartNext(const StartNextPendingJobExecutionRequest& req,
                                                   EpochMillis now = kT0) {
    return Write([&](auto& tx) { return StartNextPendingJobExecution(tx, req, Op(now)); });
  }
  Result<std::optional<DeviceExecution>> StartNext(const std::string& thing,
                                                   EpochMillis now = kT0) {
    StartNextPendingJobExecutionRequest req;
    req.thing_name = thing;
    return StartNext(req, now);
  }
  Result<std::optional<DeviceExecution>> Describe(const DeviceDescribeJobExecutionRequest& req) {
    return Read([&](auto& tx) { return DescribeJobExecutionForDevice(tx, req, Op()); });
  }
  Result<UpdateJobExecutionResult> Update(const UpdateJobExecutionRequest& req,
                                          EpochMillis now = kT0) {
    return Write([&](auto& tx) { return UpdateJobExecution(tx, req, Op(now)); });
  }
  static UpdateJobExecutionRequest UpdateRequest(const std::string& job_id,
                                                 const std::string& thing,
                                                 ExecutionStatus status) {
    UpdateJobExecutionRequest req;
    req.job_id = job_id;
    req.thing_name = thing;
    req.status = status;
    return req;
  }
  static std::vector<std::string> JobIds(const std::vector<jobs::ExecutionSummary>& list) {
    std::vector<std::string> ids;
    for (const auto& e : list) ids.push_back(e.job_id);
    return ids;
  }
};

// ---- GetPendingJobExecutions ----

TEST_F(DeviceTest, PendingListsInProgressThenQueuedOldestFirst) {
  AddThings({"t1"});
  JobOnThings("job-c", {"t1"}, kT0);
  JobOnThings("job-a", {"t1"}, kT0 + 1);
  JobOnThings("job-b", {"t1"}, kT0 + 2);
  ASSERT_TRUE(Report("job-b", "t1", ExecutionStatus::kInProgress, kT0 + 3).ok());
  auto pending = Pending("t1");
  ASSERT_TRUE(pending.ok()) << pending.status().message();
  EXPECT_EQ(JobIds(pending->in_progress), (std::vector<std::string>{"job-b"}));
  EXPECT_EQ(JobIds(pending->queued), (std::vector<std::string>{"job-c", "job-a"}));
}

TEST_F(DeviceTest, PendingShowsAtMostTen) {
  AddThings({"t1"});
  for (int i = 0; i < 12; ++i) JobOnThings("job-" + std::to_string(i), {"t1"}, kT0 + i);
  auto pending = Pending("t1");
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->queued.size(), 10u);
  EXPECT_EQ(pending->queued.back().job_id, "job-9");
}

TEST_F(DeviceTest, PendingOfAnUnknownThingIsNotFound) {
  auto pending = Pending("ghost");
  EXPECT_EQ(pending.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(pending.status().message(), "Thing ghost cannot be found.");
}

TEST_F(DeviceTest, ANamespaceScopeSeesOnlyItsNamespacesJobs) {
  AddThings({"t1"});
  JobOnThings("plain", {"t1"}, kT0);
  auto req = JobRequest("spaced", {ThingArn("t1")});
  req.job.namespace_id = "ns1";
  CreateJobOk(req, kT0 + 1);
  EXPECT_EQ(JobIds(Pending("t1")->queued), (std::vector<std::string>{"plain", "spaced"}));
  EXPECT_EQ(JobIds(Pending("t1", NamespaceScope{})->queued), (std::vector<std::string>{"plain"}));
  EXPECT_EQ(JobIds(Pending("t1", NamespaceScope{"ns1"})->queued),
            (std::vector<std::string>{"spaced"}));
  // The same scope decides which execution is next.
  StartNextPendingJobExecutionRequest start;
  start.thing_name = "t1";
  start.scope = NamespaceScope{"ns1"};
  auto started = StartNext(start);
  ASSERT_TRUE(started.ok() && started->has_value());
  EXPECT_EQ((*started)->execution.job_id, "spaced");
}

// ---- StartNextPendingJobExecution ----

TEST_F(DeviceTest, StartNextStartsTheOldestQueuedExecution) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"}, kT0);
  JobOnThings("job-2", {"t1"}, kT0 + 1);
  StartNextPendingJobExecutionRequest req;
  req.thing_name = "t1";
  req.status_details = std::map<std::string, std::string>{{"step", "download"}};
  auto started = StartNext(req, kT0 + 10);
  ASSERT_TRUE(started.ok()) << started.status().message();
  ASSERT_TRUE(started->has_value());
  const jobs::JobExecution& e = (*started)->execution;
  EXPECT_EQ(e.job_id, "job-1");
  EXPECT_EQ(e.status, ExecutionStatus::kInProgress);
  EXPECT_EQ(e.version_number, 2);
  EXPECT_EQ(e.started_at, kT0 + 10);
  EXPECT_EQ(e.status_details.at("step"), "download");
  EXPECT_EQ((*started)->job_document, kDocument);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.in_progress = 1}));
  EXPECT_EQ(StoredExecution("job-1", "t1")->status, ExecutionStatus::kInProgress);
}

TEST_F(DeviceTest, StartNextHandsBackARunningExecutionUnchanged) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  ASSERT_TRUE(StartNext("t1").ok());
  StartNextPendingJobExecutionRequest again;
  again.thing_name = "t1";
  again.status_details = std::map<std::string, std::string>{{"ignored", "yes"}};
  auto started = StartNext(again, kT0 + 10);
  ASSERT_TRUE(started.ok() && started->has_value());
  EXPECT_EQ((*started)->execution.version_number, 2);
  EXPECT_EQ((*started)->execution.started_at, kT0);
  EXPECT_TRUE((*started)->execution.status_details.empty());
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.in_progress = 1}));
}

TEST_F(DeviceTest, StartNextWithNothingPendingAnswersNoExecution) {
  AddThings({"t1"});
  auto started = StartNext("t1");
  ASSERT_TRUE(started.ok());
  EXPECT_FALSE(started->has_value());
  EXPECT_EQ(StartNext("ghost").status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(DeviceTest, StartNextStartsTheStepAndInProgressTimers) {
  AddThings({"t1"});
  auto create = JobRequest("job-1", {ThingArn("t1")});
  create.job.timeout_config = jobs::TimeoutConfig{10};
  CreateJobOk(create);
  StartNextPendingJobExecutionRequest req;
  req.thing_name = "t1";
  req.step_timeout_in_minutes = 5;
  ASSERT_TRUE(StartNext(req, kT0 + 1).ok());
  auto e = StoredExecution("job-1", "t1");
  EXPECT_EQ(e->step_timeout_at, kT0 + 1 + 5 * kMinute);
  EXPECT_EQ(e->in_progress_timeout_at, kT0 + 1 + 10 * kMinute);
}

TEST_F(DeviceTest, StartNextChecksItsInputFirst) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  StartNextPendingJobExecutionRequest req;
  req.thing_name = "t1";
  req.step_timeout_in_minutes = 0;
  EXPECT_EQ(StartNext(req).status().code(), ErrorCode::kInvalidRequest);
  req.step_timeout_in_minutes.reset();
  std::map<std::string, std::string> details;
  for (int i = 0; i < 11; ++i) details["k" + std::to_string(i)] = "v";
  req.status_details = details;
  EXPECT_EQ(StartNext(req).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(StoredExecution("job-1", "t1")->status, ExecutionStatus::kQueued);
}

// ---- DescribeJobExecution (device) ----

TEST_F(DeviceTest, DescribeNextShowsTheNextPendingExecution) {
  AddThings({"t1"});
  DeviceDescribeJobExecutionRequest req;
  req.thing_name = "t1";
  req.job_id = "$next";
  auto none = Describe(req);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  JobOnThings("job-1", {"t1"});
  auto next = Describe(req);
  ASSERT_TRUE(next.ok() && next->has_value());
  EXPECT_EQ((*next)->execution.job_id, "job-1");
  EXPECT_EQ((*next)->job_document, kDocument);
  req.include_job_document = false;
  EXPECT_FALSE((*Describe(req))->job_document.has_value());
  req.thing_name = "ghost";
  EXPECT_EQ(Describe(req).status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(DeviceTest, DescribeByJobIdAndNumber) {
  AddThings({"t1"});
  auto create = JobRequest("job-1", {ThingArn("t1")});
  create.job.namespace_id = "ns1";
  CreateJobOk(create);
  DeviceDescribeJobExecutionRequest req;
  req.thing_name = "t1";
  req.job_id = "job-1";
  req.execution_number = 1;
  auto found = Describe(req);
  ASSERT_TRUE(found.ok() && found->has_value()) << found.status().message();
  EXPECT_EQ((*found)->execution.status, ExecutionStatus::kQueued);
  req.execution_number = 2;
  auto missing = Describe(req);
  EXPECT_EQ(missing.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(missing.status().message(),
            "Job execution number 2 of job job-1 on thing t1 cannot be found.");
  // Outside the request's namespace scope the execution does not exist.
  req.execution_number.reset();
  req.scope = NamespaceScope{};
  auto hidden = Describe(req);
  EXPECT_EQ(hidden.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(hidden.status().message(), "Job execution of job job-1 on thing t1 cannot be found.");
}

// ---- UpdateJobExecution ----

TEST_F(DeviceTest, QueuedToInProgressToSucceededIsCountedAndCompletesTheJob) {
  AddThings({"t1", "t2"});
  JobOnThings("job-1", {"t1", "t2"});
  auto running = Update(UpdateRequest("job-1", "t1", ExecutionStatus::kInProgress), kT0 + 1);
  ASSERT_TRUE(running.ok()) << running.status().message();
  EXPECT_EQ(running->execution.status, ExecutionStatus::kInProgress);
  EXPECT_EQ(running->execution.version_number, 2);
  EXPECT_EQ(running->execution.started_at, kT0 + 1);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.queued = 1, .in_progress = 1}));

  auto done = Update(UpdateRequest("job-1", "t1", ExecutionStatus::kSucceeded), kT0 + 2);
  ASSERT_TRUE(done.ok()) << done.status().message();
  EXPECT_EQ(done->execution.status, ExecutionStatus::kSucceeded);
  EXPECT_EQ(done->execution.version_number, 3);
  EXPECT_EQ(done->execution.last_updated_at, kT0 + 2);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.succeeded = 1, .queued = 1}));
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kInProgress);

  // A device may finish a QUEUED execution directly; the last one completes the snapshot job.
  ASSERT_TRUE(Update(UpdateRequest("job-1", "t2", ExecutionStatus::kSucceeded), kT0 + 3).ok());
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.process_details, (JobProcessDetails{.succeeded = 2}));
  EXPECT_EQ(job.status, JobStatus::kCompleted);
  EXPECT_EQ(job.completed_at, kT0 + 3);
}

TEST_F(DeviceTest, FailedAndRejectedAreCountedAsSuch) {
  AddThings({"t1", "t2", "t3"});
  JobOnThings("job-1", {"t1", "t2", "t3"});
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress).ok());
  ASSERT_TRUE(Update(UpdateRequest("job-1", "t1", ExecutionStatus::kFailed)).ok());
  ASSERT_TRUE(Update(UpdateRequest("job-1", "t2", ExecutionStatus::kRejected)).ok());
  EXPECT_EQ(StoredJob("job-1").process_details,
            (JobProcessDetails{.failed = 1, .rejected = 1, .queued = 1}));
  EXPECT_EQ(StoredExecution("job-1", "t2")->status, ExecutionStatus::kRejected);
  ASSERT_TRUE(Update(UpdateRequest("job-1", "t3", ExecutionStatus::kFailed)).ok());
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kCompleted);  // finished, not all succeeded
}

TEST_F(DeviceTest, ATerminalExecutionRefusesEveryDeviceUpdate) {
  AddThings({"t1", "t2"});
  JobOnThings("job-1", {"t1", "t2"});
  ASSERT_TRUE(Update(UpdateRequest("job-1", "t1", ExecutionStatus::kSucceeded)).ok());
  for (ExecutionStatus status : {ExecutionStatus::kInProgress, ExecutionStatus::kSucceeded,
                                 ExecutionStatus::kFailed, ExecutionStatus::kRejected}) {
    auto req = UpdateRequest("job-1", "t1", status);
    req.status_details = std::map<std::string, std::string>{{"late", "yes"}};
    auto refused = Update(req);
    EXPECT_EQ(refused.status().code(), ErrorCode::kInvalidStateTransition);
    EXPECT_EQ(refused.status().message(),
              "Job execution is in terminal status SUCCEEDED and cannot be updated.");
  }
  auto e = StoredExecution("job-1", "t1");
  EXPECT_EQ(e->version_number, 2);
  EXPECT_TRUE(e->status_details.empty());
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.succeeded = 1, .queued = 1}));
}

TEST_F(DeviceTest, ADeviceCannotSetTheServicesStatuses) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  for (ExecutionStatus status : {ExecutionStatus::kQueued, ExecutionStatus::kCanceled,
                                 ExecutionStatus::kTimedOut, ExecutionStatus::kRemoved}) {
    EXPECT_EQ(Update(UpdateRequest("job-1", "t1", status)).status().code(),
              ErrorCode::kInvalidRequest);
  }
  EXPECT_EQ(StoredExecution("job-1", "t1")->version_number, 1);
}

TEST_F(DeviceTest, AStaleExpectedVersionChangesNothing) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  auto req = UpdateRequest("job-1", "t1", ExecutionStatus::kInProgress);
  req.expected_version = 2;
  auto stale = Update(req);
  EXPECT_EQ(stale.status().code(), ErrorCode::kVersionMismatch);
  EXPECT_EQ(stale.status().message(),
            "The version of the job execution is 1, not the expected version 2.");
  EXPECT_EQ(StoredExecution("job-1", "t1")->status, ExecutionStatus::kQueued);
  req.expected_version = 1;
  auto ok = Update(req);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->execution.version_number, 2);
}

TEST_F(DeviceTest, UpdateReplacesDetailsAndRunsTheStepTimerWhileNotTerminal) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  auto req = UpdateRequest("job-1", "t1", ExecutionStatus::kInProgress);
  req.status_details = std::map<std::string, std::string>{{"progress", "10%"}};
  req.step_timeout_in_minutes = 3;
  req.include_job_document = true;
  auto running = Update(req, kT0 + 1);
  ASSERT_TRUE(running.ok());
  EXPECT_EQ(running->job_document, kDocument);
  EXPECT_EQ(running->execution.step_timeout_at, kT0 + 1 + 3 * kMinute);
  req.step_timeout_in_minutes = -1;  // cancels the step timer
  req.include_job_document = false;
  auto again = Update(req, kT0 + 2);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->job_document.has_value());
  EXPECT_FALSE(again->execution.step_timeout_at.has_value());
  auto finished = UpdateRequest("job-1", "t1", ExecutionStatus::kSucceeded);
  finished.step_timeout_in_minutes = 3;  // ignored: the execution is done
  finished.status_details = std::map<std::string, std::string>{{"progress", "100%"}};
  ASSERT_TRUE(Update(finished, kT0 + 3).ok());
  auto e = StoredExecution("job-1", "t1");
  EXPECT_EQ(e->status_details, (std::map<std::string, std::string>{{"progress", "100%"}}));
  EXPECT_FALSE(e->step_timeout_at.has_value());
  EXPECT_FALSE(e->in_progress_timeout_at.has_value());
}

TEST_F(DeviceTest, UpdateOfAnExecutionOutsideTheScopeIsNotFound) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  auto req = UpdateRequest("job-1", "t1", ExecutionStatus::kInProgress);
  req.scope = NamespaceScope{"ns1"};
  EXPECT_EQ(Update(req).status().code(), ErrorCode::kResourceNotFound);
  req.scope.reset();
  req.execution_number = 3;
  auto missing = Update(req);
  EXPECT_EQ(missing.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(missing.status().message(),
            "Job execution number 3 of job job-1 on thing t1 cannot be found.");
  EXPECT_EQ(StoredExecution("job-1", "t1")->status, ExecutionStatus::kQueued);
}

}  // namespace
}  // namespace iotjobs::service
