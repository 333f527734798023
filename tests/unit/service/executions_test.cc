// The control plane's execution operations (service/transactions/executions.h): reading and
// listing executions, and CancelJobExecution and DeleteJobExecution through the execution
// state machine (docs/execution-state-machine.md), counted in the job's jobProcessDetails.
#include "service/transactions/executions.h"

#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using jobs::ExecutionStatus;
using jobs::JobProcessDetails;
using jobs::JobStatus;
using transactions::CancelJobExecution;
using transactions::DeleteJobExecution;
using transactions::DescribeJobExecution;
using transactions::ListJobExecutionsForJob;
using transactions::ListJobExecutionsForThing;

class ExecutionsTest : public TransactionTest {
 protected:
  Result<Empty> Cancel(const CancelJobExecutionRequest& req, EpochMillis now = kT0) {
    return Write([&](auto& tx) { return CancelJobExecution(tx, req, Op(now)); });
  }
  static CancelJobExecutionRequest CancelRequest(const std::string& job_id,
                                                 const std::string& thing, bool force = false) {
    CancelJobExecutionRequest req;
    req.job_id = job_id;
    req.thing_name = thing;
    req.force = force;
    return req;
  }
  Result<Empty> Delete(const std::string& job_id, const std::string& thing, int64_t number,
                       bool force = false, std::optional<std::string> namespace_id = {}) {
    DeleteJobExecutionRequest req{job_id, thing, number, force, std::move(namespace_id)};
    return Write([&](auto& tx) { return DeleteJobExecution(tx, req, Op()); });
  }
};

// ---- DescribeJobExecution, ListJobExecutionsForJob, ListJobExecutionsForThing ----

TEST_F(ExecutionsTest, DescribeShowsTheLatestExecutionOrTheOneNumbered) {
  AddThings({"t1"});
  auto create = JobRequest("job-1", {ThingArn("t1")});
  create.job.retry_config = jobs::JobExecutionsRetryConfig{{{"FAILED", 1}}};
  CreateJobOk(create);
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kFailed).ok());  // retried as number 2
  DescribeJobExecutionRequest req{"job-1", "t1", std::nullopt};
  auto latest = Read([&](auto& tx) { return DescribeJobExecution(tx, req, Op()); });
  ASSERT_TRUE(latest.ok()) << latest.status().message();
  EXPECT_EQ(latest->execution_number, 2);
  EXPECT_EQ(latest->status, ExecutionStatus::kQueued);
  req.execution_number = 1;
  auto first = Read([&](auto& tx) { return DescribeJobExecution(tx, req, Op()); });
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->status, ExecutionStatus::kFailed);
  req.execution_number = 3;
  auto missing = Read([&](auto& tx) { return DescribeJobExecution(tx, req, Op()); });
  EXPECT_EQ(missing.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(missing.status().message(),
            "Job execution number 3 of job job-1 on thing t1 cannot be found.");
  req = {"job-1", "t2", std::nullopt};
  EXPECT_EQ(Read([&](auto& tx) { return DescribeJobExecution(tx, req, Op()); }).status().message(),
            "Job execution of job job-1 on thing t2 cannot be found.");
}

TEST_F(ExecutionsTest, ListForJobFiltersByStatusAndPages) {
  AddThings({"t1", "t2", "t3"});
  JobOnThings("job-1", {"t1", "t2", "t3"});
  ASSERT_TRUE(Report("job-1", "t2", ExecutionStatus::kInProgress).ok());
  ListJobExecutionsForJobRequest req;
  req.job_id = "job-1";
  req.page.max_results = 2;
  auto page = Read([&](auto& tx) { return ListJobExecutionsForJob(tx, req, Op()); });
  ASSERT_TRUE(page.ok()) << page.status().message();
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].thing_name, "t1");
  ASSERT_TRUE(page->next_token.has_value());
  req.page.next_token = page->next_token;
  auto rest = Read([&](auto& tx) { return ListJobExecutionsForJob(tx, req, Op()); });
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_EQ(rest->items[0].thing_name, "t3");
  EXPECT_FALSE(rest->next_token.has_value());
  req = {};
  req.job_id = "job-1";
  req.status = ExecutionStatus::kInProgress;
  auto running = Read([&](auto& tx) { return ListJobExecutionsForJob(tx, req, Op()); });
  ASSERT_EQ(running->items.size(), 1u);
  EXPECT_EQ(running->items[0].thing_name, "t2");
  req.job_id = "nope";
  EXPECT_EQ(Read([&](auto& tx) { return ListJobExecutionsForJob(tx, req, Op()); }).status().code(),
            ErrorCode::kResourceNotFound);
}

