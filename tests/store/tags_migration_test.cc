// Upgrading a store of the schema before resource tags (SQLite 9, PostgreSQL 5): the tags
// jobs and job templates kept in their JSON details move to resource_tags, where
// ListTagsForResource reads them, and leave the details. On SQLite always; on PostgreSQL when
// IOTJOBS_TEST_PG_DSN names a server.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "pg_test_database.h"
#include "store/embedded_migrations.h"
#include "store/postgres/postgres_store.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_store.h"
#include "store/wait.h"

namespace iotjobs::store {
namespace {

constexpr char kAccount[] = "111111111111";

// Rows as the server before resource tags wrote them: a job whose tags (one given twice, one
// without a value) are in its details, a job without tags, and a template with tags.
constexpr char kOldRows[] =
    "INSERT INTO jobs (account_id, job_id, status, target_selection, created_at, "
    "last_updated_at, details) VALUES "
    "('111111111111', 'j1', 'COMPLETED', 'SNAPSHOT', 1, 1, "
    "'{\"targets\":[\"arn:aws:iot:us-east-1:111111111111:thing/t1\"],\"description\":\"d\","
    "\"tags\":[{\"Key\":\"team\",\"Value\":\"fleet\"},{\"Key\":\"stage\"},"
    "{\"Key\":\"team\",\"Value\":\"second\"}]}'), "
    "('111111111111', 'j2', 'COMPLETED', 'SNAPSHOT', 1, 1, "
    "'{\"targets\":[\"arn:aws:iot:us-east-1:111111111111:thing/t1\"]}'), "
    "('111111111111', 'j3', 'COMPLETED', 'SNAPSHOT', 1, 1, "
    "'{\"targets\":[],\"description\":\"nul \\u0000 escaped\",\"tags\":[{\"Key\":\"x\"}]}');"
    "INSERT INTO job_documents (account_id, job_id, document) VALUES "
    "('111111111111', 'j1', '{}'), ('111111111111', 'j2', '{}'), ('111111111111', 'j3', '{}');"
    "INSERT INTO job_templates (account_id, job_template_id, created_at, document, details) "
    "VALUES ('111111111111', 'tpl', 1, '{}', "
    "'{\"description\":\"t\",\"tags\":[{\"Key\":\"a\",\"Value\":\"1\"}]}');";

std::vector<std::string> Backends() {
  std::vector<std::string> backends = {"sqlite"};
  if (pg_test::PostgresTestDsn()) backends.push_back("postgres");
  return backends;
}

class TagsMigrationTest : public ::testing::TestWithParam<std::string> {
 protected:
  void TearDown() override {
    store_.reset();
    pg_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  // A store of the schema before resource tags, holding kOldRows, opened (and so migrated)
  // by this build.
  void OpenOldStore() {
    if (GetParam() == "postgres") {
      pg_ = std::make_unique<pg_test::PgTestDatabase>();
      ASSERT_EQ(pg_->error(), "");
      for (auto migration : {postgres::PostgresMigration0001, postgres::PostgresMigration0002,
                             postgres::PostgresMigration0003, postgres::PostgresMigration0004,
                             postgres::PostgresMigration0005}) {
        ASSERT_EQ(pg_->Exec(std::string(migration())), "");
      }
      ASSERT_EQ(pg_->Exec("CREATE TABLE iotjobs_schema_version (version INTEGER NOT NULL);"
                          "INSERT INTO iotjobs_schema_version VALUES (5)"),
                "");
      ASSERT_EQ(pg_->Exec(kOldRows), "");
      auto store = postgres::PostgresStore::Open({pg_->conninfo(), 2});
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      store_ = std::move(*store);
      EXPECT_EQ(pg_->QueryValue("SELECT version FROM iotjobs_schema_version"), "11");
      return;
    }
    dir_ = std::filesystem::temp_directory_path() /
           ("iotjobs-tags-migration-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    {
      auto conn = sqlite::Connection::Open((dir_ / "iotjobs.db").string(), /*read_only=*/false);
      ASSERT_TRUE(conn.ok()) << conn.status().ToString();
      for (auto migration : {sqlite::Migration0001, sqlite::Migration0002, sqlite::Migration0003,
                             sqlite::Migration0004, sqlite::Migration0005, sqlite::Migration0006,
                             sqlite::Migration0007, sqlite::Migration0008, sqlite::Migration0009}) {
        ASSERT_TRUE((*conn)->Exec(migration()).ok());
      }
      ASSERT_TRUE((*conn)->Exec("PRAGMA user_version = 9").ok());
      ASSERT_TRUE((*conn)->Exec(kOldRows).ok());
    }
    sqlite::SqliteOptions options;
    options.data_dir = dir_.string();
    auto store = sqlite::SqliteStore::Open(options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }

  // "key=value" (or "key" without a value) of every tag of the resource, by key.
  std::vector<std::string> Tags(jobs::ResourceKind kind, const std::string& name) {
    std::vector<std::string> out;
    Status s = ReadAndWait(*store_, kAccount, [&](ReadTransaction& tx) -> Status {
      IOTJOBS_ASSIGN_OR_RETURN(auto page, tx.ListTags(kind, name, {"", 100}));
      for (const auto& t : page.items) out.push_back(t.value ? t.key + "=" + *t.value : t.key);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  std::filesystem::path dir_;
  std::unique_ptr<pg_test::PgTestDatabase> pg_;
  std::unique_ptr<Store> store_;
};

TEST_P(TagsMigrationTest, TagsKeptInDetailsMoveToTheirTable) {
  OpenOldStore();
  ASSERT_TRUE(store_);
  // The first of a key given twice wins.
  EXPECT_EQ(Tags(jobs::ResourceKind::kJob, "j1"),
            (std::vector<std::string>{"stage", "team=fleet"}));
  EXPECT_TRUE(Tags(jobs::ResourceKind::kJob, "j2").empty());
  EXPECT_EQ(Tags(jobs::ResourceKind::kJobTemplate, "tpl"), std::vector<std::string>{"a=1"});
  // Details that escape a NUL: SQLite's JSON reads them; PostgreSQL's jsonb cannot, so the
  // row is left as it was rather than failing the upgrade.
  EXPECT_EQ(Tags(jobs::ResourceKind::kJob, "j3"),
            GetParam() == "postgres" ? std::vector<std::string>{} : std::vector<std::string>{"x"});
  // The rows read as before, and their details hold no tags any more: deleting the job
  // deletes the tags that moved.
  Status s = WriteAndWait(*store_, kAccount, [](WriteTransaction& tx) -> Status {
    IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob("j1"));
    EXPECT_TRUE(job.has_value());
    if (job) {
      EXPECT_EQ(job->description, "d");
    }
    IOTJOBS_ASSIGN_OR_RETURN(auto t, tx.GetJobTemplate("tpl"));
    EXPECT_TRUE(t.has_value());
    if (t) {
      EXPECT_EQ(t->description, "t");
    }
    return tx.DeleteJob("j1");
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(Tags(jobs::ResourceKind::kJob, "j1").empty());
  static constexpr char kDetailsWithTags[] =
      "SELECT count(*) FROM job_templates WHERE details LIKE '%tags%'";
  if (GetParam() == "postgres") {
    EXPECT_EQ(pg_->QueryValue(kDetailsWithTags), "0");
    return;
  }
  store_.reset();
  auto conn = sqlite::Connection::Open((dir_ / "iotjobs.db").string(), /*read_only=*/true);
  ASSERT_TRUE(conn.ok());
  auto count = (*conn)->Prepare(kDetailsWithTags);
  ASSERT_TRUE(count.ok());
  ASSERT_TRUE(*count->Step());
  EXPECT_EQ(count->Int(0), 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, TagsMigrationTest, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace iotjobs::store
