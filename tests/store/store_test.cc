// The store suite, written once and run on every backend: SQLite on a file and in memory,
// and PostgreSQL when IOTJOBS_TEST_PG_DSN names a server (each test on a new database).
#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <future>
#include <thread>

#include "pg_test_database.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/wait.h"

namespace iotjobs::store {
namespace {

using jobs::ExecutionStatus;
using pg_test::PgTestDatabase;

// The backends the suite runs on here: PostgreSQL only with a server to test against.
std::vector<std::string> Backends() {
  std::vector<std::string> backends = {"sqlite-file", "sqlite-memory"};
  if (pg_test::PostgresTestDsn()) backends.push_back("postgres");
  return backends;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "sqlite-file") {
      std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
      for (char& c : name) c = c == '/' ? '_' : c;
      dir_ = std::filesystem::temp_directory_path() /
             ("iotjobs-store-test-" + std::to_string(::getpid()) + "-" + name);
      std::filesystem::remove_all(dir_);
    } else if (GetParam() == "postgres") {
      pg_ = std::make_unique<PgTestDatabase>();
      ASSERT_EQ(pg_->error(), "");
    }
    Open();
  }
  void TearDown() override {
    store_.reset();
    pg_.reset();  // drops the database, now that no store uses it
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  // Opens the store of this test's backend, on the same data every time.
  void Open() {
    Result<std::unique_ptr<Store>> s = OpenBackend();
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  Result<std::unique_ptr<Store>> OpenBackend() {
    if (GetParam() == "postgres") {
      return Upcast(postgres::PostgresStore::Open({pg_->conninfo(), 4}));
    }
    sqlite::SqliteOptions options;
    options.data_dir = dir_.empty() ? ":memory:" : dir_.string();
    return Upcast(sqlite::SqliteStore::Open(options));
  }
  template <typename T>
  static Result<std::unique_ptr<Store>> Upcast(Result<std::unique_ptr<T>> r) {
    if (!r.ok()) return r.status();
    return std::unique_ptr<Store>(std::move(*r));
  }

  Status Write(Store::WriteFn fn, const std::string& account = "111111111111") {
    return WriteAndWait(*store_, account, std::move(fn));
  }
  Status Read(Store::ReadFn fn, const std::string& account = "111111111111") {
    return ReadAndWait(*store_, account, std::move(fn));
  }

  static jobs::Thing Thing(const std::string& name) {
    jobs::Thing t;
    t.thing_name = name;
    t.thing_id = "id-" + name;
    t.attributes = {{"color", "red"}};
    return t;
  }
  static jobs::JobExecution Execution(const std::string& job, const std::string& thing,
                                      int64_t number, ExecutionStatus status, EpochMillis queued) {
    jobs::JobExecution e;
    e.job_id = job;
    e.thing_name = thing;
    e.execution_number = number;
    e.status = status;
    e.queued_at = queued;
    e.last_updated_at = queued;
    return e;
  }

  std::filesystem::path dir_;
  std::unique_ptr<PgTestDatabase> pg_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, ThingsRoundTripAndAccountsAreApart) {
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.InsertThing(Thing("t1")); }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto t = tx.GetThing("t1");
                EXPECT_TRUE(t.ok());
                EXPECT_TRUE(t->has_value());
                EXPECT_EQ((*t)->attributes.at("color"), "red");
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Read(
                  [](ReadTransaction& tx) {
                    auto t = tx.GetThing("t1");
                    EXPECT_FALSE(t->has_value()) << "another account must not see t1";
                    return Status::Ok();
                  },
                  "222222222222")
                  .ok());
  // The same name in another account is another thing.
  EXPECT_TRUE(
      Write([](WriteTransaction& tx) { return tx.InsertThing(Thing("t1")); }, "222222222222").ok());
  // A duplicate within an account is refused by the key.
  EXPECT_FALSE(Write([](WriteTransaction& tx) { return tx.InsertThing(Thing("t1")); }).ok());
}

TEST_P(StoreTest, ThingPagesFollowKeys) {
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                for (int i = 0; i < 7; ++i) {
                  IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing("t" + std::to_string(i))));
                }
                return Status::Ok();
              }).ok());
  std::vector<std::string> seen;
  PageRequest page{"", 3};
  for (int pages = 0; pages < 5; ++pages) {
    std::string next;
    ASSERT_TRUE(Read([&](ReadTransaction& tx) {
                  auto p = tx.ListThings({}, page);
                  if (!p.ok()) return p.status();
                  for (auto& t : p->items) seen.push_back(t.thing_name);
                  next = p->next;
                  return Status::Ok();
                }).ok());
    if (next.empty()) break;
    page.after = next;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"t0", "t1", "t2", "t3", "t4", "t5", "t6"}));
}

TEST_P(StoreTest, ExecutionsLatestPendingOrderAndDelete) {
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(Execution("a", "t", 1, ExecutionStatus::kFailed, 10)));
                IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(Execution("a", "t", 2, ExecutionStatus::kQueued, 30)));
                IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(Execution("b", "t", 1, ExecutionStatus::kQueued, 20)));
                IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(Execution("c", "t", 1, ExecutionStatus::kInProgress, 40)));
                return tx.InsertExecution(Execution("c", "other", 1, ExecutionStatus::kQueued, 1));
              }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto latest = tx.GetExecution("a", "t", std::nullopt);
                EXPECT_EQ((*latest)->execution_number, 2);
                auto first = tx.GetExecution("a", "t", 1);
                EXPECT_EQ((*first)->status, ExecutionStatus::kFailed);
                EXPECT_FALSE(tx.GetExecution("a", "t", 3)->has_value());
                // IN_PROGRESS first, then queued oldest first; terminal ones are not pending.
                auto pending = tx.ListPendingExecutionsForThing("t", 10);
                std::vector<std::string> order;
                for (auto& e : *pending) order.push_back(e.job_id);
                EXPECT_EQ(order, (std::vector<std::string>{"c", "b", "a"}));
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.DeleteExecution("a", "t", 2); }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                EXPECT_EQ((*tx.GetExecution("a", "t", std::nullopt))->execution_number, 1);
                auto page = tx.ListExecutionsForThing("t", {}, {"", 100});
                EXPECT_EQ(page->items.size(), 3u);
                auto queued = tx.ListExecutionsForThing(
                    "t", {ExecutionStatus::kQueued, std::nullopt, std::nullopt}, {"", 100});
                EXPECT_EQ(queued->items.size(), 1u);
                return Status::Ok();
              }).ok());
}