TEST_F(ExecutionsTest, ListForThingFiltersByStatusJobAndNamespace) {
  AddThings({"t1"});
  JobOnThings("job-a", {"t1"});
  auto spaced = JobRequest("job-b", {ThingArn("t1")});
  spaced.job.namespace_id = "ns1";
  CreateJobOk(spaced);
  ASSERT_TRUE(Report("job-a", "t1", ExecutionStatus::kSucceeded).ok());
  auto list = [&](ListJobExecutionsForThingRequest req) {
    req.thing_name = "t1";
    std::vector<std::string> ids;
    auto page = Read([&](auto& tx) { return ListJobExecutionsForThing(tx, req, Op()); });
    EXPECT_TRUE(page.ok()) << page.status().message();
    if (page.ok()) {
      for (const auto& e : page->items) ids.push_back(e.job_id);
    }
    return ids;
  };
  EXPECT_EQ(list({}), (std::vector<std::string>{"job-a", "job-b"}));
  ListJobExecutionsForThingRequest req;
  req.status = ExecutionStatus::kSucceeded;
  EXPECT_EQ(list(req), (std::vector<std::string>{"job-a"}));
  req = {};
  req.namespace_id = "ns1";
  EXPECT_EQ(list(req), (std::vector<std::string>{"job-b"}));
  req = {};
  req.job_id = "job-b";
  EXPECT_EQ(list(req), (std::vector<std::string>{"job-b"}));
  req = {};
  req.thing_name = "ghost";
  EXPECT_EQ(Read([&](auto& tx) { return ListJobExecutionsForThing(tx, req, Op()); })
                .status()
                .code(),
            ErrorCode::kResourceNotFound);
}

// ---- CancelJobExecution ----

TEST_F(ExecutionsTest, CancelCancelsAQueuedExecution) {
  AddThings({"t1", "t2"});
  JobOnThings("job-1", {"t1", "t2"});
  auto req = CancelRequest("job-1", "t1");
  req.status_details = std::map<std::string, std::string>{{"why", "operator"}};
  ASSERT_TRUE(Cancel(req, kT0 + 4).ok());
  auto e = StoredExecution("job-1", "t1");
  EXPECT_EQ(e->status, ExecutionStatus::kCanceled);
  EXPECT_EQ(e->version_number, 2);
  EXPECT_EQ(e->last_updated_at, kT0 + 4);
  EXPECT_EQ(e->status_details.at("why"), "operator");
  EXPECT_FALSE(e->force_canceled);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.canceled = 1, .queued = 1}));
  // Canceling the last pending one completes the snapshot job.
  ASSERT_TRUE(Cancel(CancelRequest("job-1", "t2"), kT0 + 5).ok());
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.status, JobStatus::kCompleted);
  EXPECT_EQ(job.completed_at, kT0 + 5);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.canceled = 2}));
}

TEST_F(ExecutionsTest, ARunningExecutionIsCanceledOnlyWithForce) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress).ok());
  auto refused = Cancel(CancelRequest("job-1", "t1"));
  EXPECT_EQ(refused.status().code(), ErrorCode::kInvalidStateTransition);
  EXPECT_EQ(refused.status().message(),
            "Cannot cancel a job execution in status IN_PROGRESS without force. Set force to "
            "true to cancel it.");
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.in_progress = 1}));
  ASSERT_TRUE(Cancel(CancelRequest("job-1", "t1", /*force=*/true)).ok());
  auto e = StoredExecution("job-1", "t1");
  EXPECT_EQ(e->status, ExecutionStatus::kCanceled);
  EXPECT_TRUE(e->force_canceled);
  EXPECT_EQ(e->version_number, 3);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.canceled = 1}));
}

TEST_F(ExecutionsTest, AFinishedExecutionCannotBeCanceled) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kSucceeded).ok());
  for (bool force : {false, true}) {
    auto refused = Cancel(CancelRequest("job-1", "t1", force));
    EXPECT_EQ(refused.status().code(), ErrorCode::kInvalidStateTransition);
    EXPECT_EQ(refused.status().message(),
              "Cannot cancel a job execution in terminal status SUCCEEDED.");
  }
  EXPECT_EQ(StoredExecution("job-1", "t1")->status, ExecutionStatus::kSucceeded);
}

