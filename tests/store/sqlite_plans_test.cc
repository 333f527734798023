// SQLite only: the per-thing execution list and the device's pending queue are answered from
// an index alone (migration 0003). job_executions is WITHOUT ROWID, so a column outside the
// index would cost a second descent of the primary key per row: O(page) B-tree seeks that
// reach the disk once the table outgrows the page cache (bench/analysis.md [R2]).
#include <gtest/gtest.h>

#include <deque>
#include <memory>
#include <string>
#include <utility>

#include "jobs/fleet_query.h"
#include "store/embedded_migrations.h"
#include "store/sql/execution_sql.h"
#include "store/sql/fleet_query_sql.h"
#include "store/sql/sql_transaction.h"
#include "store/sql/thing_attributes_sql.h"
#include "store/sql/thing_sql.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"

namespace iotjobs::store::sqlite {

namespace {

std::unique_ptr<Connection> OpenMemory() {
  auto conn = Connection::Open(":memory:", /*read_only=*/false);
  EXPECT_TRUE(conn.ok()) << conn.status().ToString();
  return std::move(*conn);
}

// SQLite's EXPLAIN QUERY PLAN for `sql`, one line per step.
std::string Plan(Connection& conn, const char* sql) {
  // Connection::Prepare caches by the text, which must outlive the connection.
  static std::deque<std::string> texts;
  texts.push_back(std::string("EXPLAIN QUERY PLAN ") + sql);
  auto s = conn.Prepare(texts.back());
  EXPECT_TRUE(s.ok()) << s.status().ToString();
  if (!s.ok()) return "";
  std::string plan;
  for (;;) {
    auto row = s->Step();
    EXPECT_TRUE(row.ok());
    if (!row.ok() || !*row) return plan;
    plan += s->Text(3) + "\n";
  }
}

void ExpectCoveringPlans(Connection& conn) {
  std::string by_thing = Plan(conn, kListExecutionsForThingSql.sqlite);
  EXPECT_NE(by_thing.find("USING COVERING INDEX job_executions_by_thing"), std::string::npos)
      << by_thing;
  EXPECT_EQ(by_thing.find("TEMP B-TREE"), std::string::npos) << "sorted by the index: " << by_thing;
  // With a job: a seek on the job's rows, not a walk over the thing's whole history.
  std::string by_job = Plan(conn, kListExecutionsForThingAndJobSql);
  EXPECT_NE(by_job.find("USING COVERING INDEX job_executions_by_thing (account_id=? AND "
                        "thing_name=? AND job_id=? AND execution_number>?)"),
            std::string::npos)
      << by_job;
  EXPECT_EQ(by_job.find("TEMP B-TREE"), std::string::npos) << "sorted by the index: " << by_job;
  std::string pending = Plan(conn, kListPendingExecutionsForThingSql);
  EXPECT_NE(pending.find("USING COVERING INDEX job_executions_pending"), std::string::npos)
      << pending;
  EXPECT_EQ(pending.find("TEMP B-TREE"), std::string::npos) << "sorted by the index: " << pending;
}

jobs::JobExecution Running() {
  jobs::JobExecution e;
  e.job_id = "j";
  e.thing_name = "t";
  e.execution_number = 2;
  e.status = jobs::ExecutionStatus::kInProgress;
  e.status_details = {{"step", "3"}};
  e.queued_at = 1000;
  e.started_at = 2000;
  e.last_updated_at = 3000;
  e.version_number = 4;
  e.retry_attempt = 1;
  e.namespace_id = "ns";
  e.in_progress_timeout_at = 9000;
  return e;
}

void ExpectSummaryOfRunning(const jobs::ExecutionSummary& s) {
  EXPECT_EQ(s.job_id, "j");
  EXPECT_EQ(s.thing_name, "t");
  EXPECT_EQ(s.execution_number, 2);
  EXPECT_EQ(s.status, jobs::ExecutionStatus::kInProgress);
  EXPECT_EQ(s.queued_at, 1000);
  EXPECT_EQ(s.started_at, 2000);
  EXPECT_EQ(s.last_updated_at, 3000);
  EXPECT_EQ(s.version_number, 4);
  EXPECT_EQ(s.retry_attempt, 1);
  EXPECT_EQ(s.namespace_id, "ns");
}

TEST(SqlitePlans, ExecutionListsReadOnlyTheirIndexes) {
  auto conn = OpenMemory();
  ASSERT_TRUE(Migrate(*conn).ok());
  ExpectCoveringPlans(*conn);
}

// The questions about one thing type's things seek its entries in things_by_type (migration
// 0011) rather than walk every thing of the account.
TEST(SqlitePlans, ThingsOfATypeAreReadThroughTheirIndex) {
  auto conn = OpenMemory();
  ASSERT_TRUE(Migrate(*conn).ok());
  for (const char* sql : {kThingsOfTypeSql, kOneThingOfTypeSql}) {
    std::string plan = Plan(*conn, sql);
    EXPECT_NE(plan.find("INDEX things_by_type (account_id=? AND thing_type_name=?"),
              std::string::npos)
        << sql << "\n" << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << "sorted by the index: " << plan;
  }
}

// SearchIndex with a thingName term that begins with a text reads the range of names that
// begin with it from things_by_lower_name (migration 0012) and seeks those things by name, in
// name order, rather than walk every thing of the account from the page's first name; without
// one it walks the primary key in name order, sorting nothing.
TEST(SqlitePlans, SearchesByThingNameReadANameRange) {
  auto conn = OpenMemory();
  ASSERT_TRUE(Migrate(*conn).ok());
  for (const char* text : {"thingName:sensor*", "thingName:sensor-1",
                           "thingName:sens?r* AND attributes.site:plant-7",
                           "attributes.site:plant-7 AND thingName:\"sensor 1\""}) {
    auto q = jobs::FleetQuery::Parse(text);
    ASSERT_TRUE(q.ok()) << text;
    std::string plan = Plan(*conn, SearchThingsSql(q->root(), true, 101).sql.c_str());
    EXPECT_NE(plan.find("INDEX things_by_lower_name (account_id=? AND <expr>>? AND <expr><?)"),
              std::string::npos)
        << text << "\n" << plan;
    EXPECT_NE(plan.find("SEARCH things USING PRIMARY KEY (account_id=? AND thing_name=?)"),
              std::string::npos)
        << "the range's names drive the search: " << text << "\n" << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << "in name order: " << plan;
  }
  auto all = jobs::FleetQuery::Parse("thingTypeName:sensor");
  ASSERT_TRUE(all.ok());
  std::string plan = Plan(*conn, SearchThingsSql(all->root(), true, 101).sql.c_str());
  EXPECT_NE(plan.find("SEARCH things USING PRIMARY KEY (account_id=? AND thing_name>?)"),
            std::string::npos)
      << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
}

// SearchIndex with an attribute term, prefix or text range reads the things' names from
// the key of thing_attributes (migration 0015) and seeks those things by name, in name order,
// rather than walk every thing of the account extracting the attribute from its JSON; the
// probe that counts the names reads the same index range. A range with numeric bounds, and a
// search asked without the index (the probe found many names), walk the primary key. The
// thing writes find a thing's rows by their key.
TEST(SqlitePlans, SearchesByAttributeReadTheValueIndex) {
  auto conn = OpenMemory();
  ASSERT_TRUE(Migrate(*conn).ok());
  const std::pair<const char*, const char*> cases[] = {
      {"attributes.serial:sn-00000042",
       "(account_id=? AND name=? AND lower_value=? AND "
       "thing_name>?)"},
      {"attributes.serial:\"SN 42\" AND thingTypeName:sensor",
       "(account_id=? AND name=? AND lower_value=? AND thing_name>?)"},
      {"attributes.serial:sn-0000004*",
       "(account_id=? AND name=? AND lower_value>? AND "
       "lower_value<?)"},
      {"attributes.battery:<5 AND attributes.serial:sn-00?",
       "(account_id=? AND name=? AND "
       "lower_value>? AND lower_value<?)"},
      {"attributes.site:{a TO b]",
       "(account_id=? AND name=? AND lower_value>? AND "
       "lower_value<?)"},
  };
  for (const auto& [text, range] : cases) {
    auto q = jobs::FleetQuery::Parse(text);
    ASSERT_TRUE(q.ok()) << text;
    SqlCondition search = SearchThingsSql(q->root(), true, 101);
    std::string plan = Plan(*conn, search.sql.c_str());
    const std::string index = std::string("SEARCH a USING PRIMARY KEY ") + range;
    EXPECT_NE(plan.find(index), std::string::npos) << text << "\n" << plan;
    EXPECT_NE(plan.find("SEARCH things USING PRIMARY KEY (account_id=? AND thing_name=?)"),
              std::string::npos)
        << "the index's names drive the search: " << text << "\n"
        << plan;
    EXPECT_EQ(plan.find("SCAN"), std::string::npos) << text << "\n" << plan;
    EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << "in name order: " << plan;
    std::string probe = Plan(*conn, search.probe.c_str());
    EXPECT_NE(probe.find(index), std::string::npos) << text << "\n" << probe;

    std::string walk = Plan(*conn, SearchThingsSql(q->root(), true, 101, false).sql.c_str());
    EXPECT_NE(walk.find("SEARCH things USING PRIMARY KEY (account_id=? AND thing_name>?)"),
              std::string::npos)
        << text << "\n"
        << walk;
    EXPECT_EQ(walk.find("thing_attributes"), std::string::npos) << text << "\n" << walk;
  }
  // The thing writes find a thing's rows by their whole key, from its JSON column: no walk.
  std::string del = Plan(*conn, kDeleteThingAttributesSql.sqlite);
  EXPECT_NE(del.find("SEARCH thing_attributes USING PRIMARY KEY (account_id=? AND name=? AND "
                     "lower_value=? AND thing_name=?)"),
            std::string::npos)
      << del;
  EXPECT_EQ(del.find("SCAN thing_attributes"), std::string::npos) << del;

  auto numeric = jobs::FleetQuery::Parse("attributes.battery:[0 TO 4]");
  ASSERT_TRUE(numeric.ok());
  SqlCondition search = SearchThingsSql(numeric->root(), true, 101);
  EXPECT_TRUE(search.probe.empty());
  std::string plan = Plan(*conn, search.sql.c_str());
  EXPECT_NE(plan.find("SEARCH things USING PRIMARY KEY (account_id=? AND thing_name>?)"),
            std::string::npos)
      << plan;
}

// A database of version 2 (the old key-only indexes) with an execution in it: migration 0003
// rebuilds both indexes, and the lists read the row back whole from them.
TEST(SqlitePlans, UpgradeFromVersion2RebuildsTheIndexes) {
  auto conn = OpenMemory();
  ASSERT_TRUE(conn->Exec(Migration0001()).ok());
  ASSERT_TRUE(conn->Exec(Migration0002()).ok());
  ASSERT_TRUE(conn->Exec("PRAGMA user_version = 2").ok());
  SqlTransaction tx(SqlDb(*conn), "111111111111");
  ASSERT_TRUE(tx.InsertExecution(Running()).ok());

  ASSERT_TRUE(Migrate(*conn).ok());
  auto version = conn->Prepare("PRAGMA user_version");
  ASSERT_TRUE(version.ok());
  ASSERT_TRUE(*version->Step());
  EXPECT_EQ(version->Int(0), 15);  // the newest migration
  ExpectCoveringPlans(*conn);

  auto page = tx.ListExecutionsForThing("t", {}, {"", 10});
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  ExpectSummaryOfRunning(page->items[0]);
  auto pending = tx.ListPendingExecutionsForThing("t", 10);
  ASSERT_TRUE(pending.ok());
  ASSERT_EQ(pending->size(), 1u);
  ExpectSummaryOfRunning((*pending)[0]);
  // An update moves the row's entries in both indexes along.
  jobs::JobExecution done = Running();
  done.status = jobs::ExecutionStatus::kSucceeded;
  done.version_number = 5;
  done.last_updated_at = 4000;
  ASSERT_TRUE(tx.UpdateExecution(done).ok());
  EXPECT_TRUE(tx.ListPendingExecutionsForThing("t", 10)->empty());
  page = tx.ListExecutionsForThing("t", {}, {"", 10});
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].status, jobs::ExecutionStatus::kSucceeded);
  EXPECT_EQ(page->items[0].version_number, 5);
  EXPECT_EQ(page->items[0].last_updated_at, 4000);
}

}  // namespace
}  // namespace iotjobs::store::sqlite