TEST_P(StoreTest, ExecutionPagesAcrossNumbers) {
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                for (int thing = 0; thing < 3; ++thing) {
                  for (int n = 1; n <= 3; ++n) {
                    IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(Execution(
                        "j", "t" + std::to_string(thing), n, ExecutionStatus::kQueued, n)));
                  }
                }
                return Status::Ok();
              }).ok());
  int total = 0;
  PageRequest page{"", 2};
  for (;;) {
    std::string next;
    ASSERT_TRUE(Read([&](ReadTransaction& tx) {
                  auto p = tx.ListExecutionsForJob("j", std::nullopt, page);
                  if (!p.ok()) return p.status();
                  total += static_cast<int>(p->items.size());
                  next = p->next;
                  return Status::Ok();
                }).ok());
    if (next.empty()) break;
    page.after = next;
  }
  EXPECT_EQ(total, 9);
  // A token that is not one of ours is refused, not trusted.
  Status bad = Read([](ReadTransaction& tx) {
    return tx.ListExecutionsForJob("j", std::nullopt, {"garbage", 2}).status();
  });
  EXPECT_EQ(bad.code(), ErrorCode::kInvalidRequest);
}

// One thing's executions of one job (the jobId filter, and retries counting attempts), paged
// by (job, number) across jobs that sort before and after it.
TEST_P(StoreTest, ThingPagesFilteredByJob) {
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                for (const char* job : {"a", "b", "c"}) {
                  for (int n = 1; n <= 3; ++n) {
                    IOTJOBS_RETURN_IF_ERROR(
                        tx.InsertExecution(Execution(job, "t", n, ExecutionStatus::kFailed, n)));
                  }
                }
                return Status::Ok();
              }).ok());
  ExecutionFilter only_b{std::nullopt, std::nullopt, "b"};
  std::vector<std::string> seen;
  PageRequest page{"", 2};
  for (;;) {
    std::string next;
    ASSERT_TRUE(Read([&](ReadTransaction& tx) {
                  auto p = tx.ListExecutionsForThing("t", only_b, page);
                  if (!p.ok()) return p.status();
                  for (const auto& e : p->items) {
                    seen.push_back(e.job_id + "/" + std::to_string(e.execution_number));
                  }
                  next = p->next;
                  return Status::Ok();
                }).ok());
    if (next.empty()) break;
    page.after = next;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"b/1", "b/2", "b/3"}));
  // A cursor from the unfiltered list, inside job a or past job b, continues correctly.
  std::string after_a, after_c;
  ASSERT_TRUE(Read([&](ReadTransaction& tx) {
                ExecutionFilter all;
                auto first = tx.ListExecutionsForThing("t", all, {"", 2});  // a/1, a/2
                auto to_c = tx.ListExecutionsForThing("t", all, {"", 7});   // ... c/1
                after_a = first->next;
                after_c = to_c->next;
                auto rest = tx.ListExecutionsForThing("t", only_b, {after_a, 10});
                EXPECT_EQ(rest->items.size(), 3u);
                auto none = tx.ListExecutionsForThing("t", only_b, {after_c, 10});
                EXPECT_TRUE(none->items.empty());
                EXPECT_TRUE(none->next.empty());
                return Status::Ok();
              }).ok());
}

TEST_P(StoreTest, JobsKeepConfigurationsCountersAndGroupTargets) {
  jobs::Job job;
  job.job_id = "j1";
  job.targets = {"arn:aws:iot:us-east-1:111111111111:thinggroup/g1"};
  job.document = R"({"op":"update"})";
  job.description = "d";
  job.timeout_config = jobs::TimeoutConfig{30};
  job.abort_config = jobs::AbortConfig{{{"FAILED", "CANCEL", 12.5, 3}}};
  job.process_details.queued = 4;
  job.namespace_id = "ns";
  ASSERT_TRUE(Write([&](WriteTransaction& tx) { return tx.InsertJob(job); }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto j = *tx.GetJob("j1");
                EXPECT_TRUE(j.has_value());
                EXPECT_EQ(j->process_details.queued, 4);
                EXPECT_EQ(j->timeout_config->in_progress_timeout_in_minutes, 30);
                EXPECT_EQ(j->abort_config->criteria_list.at(0).threshold_percentage, 12.5);
                auto document = **tx.GetJobDocument("j1");
                EXPECT_EQ(document.document, R"({"op":"update"})");
                EXPECT_FALSE(document.parameters.has_value());  // not from a managed template
                auto by_group = tx.ListJobs({std::nullopt, std::nullopt, std::nullopt, "g1"}, {"", 10});
                EXPECT_EQ(by_group->items.size(), 1u);
                auto other_ns = tx.ListJobs({std::nullopt, std::nullopt, "x", std::nullopt}, {"", 10});
                EXPECT_TRUE(other_ns->items.empty());
                EXPECT_EQ(*tx.ListJobsTargetingGroups({"g1", "g2"}), std::vector<std::string>{"j1"});
                return Status::Ok();
              }).ok());
}