TEST_F(ExecutionsTest, CancelChecksTheExpectedVersionAndTheDetails) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  auto req = CancelRequest("job-1", "t1");
  req.expected_version = 2;
  auto stale = Cancel(req);
  EXPECT_EQ(stale.status().code(), ErrorCode::kVersionConflict);
  EXPECT_EQ(stale.status().message(),
            "The version of the job execution is 1, not the expected version 2.");
  req.expected_version = 1;
  req.status_details = std::map<std::string, std::string>{{"k", std::string(1025, 'x')}};
  EXPECT_EQ(Cancel(req).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(StoredExecution("job-1", "t1")->status, ExecutionStatus::kQueued);
  req.status_details.reset();
  EXPECT_TRUE(Cancel(req).ok());
  EXPECT_EQ(Cancel(CancelRequest("job-1", "ghost")).status().message(),
            "Job execution of job job-1 on thing ghost cannot be found.");
}

// ---- DeleteJobExecution ----

TEST_F(ExecutionsTest, DeletingARunningExecutionNeedsForce) {
  AddThings({"t1", "t2"});
  JobOnThings("job-1", {"t1", "t2"});
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress).ok());
  auto refused = Delete("job-1", "t1", 1);
  EXPECT_EQ(refused.status().code(), ErrorCode::kInvalidStateTransition);
  EXPECT_EQ(refused.status().message(),
            "Cannot delete a job execution in status IN_PROGRESS without force. Set force to "
            "true to delete it.");
  EXPECT_TRUE(StoredExecution("job-1", "t1").has_value());
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.queued = 1, .in_progress = 1}));
  ASSERT_TRUE(Delete("job-1", "t1", 1, /*force=*/true).ok());
  EXPECT_FALSE(StoredExecution("job-1", "t1").has_value());
  // A deleted execution leaves the counters.
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.queued = 1}));
}

TEST_F(ExecutionsTest, QueuedAndFinishedExecutionsAreDeletedWithoutForce) {
  AddThings({"t1", "t2"});
  JobOnThings("job-1", {"t1", "t2"});
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kSucceeded).ok());
  ASSERT_TRUE(Delete("job-1", "t1", 1).ok());
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.queued = 1}));
  ASSERT_TRUE(Delete("job-1", "t2", 1).ok());
  // Nothing is left pending: the snapshot job is complete.
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.process_details, JobProcessDetails{});
  EXPECT_EQ(job.status, JobStatus::kCompleted);
}

TEST_F(ExecutionsTest, DeleteOfAnUnknownExecutionOrAnotherNamespaceIsNotFound) {
  AddThings({"t1"});
  auto create = JobRequest("job-1", {ThingArn("t1")});
  create.job.namespace_id = "ns1";
  CreateJobOk(create);
  auto wrong_number = Delete("job-1", "t1", 2);
  EXPECT_EQ(wrong_number.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(wrong_number.status().message(),
            "Job execution number 2 of job job-1 on thing t1 cannot be found.");
  EXPECT_EQ(Delete("job-1", "t1", 1, false, "ns2").status().code(),
            ErrorCode::kResourceNotFound);
  EXPECT_EQ(Delete("nope", "t1", 1).status().code(), ErrorCode::kResourceNotFound);
  EXPECT_TRUE(Delete("job-1", "t1", 1, false, "ns1").ok());
}

// ---- REMOVED ----

TEST_F(ExecutionsTest, DeletingTheThingRemovesItsPendingExecutions) {
  AddThings({"t1", "t2"});
  JobOnThings("job-1", {"t1", "t2"});
  JobOnThings("job-2", {"t1"});
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress).ok());
  ASSERT_TRUE(Report("job-1", "t2", ExecutionStatus::kSucceeded).ok());
  DeleteThingRequest req;
  req.thing_name = "t1";
  ASSERT_TRUE(Write([&](auto& tx) { return transactions::DeleteThing(tx, req, Op()); }).ok());
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.succeeded = 1, .removed = 1}));
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kCompleted);
  EXPECT_EQ(StoredJob("job-2").process_details, (JobProcessDetails{.removed = 1}));
  EXPECT_EQ(StoredExecution("job-1", "t1")->status, ExecutionStatus::kRemoved);
}

}  // namespace
}  // namespace iotjobs::service
