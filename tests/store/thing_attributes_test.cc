// thing_attributes (SQLite migration 0015, PostgreSQL 0011), fleet indexing's index of
// attribute values: its rows follow every thing write (insert, update, delete, reset), the
// migration fills it from the things already stored, and searches through it find what the
// attribute terms say. Read straight from the database: SQLite on a file (a second, read-only
// connection), and PostgreSQL when IOTJOBS_TEST_PG_DSN names a server.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "jobs/fleet_query.h"
#include "pg_test_database.h"
#include "store/embedded_migrations.h"
#include "store/postgres/postgres_store.h"
#include "store/sql/fleet_query_sql.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_store.h"
#include "store/wait.h"

namespace iotjobs::store {
namespace {

constexpr char kAccount[] = "111111111111";

// The index's rows, "account/thing/name=value" in key order, space-separated.
constexpr char kRowsSql[] =
    "SELECT account_id || '/' || thing_name || '/' || name || '=' || lower_value "
    "FROM thing_attributes ORDER BY account_id, thing_name, name";

// Things as a server before the index wrote them (one attribute in upper case, one thing
// without attributes, one in another account).
constexpr char kOldThings[] =
    "INSERT INTO things (account_id, thing_name, thing_id, attributes, version) VALUES "
    "('111111111111', 'old-1', 'i1', '{\"site\":\"Plant-7\",\"n\":\"75\"}', 1), "
    "('111111111111', 'old-2', 'i2', '{}', 1), "
    "('222222222222', 'old-1', 'i3', '{\"site\":\"plant-8\"}', 1)";

std::vector<std::string> Backends() {
  std::vector<std::string> backends = {"sqlite"};
  if (pg_test::PostgresTestDsn()) backends.push_back("postgres");
  return backends;
}

jobs::Thing Thing(const std::string& name, std::map<std::string, std::string> attributes) {
  jobs::Thing t;
  t.thing_name = name;
  t.thing_id = "id-" + name;
  t.attributes = std::move(attributes);
  return t;
}

class ThingAttributesTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres") {
      pg_ = std::make_unique<pg_test::PgTestDatabase>();
      ASSERT_EQ(pg_->error(), "");
      return;
    }
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) c = c == '/' ? '_' : c;
    dir_ = std::filesystem::temp_directory_path() /
           ("iotjobs-thing-attributes-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    store_.reset();
    pg_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  void Open() {
    if (GetParam() == "postgres") {
      auto s = postgres::PostgresStore::Open({pg_->conninfo(), 2});
      ASSERT_TRUE(s.ok()) << s.status().ToString();
      store_ = std::move(*s);
      return;
    }
    sqlite::SqliteOptions options;
    options.data_dir = dir_.string();
    auto s = sqlite::SqliteStore::Open(options);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }

  // A database of the version before the index (SQLite 14, PostgreSQL 10) holding kOldThings.
  void MakeOldDatabase() {
    if (GetParam() == "postgres") {
      for (auto m : {postgres::PostgresMigration0001, postgres::PostgresMigration0002,
                     postgres::PostgresMigration0003, postgres::PostgresMigration0004,
                     postgres::PostgresMigration0005, postgres::PostgresMigration0006,
                     postgres::PostgresMigration0007, postgres::PostgresMigration0008,
                     postgres::PostgresMigration0009, postgres::PostgresMigration0010}) {
        ASSERT_EQ(pg_->Exec(std::string(m())), "");
      }
      ASSERT_EQ(pg_->Exec("CREATE TABLE iotjobs_schema_version (version INTEGER NOT NULL);"
                          "INSERT INTO iotjobs_schema_version VALUES (10)"),
                "");
      ASSERT_EQ(pg_->Exec(kOldThings), "");
      return;
    }
    auto conn = sqlite::Connection::Open((dir_ / "iotjobs.db").string(), /*read_only=*/false);
    ASSERT_TRUE(conn.ok()) << conn.status().ToString();
    for (auto m : {sqlite::Migration0001, sqlite::Migration0002, sqlite::Migration0003,
                   sqlite::Migration0004, sqlite::Migration0005, sqlite::Migration0006,
                   sqlite::Migration0007, sqlite::Migration0008, sqlite::Migration0009,
                   sqlite::Migration0010, sqlite::Migration0011, sqlite::Migration0012,
                   sqlite::Migration0013, sqlite::Migration0014}) {
      ASSERT_TRUE((*conn)->Exec(m()).ok());
    }
    ASSERT_TRUE((*conn)->Exec("PRAGMA user_version = 14").ok());
    ASSERT_TRUE((*conn)->Exec(kOldThings).ok());
  }

  std::string Rows() {
    if (GetParam() == "postgres") {
      return pg_->QueryValue(std::string("SELECT COALESCE(string_agg(r, ' '), '') FROM (") +
                             kRowsSql + ") q(r)");
    }
    auto conn = sqlite::Connection::Open((dir_ / "iotjobs.db").string(), /*read_only=*/true);
    EXPECT_TRUE(conn.ok()) << conn.status().ToString();
    if (!conn.ok()) return "";
    auto s = (*conn)->Prepare(kRowsSql);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return "";
    std::string out;
    for (;;) {
      auto row = s->Step();
      EXPECT_TRUE(row.ok());
      if (!row.ok() || !*row) return out;
      out += (out.empty() ? "" : " ") + s->Text(0);
    }
  }

  Status Write(Store::WriteFn fn, const std::string& account = kAccount) {
    return WriteAndWait(*store_, account, std::move(fn));
  }

  // The names SearchThings finds for `text`, page after page of 2.
  std::vector<std::string> Search(const std::string& text) {
    auto q = jobs::FleetQuery::Parse(text);
    EXPECT_TRUE(q.ok()) << text;
    std::vector<std::string> out;
    if (!q.ok()) return out;
    PageRequest page{"", 2};
    for (int pages = 0; pages < 100; ++pages) {
      Page<jobs::Thing> got;
      Status s = ReadAndWait(*store_, kAccount, [&](ReadTransaction& tx) -> Status {
        IOTJOBS_ASSIGN_OR_RETURN(got, tx.SearchThings(*q, page));
        return Status::Ok();
      });
      EXPECT_TRUE(s.ok()) << s.ToString();
      if (!s.ok()) break;
      for (const auto& t : got.items) out.push_back(t.thing_name);
      if (got.next.empty()) break;
      page.after = got.next;
    }
    return out;
  }

  std::filesystem::path dir_;
  std::unique_ptr<pg_test::PgTestDatabase> pg_;
  std::unique_ptr<Store> store_;
};

