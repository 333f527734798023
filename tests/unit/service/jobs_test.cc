// CreateJob, DescribeJob, ListJobs and GetJobDocument (service/transactions/jobs.h): what a
// new job looks like, the executions it starts with, and what CreateJob refuses.
#include "service/transactions/jobs.h"

#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using jobs::ExecutionStatus;
using jobs::JobProcessDetails;
using jobs::JobStatus;
using jobs::TargetSelection;
using transactions::CreateJob;
using transactions::DescribeJob;
using transactions::GetJobDocument;
using transactions::ListJobs;

constexpr int64_t kMinute = 60'000;

class JobsTest : public TransactionTest {
 protected:
  Result<jobs::Job> Create(const CreateJobRequest& req, EpochMillis now = kT0) {
    return Write([&](auto& tx) { return CreateJob(tx, req, Op(now)); });
  }
  ErrorCode CreateError(const CreateJobRequest& req) { return Create(req).status().code(); }
  Result<jobs::Job> Describe(const std::string& job_id) {
    return Read([&](auto& tx) -> Result<jobs::Job> {
      IOTJOBS_ASSIGN_OR_RETURN(JobDescription d, DescribeJob(tx, job_id, Op()));
      return std::move(d.job);
    });
  }
  Result<ListResult<jobs::Job>> List(const ListJobsRequest& req) {
    return Read([&](auto& tx) { return ListJobs(tx, req, Op()); });
  }
  static std::vector<std::string> Ids(const ListResult<jobs::Job>& page) {
    std::vector<std::string> ids;
    for (const auto& j : page.items) ids.push_back(j.job_id);
    return ids;
  }
};

TEST_F(JobsTest, AJobOnThingsQueuesOneExecutionPerThing) {
  AddThings({"t1", "t2"});
  jobs::Job job = JobOnThings("job-1", {"t1", "t2"});
  EXPECT_EQ(job.status, JobStatus::kInProgress);
  EXPECT_EQ(job.created_at, kT0);
  EXPECT_EQ(job.last_updated_at, kT0);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.queued = 2}));
  EXPECT_FALSE(job.rollout.has_value());  // every execution is out
  EXPECT_FALSE(job.next_action_at.has_value());
  for (const char* thing : {"t1", "t2"}) {
    auto e = StoredExecution("job-1", thing);
    ASSERT_TRUE(e.has_value()) << thing;
    EXPECT_EQ(e->status, ExecutionStatus::kQueued);
    EXPECT_EQ(e->execution_number, 1);
    EXPECT_EQ(e->version_number, 1);
    EXPECT_EQ(e->queued_at, kT0);
    EXPECT_FALSE(e->started_at.has_value());
  }
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.queued = 2}));
}

TEST_F(JobsTest, AGroupTargetReachesItsChildGroupsAndEachThingOnce) {
  AddThings({"a", "b", "c"});
  AddGroup("fleet", {"a"});
  AddGroup("fleet-eu", {"a", "b"}, "fleet");
  auto req = JobRequest("job-1", {GroupArn("fleet"), ThingArn("c"), ThingArn("a")});
  jobs::Job job = CreateJobOk(req);
  EXPECT_EQ(job.thing_group_id, "id-fleet");
  EXPECT_EQ(job.process_details, (JobProcessDetails{.queued = 3}));
  for (const char* thing : {"a", "b", "c"}) {
    auto e = StoredExecution("job-1", thing);
    ASSERT_TRUE(e.has_value()) << thing;
    EXPECT_EQ(e->execution_number, 1) << thing;
  }
}

TEST_F(JobsTest, ASnapshotJobThatReachesNoThingIsCompletedAtOnce) {
  AddGroup("empty", {});
  jobs::Job job = CreateJobOk(JobRequest("job-1", {GroupArn("empty")}), kT0 + 5);
  EXPECT_EQ(job.status, JobStatus::kCompleted);
  EXPECT_EQ(job.completed_at, kT0 + 5);
  EXPECT_EQ(StoredJob("job-1").status, JobStatus::kCompleted);
}

TEST_F(JobsTest, AContinuousJobThatReachesNoThingStaysInProgress) {
  AddGroup("empty", {});
  jobs::Job job =
      CreateJobOk(JobRequest("job-1", {GroupArn("empty")}, TargetSelection::kContinuous));
  EXPECT_EQ(job.status, JobStatus::kInProgress);
  EXPECT_FALSE(job.completed_at.has_value());
}

TEST_F(JobsTest, ExecutionsCarryTheJobsNamespace) {
  AddThings({"t1"});
  auto req = JobRequest("job-1", {ThingArn("t1")});
  req.job.namespace_id = "ns1";
  CreateJobOk(req);
  EXPECT_EQ(StoredExecution("job-1", "t1")->namespace_id, "ns1");
}