// A job's counters are its row's plus what execution changes added apart from it
// (AddJobCounts): every read of the job sums them, UpdateJob adds the job's unsaved changes
// instead of setting them, and deleting the job deletes them.
TEST_P(StoreTest, JobCountersAddUpApartFromTheJobRow) {
  jobs::Job job;
  job.job_id = "counted";
  job.document = "{}";
  job.process_details.queued = 3;
  ASSERT_TRUE(Write([&](WriteTransaction& tx) { return tx.InsertJob(job); }).ok());
  jobs::JobProcessDetails started;
  started.queued = -1;
  started.in_progress = 1;
  ASSERT_TRUE(Write([&](WriteTransaction& tx) -> Status {
                IOTJOBS_RETURN_IF_ERROR(tx.AddJobCounts("counted", started));
                IOTJOBS_RETURN_IF_ERROR(tx.AddJobCounts("counted", started));
                return tx.AddJobCounts("counted", jobs::JobProcessDetails{});  // no-op
              }).ok());
  ASSERT_TRUE(Write([&](WriteTransaction& tx) -> Status {
                auto j = *tx.GetJob("counted");
                EXPECT_TRUE(j->counts_known);
                EXPECT_EQ(j->process_details.queued, 1);
                EXPECT_EQ(j->process_details.in_progress, 2);
                auto bare = *tx.GetJobWithoutCounts("counted");
                EXPECT_FALSE(bare->counts_known);
                EXPECT_EQ(bare->process_details, jobs::JobProcessDetails{});
                // The row is written with a change of its own: added to, not overwritten.
                j->unsaved_counts.in_progress = -1;
                j->unsaved_counts.succeeded = 1;
                j->description = "updated";
                return tx.UpdateJob(*j);
              }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) -> Status {
                auto j = *tx.GetJob("counted");
                EXPECT_EQ(j->description, "updated");
                EXPECT_EQ(j->process_details.queued, 1);
                EXPECT_EQ(j->process_details.in_progress, 1);
                EXPECT_EQ(j->process_details.succeeded, 1);
                EXPECT_EQ(j->process_details.Total(), 3);
                auto page = *tx.ListJobs({}, {"", 10});
                EXPECT_EQ(page.items.at(0).process_details, j->process_details);
                auto stats = *tx.ReadStats();
                for (const auto& [status, n] : stats.executions_by_status) {
                  if (status == "QUEUED" || status == "IN_PROGRESS" || status == "SUCCEEDED") {
                    EXPECT_EQ(n, 1) << status;
                  }
                }
                return Status::Ok();
              }).ok());
  // A job created again under the same id starts from its own counters only.
  ASSERT_TRUE(Write([&](WriteTransaction& tx) -> Status {
                IOTJOBS_RETURN_IF_ERROR(tx.DeleteJob("counted"));
                return tx.InsertJob(job);
              }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) -> Status {
                auto j = *tx.GetJob("counted");
                EXPECT_EQ(j->process_details.queued, 3);
                EXPECT_EQ(j->process_details.Total(), 3);
                return Status::Ok();
              }).ok());
}

// A job made from an AWS managed template keeps its documentParameters beside its document
// (what devices get is made from both) and in its details (DescribeJob); the document stays
// as written.
TEST_P(StoreTest, ManagedTemplateJobsKeepTheirDocumentParameters) {
  jobs::Job job;
  job.job_id = "j-managed";
  job.targets = {"arn:aws:iot:us-east-1:111111111111:thing/t1"};
  job.document = R"({"url":"${aws:iot:parameter:downloadUrl}"})";
  job.job_template_arn = "arn:aws:iot:us-east-1::jobtemplate/AWS-Download-File:1.0";
  job.document_parameters = {{"downloadUrl", "https://example.com/\"x\""}, {"filePath", "/tmp/f"}};
  jobs::Job without = job;
  without.job_id = "j-managed-none";
  without.document_parameters.clear();
  ASSERT_TRUE(Write([&](WriteTransaction& tx) {
                IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(job));
                return tx.InsertJob(without);
              }).ok());
  ASSERT_TRUE(Read([&](ReadTransaction& tx) {
                auto document = **tx.GetJobDocument("j-managed");
                EXPECT_EQ(document.document, job.document);
                EXPECT_EQ(document.parameters, job.document_parameters);
                EXPECT_EQ((*tx.GetJob("j-managed"))->document_parameters, job.document_parameters);
                // No parameters given (AWS-Reboot needs none): present, and empty.
                auto none = **tx.GetJobDocument("j-managed-none");
                EXPECT_EQ(none.parameters, (std::map<std::string, std::string>{}));
                return Status::Ok();
              }).ok());
}

TEST_P(StoreTest, JobTemplatesRoundTripPageAndStayInTheirAccount) {
  jobs::JobTemplate t;
  t.job_template_id = "tpl-b";
  t.description = "firmware";
  t.document = R"({"op":"update"})";
  t.created_at = 1'700'000'000'123;
  t.timeout_config = jobs::TimeoutConfig{30};
  t.retry_config = jobs::JobExecutionsRetryConfig{{{"ALL", 3}}};
  t.rollout_config = jobs::JobExecutionsRolloutConfig{10, std::nullopt};
  t.abort_config = jobs::AbortConfig{{{"FAILED", "CANCEL", 12.5, 3}}};
  t.presigned_url_config = jobs::PresignedUrlConfig{"arn:aws:iam::1:role/r", 600};
  t.maintenance_windows = {{"cron(0 0 * * ? *)", 60}};
  t.destination_package_versions = {"arn:aws:iot:us-east-1:111111111111:package/p/version/1"};
  ASSERT_TRUE(Write([&](WriteTransaction& tx) { return tx.InsertJobTemplate(t); }).ok());
  for (const char* id : {"tpl-a", "tpl-c"}) {
    jobs::JobTemplate other = t;
    other.job_template_id = id;
    ASSERT_TRUE(Write([&](WriteTransaction& tx) { return tx.InsertJobTemplate(other); }).ok());
  }
  // A duplicate id within an account is refused by the key.
  EXPECT_FALSE(Write([&](WriteTransaction& tx) { return tx.InsertJobTemplate(t); }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto got = *tx.GetJobTemplate("tpl-b");
                EXPECT_TRUE(got.has_value());
                EXPECT_EQ(got->description, "firmware");
                EXPECT_EQ(got->document, R"({"op":"update"})");
                EXPECT_EQ(got->created_at, 1'700'000'000'123);
                EXPECT_EQ(got->timeout_config->in_progress_timeout_in_minutes, 30);
                EXPECT_EQ(got->retry_config->criteria_list.at(0).number_of_retries, 3);
                EXPECT_EQ(got->rollout_config->maximum_per_minute, 10);
                EXPECT_EQ(got->abort_config->criteria_list.at(0).threshold_percentage, 12.5);
                EXPECT_EQ(got->presigned_url_config->expires_in_sec, 600);
                EXPECT_EQ(got->maintenance_windows.at(0).duration_in_minutes, 60);
                EXPECT_EQ(got->destination_package_versions.size(), 1u);
                auto first = tx.ListJobTemplates({"", 2});
                EXPECT_EQ(first->items.size(), 2u);
                EXPECT_EQ(first->items.at(0).job_template_id, "tpl-a");
                EXPECT_EQ(first->next, "tpl-b");
                auto second = tx.ListJobTemplates({first->next, 2});
                EXPECT_EQ(second->items.size(), 1u);
                EXPECT_EQ(second->items.at(0).job_template_id, "tpl-c");
                EXPECT_TRUE(second->next.empty());
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Read(
                  [](ReadTransaction& tx) {
                    EXPECT_FALSE(tx.GetJobTemplate("tpl-b")->has_value());
                    EXPECT_TRUE(tx.ListJobTemplates({"", 10})->items.empty());
                    return Status::Ok();
                  },
                  "222222222222")
                  .ok());
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.DeleteJobTemplate("tpl-b"); }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                EXPECT_FALSE(tx.GetJobTemplate("tpl-b")->has_value());
                EXPECT_EQ(tx.ListJobTemplates({"", 10})->items.size(), 2u);
                return Status::Ok();
              }).ok());
}