using Names = std::vector<std::string>;

TEST_P(ThingAttributesTest, RowsFollowEveryThingWrite) {
  Open();
  ASSERT_TRUE(store_);
  ASSERT_TRUE(
      Write([](WriteTransaction& tx) -> Status {
        IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing("t1", {{"color", "Red"}, {"size", "10"}})));
        IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing("t2", {{"color", "blue"}})));
        return tx.InsertThing(Thing("t3", {}));
      }).ok());
  ASSERT_TRUE(Write(
                  [](WriteTransaction& tx) {
                    return tx.InsertThing(Thing("t1", {{"c", "x"}}));
                  },
                  "222222222222")
                  .ok());
  EXPECT_EQ(Rows(),
            "111111111111/t1/color=red 111111111111/t1/size=10 111111111111/t2/color=blue "
            "222222222222/t1/c=x");
  EXPECT_EQ(Search("attributes.color:RED"), Names{"t1"});
  EXPECT_EQ(Search("attributes.color:*e*"), (Names{"t1", "t2"}));
  EXPECT_EQ(Search("attributes.c:x"), Names{});  // another account's

  // An update writes the attributes whole (merged by the service): the rows are replaced.
  ASSERT_TRUE(Write([](WriteTransaction& tx) {
                jobs::Thing t = Thing("t1", {{"size", "11"}, {"shape", "Round"}});
                t.version = 2;
                return tx.UpdateThing(t);
              }).ok());
  EXPECT_EQ(Rows(),
            "111111111111/t1/shape=round 111111111111/t1/size=11 111111111111/t2/color=blue "
            "222222222222/t1/c=x");
  EXPECT_EQ(Search("attributes.shape:round"), Names{"t1"});
  EXPECT_EQ(Search("attributes.size:10"), Names{});
  EXPECT_EQ(Search("attributes.color:r*"), Names{});

  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.DeleteThing("t2"); }).ok());
  EXPECT_EQ(Rows(), "111111111111/t1/shape=round 111111111111/t1/size=11 222222222222/t1/c=x");

  ASSERT_TRUE(Write([](WriteTransaction& tx) { return tx.DeleteEveryAccountsData(); }, "").ok());
  EXPECT_EQ(Rows(), "");
  // The same thing can be written again at once.
  EXPECT_TRUE(Write([](WriteTransaction& tx) {
                return tx.InsertThing(Thing("t1", {{"a", "b"}}));
              }).ok());
  EXPECT_EQ(Rows(), "111111111111/t1/a=b");
}

