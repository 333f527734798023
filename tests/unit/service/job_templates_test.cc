// The job template operations' transaction bodies (service/transactions/job_templates.h).
#include "service/transactions/job_templates.h"

#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using transactions::ApplyJobTemplate;
using transactions::CreateJobTemplate;
using transactions::DeleteJobTemplate;
using transactions::DescribeJobTemplate;
using transactions::ListJobTemplates;

constexpr const char* kTemplateArn = "arn:aws:iot:us-east-1:123456789012:jobtemplate/fw";

class JobTemplatesTest : public TransactionTest {
 protected:
  static CreateJobTemplateRequest Request(const std::string& id,
                                          std::optional<std::string> document = R"({"op":"fw"})") {
    CreateJobTemplateRequest req;
    req.job_template.job_template_id = id;
    req.job_template.description = "Firmware update";
    req.document = std::move(document);
    return req;
  }
  Result<jobs::JobTemplate> Create(const CreateJobTemplateRequest& req, EpochMillis now = kT0) {
    return Write([&](auto& tx) { return CreateJobTemplate(tx, req, Op(now)); });
  }
  Result<jobs::JobTemplate> Describe(const std::string& id) {
    return Read([&](auto& tx) { return DescribeJobTemplate(tx, id, Op()); });
  }
  Result<Empty> Delete(const std::string& id) {
    return Write([&](auto& tx) { return DeleteJobTemplate(tx, id, Op()); });
  }
  // Runs CreateJob's template step on `req` and returns what it made of it.
  Result<CreateJobRequest> Apply(CreateJobRequest req) {
    return Read([&](auto& tx) -> Result<CreateJobRequest> {
      IOTJOBS_RETURN_IF_ERROR(ApplyJobTemplate(tx, req, Op()));
      return req;
    });
  }
  // A job as CreateJob stores it, for CreateJobTemplate's jobArn.
  void InsertJob(const jobs::Job& job) {
    ASSERT_TRUE(Write([&](store::WriteTransaction& tx) -> Result<Empty> {
                  IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(job));
                  return Empty{};
                }).ok());
  }
};

TEST_F(JobTemplatesTest, CreateKeepsEveryMemberAndTheTime) {
  CreateJobTemplateRequest req = Request("fw");
  jobs::JobTemplate& t = req.job_template;
  t.timeout_config = jobs::TimeoutConfig{30};
  t.retry_config = jobs::JobExecutionsRetryConfig{{{"ALL", 10}}};
  t.rollout_config = jobs::JobExecutionsRolloutConfig{10, std::nullopt};
  t.abort_config = jobs::AbortConfig{{{"ALL", "CANCEL", 90, 1}}};
  t.presigned_url_config = jobs::PresignedUrlConfig{"arn:aws:iam::1:role/r", 123};
  t.maintenance_windows = {{"cron(0 0 * * ? *)", 60}};
  req.tags = {{"team", "fleet"}};
  auto created = Create(req, kT0 + 5);
  ASSERT_TRUE(created.ok()) << created.status().message();
  auto got = Describe("fw");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->document, R"({"op":"fw"})");
  EXPECT_EQ(got->description, "Firmware update");
  EXPECT_EQ(got->created_at, kT0 + 5);
  EXPECT_EQ(got->timeout_config->in_progress_timeout_in_minutes, 30);
  EXPECT_EQ(got->retry_config->criteria_list.at(0).number_of_retries, 10);
  EXPECT_EQ(got->rollout_config->maximum_per_minute, 10);
  EXPECT_EQ(got->abort_config->criteria_list.at(0).threshold_percentage, 90);
  EXPECT_EQ(got->presigned_url_config->expires_in_sec, 123);
  EXPECT_EQ(got->maintenance_windows.at(0).start_time, "cron(0 0 * * ? *)");
  auto tags = Read([](store::ReadTransaction& tx) {
    return tx.ListTags(jobs::ResourceKind::kJobTemplate, "fw", {"", 10});
  });
  ASSERT_TRUE(tags.ok());
  ASSERT_EQ(tags->items.size(), 1u);
  EXPECT_EQ(tags->items.at(0).key, "team");
}

TEST_F(JobTemplatesTest, ASecondTemplateWithTheSameIdConflicts) {
  ASSERT_TRUE(Create(Request("fw")).ok());
  EXPECT_EQ(Create(Request("fw")).status().code(), ErrorCode::kConflict);
}