TEST_F(JobsTest, TheRolloutRateLimitsTheFirstExecutions) {
  AddThings({"t1", "t2", "t3", "t4", "t5"});
  auto req = JobRequest("job-1", {ThingArn("t1"), ThingArn("t2"), ThingArn("t3"), ThingArn("t4"),
                                  ThingArn("t5")});
  req.job.rollout_config = jobs::JobExecutionsRolloutConfig{2, std::nullopt};
  jobs::Job job = CreateJobOk(req);
  EXPECT_EQ(job.process_details, (JobProcessDetails{.queued = 2}));
  ASSERT_TRUE(job.rollout.has_value());
  EXPECT_EQ(job.rollout->things, (std::vector<std::string>{"t3", "t4", "t5"}));
  // The window is full: the background work releases the next ones a minute later.
  EXPECT_EQ(job.next_action_at, kT0 + kMinute);
  EXPECT_TRUE(StoredExecution("job-1", "t2").has_value());
  EXPECT_FALSE(StoredExecution("job-1", "t3").has_value());
}

TEST_F(JobsTest, AScheduledJobWaitsForItsStartWithoutExecutions) {
  AddThings({"t1"});
  auto req = JobRequest("job-1", {ThingArn("t1")});
  req.job.scheduling_config = jobs::SchedulingConfig{"2026-01-01T01:00", std::nullopt,
                                                     std::nullopt, {}};
  jobs::Job job = CreateJobOk(req);
  EXPECT_EQ(job.status, JobStatus::kScheduled);
  EXPECT_EQ(job.process_details, JobProcessDetails{});
  EXPECT_EQ(job.next_action_at, kT0 + 60 * kMinute);
  EXPECT_FALSE(StoredExecution("job-1", "t1").has_value());
}

TEST_F(JobsTest, TheScheduleIsBoundedAroundNow) {
  AddThings({"t1"});
  auto scheduled = [&](std::optional<std::string> start, std::optional<std::string> end) {
    auto req = JobRequest("job-1", {ThingArn("t1")});
    req.job.scheduling_config = jobs::SchedulingConfig{start, end, std::nullopt, {}};
    return req;
  };
  // Start: 30 minutes to one year ahead of the request's time.
  EXPECT_EQ(CreateError(scheduled("2026-01-01T00:29", std::nullopt)), ErrorCode::kInvalidRequest);
  EXPECT_EQ(CreateError(scheduled("2027-01-03T00:00", std::nullopt)), ErrorCode::kInvalidRequest);
  EXPECT_EQ(CreateError(scheduled("tomorrow", std::nullopt)), ErrorCode::kInvalidRequest);
  // End: at least 30 minutes after the start (or now), at most two years ahead.
  EXPECT_EQ(CreateError(scheduled("2026-01-01T01:00", "2026-01-01T01:29")),
            ErrorCode::kInvalidRequest);
  EXPECT_EQ(CreateError(scheduled(std::nullopt, "2026-01-01T00:29")), ErrorCode::kInvalidRequest);
  EXPECT_EQ(CreateError(scheduled(std::nullopt, "2028-01-04T00:00")), ErrorCode::kInvalidRequest);
  // The same start is fine for a request made earlier: the bounds follow op.now.
  EXPECT_TRUE(Create(scheduled("2026-01-01T00:29", std::nullopt), kT0 - kMinute).ok());
}