TEST_P(StoreTest, JobsKeepTheTemplateTheyCameFrom) {
  jobs::Job job;
  job.job_id = "from-template";
  job.document = "{}";
  job.job_template_arn = "arn:aws:iot:us-east-1:111111111111:jobtemplate/tpl";
  ASSERT_TRUE(Write([&](WriteTransaction& tx) { return tx.InsertJob(job); }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                EXPECT_EQ((*tx.GetJob("from-template"))->job_template_arn,
                          "arn:aws:iot:us-east-1:111111111111:jobtemplate/tpl");
                return Status::Ok();
              }).ok());
}

TEST_P(StoreTest, ThingTypesRoundTripUpdateAndStayInTheirAccount) {
  jobs::ThingType t;
  t.thing_type_name = "LightBulb";
  t.thing_type_id = "id-bulb";
  t.thing_type_description = "light bulb type";
  t.searchable_attributes = {"wattage", "model"};
  t.creation_date = 1'700'000'000'123;
  ASSERT_TRUE(Write([&](WriteTransaction& tx) { return tx.InsertThingType(t); }).ok());
  // A duplicate name within an account is refused by the key.
  EXPECT_FALSE(Write([&](WriteTransaction& tx) { return tx.InsertThingType(t); }).ok());
  jobs::ThingType bare;
  bare.thing_type_name = "Bare";
  bare.thing_type_id = "id-bare";
  bare.creation_date = 5;
  ASSERT_TRUE(Write([&](WriteTransaction& tx) { return tx.InsertThingType(bare); }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto got = *tx.GetThingType("LightBulb");
                EXPECT_TRUE(got.has_value());
                EXPECT_EQ(got->thing_type_id, "id-bulb");
                EXPECT_EQ(got->thing_type_description, "light bulb type");
                EXPECT_EQ(got->searchable_attributes,
                          (std::vector<std::string>{"wattage", "model"}));  // as given
                EXPECT_EQ(got->creation_date, 1'700'000'000'123);
                EXPECT_FALSE(got->deprecated());
                auto none = *tx.GetThingType("Bare");
                EXPECT_TRUE(none.has_value());
                EXPECT_FALSE(none->thing_type_description.has_value());
                EXPECT_TRUE(none->searchable_attributes.empty());
                EXPECT_FALSE(tx.GetThingType("lightbulb")->has_value()) << "names are exact";
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Read(
                  [](ReadTransaction& tx) {
                    EXPECT_FALSE(tx.GetThingType("LightBulb")->has_value());
                    EXPECT_TRUE(tx.ListThingTypes(std::nullopt, {"", 10})->items.empty());
                    return Status::Ok();
                  },
                  "222222222222")
                  .ok());
  t.deprecation_date = 1'700'000'060'000;
  t.thing_type_description.reset();
  t.searchable_attributes = {"serial"};
  ASSERT_TRUE(Write([&](WriteTransaction& tx) { return tx.UpdateThingType(t); }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto got = *tx.GetThingType("LightBulb");
                EXPECT_EQ(got->deprecation_date, 1'700'000'060'000);
                EXPECT_TRUE(got->deprecated());
                EXPECT_FALSE(got->thing_type_description.has_value());
                EXPECT_EQ(got->searchable_attributes, std::vector<std::string>{"serial"});
                EXPECT_EQ(got->thing_type_id, "id-bulb") << "the id and creation date stay";
                EXPECT_EQ(got->creation_date, 1'700'000'000'123);
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.DeleteThingType("LightBulb"); }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                EXPECT_FALSE(tx.GetThingType("LightBulb")->has_value());
                EXPECT_TRUE(tx.GetThingType("Bare")->has_value());
                return Status::Ok();
              }).ok());
}

// ListThingTypes: by name, keyset-paged, and with a filter only the names it begins (D53),
// in byte order whatever the backend.
TEST_P(StoreTest, ThingTypePagesFollowNamesAndPrefixes) {
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                for (const char* name : {"Lamp", "Light", "LightBulb", "LightBulb-2", "Light_x",
                                         "Lighthouse", "light", "Li", "M", "L"}) {
                  jobs::ThingType t;
                  t.thing_type_name = name;
                  t.thing_type_id = std::string("id-") + name;
                  IOTJOBS_RETURN_IF_ERROR(tx.InsertThingType(t));
                }
                return Status::Ok();
              }).ok());
  auto names = [&](std::optional<std::string> prefix, int limit) {
    std::vector<std::string> out;
    PageRequest page{"", limit};
    for (int pages = 0; pages < 20; ++pages) {
      std::string next;
      EXPECT_TRUE(Read([&](ReadTransaction& tx) {
                    auto p = tx.ListThingTypes(prefix, page);
                    if (!p.ok()) return p.status();
                    for (const auto& t : p->items) out.push_back(t.thing_type_name);
                    EXPECT_LE(p->items.size(), static_cast<size_t>(limit));
                    next = p->next;
                    return Status::Ok();
                  }).ok());
      if (next.empty()) break;
      page.after = next;
    }
    return out;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(names(std::nullopt, 3), (Names{"L", "Lamp", "Li", "Light", "LightBulb", "LightBulb-2",
                                           "Light_x", "Lighthouse", "M", "light"}));
  EXPECT_EQ(names("Light", 2),
            (Names{"Light", "LightBulb", "LightBulb-2", "Light_x", "Lighthouse"}));
  EXPECT_EQ(names("LightBulb", 100), (Names{"LightBulb", "LightBulb-2"}));
  EXPECT_EQ(names("Light_", 100), Names{"Light_x"}) << "'_' is no wildcard";
  EXPECT_EQ(names("light", 100), Names{"light"});
  EXPECT_EQ(names("Nothing", 100), Names{});
}