TEST_F(JobTemplatesTest, ADocumentIsRequiredAndMustBeAJsonObject) {
  EXPECT_EQ(Create(Request("none", std::nullopt)).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Create(Request("array", "[1]")).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Create(Request("broken", "{")).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Describe("broken").status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(JobTemplatesTest, DocumentSourceIsRefusedAsCreateJobRefusesIt) {
  CreateJobTemplateRequest req = Request("s3", std::nullopt);
  req.document_source = "https://s3.amazonaws.com/bucket/doc.json";
  auto r = Create(req);
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_NE(r.status().message().find("documentSource"), std::string::npos);
}

TEST_F(JobTemplatesTest, ConfigurationsAreCheckedAsCreateJobChecksThem) {
  CreateJobTemplateRequest retries = Request("retries");
  retries.job_template.retry_config =
      jobs::JobExecutionsRetryConfig{{{"FAILED", 6}, {"TIMED_OUT", 6}}};
  EXPECT_EQ(Create(retries).status().code(), ErrorCode::kInvalidRequest);
  CreateJobTemplateRequest packages = Request("packages");
  packages.job_template.destination_package_versions = {
      "arn:aws:iot:us-east-1:123456789012:package/p/version/1"};
  EXPECT_EQ(Create(packages).status().code(), ErrorCode::kInvalidRequest);
  CreateJobTemplateRequest rollout = Request("rollout");
  rollout.job_template.rollout_config = jobs::JobExecutionsRolloutConfig{1001, std::nullopt};
  EXPECT_EQ(Create(rollout).status().code(), ErrorCode::kInvalidRequest);
}

TEST_F(JobTemplatesTest, FromAJobCopiesItsDocumentAndConfigurations) {
  jobs::Job job;
  job.job_id = "source";
  job.document = R"({"from":"job"})";
  job.timeout_config = jobs::TimeoutConfig{15};
  job.abort_config = jobs::AbortConfig{{{"FAILED", "CANCEL", 50, 2}}};
  job.scheduling_config = jobs::SchedulingConfig{};
  job.scheduling_config->maintenance_windows = {{"cron(0 1 * * ? *)", 30}};
  InsertJob(job);
  CreateJobTemplateRequest req = Request("copy", std::nullopt);
  req.job_arn = "arn:aws:iot:us-east-1:123456789012:job/source";
  req.job_template.timeout_config = jobs::TimeoutConfig{99};  // the request's own wins
  ASSERT_TRUE(Create(req).ok());
  auto t = Describe("copy");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->document, R"({"from":"job"})");
  EXPECT_EQ(t->description, "Firmware update");
  EXPECT_EQ(t->timeout_config->in_progress_timeout_in_minutes, 99);
  EXPECT_EQ(t->abort_config->criteria_list.at(0).min_number_of_executed_things, 2);
  EXPECT_EQ(t->maintenance_windows.at(0).duration_in_minutes, 30);
}

TEST_F(JobTemplatesTest, FromAJobThatIsNotThereIsNotFound) {
  CreateJobTemplateRequest req = Request("copy", std::nullopt);
  req.job_arn = "arn:aws:iot:us-east-1:123456789012:job/nope";
  EXPECT_EQ(Create(req).status().code(), ErrorCode::kResourceNotFound);
  req.job_arn = "arn:aws:iot:us-east-1:999999999999:job/elsewhere";
  EXPECT_EQ(Create(req).status().code(), ErrorCode::kResourceNotFound);
  req.job_arn = "arn:aws:iot:us-east-1:123456789012:thing/not-a-job";
  EXPECT_EQ(Create(req).status().code(), ErrorCode::kInvalidRequest);
}

TEST_F(JobTemplatesTest, DocumentAndJobArnTogetherAreRefused) {
  jobs::Job job;
  job.job_id = "source";
  job.document = "{}";
  InsertJob(job);
  CreateJobTemplateRequest req = Request("both");
  req.job_arn = "arn:aws:iot:us-east-1:123456789012:job/source";
  EXPECT_EQ(Create(req).status().code(), ErrorCode::kInvalidRequest);
}

TEST_F(JobTemplatesTest, ListPagesByIdAndDeleteRemovesOne) {
  for (const char* id : {"c", "a", "b"}) ASSERT_TRUE(Create(Request(id)).ok());
  ListJobTemplatesRequest req;
  req.page.max_results = 2;
  std::vector<std::string> ids;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = Read([&](auto& tx) { return ListJobTemplates(tx, req, Op()); });
    ASSERT_TRUE(page.ok()) << page.status().message();
    for (const auto& t : page->items) ids.push_back(t.job_template_id);
    if (!page->next_token) break;
    req.page.next_token = page->next_token;
  }
  EXPECT_EQ(ids, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_TRUE(Delete("b").ok());
  EXPECT_EQ(Describe("b").status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(Delete("b").status().code(), ErrorCode::kResourceNotFound);
  EXPECT_TRUE(Describe("a").ok());
}

TEST_F(JobTemplatesTest, AJobFromATemplateTakesItsDocumentAndConfigurations) {
  CreateJobTemplateRequest tpl = Request("fw");
  tpl.job_template.timeout_config = jobs::TimeoutConfig{30};
  tpl.job_template.retry_config = jobs::JobExecutionsRetryConfig{{{"ALL", 2}}};
  tpl.job_template.maintenance_windows = {{"cron(0 0 * * ? *)", 60}};
  ASSERT_TRUE(Create(tpl).ok());
  CreateJobRequest req;
  req.job.job_id = "job-1";
  req.job_template_arn = kTemplateArn;
  req.job.retry_config = jobs::JobExecutionsRetryConfig{{{"FAILED", 5}}};  // wins
  auto applied = Apply(req);
  ASSERT_TRUE(applied.ok()) << applied.status().message();
  EXPECT_EQ(applied->job.document, R"({"op":"fw"})");
  EXPECT_EQ(applied->job.timeout_config->in_progress_timeout_in_minutes, 30);
  EXPECT_EQ(applied->job.retry_config->criteria_list.at(0).failure_type, "FAILED");
  EXPECT_EQ(applied->job.scheduling_config->maintenance_windows.at(0).duration_in_minutes, 60);
  EXPECT_EQ(applied->job.job_template_arn, kTemplateArn);
}

TEST_F(JobTemplatesTest, AJobWithoutATemplateIsLeftAlone) {
  CreateJobRequest req;
  req.job.job_id = "plain";
  req.job.document = "{}";
  auto applied = Apply(req);
  ASSERT_TRUE(applied.ok());
  EXPECT_EQ(applied->job.document, "{}");
  EXPECT_FALSE(applied->job.job_template_arn);
}

TEST_F(JobTemplatesTest, ATemplateThatIsNotThereIsNotFound) {
  CreateJobRequest req;
  req.job_template_arn = kTemplateArn;
  EXPECT_EQ(Apply(req).status().code(), ErrorCode::kResourceNotFound);
  // Another account's template is not this account's.
  ASSERT_TRUE(Create(Request("fw")).ok());
  req.job_template_arn = "arn:aws:iot:us-east-1:999999999999:jobtemplate/fw";
  EXPECT_EQ(Apply(req).status().code(), ErrorCode::kResourceNotFound);
  // A managed template that AWS does not have (managed_job_templates_test.cc has the rest).
  req.job_template_arn = "arn:aws:iot:us-east-1::jobtemplate/AWS-Nothing:1.0";
  EXPECT_EQ(Apply(req).status().code(), ErrorCode::kResourceNotFound);
  req.job_template_arn = "arn:aws:iot:us-east-1:123456789012:job/not-a-template";
  EXPECT_EQ(Apply(req).status().code(), ErrorCode::kInvalidRequest);
}

TEST_F(JobTemplatesTest, ADocumentBesideATemplateIsRefused) {
  ASSERT_TRUE(Create(Request("fw")).ok());
  CreateJobRequest req;
  req.job_template_arn = kTemplateArn;
  req.job.document = "{}";
  EXPECT_EQ(Apply(req).status().code(), ErrorCode::kInvalidRequest);
}

TEST_F(JobTemplatesTest, DeletingATemplateLeavesItsJobsAlone) {
  ASSERT_TRUE(Create(Request("fw")).ok());
  CreateJobRequest req;
  req.job.job_id = "job-1";
  req.job_template_arn = kTemplateArn;
  auto applied = Apply(req);
  ASSERT_TRUE(applied.ok());
  InsertJob(applied->job);
  ASSERT_TRUE(Delete("fw").ok());
  auto job = Read([](store::ReadTransaction& tx) -> Result<std::optional<jobs::Job>> {
    return tx.GetJob("job-1");
  });
  ASSERT_TRUE(job.ok() && job->has_value());
  EXPECT_EQ((*job)->job_template_arn, kTemplateArn);
}

}  // namespace
}  // namespace iotjobs::service
