// AWS managed job templates in the service (service/transactions/managed_job_templates.h):
// listing and describing the catalogue, CreateJob from a managed template with its
// documentParameters checked and kept, and every document a device gets substituted
// (service/job_documents.h) while GetJobDocument with beforeSubstitution shows it as written.
#include "service/transactions/managed_job_templates.h"

#include <boost/json.hpp>

#include "jobs/managed_templates/catalogue.h"
#include "service/transactions/job_templates.h"
#include "transaction_test.h"

namespace iotjobs::service {
namespace json = boost::json;
namespace {

using transactions::DescribeManagedJobTemplate;
using transactions::ListManagedJobTemplates;

constexpr const char* kDownloadArn = "arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File:1.0";
constexpr const char* kRebootArn = "arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0";

class ManagedJobTemplatesTest : public TransactionTest {
 protected:
  void SetUp() override {
    TransactionTest::SetUp();
    AddThings({"t1"});
  }

  static std::vector<std::string> Names(const ListResult<const jobs::ManagedJobTemplate*>& r) {
    std::vector<std::string> names;
    for (const auto* t : r.items) names.push_back(t->template_name + ":" + t->template_version);
    return names;
  }
  Result<ListResult<const jobs::ManagedJobTemplate*>> List(
      std::optional<std::string> name = std::nullopt, std::optional<int> max_results = std::nullopt,
      std::optional<std::string> token = std::nullopt) {
    ListManagedJobTemplatesRequest req;
    req.template_name = std::move(name);
    req.page.max_results = max_results;
    req.page.next_token = std::move(token);
    return ListManagedJobTemplates(req, Op());
  }