// The things of a type: the ListThings filter reads them alone, and DeleteThingType's check
// finds one while any is left.
TEST_P(StoreTest, ThingsOfATypeAreFoundByTheirType) {
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                for (int i = 0; i < 600; ++i) {
                  jobs::Thing t = Thing("t" + std::to_string(1000 + i));
                  if (i % 100 == 7) t.thing_type_name = "Sparse";
                  IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(t));
                }
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                ThingFilter filter;
                filter.thing_type_name = "Sparse";
                auto first = tx.ListThings(filter, {"", 4});
                EXPECT_EQ(first->items.size(), 4u);
                EXPECT_EQ(first->items.at(0).thing_name, "t1007");
                EXPECT_EQ(first->items.at(3).thing_name, "t1307");
                EXPECT_EQ(first->items.at(0).thing_type_name, "Sparse");
                auto rest = tx.ListThings(filter, {first->next, 4});
                EXPECT_EQ(rest->items.size(), 2u);
                EXPECT_TRUE(rest->next.empty());
                filter.thing_type_name = "Nothing";
                EXPECT_TRUE(tx.ListThings(filter, {"", 4})->items.empty());
                EXPECT_TRUE(tx.FindThingOfType("Sparse")->has_value());
                EXPECT_FALSE(tx.FindThingOfType("Nothing")->has_value());
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Read(
                  [](ReadTransaction& tx) {
                    EXPECT_FALSE(tx.FindThingOfType("Sparse")->has_value());
                    return Status::Ok();
                  },
                  "222222222222")
                  .ok());
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                for (int i = 7; i < 600; i += 100) {
                  auto t = tx.GetThing("t" + std::to_string(1000 + i));
                  if (!t.ok()) return t.status();
                  (*t)->thing_type_name.reset();
                  IOTJOBS_RETURN_IF_ERROR(tx.UpdateThing(**t));
                }
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                EXPECT_FALSE(tx.FindThingOfType("Sparse")->has_value());
                return Status::Ok();
              }).ok());
}

TEST_P(StoreTest, EventConfigurationsAreOnePerAccountAndReplaced) {
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                EXPECT_FALSE(tx.GetEventConfigurations()->has_value());
                return Status::Ok();
              }).ok());
  jobs::EventConfigurations c = jobs::EventConfigurations::Starting(false);
  c.enabled[jobs::EventType::kJob] = true;
  c.created_at = 1'700'000'000'123;
  c.last_modified_at = 1'700'000'000'123;
  ASSERT_TRUE(Write([&](WriteTransaction& tx) { return tx.PutEventConfigurations(c); }).ok());
  c.enabled[jobs::EventType::kJobExecution] = true;
  c.enabled[jobs::EventType::kJob] = false;
  c.last_modified_at = 1'700'000'999'000;
  ASSERT_TRUE(Write([&](WriteTransaction& tx) { return tx.PutEventConfigurations(c); }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto got = *tx.GetEventConfigurations();
                EXPECT_TRUE(got.has_value());
                EXPECT_EQ(got->enabled.size(), std::size(jobs::kAllEventTypes));
                EXPECT_FALSE(got->IsEnabled(jobs::EventType::kJob));
                EXPECT_TRUE(got->IsEnabled(jobs::EventType::kJobExecution));
                EXPECT_FALSE(got->IsEnabled(jobs::EventType::kThing));
                EXPECT_EQ(got->created_at, 1'700'000'000'123);
                EXPECT_EQ(got->last_modified_at, 1'700'000'999'000);
                return Status::Ok();
              }).ok());
  // Another account has none of its own.
  ASSERT_TRUE(Read(
                  [](ReadTransaction& tx) {
                    EXPECT_FALSE(tx.GetEventConfigurations()->has_value());
                    return Status::Ok();
                  },
                  "222222222222")
                  .ok());
  // Kept across a restart of the store.
  if (GetParam() == "sqlite-memory") return;  // memory keeps nothing by design
  store_.reset();
  Open();
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto got = *tx.GetEventConfigurations();
                EXPECT_TRUE(got.has_value() && got->IsEnabled(jobs::EventType::kJobExecution));
                return Status::Ok();
              }).ok());
}

TEST_P(StoreTest, ResetEmptiesEveryAccountAndKeepsWorking) {
  jobs::Job job;
  job.job_id = "j1";
  job.targets = {"arn:aws:iot:us-east-1:111111111111:thinggroup/g1"};
  job.document = "{}";
  jobs::JobTemplate t;
  t.job_template_id = "tpl";
  t.document = "{}";
  jobs::ThingType type;
  type.thing_type_name = "LightBulb";
  type.thing_type_id = "id";
  for (const char* account : {"111111111111", "222222222222"}) {
    ASSERT_TRUE(Write(
                    [&](WriteTransaction& tx) {
                      IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing("t1")));
                      IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(job));
                      IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(
                          Execution("j1", "t1", 1, ExecutionStatus::kQueued, 5)));
                      IOTJOBS_RETURN_IF_ERROR(tx.InsertJobTemplate(t));
                      IOTJOBS_RETURN_IF_ERROR(tx.InsertThingType(type));
                      IOTJOBS_RETURN_IF_ERROR(
                          tx.PutEventConfigurations(jobs::EventConfigurations::Starting(true)));
                      IOTJOBS_RETURN_IF_ERROR(
                          tx.PutTags(jobs::ResourceKind::kJob, "j1", {{"team", "fleet"}}));
                      return tx.AppendOutbox("topic", "payload", 5);
                    },
                    account)
                    .ok());
  }
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.DeleteEveryAccountsData(); }, "").ok());
  for (const char* account : {"111111111111", "222222222222"}) {
    ASSERT_TRUE(Read(
                    [](ReadTransaction& tx) {
                      EXPECT_FALSE(tx.GetThing("t1")->has_value());
                      EXPECT_FALSE(tx.GetJob("j1")->has_value());
                      EXPECT_FALSE(tx.GetJobDocument("j1")->has_value());
                      EXPECT_FALSE(tx.GetExecution("j1", "t1", 1)->has_value());
                      EXPECT_FALSE(tx.GetJobTemplate("tpl")->has_value());
                      EXPECT_FALSE(tx.GetThingType("LightBulb")->has_value());
                      EXPECT_FALSE(tx.GetEventConfigurations()->has_value());
                      EXPECT_TRUE(
                          tx.ListTags(jobs::ResourceKind::kJob, "j1", {"", 10})->items.empty());
                      EXPECT_TRUE(tx.ListJobsTargetingGroups({"g1"})->empty());
                      EXPECT_TRUE(tx.ListOutbox(0, 10)->empty());
                      return Status::Ok();
                    },
                    account)
                    .ok());
  }
  // The same names can be used again at once.
  EXPECT_TRUE(Write([&](WriteTransaction& tx) { return tx.InsertJob(job); }).ok());
  EXPECT_TRUE(Write([](WriteTransaction& tx) { return tx.InsertThing(Thing("t1")); }).ok());
}

