// UpdateJob, CancelJob, DeleteJob and AssociateTargetsWithJob (service/transactions/jobs.h):
// what each changes on the job and its executions, and what each refuses.
#include "service/transactions/jobs.h"

#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using jobs::ExecutionStatus;
using jobs::JobProcessDetails;
using jobs::JobStatus;
using jobs::TargetSelection;
using transactions::AssociateTargetsWithJob;
using transactions::CancelJob;
using transactions::DeleteJob;
using transactions::UpdateJob;

class JobChangesTest : public TransactionTest {
 protected:
  Result<Empty> Update(const UpdateJobRequest& req, EpochMillis now = kT0) {
    return Write([&](auto& tx) { return UpdateJob(tx, req, Op(now)); });
  }
  Result<jobs::Job> Cancel(const CancelJobRequest& req, EpochMillis now = kT0) {
    return Write([&](auto& tx) { return CancelJob(tx, req, Op(now)); });
  }
  Result<jobs::Job> Cancel(const std::string& job_id, bool force = false) {
    CancelJobRequest req;
    req.job_id = job_id;
    req.force = force;
    return Cancel(req);
  }
  Result<Empty> Delete(const std::string& job_id, bool force = false,
                       std::optional<std::string> namespace_id = std::nullopt) {
    DeleteJobRequest req{job_id, force, std::move(namespace_id)};
    return Write([&](auto& tx) { return DeleteJob(tx, req, Op()); });
  }
  Result<jobs::Job> Associate(const std::string& job_id, std::vector<std::string> targets,
                              EpochMillis now = kT0) {
    AssociateTargetsWithJobRequest req;
    req.job_id = job_id;
    req.targets = std::move(targets);
    return Write([&](auto& tx) { return AssociateTargetsWithJob(tx, req, Op(now)); });
  }
};

TEST_F(JobChangesTest, UpdateChangesTheGivenConfigurationsOnly) {
  AddThings({"t1"});
  auto create = JobRequest("job-1", {ThingArn("t1")});
  create.job.description = "first";
  create.job.timeout_config = jobs::TimeoutConfig{10};
  CreateJobOk(create);
  UpdateJobRequest req;
  req.job_id = "job-1";
  req.description = "second";
  req.abort_config = jobs::AbortConfig{{{"FAILED", "CANCEL", 50, 2}}};
  ASSERT_TRUE(Update(req, kT0 + 1000).ok());
  jobs::Job job = StoredJob("job-1");
  EXPECT_EQ(job.description, "second");
  ASSERT_TRUE(job.abort_config.has_value());
  EXPECT_EQ(job.abort_config->criteria_list.at(0).min_number_of_executed_things, 2);
  ASSERT_TRUE(job.timeout_config.has_value());
  EXPECT_EQ(job.timeout_config->in_progress_timeout_in_minutes, 10);
  EXPECT_EQ(job.last_updated_at, kT0 + 1000);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.queued = 1}));
}

TEST_F(JobChangesTest, UpdateChecksNamespaceAndConfigurations) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  UpdateJobRequest req;
  req.job_id = "job-1";
  req.namespace_id = "ns1";  // the job has none
  req.description = "x";
  EXPECT_EQ(Update(req).status().code(), ErrorCode::kResourceNotFound);
  req.namespace_id.reset();
  req.retry_config = jobs::JobExecutionsRetryConfig{{{"ALL", 11}}};
  EXPECT_EQ(Update(req).status().code(), ErrorCode::kInvalidRequest);
  req.retry_config.reset();
  req.rollout_config = jobs::JobExecutionsRolloutConfig{5000, std::nullopt};
  EXPECT_EQ(Update(req).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_FALSE(StoredJob("job-1").description.has_value());
  req.job_id = "nope";
  req.rollout_config.reset();
  EXPECT_EQ(Update(req).status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(JobChangesTest, CancelCancelsQueuedExecutionsAndCountsThem) {
  AddThings({"t1", "t2"});
  JobOnThings("job-1", {"t1", "t2"});
  CancelJobRequest req;
  req.job_id = "job-1";
  req.reason_code = "BAD_BUILD";
  req.comment = "stop";
  auto job = Cancel(req, kT0 + 7);
  ASSERT_TRUE(job.ok()) << job.status().message();
  EXPECT_EQ(job->status, JobStatus::kCanceled);
  EXPECT_FALSE(job->force_canceled);
  EXPECT_EQ(job->reason_code, "BAD_BUILD");
  EXPECT_EQ(job->comment, "stop");
  EXPECT_EQ(job->last_updated_at, kT0 + 7);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.canceled = 2}));
  auto e = StoredExecution("job-1", "t1");
  EXPECT_EQ(e->status, ExecutionStatus::kCanceled);
  EXPECT_EQ(e->version_number, 2);
  EXPECT_EQ(e->last_updated_at, kT0 + 7);
  EXPECT_FALSE(e->force_canceled);
}

TEST_F(JobChangesTest, CancelStopsTheRollout) {
  AddThings({"t1", "t2", "t3"});
  auto create = JobRequest("job-1", {ThingArn("t1"), ThingArn("t2"), ThingArn("t3")});
  create.job.rollout_config = jobs::JobExecutionsRolloutConfig{1, std::nullopt};
  CreateJobOk(create);
  ASSERT_TRUE(Cancel("job-1").ok());
  jobs::Job job = StoredJob("job-1");
  EXPECT_FALSE(job.rollout.has_value());
  EXPECT_FALSE(job.next_action_at.has_value());
  EXPECT_EQ(job.process_details, (JobProcessDetails{.canceled = 1}));
}