// A term that more than kCandidateProbeLimit things match is searched by the walk in name
// order instead of its list of names: the same pages either way.
TEST_P(ThingAttributesTest, ManyMatchesAreWalkedWithTheSameResults) {
  Open();
  ASSERT_TRUE(store_);
  constexpr int kThings = kCandidateProbeLimit + 10;
  ASSERT_TRUE(Write([](WriteTransaction& tx) -> Status {
                for (int i = 0; i < kThings; ++i) {
                  char name[16];
                  std::snprintf(name, sizeof name, "t%05d", i);
                  IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(
                      Thing(name, {{"model", i % 2 == 0 ? "M2" : "m1"}, {"n", "x"}})));
                }
                return Status::Ok();
              }).ok());
  auto page = [&](const std::string& text, const std::string& after) {
    auto q = jobs::FleetQuery::Parse(text);
    EXPECT_TRUE(q.ok()) << text;
    Page<jobs::Thing> got;
    Status s = ReadAndWait(*store_, kAccount, [&](ReadTransaction& tx) -> Status {
      IOTJOBS_ASSIGN_OR_RETURN(got, tx.SearchThings(*q, {after, 3}));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    std::string out;
    for (const auto& t : got.items) out += t.thing_name + " ";
    return out + "next " + got.next;
  };
  // Every thing has n=x: walked, but for the last page, whose few remaining names are
  // listed; half of them have model m2, fewer than the limit: listed.
  EXPECT_EQ(page("attributes.n:x", ""), "t00000 t00001 t00002 next t00002");
  EXPECT_EQ(page("attributes.n:x", "t04100"), "t04101 t04102 t04103 next t04103");
  EXPECT_EQ(page("attributes.n:x AND attributes.model:m2", "t00001"),
            "t00002 t00004 t00006 next t00006");
  EXPECT_EQ(page("attributes.model:m*", "t04100"), "t04101 t04102 t04103 next t04103");
}

TEST_P(ThingAttributesTest, MigrationFillsTheIndexFromStoredThings) {
  MakeOldDatabase();
  Open();
  ASSERT_TRUE(store_);
  EXPECT_EQ(Rows(),
            "111111111111/old-1/n=75 111111111111/old-1/site=plant-7 "
            "222222222222/old-1/site=plant-8");
  EXPECT_EQ(Search("attributes.site:PLANT-7"), Names{"old-1"});
  EXPECT_EQ(Search("attributes.site:plant*"), Names{"old-1"});
  EXPECT_EQ(Search("attributes.n:[70 TO 80]"), Names{"old-1"});
  if (GetParam() == "postgres") {
    EXPECT_EQ(pg_->QueryValue("SELECT version FROM iotjobs_schema_version"), "11");
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ThingAttributesTest, ::testing::ValuesIn(Backends()),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace iotjobs::store