// Tags: a row per tag, by resource and key, set (a key again takes the new value), removed,
// paged by key in byte order, and apart per account and per resource.
TEST_P(StoreTest, TagsAreSetRemovedAndPagedByKey) {
  using jobs::ResourceKind;
  // Keys whose byte order differs from a locale's (upper case first, then '_', then lower).
  const std::vector<jobs::Tag> tags = {
      {"b", "2"}, {"A", "1"}, {"_x", std::nullopt}, {"a", ""}, {"Z z", "spaces and \u00e9"}};
  ASSERT_TRUE(Write([&](WriteTransaction& tx) {
                IOTJOBS_RETURN_IF_ERROR(tx.PutTags(ResourceKind::kJob, "j1", tags));
                // The same name as another kind of resource is another resource.
                return tx.PutTags(ResourceKind::kThingGroup, "j1", {{"group", "yes"}});
              }).ok());
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                return tx.PutTags(ResourceKind::kJob, "j1", {{"b", "two"}});
              }, "222222222222").ok());
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                IOTJOBS_RETURN_IF_ERROR(tx.PutTags(ResourceKind::kJob, "j1", {{"b", "changed"}}));
                return tx.DeleteTags(ResourceKind::kJob, "j1", {"a", "not-there"});
              }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto first = tx.ListTags(ResourceKind::kJob, "j1", {"", 2});
                EXPECT_TRUE(first.ok());
                EXPECT_EQ(first->items.size(), 2u);
                EXPECT_EQ(first->items.at(0).key, "A");
                EXPECT_EQ(first->items.at(0).value, "1");
                EXPECT_EQ(first->items.at(1).key, "Z z");
                EXPECT_EQ(first->next, "Z z");
                auto rest = tx.ListTags(ResourceKind::kJob, "j1", {first->next, 10});
                EXPECT_EQ(rest->items.size(), 2u);
                EXPECT_EQ(rest->items.at(0).key, "_x");
                EXPECT_FALSE(rest->items.at(0).value.has_value());  // given without a Value
                EXPECT_EQ(rest->items.at(1).key, "b");
                EXPECT_EQ(rest->items.at(1).value, "changed");
                EXPECT_TRUE(rest->next.empty());
                auto group = tx.ListTags(ResourceKind::kThingGroup, "j1", {"", 10});
                EXPECT_EQ(group->items.size(), 1u);
                EXPECT_TRUE(tx.ListTags(ResourceKind::kJobTemplate, "j1", {"", 10})->items.empty());
                return Status::Ok();
              }).ok());
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto other = tx.ListTags(ResourceKind::kJob, "j1", {"", 10});
                EXPECT_EQ(other->items.size(), 1u);
                EXPECT_EQ(other->items.at(0).value, "two");
                return Status::Ok();
              }, "222222222222").ok());
}

// Deleting a job, a job template or a thing group deletes its tags in the same transaction,
// and only its own.
TEST_P(StoreTest, TagsGoWithTheirResource) {
  using jobs::ResourceKind;
  jobs::Job job;
  job.job_id = "x";
  job.targets = {"arn:aws:iot:us-east-1:111111111111:thing/t1"};
  job.document = "{}";
  jobs::JobTemplate t;
  t.job_template_id = "x";
  t.document = "{}";
  jobs::ThingGroup g;
  g.thing_group_name = "x";
  g.thing_group_id = "id-x";
  const std::vector<jobs::Tag> tags = {{"team", "fleet"}};
  ASSERT_TRUE(Write([&](WriteTransaction& tx) {
                IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(job));
                IOTJOBS_RETURN_IF_ERROR(tx.InsertJobTemplate(t));
                IOTJOBS_RETURN_IF_ERROR(tx.InsertThingGroup(g));
                for (auto kind : {ResourceKind::kJob, ResourceKind::kJobTemplate,
                                  ResourceKind::kThingGroup}) {
                  IOTJOBS_RETURN_IF_ERROR(tx.PutTags(kind, "x", tags));
                }
                return Status::Ok();
              }).ok());
  auto count = [this](ResourceKind kind) {
    size_t n = 0;
    EXPECT_TRUE(Read([&](ReadTransaction& tx) -> Status {
                  IOTJOBS_ASSIGN_OR_RETURN(auto page, tx.ListTags(kind, "x", {"", 10}));
                  n = page.items.size();
                  return Status::Ok();
                }).ok());
    return n;
  };
  // A deletion that fails later in its operation keeps the tags: they roll back together.
  EXPECT_FALSE(Write([](WriteTransaction& tx) -> Status {
                 IOTJOBS_RETURN_IF_ERROR(tx.DeleteJob("x"));
                 return InvalidRequest("refused after the delete");
               }).ok());
  EXPECT_EQ(count(ResourceKind::kJob), 1u);
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.DeleteJob("x"); }).ok());
  EXPECT_EQ(count(ResourceKind::kJob), 0u);
  EXPECT_EQ(count(ResourceKind::kJobTemplate), 1u);
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.DeleteJobTemplate("x"); }).ok());
  EXPECT_EQ(count(ResourceKind::kJobTemplate), 0u);
  EXPECT_EQ(count(ResourceKind::kThingGroup), 1u);
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.DeleteThingGroup("x"); }).ok());
  EXPECT_EQ(count(ResourceKind::kThingGroup), 0u);
}

// Group commit: one failing operation among many concurrent ones rolls back alone.
TEST_P(StoreTest, FailedOperationDoesNotFailItsBatch) {
  constexpr int kWriters = 64;
  std::vector<std::future<Status>> results;
  std::vector<std::promise<Status>> promises(kWriters);
  for (int i = 0; i < kWriters; ++i) results.push_back(promises[i].get_future());
  for (int i = 0; i < kWriters; ++i) {
    store_->Write(
        "111111111111",
        [i](WriteTransaction& tx) -> Status {
          // Refused before any statement ran: nothing of its own to undo (its savepoint may
          // not even have reached the server yet).
          if (i % 8 == 3) return InvalidRequest("refused before writing");
          IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing("w" + std::to_string(i))));
          if (i % 8 == 0) return InvalidRequest("refused on purpose");  // after writing
          // A failing statement (the name is taken) after a successful one.
          if (i % 8 == 5) return tx.InsertThing(Thing("w" + std::to_string(i)));
          return Status::Ok();
        },
        [&promises, i](Status s) { promises[i].set_value(std::move(s)); });
  }
  for (int i = 0; i < kWriters; ++i) {
    EXPECT_EQ(results[i].get().ok(), i % 8 != 0 && i % 8 != 3 && i % 8 != 5) << i;
  }
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                auto page = tx.ListThings({}, {"", 1000});
                EXPECT_EQ(page->items.size(), static_cast<size_t>(kWriters - 3 * kWriters / 8));
                return Status::Ok();
              }).ok());
}