TEST_F(JobChangesTest, CancelLeavesRunningExecutionsAloneUnlessForced) {
  AddThings({"t1", "t2"});
  JobOnThings("job-1", {"t1", "t2"});
  ASSERT_TRUE(Report("job-1", "t1", ExecutionStatus::kInProgress).ok());
  ASSERT_TRUE(Cancel("job-1").ok());
  EXPECT_EQ(StoredJob("job-1").process_details,
            (JobProcessDetails{.canceled = 1, .in_progress = 1}));
  EXPECT_EQ(StoredExecution("job-1", "t1")->status, ExecutionStatus::kInProgress);
  // Force-canceling the canceled job cancels what still runs.
  CancelJobRequest req;
  req.job_id = "job-1";
  req.force = true;
  ASSERT_TRUE(Cancel(req, kT0 + 1).ok());
  jobs::Job job = StoredJob("job-1");
  EXPECT_TRUE(job.force_canceled);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.canceled = 2}));
  auto e = StoredExecution("job-1", "t1");
  EXPECT_EQ(e->status, ExecutionStatus::kCanceled);
  EXPECT_TRUE(e->force_canceled);
  EXPECT_EQ(e->last_updated_at, kT0 + 1);
}

TEST_F(JobChangesTest, ACanceledJobIsCanceledAgainOnlyWithForce) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  ASSERT_TRUE(Cancel("job-1").ok());
  EXPECT_EQ(Cancel("job-1").status().code(), ErrorCode::kInvalidRequest);
  auto again = Cancel("job-1", /*force=*/true);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_TRUE(again->force_canceled);
}

TEST_F(JobChangesTest, ACompletedJobCannotBeCanceled) {
  AddGroup("empty", {});
  CreateJobOk(JobRequest("job-1", {GroupArn("empty")}));
  EXPECT_EQ(Cancel("job-1", /*force=*/true).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kCompleted);
}

TEST_F(JobChangesTest, DeleteNeedsForceUnlessTheJobIsFinished) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  auto refused = Delete("job-1");
  EXPECT_EQ(refused.status().code(), ErrorCode::kInvalidStateTransition);
  EXPECT_EQ(refused.status().message(),
            "Cannot delete job job-1 in status IN_PROGRESS without force. Set force to true to "
            "delete it.");
  EXPECT_EQ(Delete("job-1", true, "ns1").status().code(), ErrorCode::kResourceNotFound);
  ASSERT_TRUE(Delete("job-1", true).ok());
  EXPECT_FALSE(StoredExecution("job-1", "t1").has_value());
  auto gone = Read([](store::ReadTransaction& tx) { return tx.GetJob("job-1"); });
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());
  EXPECT_EQ(Delete("job-1", true).status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(JobChangesTest, ACanceledJobIsDeletedWithoutForce) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  ASSERT_TRUE(Cancel("job-1").ok());
  EXPECT_TRUE(Delete("job-1").ok());
  EXPECT_FALSE(StoredExecution("job-1", "t1").has_value());
}

TEST_F(JobChangesTest, AssociateAddsTargetsToAContinuousJob) {
  AddThings({"t1", "t2", "t3"});
  AddGroup("fleet", {"t3"});
  CreateJobOk(JobRequest("job-1", {ThingArn("t1")}, TargetSelection::kContinuous));
  auto job = Associate("job-1", {ThingArn("t1"), ThingArn("t2"), GroupArn("fleet")}, kT0 + 9);
  ASSERT_TRUE(job.ok()) << job.status().message();
  EXPECT_EQ(job->targets,
            (std::vector<std::string>{ThingArn("t1"), ThingArn("t2"), GroupArn("fleet")}));
  EXPECT_EQ(job->last_updated_at, kT0 + 9);
  // t1 already had its execution: only t2 and t3 get one.
  EXPECT_EQ(job->process_details, (JobProcessDetails{.queued = 3}));
  EXPECT_EQ(StoredExecution("job-1", "t1")->execution_number, 1);
  EXPECT_EQ(StoredExecution("job-1", "t3")->queued_at, kT0 + 9);
}

TEST_F(JobChangesTest, AssociateRefusesSnapshotAndUnknownTargets) {
  AddThings({"t1", "t2"});
  JobOnThings("snap", {"t1"});
  EXPECT_EQ(Associate("snap", {ThingArn("t2")}).status().code(), ErrorCode::kInvalidRequest);
  CreateJobOk(JobRequest("cont", {ThingArn("t1")}, TargetSelection::kContinuous));
  EXPECT_EQ(Associate("cont", {ThingArn("ghost")}).status().code(),
            ErrorCode::kResourceNotFound);
  EXPECT_EQ(Associate("nope", {ThingArn("t2")}).status().code(), ErrorCode::kResourceNotFound);
  EXPECT_FALSE(StoredExecution("cont", "t2").has_value());
}

TEST_F(JobChangesTest, AssociateKeepsAJobAtAHundredTargets) {
  std::vector<std::string> names, arns;
  for (int i = 0; i < 101; ++i) {
    names.push_back("t" + std::to_string(i));
    arns.push_back(ThingArn(names.back()));
  }
  AddThings(names);
  std::vector<std::string> first(arns.begin(), arns.begin() + 100);
  CreateJobOk(JobRequest("job-1", first, TargetSelection::kContinuous));
  EXPECT_EQ(Associate("job-1", {arns[100]}).status().code(), ErrorCode::kLimitExceeded);
  EXPECT_EQ(StoredJob("job-1").targets.size(), 100u);
}

}  // namespace
}  // namespace iotjobs::service