  // A CreateJob request for t1 from a managed template.
  static CreateJobRequest FromTemplate(const std::string& job_id, const std::string& arn,
                                       std::map<std::string, std::string> parameters) {
    CreateJobRequest req = JobRequest(job_id, {ThingArn("t1")});
    req.job.document.clear();
    req.job_template_arn = arn;
    req.job.document_parameters = std::move(parameters);
    return req;
  }
  static CreateJobRequest Download(const std::string& job_id) {
    return FromTemplate(
        job_id, kDownloadArn,
        {{"downloadUrl", "https://example.com/fw.bin?sig=\"x\""}, {"filePath", "/tmp/fw.bin"}});
  }
  Result<jobs::Job> Create(const CreateJobRequest& req) {
    return Write([&](auto& tx) { return transactions::CreateJob(tx, req, Op()); });
  }
  // The job is nowhere: refused requests create nothing.
  void ExpectNoJob(const std::string& job_id) {
    auto job = Read([&](store::ReadTransaction& tx) { return tx.GetJob(job_id); });
    ASSERT_TRUE(job.ok());
    EXPECT_FALSE(job->has_value()) << job_id;
    auto execution = StoredExecution(job_id, "t1");
    EXPECT_FALSE(execution.has_value());
  }
  Result<std::string> GetDocument(const std::string& job_id, bool before_substitution = false) {
    return Read([&](auto& tx) {
      return transactions::GetJobDocument(tx, {job_id, before_substitution}, Op());
    });
  }
  // The download document as a device gets it.
  static json::value DownloadForDevices(const std::string& url, const std::string& path,
                                        const std::string& user = "",
                                        const std::string& handlers = "") {
    return json::value{
        {"version", "1.0"},
        {"steps",
         json::array{json::object{
             {"action", json::object{{"name", "Download-File"},
                                     {"type", "runHandler"},
                                     {"input", json::object{{"handler", "download-file.sh"},
                                                            {"args", json::array{url, path}},
                                                            {"path", handlers}}},
                                     {"runAsUser", user}}}}}}};
  }
};

// ---- ListManagedJobTemplates, DescribeManagedJobTemplate ----

TEST_F(ManagedJobTemplatesTest, ListShowsEveryTemplateByName) {
  auto all = List();
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(Names(*all),
            (std::vector<std::string>{"AWS-Download-File:1.0", "AWS-Install-Application:1.0",
                                      "AWS-Reboot:1.0", "AWS-Remove-Application:1.0",
                                      "AWS-Restart-Application:1.0", "AWS-Run-Command:1.0",
                                      "AWS-Start-Application:1.0", "AWS-Stop-Application:1.0"}));
  EXPECT_FALSE(all->next_token);
  auto reboot = List("AWS-Reboot");
  ASSERT_TRUE(reboot.ok());
  EXPECT_EQ(Names(*reboot), std::vector<std::string>{"AWS-Reboot:1.0"});
  EXPECT_EQ(List("AWS-Nothing").status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(ManagedJobTemplatesTest, ListPagesFollowTheirTokens) {
  std::vector<std::string> seen;
  std::optional<std::string> token;
  int pages = 0;
  do {
    auto page = List(std::nullopt, 3, token);
    ASSERT_TRUE(page.ok()) << page.status().message();
    EXPECT_LE(page->items.size(), 3u);
    for (auto& n : Names(*page)) seen.push_back(n);
    token = page->next_token;
    ++pages;
  } while (token);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, Names(*List()));
  // A filtered list pages too: one template, one page, no token.
  auto one = List("AWS-Run-Command", 1);
  ASSERT_TRUE(one.ok());
  EXPECT_FALSE(one->next_token);
  EXPECT_EQ(List(std::nullopt, 3, "not base64!").status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(List(std::nullopt, 3, "bm9jb2xvbg==").status().code(),  // "nocolon"
            ErrorCode::kInvalidRequest);
}

TEST_F(ManagedJobTemplatesTest, DescribeGivesTheLatestOrTheNamedVersion) {
  auto latest = DescribeManagedJobTemplate({"AWS-Download-File", std::nullopt}, Op());
  ASSERT_TRUE(latest.ok());
  EXPECT_EQ((*latest)->template_version, "1.0");
  EXPECT_EQ((*latest)->document_parameters.size(), 4u);
  auto named = DescribeManagedJobTemplate({"AWS-Download-File", "1.0"}, Op());
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(*named, *latest);
  auto no_version = DescribeManagedJobTemplate({"AWS-Download-File", "9.9"}, Op());
  EXPECT_EQ(no_version.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(no_version.status().message(),
            "Managed job template AWS-Download-File:9.9 cannot be found.");
  EXPECT_EQ(DescribeManagedJobTemplate({"AWS-Nothing", std::nullopt}, Op()).status().code(),
            ErrorCode::kResourceNotFound);
}

// ---- CreateJob from a managed template ----

TEST_F(ManagedJobTemplatesTest, TheJobTakesTheTemplatesDocumentAndKeepsItsParameters) {
  jobs::Job job = CreateJobOk(Download("job-1"));
  EXPECT_EQ(job.job_template_arn, kDownloadArn);
  EXPECT_EQ(job.description, "A managed job template for downloading a file.");
  jobs::Job stored = StoredJob("job-1");
  EXPECT_EQ(stored.document_parameters, Download("job-1").job.document_parameters);
  EXPECT_EQ(stored.job_template_arn, kDownloadArn);
  EXPECT_EQ(stored.process_details.queued, 1);
  // The job's own description wins over the template's.
  CreateJobRequest described = Download("job-2");
  described.job.description = "fleet firmware";
  EXPECT_EQ(CreateJobOk(described).description, "fleet firmware");
  // AWS-Reboot needs no parameters.
  EXPECT_EQ(CreateJobOk(FromTemplate("job-3", kRebootArn, {})).job_template_arn, kRebootArn);
}

TEST_F(ManagedJobTemplatesTest, BadParametersAreRefusedAndCreateNothing) {
  struct Case {
    std::map<std::string, std::string> parameters;
    std::string message;
  };
  const std::vector<Case> cases = {
      {{{"downloadUrl", "https://example.com/f"}},
       "documentParameters lacks the key 'filePath', which AWS-Download-File requires."},
      {{{"downloadUrl", "u"}, {"filePath", "p"}, {"checksum", "abc"}},
       "documentParameters has the key 'checksum', which AWS-Download-File does not take."},
      {{{"downloadUrl", "u"}, {"filePath", "p"}, {"runAsUser", std::string(300, 'x')}},
       "documentParameters.runAsUser of AWS-Download-File must match the regular expression "
       "(.){0,256}."},
  };
  for (const auto& c : cases) {
    auto r = Create(FromTemplate("job-bad", kDownloadArn, c.parameters));
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
    EXPECT_EQ(r.status().message(), c.message);
    ExpectNoJob("job-bad");
  }
  // The document the values make must stay within a job document's 32768 characters.
  auto long_values = Create(FromTemplate(
      "job-bad", kDownloadArn,
      {{"downloadUrl", std::string(20000, 'u')}, {"filePath", std::string(20000, 'p')}}));
  EXPECT_EQ(long_values.status().code(), ErrorCode::kInvalidRequest);
  ExpectNoJob("job-bad");
}

TEST_F(ManagedJobTemplatesTest, DocumentParametersNeedAManagedTemplate) {
  // Without a template.
  CreateJobRequest plain = JobRequest("job-bad", {ThingArn("t1")});
  plain.job.document_parameters = {{"downloadUrl", "u"}};
  auto r = Create(plain);
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_NE(r.status().message().find("documentParameters"), std::string::npos);
  // With a custom template.
  CreateJobTemplateRequest tpl;
  tpl.job_template.job_template_id = "fw";
  tpl.job_template.description = "firmware";
  tpl.document = R"({"op":"fw"})";
  ASSERT_TRUE(Write([&](auto& tx) { return transactions::CreateJobTemplate(tx, tpl, Op()); }).ok());
  CreateJobRequest custom =
      FromTemplate("job-bad", "arn:aws:iot:us-east-1:123456789012:jobtemplate/fw", {{"a", "b"}});
  r = Create(custom);
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_NE(r.status().message().find("documentParameters"), std::string::npos);
  ExpectNoJob("job-bad");
}

TEST_F(ManagedJobTemplatesTest, WhatIsNotAManagedTemplateOrItsUseIsRefused) {
  const std::vector<std::pair<std::string, ErrorCode>> arns = {
      {"arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File:9.9", ErrorCode::kResourceNotFound},
      {"arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File", ErrorCode::kResourceNotFound},
      {"arn:aws:iot:eu-west-1::jobtemplate/AWS-Download-File:1.0", ErrorCode::kResourceNotFound},
      {"arn:aws:iot:us-east-1::jobtemplate/AWS-Nothing:1.0", ErrorCode::kResourceNotFound},
  };
  for (const auto& [arn, code] : arns) {
    CreateJobRequest req = Download("job-bad");
    req.job_template_arn = arn;
    EXPECT_EQ(Create(req).status().code(), code) << arn;
  }
  // A document or a documentSource beside the template (D26).
  CreateJobRequest with_document = Download("job-bad");
  with_document.job.document = "{}";
  EXPECT_EQ(Create(with_document).status().code(), ErrorCode::kInvalidRequest);
  CreateJobRequest with_source = Download("job-bad");
  with_source.document_source = "https://s3.amazonaws.com/b/k";
  EXPECT_EQ(Create(with_source).status().code(), ErrorCode::kInvalidRequest);
  ExpectNoJob("job-bad");
}

// ---- what devices get ----

TEST_F(ManagedJobTemplatesTest, DevicesGetTheSubstitutedDocumentEverywhere) {
  CreateJobOk(Download("job-1"));
  const json::value expected =
      DownloadForDevices("https://example.com/fw.bin?sig=\"x\"", "/tmp/fw.bin");
  // DescribeJobExecution (device plane) and $next.
  for (const std::string job_id : {"job-1", "$next"}) {
    DeviceDescribeJobExecutionRequest describe;
    describe.thing_name = "t1";
    describe.job_id = job_id;
    auto d = Read(
        [&](auto& tx) { return transactions::DescribeJobExecutionForDevice(tx, describe, Op()); });
    ASSERT_TRUE(d.ok() && d->has_value()) << job_id;
    EXPECT_EQ(json::parse(*(*d)->job_document), expected) << job_id;
  }
  // StartNextPendingJobExecution.
  StartNextPendingJobExecutionRequest start;
  start.thing_name = "t1";
  auto started =
      Write([&](auto& tx) { return transactions::StartNextPendingJobExecution(tx, start, Op()); });
  ASSERT_TRUE(started.ok() && started->has_value());
  EXPECT_EQ(json::parse(*(*started)->job_document), expected);
  // UpdateJobExecution with includeJobDocument.
  UpdateJobExecutionRequest update;
  update.thing_name = "t1";
  update.job_id = "job-1";
  update.status = jobs::ExecutionStatus::kInProgress;
  update.include_job_document = true;
  auto updated =
      Write([&](auto& tx) { return transactions::UpdateJobExecution(tx, update, Op()); });
  ASSERT_TRUE(updated.ok()) << updated.status().message();
  EXPECT_EQ(json::parse(*updated->job_document), expected);
  // GetJobDocument shows what devices get; with beforeSubstitution, the document as written.
  EXPECT_EQ(json::parse(*GetDocument("job-1")), expected);
  EXPECT_EQ(*GetDocument("job-1", true),
            jobs::FindManagedJobTemplate("AWS-Download-File", "1.0")->document);
}

TEST_F(ManagedJobTemplatesTest, NotifyNextCarriesTheSubstitutedDocument) {
  CreateJobRequest req = FromTemplate("job-1", kDownloadArn,
                                      {{"downloadUrl", "https://example.com/a"},
                                       {"filePath", "/a"},
                                       {"runAsUser", "fw"},
                                       {"pathToHandler", "/opt/handlers"}});
  ASSERT_TRUE(
      WriteNotifying([&](auto& tx) { return transactions::CreateJob(tx, req, Op()); }).ok());
  bool seen = false;
  for (const auto& m : Outbox()) {
    if (m.topic != "$aws/things/t1/jobs/notify-next") continue;
    seen = true;
    EXPECT_EQ(json::parse(m.payload).at("execution").at("jobDocument"),
              DownloadForDevices("https://example.com/a", "/a", "fw", "/opt/handlers"));
  }
  EXPECT_TRUE(seen);
}

TEST_F(ManagedJobTemplatesTest, OtherJobsDocumentsAreSentAsWritten) {
  // A custom document that happens to hold placeholder text is not a managed template's.
  CreateJobRequest req = JobRequest("job-1", {ThingArn("t1")});
  req.job.document = R"({"url":"${aws:iot:parameter:downloadUrl}"})";
  CreateJobOk(req);
  EXPECT_EQ(*GetDocument("job-1"), req.job.document);
  EXPECT_EQ(*GetDocument("job-1", true), req.job.document);
}

TEST_F(ManagedJobTemplatesTest, ATemplateMadeFromAManagedJobTakesWhatDevicesGet) {
  CreateJobOk(Download("job-1"));
  CreateJobTemplateRequest tpl;
  tpl.job_template.job_template_id = "copy";
  tpl.job_template.description = "copied";
  tpl.job_arn = "arn:aws:iot:us-east-1:123456789012:job/job-1";
  auto copied = Write([&](auto& tx) { return transactions::CreateJobTemplate(tx, tpl, Op()); });
  ASSERT_TRUE(copied.ok()) << copied.status().message();
  EXPECT_EQ(json::parse(copied->document),
            DownloadForDevices("https://example.com/fw.bin?sig=\"x\"", "/tmp/fw.bin"));
}

}  // namespace
}  // namespace iotjobs::service