TEST_F(JobsTest, TheDocumentMustBeAnInlineJsonObject) {
  AddThings({"t1"});
  auto req = JobRequest("job-1", {ThingArn("t1")});
  auto with = [&](auto change) {
    CreateJobRequest r = req;
    change(r);
    return CreateError(r);
  };
  EXPECT_EQ(with([](auto& r) { r.job.document = ""; }), ErrorCode::kInvalidRequest);
  EXPECT_EQ(with([](auto& r) { r.job.document = "[1]"; }), ErrorCode::kInvalidRequest);
  EXPECT_EQ(with([](auto& r) { r.job.document = "{"; }), ErrorCode::kInvalidRequest);
  EXPECT_EQ(with([](auto& r) { r.job.document = std::string(600, '[') + std::string(600, ']'); }),
            ErrorCode::kInvalidRequest);
  EXPECT_EQ(with([](auto& r) { r.document_source = "https://s3/doc.json"; }),
            ErrorCode::kInvalidRequest);
  EXPECT_EQ(with([](auto& r) { r.job.document_parameters = {{"a", "b"}}; }),
            ErrorCode::kInvalidRequest);
  EXPECT_EQ(with([](auto& r) { r.job_template_arn = "arn:aws:iot:us-east-1:1:jobtemplate/x"; }),
            ErrorCode::kResourceNotFound);
  EXPECT_EQ(Describe("job-1").status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(JobsTest, ConfigurationsAreCheckedBeforeAnythingIsWritten) {
  AddThings({"t1"});
  auto req = JobRequest("job-1", {ThingArn("t1")});
  CreateJobRequest fast = req;
  fast.job.rollout_config = jobs::JobExecutionsRolloutConfig{1001, std::nullopt};
  EXPECT_EQ(CreateError(fast), ErrorCode::kInvalidRequest);
  CreateJobRequest both = req;
  jobs::ExponentialRolloutRate rate;
  rate.rate_increase_criteria = {5, 5};
  both.job.rollout_config = jobs::JobExecutionsRolloutConfig{std::nullopt, rate};
  EXPECT_EQ(CreateError(both), ErrorCode::kInvalidRequest);
  CreateJobRequest retries = req;
  retries.job.retry_config = jobs::JobExecutionsRetryConfig{{{"FAILED", 6}, {"TIMED_OUT", 5}}};
  EXPECT_EQ(CreateError(retries), ErrorCode::kInvalidRequest);
  EXPECT_FALSE(StoredExecution("job-1", "t1").has_value());
}

TEST_F(JobsTest, TargetsMustExistInThisAccountAndBeAtMostAHundred) {
  AddThings({"t1"});
  EXPECT_EQ(CreateError(JobRequest("job-1", {ThingArn("ghost")})), ErrorCode::kResourceNotFound);
  EXPECT_EQ(CreateError(JobRequest("job-1", {"arn:aws:iot:us-east-1:999999999999:thing/t1"})),
            ErrorCode::kInvalidRequest);
  std::vector<std::string> many(101, ThingArn("t1"));
  EXPECT_EQ(CreateError(JobRequest("job-1", many)), ErrorCode::kLimitExceeded);
}

TEST_F(JobsTest, AJobIdIsTakenOnce) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  EXPECT_EQ(CreateError(JobRequest("job-1", {ThingArn("t1")})),
            ErrorCode::kResourceAlreadyExists);
  EXPECT_EQ(StoredJob("job-1").process_details, (JobProcessDetails{.queued = 1}));
}

TEST_F(JobsTest, DescribeAndGetJobDocument) {
  AddThings({"t1"});
  JobOnThings("job-1", {"t1"});
  auto job = Describe("job-1");
  ASSERT_TRUE(job.ok());
  EXPECT_EQ(job->targets, (std::vector<std::string>{ThingArn("t1")}));
  auto document = Read([&](auto& tx) { return GetJobDocument(tx, {"job-1"}, Op()); });
  ASSERT_TRUE(document.ok());
  EXPECT_EQ(*document, R"({"operation":"update"})");
  auto missing = Describe("nope");
  EXPECT_EQ(missing.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(missing.status().message(), "Job nope cannot be found.");
  EXPECT_EQ(Read([&](auto& tx) { return GetJobDocument(tx, {"nope"}, Op()); }).status().code(),
            ErrorCode::kResourceNotFound);
}

TEST_F(JobsTest, ListFiltersByStatusSelectionNamespaceAndGroup) {
  AddThings({"t1"});
  AddGroup("fleet", {"t1"});
  AddGroup("empty", {});
  JobOnThings("a-things", {"t1"});
  CreateJobOk(JobRequest("b-fleet", {GroupArn("fleet")}, TargetSelection::kContinuous));
  CreateJobOk(JobRequest("c-done", {GroupArn("empty")}));
  auto ns = JobRequest("d-ns", {ThingArn("t1")});
  ns.job.namespace_id = "ns1";
  CreateJobOk(ns);

  ListJobsRequest req;
  EXPECT_EQ(Ids(*List(req)), (std::vector<std::string>{"a-things", "b-fleet", "c-done", "d-ns"}));
  req.status = JobStatus::kCompleted;
  EXPECT_EQ(Ids(*List(req)), (std::vector<std::string>{"c-done"}));
  req = {};
  req.target_selection = TargetSelection::kContinuous;
  EXPECT_EQ(Ids(*List(req)), (std::vector<std::string>{"b-fleet"}));
  req = {};
  req.namespace_id = "ns1";
  EXPECT_EQ(Ids(*List(req)), (std::vector<std::string>{"d-ns"}));
  req = {};
  req.thing_group_name = "fleet";
  EXPECT_EQ(Ids(*List(req)), (std::vector<std::string>{"b-fleet"}));
  req = {};
  req.thing_group_id = "id-fleet";
  EXPECT_EQ(Ids(*List(req)), (std::vector<std::string>{"b-fleet"}));
  // An unknown group id, or one that is not the named group's, lists nothing.
  req.thing_group_id = "id-nope";
  EXPECT_TRUE(List(req)->items.empty());
  req.thing_group_id = "id-fleet";
  req.thing_group_name = "empty";
  EXPECT_TRUE(List(req)->items.empty());
}

TEST_F(JobsTest, ListPagesThroughEveryJob) {
  AddThings({"t1"});
  for (int i = 0; i < 5; ++i) JobOnThings("job-" + std::to_string(i), {"t1"});
  ListJobsRequest req;
  req.page.max_results = 2;
  std::vector<std::string> ids;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = List(req);
    ASSERT_TRUE(page.ok()) << page.status().message();
    EXPECT_LE(page->items.size(), 2u);
    for (auto& id : Ids(*page)) ids.push_back(id);
    if (!page->next_token) break;
    req.page.next_token = page->next_token;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"job-0", "job-1", "job-2", "job-3", "job-4"}));
}

}  // namespace
}  // namespace iotjobs::service