// A lease has one holder at a time: the holder renews it, nobody else takes it until it has
// run out, and a released lease is free at once.
TEST_P(StoreTest, LeasesHaveOneHolderUntilTheyRunOut) {
  auto acquire = [this](const std::string& holder, EpochMillis now) {
    bool held = false;
    Status s = Write([&](WriteTransaction& tx) -> Status {
      IOTJOBS_ASSIGN_OR_RETURN(held, tx.AcquireLease("relay", holder, now, now + 1000));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return held;
  };
  EXPECT_TRUE(acquire("a", 10'000));
  EXPECT_FALSE(acquire("b", 10'500));  // a holds it until 11'000
  EXPECT_TRUE(acquire("a", 10'900));   // renewed until 11'900
  EXPECT_FALSE(acquire("b", 11'500));
  EXPECT_TRUE(acquire("b", 11'900));   // ran out: b takes it
  EXPECT_FALSE(acquire("a", 12'000));
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.ReleaseLease("relay", "a"); }).ok());
  EXPECT_FALSE(acquire("a", 12'000));  // only the holder can give it up
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.ReleaseLease("relay", "b"); }).ok());
  EXPECT_TRUE(acquire("a", 12'000));
  EXPECT_FALSE(acquire("c", 12'000));
}

// Text sorts as bytes on every backend (SQLite compares bytes; the PostgreSQL schema says
// COLLATE "C" whatever the database's locale), so lists come in one order and a page key
// means the same on both.
TEST_P(StoreTest, TextSortsAsBytes) {
  const std::vector<std::string> names = {"a", "B", "_x", "Z", "\xC3\xA9", "a-1", "A"};
  const std::vector<std::string> sorted = {"A", "B", "Z", "_x", "a", "a-1", "\xC3\xA9"};
  ASSERT_TRUE(Write([&](WriteTransaction& tx) {
                for (const auto& name : names) {
                  IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing(name)));
                  IOTJOBS_RETURN_IF_ERROR(tx.AddThingToGroup("g", name));
                  jobs::Job job;
                  job.job_id = name;
                  job.document = "{}";
                  IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(job));
                  IOTJOBS_RETURN_IF_ERROR(
                      tx.InsertExecution(Execution("j", name, 1, ExecutionStatus::kQueued, 1)));
                }
                return Status::Ok();
              }).ok());
  // Pages of two, each in a transaction of its own, following the keys.
  using Lister = std::function<Result<Page<std::string>>(ReadTransaction&, const PageRequest&)>;
  auto walk = [this](const Lister& list) {
    std::vector<std::string> seen;
    PageRequest page{"", 2};
    for (int pages = 0; pages < 10; ++pages) {
      std::string next;
      Status s = Read([&](ReadTransaction& tx) -> Status {
        IOTJOBS_ASSIGN_OR_RETURN(Page<std::string> p, list(tx, page));
        seen.insert(seen.end(), p.items.begin(), p.items.end());
        next = p.next;
        return Status::Ok();
      });
      EXPECT_TRUE(s.ok()) << s.ToString();
      if (!s.ok() || next.empty()) break;
      page.after = next;
    }
    return seen;
  };
  EXPECT_EQ(walk([](ReadTransaction& tx, const PageRequest& p) -> Result<Page<std::string>> {
              IOTJOBS_ASSIGN_OR_RETURN(Page<jobs::Thing> things, tx.ListThings({}, p));
              Page<std::string> out{{}, things.next};
              for (const auto& t : things.items) out.items.push_back(t.thing_name);
              return out;
            }),
            sorted);
  EXPECT_EQ(walk([](ReadTransaction& tx, const PageRequest& p) {
              return tx.ListThingsInGroup("g", p);
            }),
            sorted);
  EXPECT_EQ(walk([](ReadTransaction& tx, const PageRequest& p) -> Result<Page<std::string>> {
              IOTJOBS_ASSIGN_OR_RETURN(Page<jobs::Job> page, tx.ListJobs({}, p));
              Page<std::string> out{{}, page.next};
              for (const auto& j : page.items) out.items.push_back(j.job_id);
              return out;
            }),
            sorted);
  EXPECT_EQ(walk([](ReadTransaction& tx, const PageRequest& p) -> Result<Page<std::string>> {
              IOTJOBS_ASSIGN_OR_RETURN(Page<jobs::JobExecution> page,
                                       tx.ListExecutionsForJob("j", std::nullopt, p));
              Page<std::string> out{{}, page.next};
              for (const auto& e : page.items) out.items.push_back(e.thing_name);
              return out;
            }),
            sorted);
}

// The counts behind the metrics' sampled gauges, over every account, on every backend.
TEST_P(StoreTest, StatsCountEveryAccount) {
  ASSERT_TRUE(Read([](ReadTransaction& tx) -> Status {
                IOTJOBS_ASSIGN_OR_RETURN(StoreStats empty, tx.ReadStats());
                EXPECT_TRUE(empty.jobs_by_status.empty());
                EXPECT_EQ(empty.executions_by_status.size(), 8u);
                for (const auto& [status, n] : empty.executions_by_status) EXPECT_EQ(n, 0) << status;
                EXPECT_EQ(empty.outbox_depth, 0);
                EXPECT_FALSE(empty.outbox_oldest.has_value());
                EXPECT_EQ(empty.timers_pending, 0);
                return Status::Ok();
              }, "").ok());
  int64_t created = 100;
  for (const std::string account : {"111111111111", "222222222222"}) {
    ASSERT_TRUE(Write(
                    [&](WriteTransaction& tx) {
                      jobs::Job running;
                      running.job_id = "running";
                      running.process_details.queued = 3;
                      running.process_details.in_progress = 1;
                      running.next_action_at = 900;  // a scheduled action
                      IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(running));
                      jobs::Job done;
                      done.job_id = "done";
                      done.status = jobs::JobStatus::kCompleted;
                      done.process_details.succeeded = 2;
                      done.process_details.timed_out = 1;
                      IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(done));
                      jobs::JobExecution e =
                          Execution("running", "t", 1, ExecutionStatus::kInProgress, 1);
                      e.step_timeout_at = 700;  // an armed timer
                      IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(e));
                      IOTJOBS_RETURN_IF_ERROR(tx.AppendOutbox("a", "1", created++));
                      return tx.AppendOutbox("b", "2", created++);
                    },
                    account)
                    .ok());
  }
  ASSERT_TRUE(Read([](ReadTransaction& tx) -> Status {
                IOTJOBS_ASSIGN_OR_RETURN(StoreStats stats, tx.ReadStats());
                using Counts = std::vector<std::pair<std::string, int64_t>>;
                EXPECT_EQ(stats.jobs_by_status, (Counts{{"COMPLETED", 2}, {"IN_PROGRESS", 2}}));
                EXPECT_EQ(stats.executions_by_status,
                          (Counts{{"QUEUED", 6}, {"IN_PROGRESS", 2}, {"SUCCEEDED", 4},
                                  {"FAILED", 0}, {"TIMED_OUT", 2}, {"REJECTED", 0},
                                  {"REMOVED", 0}, {"CANCELED", 0}}));
                EXPECT_EQ(stats.outbox_depth, 4);
                EXPECT_EQ(stats.outbox_oldest, std::optional<EpochMillis>(100));
                EXPECT_EQ(stats.timers_pending, 4);  // two timers and two scheduled jobs
                return Status::Ok();
              }, "").ok());
}

// Background work due at the same moment comes in key order, across accounts, on every
// backend.
TEST_P(StoreTest, DueWorkAtOneTimeComesInKeyOrder) {
  for (const std::string account : {"222222222222", "111111111111"}) {
    ASSERT_TRUE(Write(
                    [](WriteTransaction& tx) {
                      for (const char* id : {"j2", "j1"}) {
                        jobs::Job job;
                        job.job_id = id;
                        job.next_action_at = 500;
                        IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(job));
                        jobs::JobExecution e =
                            Execution(id, "t", 1, ExecutionStatus::kInProgress, 1);
                        e.in_progress_timeout_at = 500;
                        IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(e));
                      }
                      return Status::Ok();
                    },
                    account)
                    .ok());
  }
  ASSERT_TRUE(Read([](ReadTransaction& tx) -> Status {
                IOTJOBS_ASSIGN_OR_RETURN(auto due_jobs, tx.ListDueJobs(1000, 10));
                IOTJOBS_ASSIGN_OR_RETURN(auto due_timers, tx.ListDueTimers(1000, 10));
                std::vector<std::string> jobs, timers;
                for (const auto& d : due_jobs) jobs.push_back(d.account_id + "/" + d.job_id);
                for (const auto& d : due_timers) timers.push_back(d.account_id + "/" + d.job_id);
                const std::vector<std::string> expected = {"111111111111/j1", "111111111111/j2",
                                                           "222222222222/j1", "222222222222/j2"};
                EXPECT_EQ(jobs, expected);
                EXPECT_EQ(timers, expected);
                return Status::Ok();
              }).ok());
}

TEST_P(StoreTest, ExceptionInAnOperationIsAnInternalFailure) {
  Status s = Write([](WriteTransaction&) -> Status { throw std::runtime_error("boom"); });
  EXPECT_EQ(s.code(), ErrorCode::kInternalFailure);
  EXPECT_TRUE(Write([](WriteTransaction& tx) { return tx.InsertThing(Thing("after")); }).ok());
}

TEST_P(StoreTest, DataSurvivesReopen) {
  if (GetParam() == "sqlite-memory") GTEST_SKIP() << "memory keeps nothing by design";
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.InsertThing(Thing("kept")); }).ok());
  store_.reset();
  Open();
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                EXPECT_TRUE(tx.GetThing("kept")->has_value());
                return Status::Ok();
              }).ok());
}

TEST_P(StoreTest, InlineReadsRunOnTheCallingThreadAndSeeCommits) {
  store_->EnableInlineReads();
  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.InsertThing(Thing("t1")); }).ok());
  std::thread::id ran_on;
  bool answered = false;
  store_->Read(
      "111111111111",
      [&](ReadTransaction& tx) {
        ran_on = std::this_thread::get_id();
        EXPECT_TRUE(tx.GetThing("t1")->has_value());
        return Status::Ok();
      },
      [&](Status s) {
        EXPECT_TRUE(s.ok()) << s.ToString();
        answered = true;
      });
  if (GetParam() == "sqlite-file") {
    // Answered before Read returned, on this thread.
    EXPECT_TRUE(answered);
    EXPECT_EQ(ran_on, std::this_thread::get_id());
    store_->Shutdown();
    Status after = Read([](ReadTransaction&) { return Status::Ok(); });
    EXPECT_EQ(after.code(), ErrorCode::kServiceUnavailable);
  } else {
    // In memory one connection serves everything, and PostgreSQL's reads are a round trip
    // anyway: the read went to the store's thread.
    store_->Shutdown();
    EXPECT_TRUE(answered);
    EXPECT_NE(ran_on, std::this_thread::get_id());
  }
}

TEST_P(StoreTest, WalIsCheckpointedWhileTheStoreIsOpen) {
  if (GetParam() != "sqlite-file") GTEST_SKIP() << "SQLite's WAL, which memory has not";
  // Well over the 1000-page checkpoint threshold in one commit.
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                for (int i = 0; i < 6000; ++i) {
                  jobs::Thing t = Thing("thing-" + std::to_string(i));
                  for (int a = 0; a < 4; ++a) {
                    t.attributes["a" + std::to_string(a)] = std::string(200, 'x');
                  }
                  IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(t));
                }
                return Status::Ok();
              }).ok());
  // The checkpoint thread copies the WAL into the database file while the store stays
  // open; wait for it (bounded), without any further write to trigger SQLite's own.
  auto db = dir_ / "iotjobs.db";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::filesystem::file_size(db) < (4u << 20) &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_GE(std::filesystem::file_size(db), 4u << 20);
  ASSERT_TRUE(Read([](ReadTransaction& tx) {
                EXPECT_TRUE(tx.GetThing("thing-5999")->has_value());
                return Status::Ok();
              }).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return pg_test::BackendTestName(info.param); });

}  // namespace
}  // namespace iotjobs::store
