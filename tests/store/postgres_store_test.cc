// PostgreSQL only: what one database shared by concurrent transactions, connections and
// iotjobsd instances brings that SQLite's single writer never meets. Runs when
// IOTJOBS_TEST_PG_DSN names a server (tests/pg/with_postgres), each test on a new database.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <latch>
#include <map>
#include <thread>
#include <vector>

#include "pg_test_database.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/postgres_store.h"
#include "store/engine/backoff.h"
#include "store/wait.h"

namespace iotjobs::store::postgres {
namespace {

using pg_test::PgTestDatabase;

constexpr char kAccount[] = "111111111111";
constexpr char kTerminateOthers[] =
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
    "WHERE datname = current_database() AND pid <> pg_backend_pid()";

std::vector<std::string> PostgresOnly() {
  if (!pg_test::PostgresTestDsn()) return {};
  return {"postgres"};
}

Status WriteOn(Store& store, Store::WriteFn fn) {
  return WriteAndWait(store, kAccount, std::move(fn));
}

Status ReadOn(Store& store, Store::ReadFn fn) {
  return ReadAndWait(store, kAccount, std::move(fn));
}

jobs::Thing Thing(const std::string& name) {
  jobs::Thing t;
  t.thing_name = name;
  t.thing_id = "id-" + name;
  return t;
}

// A read-modify-write: reads the thing "counter" and stores it with its version one higher,
// counting its runs in `attempts`.
Store::WriteFn IncrementCounter(std::atomic<int>& attempts) {
  return [&attempts](WriteTransaction& tx) -> Status {
    ++attempts;
    IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing("counter"));
    if (!thing) return NotFound("no counter");
    thing->version += 1;
    return tx.UpdateThing(*thing);
  };
}

Status InsertThing(Store& store, const std::string& name) {
  return WriteOn(store, [name](WriteTransaction& tx) { return tx.InsertThing(Thing(name)); });
}

bool HasThing(Store& store, const std::string& name) {
  bool found = false;
  Status s = ReadOn(store, [&](ReadTransaction& tx) -> Status {
    IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing(name));
    found = thing.has_value();
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return found;
}

class PostgresStoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { ASSERT_EQ(db_.error(), ""); }

  std::unique_ptr<PostgresStore> Open(int connections, const PgTestDatabase* db = nullptr) {
    auto store = PostgresStore::Open({(db ? db : &db_)->conninfo(), connections});
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  // Waits until the database's other sessions are gone (pg_terminate_backend only signals).
  void WaitForNoOtherSessions() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (db_.QueryValue("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                          "current_database() AND pid <> pg_backend_pid()") != "0" &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }

  PgTestDatabase db_;
};
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(PostgresStoreTest);

// Many writers read-modify-write one row at once through two stores (two iotjobsd on one
// database). Within a store they share one writer, so they never collide; across the two,
// serializable transactions make one batch of each collision fail, the store runs it again,
// and no update is lost.
TEST_P(PostgresStoreTest, ConflictingReadModifyWritesAreRetriedUntilAllCommit) {
  auto first = Open(4);
  auto second = Open(4);
  ASSERT_TRUE(first && second);
  ASSERT_TRUE(InsertThing(*first, "counter").ok());
  const int64_t initial = Thing("counter").version;
  constexpr int kWriters = 64;
  std::atomic<int> attempts{0};
  std::vector<std::promise<Status>> results(kWriters);
  for (int i = 0; i < kWriters; ++i) {
    (i % 2 ? *second : *first).Write(kAccount, IncrementCounter(attempts), [&results, i](Status s) {
      results[i].set_value(std::move(s));
    });
  }
  for (int i = 0; i < kWriters; ++i) {
    Status s = results[i].get_future().get();
    EXPECT_TRUE(s.ok()) << i << ": " << s.ToString();
  }
  int64_t version = -1;
  ASSERT_TRUE(ReadOn(*first, [&](ReadTransaction& tx) -> Status {
                IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing("counter"));
                version = thing ? thing->version : -1;
                return Status::Ok();
              }).ok());
  EXPECT_EQ(version, initial + kWriters);
  RecordProperty("attempts", attempts.load());
}

// Within one store, writes touching the same rows do not conflict at all: its one writer runs
// them one after another in its batch, each once.
TEST_P(PostgresStoreTest, OneStoresWritesNeverConflictWithEachOther) {
  auto store = Open(4);
  ASSERT_TRUE(store);
  ASSERT_TRUE(InsertThing(*store, "counter").ok());
  constexpr int kWriters = 64;
  std::atomic<int> attempts{0};
  std::vector<std::promise<Status>> results(kWriters);
  for (int i = 0; i < kWriters; ++i) {
    store->Write(kAccount, IncrementCounter(attempts),
                 [&results, i](Status s) { results[i].set_value(std::move(s)); });
  }
  for (auto& r : results) EXPECT_TRUE(r.get_future().get().ok());
  EXPECT_EQ(attempts.load(), kWriters);
}

// Runs `ops` as one batch of the store's writer (held by an operation of its own while they
// are queued) and returns their outcomes.
std::vector<Status> RunAsOneBatch(Store& store, const std::vector<Store::WriteFn>& ops) {
  std::promise<void> started, release;
  std::shared_future<void> released = release.get_future().share();
  std::promise<Status> held;
  store.Write(
      kAccount,
      [&started, released](WriteTransaction&) {
        started.set_value();
        released.wait();
        return Status::Ok();
      },
      [&held](Status s) { held.set_value(std::move(s)); });
  started.get_future().wait();
  std::vector<std::promise<Status>> results(ops.size());
  for (size_t i = 0; i < ops.size(); ++i) {
    store.Write(kAccount, ops[i], [&results, i](Status s) { results[i].set_value(std::move(s)); });
  }
  release.set_value();
  EXPECT_TRUE(held.get_future().get().ok());
  std::vector<Status> out;
  for (auto& r : results) out.push_back(r.get_future().get());
  return out;
}

// How an operation of the batch below ends: it inserts a thing of its own, and then...
enum class Ends { kFine, kDoomed, kRefused };

// Runs one batch of operations, one per entry of `ends`, each inserting the thing
// prefix + its index (having read it first if `reads_first`): kFine ones then succeed,
// kDoomed ones also insert "taken", a duplicate key once sent, and kRefused ones return
// InvalidRequest with their insert still queued. Expects each its own outcome alone.
void ExpectEachOperationItsOwnOutcome(Store& store, const std::string& prefix,
                                      const std::vector<Ends>& ends, bool reads_first) {
  std::vector<Store::WriteFn> ops;
  for (size_t i = 0; i < ends.size(); ++i) {
    std::string name = prefix + std::to_string(i);
    ops.push_back([name, end = ends[i], reads_first](WriteTransaction& tx) -> Status {
      if (reads_first) {
        IOTJOBS_ASSIGN_OR_RETURN(auto before, tx.GetThing(name));
        if (before) return Internal("ran twice");
      }
      IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing(name)));
      if (end == Ends::kDoomed) IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing("taken")));
      if (end == Ends::kRefused) return InvalidRequest("refused with its write queued");
      return Status::Ok();
    });
  }
  std::vector<Status> results = RunAsOneBatch(store, ops);
  for (size_t i = 0; i < ends.size(); ++i) {
    const Status& s = results[i];
    const std::string name = prefix + std::to_string(i);
    switch (ends[i]) {
      case Ends::kDoomed:
        EXPECT_EQ(s.code(), ErrorCode::kInternalFailure) << name << ": " << s.ToString();
        EXPECT_FALSE(HasThing(store, name));
        break;
      case Ends::kRefused:
        EXPECT_EQ(s.code(), ErrorCode::kInvalidRequest) << name << ": " << s.ToString();
        EXPECT_FALSE(HasThing(store, name));
        break;
      case Ends::kFine:
        EXPECT_TRUE(s.ok()) << name << ": " << s.ToString();
        EXPECT_TRUE(HasThing(store, name)) << name;
    }
  }
}

// An operation's writes are queued (SqlDb::Run) and carried to the next operation's first
// round trip, or the COMMIT's: one that fails there still fails its own operation only,
// undone to its savepoint, while the operations batched with it commit. Each way a carried
// write meets the server is tried alone (once one failure is found, the batch is run again
// with each operation's writes on their own, which would hide the others).
TEST_P(PostgresStoreTest, AQueuedWriteThatFailsFailsItsOwnOperationOnly) {
  auto store = Open(2);
  ASSERT_TRUE(store);
  ASSERT_TRUE(InsertThing(*store, "taken").ok());
  using enum Ends;
  {
    SCOPED_TRACE("a failing write found by the next operation's first read");
    ExpectEachOperationItsOwnOutcome(*store, "read-", {kFine, kDoomed, kFine, kFine}, true);
  }
  {
    SCOPED_TRACE("a failing write found by the COMMIT");
    ExpectEachOperationItsOwnOutcome(*store, "blind-", {kFine, kFine, kDoomed}, false);
  }
  {
    SCOPED_TRACE("an operation refused with its writes queued keeps the ones carried to it");
    ExpectEachOperationItsOwnOutcome(*store, "refused-", {kFine, kRefused, kFine}, false);
  }
  {
    SCOPED_TRACE("a failing write found by a refused operation");
    ExpectEachOperationItsOwnOutcome(*store, "mixed-", {kFine, kDoomed, kRefused, kFine},
                                     false);
  }
  // A queued write is visible to the operation's own next statement.
  Status s = WriteOn(*store, [](WriteTransaction& tx) -> Status {
    IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing("read-back")));
    IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing("read-back"));
    EXPECT_TRUE(thing.has_value());
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

// Operations that check for a name and then create it, all at once: as with SQLite's single
// writer, one creates it and the others are told it exists. The losers' inserts fail to
// serialize (not as duplicate keys, an internal failure), run again, and see the winner's.
TEST_P(PostgresStoreTest, ConcurrentCreatesOfOneNameGiveOneWinner) {
  auto store = Open(8);
  ASSERT_TRUE(store);
  constexpr int kCreators = 16;
  std::vector<std::promise<Status>> results(kCreators);
  for (int i = 0; i < kCreators; ++i) {
    store->Write(
        kAccount,
        [](WriteTransaction& tx) -> Status {
          IOTJOBS_ASSIGN_OR_RETURN(auto existing, tx.GetThing("only"));
          if (existing) return AlreadyExists("exists");
          return tx.InsertThing(Thing("only"));
        },
        [&results, i](Status s) { results[i].set_value(std::move(s)); });
  }
  int created = 0;
  for (auto& result : results) {
    Status s = result.get_future().get();
    if (s.ok()) {
      ++created;
    } else {
      EXPECT_EQ(s.code(), ErrorCode::kResourceAlreadyExists) << s.ToString();
    }
  }
  EXPECT_EQ(created, 1);
}

// PostgreSQL text cannot hold NUL: a value with one fails, rather than being cut short.
TEST_P(PostgresStoreTest, TextWithNulIsRefusedNotTruncated) {
  auto store = Open(1);
  ASSERT_TRUE(store);
  Status s = InsertThing(*store, std::string("nul\0tail", 8));
  EXPECT_EQ(s.code(), ErrorCode::kInternalFailure) << s.ToString();
  EXPECT_FALSE(HasThing(*store, "nul"));
}

// An operation that keeps losing gives up after Backoff::kMaxAttempts, as unavailable.
TEST_P(PostgresStoreTest, EndlessConflictsEndAsUnavailable) {
  auto store = Open(1);
  ASSERT_TRUE(store);
  ASSERT_TRUE(InsertThing(*store, "hot").ok());
  int attempts = 0;
  Status s = WriteOn(*store, [&](WriteTransaction& tx) -> Status {
    ++attempts;
    IOTJOBS_ASSIGN_OR_RETURN(auto thing, tx.GetThing("hot"));
    // Another session changes the row after this transaction's snapshot.
    EXPECT_EQ(db_.Exec("UPDATE things SET version = version + 1 WHERE thing_name = 'hot'"), "");
    thing->version = 100;
    return tx.UpdateThing(*thing);
  });
  EXPECT_EQ(s.code(), ErrorCode::kServiceUnavailable) << s.ToString();
  EXPECT_EQ(attempts, Backoff::kMaxAttempts);
  EXPECT_TRUE(InsertThing(*store, "after").ok());
}

// Instances that start together against an empty database: one creates the schema, the
// others wait for it and find it there.
TEST_P(PostgresStoreTest, StoresOpeningAtOnceOnAnEmptyDatabaseAllComeUp) {
  for (int round = 0; round < 3; ++round) {
    PgTestDatabase db;
    ASSERT_EQ(db.error(), "");
    constexpr int kInstances = 3;
    std::latch start(kInstances);
    std::vector<std::future<std::unique_ptr<PostgresStore>>> opened;
    for (int i = 0; i < kInstances; ++i) {
      opened.push_back(std::async(std::launch::async, [&] {
        start.arrive_and_wait();
        return Open(2, &db);
      }));
    }
    std::vector<std::unique_ptr<PostgresStore>> stores;
    for (auto& f : opened) stores.push_back(f.get());
    for (const auto& store : stores) ASSERT_TRUE(store);
    EXPECT_EQ(db.QueryValue("SELECT count(*) FROM iotjobs_schema_version"), "1");
    EXPECT_EQ(db.QueryValue("SELECT version FROM iotjobs_schema_version"), "11");
    // One database behind them all.
    ASSERT_TRUE(InsertThing(*stores[0], "shared").ok());
    for (const auto& store : stores) EXPECT_TRUE(HasThing(*store, "shared"));
    stores.clear();  // before `db` drops the database
  }
}

// Connections the server ended while idle (a restart, an administrator) are connected again;
// the store keeps working and keeps its data.
TEST_P(PostgresStoreTest, ConnectionsEndedByTheServerAreReestablished) {
  auto store = Open(4);
  ASSERT_TRUE(store);
  ASSERT_TRUE(InsertThing(*store, "before").ok());
  for (int round = 0; round < 2; ++round) {
    ASSERT_EQ(db_.QueryValue(kTerminateOthers), "t");
    WaitForNoOtherSessions();
    // Each operation finds its connection dead before anything of it ran, so it reconnects
    // and runs; at worst it fails cleanly.
    int failed = 0;
    for (int i = 0; i < 12; ++i) {
      Status s = InsertThing(*store, "r" + std::to_string(round) + "-" + std::to_string(i));
      if (!s.ok()) {
        EXPECT_EQ(s.code(), ErrorCode::kServiceUnavailable) << s.ToString();
        ++failed;
      }
    }
    EXPECT_EQ(failed, 0);
    for (int i = 0; i < 8; ++i) {
      EXPECT_TRUE(InsertThing(*store, "ok" + std::to_string(round) + "-" + std::to_string(i)).ok());
    }
  }
  EXPECT_TRUE(HasThing(*store, "before"));
  EXPECT_TRUE(HasThing(*store, "r1-11"));
}

// Two instances changing executions of one job write different counter rows (each its own
// shard) and read none: their transactions, interleaved, both commit at the first attempt.
// The background worker then finds both changes, each in its writer's order.
TEST_P(PostgresStoreTest, TwoInstancesCountingOneJobNeverConflict) {
  auto a = Open(2);
  auto b = Open(2);
  ASSERT_TRUE(a && b);
  jobs::Job job;
  job.job_id = "hot";
  job.document = "{}";
  job.process_details.queued = 10;
  ASSERT_TRUE(WriteOn(*a, [&](WriteTransaction& tx) { return tx.InsertJob(job); }).ok());
  std::atomic<int> attempts{0}, inside{0};
  // Reads the job as an execution change does, adds to its counters, then waits (on the first
  // attempt, for at most ten seconds) until the other instance did the same before committing.
  auto change = [&](WriteTransaction& tx) -> Status {
    bool first = ++attempts <= 2;
    IOTJOBS_ASSIGN_OR_RETURN(auto j, tx.GetJobWithoutCounts("hot"));
    if (!j) return NotFound("hot");
    EXPECT_EQ(tx.job_decisions(), JobDecisions::kFolded);
    jobs::JobProcessDetails d;
    d.queued = -1;
    d.in_progress = 1;
    IOTJOBS_RETURN_IF_ERROR(tx.AddJobCounts("hot", d));
    if (first) {
      ++inside;
      auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (inside.load() < 2 && std::chrono::steady_clock::now() < until) {
        std::this_thread::yield();
      }
    }
    return Status::Ok();
  };
  auto on_a = std::async(std::launch::async, [&] { return WriteOn(*a, change); });
  auto on_b = std::async(std::launch::async, [&] { return WriteOn(*b, change); });
  EXPECT_TRUE(on_a.get().ok());
  EXPECT_TRUE(on_b.get().ok());
  EXPECT_EQ(inside.load(), 2);
  EXPECT_EQ(attempts.load(), 2) << "a transaction ran again after a conflict";
  ASSERT_TRUE(ReadOn(*a, [](ReadTransaction& tx) -> Status {
                auto j = *tx.GetJob("hot");
                EXPECT_EQ(j->process_details.queued, 8);
                EXPECT_EQ(j->process_details.in_progress, 2);
                auto changes = *tx.ListJobCountChanges({}, 100);
                EXPECT_EQ(changes.size(), 2u);
                std::map<int64_t, int64_t> seen;
                for (const auto& c : changes) {
                  EXPECT_EQ(c.job_id, "hot");
                  EXPECT_EQ(c.account_id, kAccount);
                  seen[c.shard] = c.seq;
                }
                EXPECT_EQ(seen.size(), 2u);
                EXPECT_TRUE(tx.ListJobCountChanges(seen, 100)->empty());
                return Status::Ok();
              }).ok());
}

// A batch sums its counter changes per job and writes each sum once (CountShard): at the
// COMMIT, or first when one of its operations reads or deletes counter rows. The sums of an
// operation that fails go with it, and what it wrote of the batch's earlier sums is written
// again. The changes' numbers (seq) show how many upserts there were.
TEST_P(PostgresStoreTest, ABatchWritesEachJobsCounterChangesOnce) {
  auto store = Open(2);
  ASSERT_TRUE(store);
  for (const char* id : {"j", "k", "gone"}) {
    jobs::Job job;
    job.job_id = id;
    job.document = "{}";
    job.process_details.queued = 10;
    ASSERT_TRUE(WriteOn(*store, [&](WriteTransaction& tx) { return tx.InsertJob(job); }).ok());
  }
  jobs::JobProcessDetails start;  // one execution QUEUED -> IN_PROGRESS
  start.queued = -1;
  start.in_progress = 1;
  auto in_progress = [](WriteTransaction& tx, const char* id) -> Result<int64_t> {
    IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(id));
    if (!job) return NotFound(id);
    return job->process_details.in_progress;
  };
  std::vector<int64_t> seen;  // what the reading operations saw
  std::vector<Status> results = RunAsOneBatch(
      *store,
      {
          [&](WriteTransaction& tx) { return tx.AddJobCounts("j", start); },
          [&](WriteTransaction& tx) { return tx.AddJobCounts("gone", start); },
          // Reads (so writes the batch's sums, inside its own savepoint), adds, fails.
          [&](WriteTransaction& tx) -> Status {
            IOTJOBS_ASSIGN_OR_RETURN(int64_t n, in_progress(tx, "j"));
            seen.push_back(n);
            IOTJOBS_RETURN_IF_ERROR(tx.AddJobCounts("j", start));
            return InvalidRequest("fails after reading and adding");
          },
          [&](WriteTransaction& tx) -> Status {
            IOTJOBS_ASSIGN_OR_RETURN(int64_t n, in_progress(tx, "j"));
            seen.push_back(n);
            return tx.AddJobCounts("j", start);
          },
          [&](WriteTransaction& tx) { return tx.AddJobCounts("j", start); },
          [&](WriteTransaction& tx) { return tx.AddJobCounts("k", start); },
          [&](WriteTransaction& tx) { return tx.AddJobCounts("gone", start); },
          [&](WriteTransaction& tx) { return tx.DeleteJob("gone"); },
      });
  ASSERT_EQ(results.size(), 8u);
  for (size_t i = 0; i < results.size(); ++i) {
    if (i == 2) {
      EXPECT_EQ(results[i].code(), ErrorCode::kInvalidRequest) << results[i].ToString();
    } else {
      EXPECT_TRUE(results[i].ok()) << i << ": " << results[i].ToString();
    }
  }
  // Both readers saw the first change; the second saw it although the failed operation had
  // written it and was rolled back.
  EXPECT_EQ(seen, (std::vector<int64_t>{1, 1}));
  ASSERT_TRUE(ReadOn(*store, [](ReadTransaction& tx) -> Status {
                auto j = *tx.GetJob("j");
                EXPECT_EQ(j->process_details.queued, 7);
                EXPECT_EQ(j->process_details.in_progress, 3);
                auto k = *tx.GetJob("k");
                EXPECT_EQ(k->process_details.in_progress, 1);
                EXPECT_FALSE(tx.GetJob("gone")->has_value());
                // The upserts' numbers, in order: gone 1 and j 2 written by the failed
                // operation's read (rolled back), gone 3 and j 4 by the next read, gone 5, j 6
                // and k 7 by DeleteJob, which deletes gone's. Written one by one, as each
                // change came, they would end at j 5 and k 6.
                std::map<std::string, int64_t> seq;
                auto changes = tx.ListJobCountChanges({}, 100);
                EXPECT_TRUE(changes.ok());
                for (const auto& c : *changes) seq[c.job_id] = c.seq;
                EXPECT_EQ(seq, (std::map<std::string, int64_t>{{"j", 6}, {"k", 7}}));
                return Status::Ok();
              }).ok());
}

// Reads send BEGIN with their first statement: a connection found dead there is
// reestablished and the read runs again, so no read fails for it.
TEST_P(PostgresStoreTest, ReadsOnConnectionsEndedByTheServerAreReestablished) {
  auto store = Open(4);
  ASSERT_TRUE(store);
  ASSERT_TRUE(InsertThing(*store, "kept").ok());
  for (int round = 0; round < 2; ++round) {
    ASSERT_EQ(db_.QueryValue(kTerminateOthers), "t");
    WaitForNoOtherSessions();
    for (int i = 0; i < 12; ++i) EXPECT_TRUE(HasThing(*store, "kept"));
  }
}

// The BEGIN that goes with a read's first statement still makes one snapshot of every
// statement of the read: a change committed between two of them is not seen.
TEST_P(PostgresStoreTest, EveryStatementOfAReadSeesOneSnapshot) {
  auto store = Open(2);
  ASSERT_TRUE(store);
  ASSERT_TRUE(InsertThing(*store, "snap").ok());
  int64_t first = -1, second = -1;
  int64_t after = -1;
  Status s = ReadOn(*store, [&](ReadTransaction& tx) -> Status {
    IOTJOBS_ASSIGN_OR_RETURN(auto a, tx.GetThing("snap"));
    if (!a) return NotFound("snap");
    first = a->version;
    db_.Exec("UPDATE things SET version = version + 1 WHERE thing_name = 'snap'");
    IOTJOBS_ASSIGN_OR_RETURN(auto b, tx.GetThing("snap"));
    if (!b) return NotFound("snap");
    second = b->version;
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(first, second);
  // The next read on the same connection (the last read's ROLLBACK sent ahead of its BEGIN)
  // sees the change.
  for (int i = 0; i < 2; ++i) {
    ASSERT_TRUE(ReadOn(*store, [&](ReadTransaction& tx) -> Status {
                  IOTJOBS_ASSIGN_OR_RETURN(auto t, tx.GetThing("snap"));
                  if (!t) return NotFound("snap");
                  after = t->version;
                  return Status::Ok();
                }).ok());
    EXPECT_EQ(after, first + 1);
  }
}

// A read leaves its transaction for the next read to end (Connection::EndWithNext); a reader
// that no read comes to ends it itself (StoreEngine::kReaderIdleAfter), so an idle instance
// holds no snapshot that would keep vacuum from its work, nor locks that would hold DDL up.
TEST_P(PostgresStoreTest, AnIdleReaderLeavesNoTransactionOpen) {
  auto store = Open(3);
  ASSERT_TRUE(store);
  ASSERT_TRUE(InsertThing(*store, "idle").ok());
  for (int i = 0; i < 8; ++i) EXPECT_TRUE(HasThing(*store, "idle"));
  const char* open_transactions =
      "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
      "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'";
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  std::string open = db_.QueryValue(open_transactions);
  while (open != "0" && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    open = db_.QueryValue(open_transactions);
  }
  EXPECT_EQ(open, "0");
  EXPECT_TRUE(HasThing(*store, "idle"));  // and the reader goes on reading after it
}

// For the prefetch tests: table t holding (1, 'before'), and a connection of its own to it.
std::unique_ptr<Connection> ConnectionToTableT(const PgTestDatabase& db) {
  EXPECT_EQ(db.Exec("CREATE TABLE t (id INT PRIMARY KEY, v TEXT); "
                    "INSERT INTO t VALUES (1, 'before')"),
            "");
  auto conn = Connection::Open(db.conninfo());
  EXPECT_TRUE(conn.ok()) << conn.status().ToString();
  return conn.ok() ? std::move(*conn) : nullptr;
}

constexpr std::string_view kReadT = "SELECT v FROM t WHERE id = $1";

// The first column of `sql`'s first row with $1 = id, "(no row)", or the error.
std::string ValueOf(Connection& conn, std::string_view sql, int id) {
  auto rows = conn.Query(sql, id);
  if (!rows.ok()) return rows.status().ToString();
  return rows->Next() ? rows->Text(0) : std::string("(no row)");
}

// A prefetched read (Connection::Prefetch) rides with the connection's next statement, and
// the read that follows takes its answer instead of asking again: it answers what the
// table held when that round trip ran, though another session changed it since (each
// statement here is its own transaction, so a read sent afresh would see the change).
TEST_P(PostgresStoreTest, APrefetchedReadIsAnsweredFromTheRoundTripThatCarriedIt) {
  auto conn = ConnectionToTableT(db_);
  ASSERT_TRUE(conn);
  constexpr std::string_view kOther = "SELECT CAST(id AS TEXT) FROM t WHERE id = $1";
  ASSERT_TRUE(conn->Prefetch(kReadT, 1).ok());
  EXPECT_EQ(ValueOf(*conn, kOther, 1), "1");  // carries it
  ASSERT_EQ(db_.Exec("UPDATE t SET v = 'after' WHERE id = 1"), "");
  EXPECT_EQ(ValueOf(*conn, kReadT, 1), "before");  // the prefetched answer
  EXPECT_EQ(ValueOf(*conn, kReadT, 1), "after");   // good once: asked again
  // A kept answer outlasts other reads...
  ASSERT_TRUE(conn->Prefetch(kReadT, 1).ok());
  EXPECT_EQ(ValueOf(*conn, kOther, 1), "1");
  ASSERT_EQ(db_.Exec("UPDATE t SET v = 'later' WHERE id = 1"), "");
  EXPECT_EQ(ValueOf(*conn, "SELECT CAST(id + 1 AS TEXT) FROM t WHERE id = $1", 1), "2");
  EXPECT_EQ(ValueOf(*conn, kReadT, 1), "after");
  // ...but not a statement that is not a SELECT (it may write), nor a command.
  ASSERT_TRUE(conn->Prefetch(kReadT, 1).ok());
  EXPECT_EQ(ValueOf(*conn, kOther, 1), "1");
  ASSERT_EQ(db_.Exec("UPDATE t SET v = 'last' WHERE id = 1"), "");
  EXPECT_EQ(ValueOf(*conn, "WITH one AS (SELECT 1) SELECT v FROM t WHERE id = $1", 1), "last");
  ASSERT_EQ(db_.Exec("UPDATE t SET v = 'final' WHERE id = 1"), "");
  EXPECT_EQ(ValueOf(*conn, kReadT, 1), "final");
  ASSERT_TRUE(conn->Prefetch(kReadT, 1).ok());
  EXPECT_EQ(ValueOf(*conn, kOther, 1), "1");
  ASSERT_TRUE(conn->Exec("SET application_name = 'prefetch test'").ok());
  ASSERT_EQ(db_.Exec("UPDATE t SET v = 'done' WHERE id = 1"), "");
  EXPECT_EQ(ValueOf(*conn, kReadT, 1), "done");
  // Other parameters are another read.
  ASSERT_TRUE(conn->Prefetch(kReadT, 2).ok());
  EXPECT_EQ(ValueOf(*conn, kReadT, 1), "done");
}

// A write between a prefetch and its read is seen by the read, whether the prefetch was
// sent before the write was queued or was still waiting to go.
TEST_P(PostgresStoreTest, AReadAfterAWriteNeverTakesAnAnswerPrefetchedBeforeIt) {
  auto conn = ConnectionToTableT(db_);
  ASSERT_TRUE(conn);
  ASSERT_TRUE(conn->Exec("BEGIN").ok());
  ASSERT_TRUE(conn->Prefetch(kReadT, 1).ok());
  ASSERT_TRUE(conn->Query("SELECT 1").ok());  // sent with this
  ASSERT_TRUE(conn->QueueWrite("UPDATE t SET v = $1 WHERE id = 1", "sent").ok());
  EXPECT_EQ(ValueOf(*conn, kReadT, 1), "sent");
  ASSERT_TRUE(conn->Prefetch(kReadT, 1).ok());  // not sent yet
  ASSERT_TRUE(conn->QueueWrite("UPDATE t SET v = $1 WHERE id = 1", "waiting").ok());
  EXPECT_EQ(ValueOf(*conn, kReadT, 1), "waiting");
  ASSERT_TRUE(conn->Commit().ok());
  EXPECT_EQ(db_.QueryValue("SELECT v FROM t WHERE id = 1"), "waiting");
}

// A connection lost in the middle of an operation fails it as unavailable, without running
// it again, and nothing of it was committed.
TEST_P(PostgresStoreTest, ConnectionLostMidOperationFailsItCleanly) {
  auto store = Open(2);
  ASSERT_TRUE(store);
  int runs = 0;
  Status s = WriteOn(*store, [&](WriteTransaction& tx) -> Status {
    ++runs;
    IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing("doomed")));
    // A read sends the queued insert with it: the transaction has begun on the server.
    IOTJOBS_ASSIGN_OR_RETURN(auto doomed, tx.GetThing("doomed"));
    EXPECT_TRUE(doomed.has_value());
    EXPECT_EQ(db_.QueryValue(kTerminateOthers), "t");  // this connection among them
    WaitForNoOtherSessions();
    IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(Thing("doomed-too")));
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), ErrorCode::kServiceUnavailable) << s.ToString();
  EXPECT_EQ(runs, 1);
  EXPECT_FALSE(HasThing(*store, "doomed"));
  EXPECT_TRUE(InsertThing(*store, "after").ok());
  EXPECT_TRUE(HasThing(*store, "after"));
}

// A database migrated by a newer iotjobsd is refused, not touched.
TEST_P(PostgresStoreTest, NewerSchemaIsRefused) {
  ASSERT_TRUE(Open(1));
  ASSERT_EQ(db_.Exec("UPDATE iotjobs_schema_version SET version = 999"), "");
  auto store = PostgresStore::Open({db_.conninfo(), 1});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kServiceUnavailable);
  EXPECT_EQ(db_.QueryValue("SELECT version FROM iotjobs_schema_version"), "999");
}

TEST_P(PostgresStoreTest, ShutdownFinishesQueuedWorkThenRefuses) {
  auto store = Open(2);
  ASSERT_TRUE(store);
  constexpr int kWrites = 50;
  std::atomic<int> ok{0};
  for (int i = 0; i < kWrites; ++i) {
    store->Write(
        kAccount, [i](WriteTransaction& tx) { return tx.InsertThing(Thing(std::to_string(i))); },
        [&ok](Status s) { ok += s.ok(); });
  }
  store->Shutdown();
  EXPECT_EQ(ok.load(), kWrites);
  store->Shutdown();  // idempotent
  Status after = WriteOn(*store, [](WriteTransaction&) { return Status::Ok(); });
  EXPECT_EQ(after.code(), ErrorCode::kServiceUnavailable);
  EXPECT_EQ(after.message(), "The server is shutting down.");
}

INSTANTIATE_TEST_SUITE_P(Backends, PostgresStoreTest, ::testing::ValuesIn(PostgresOnly()),
                         [](const auto& info) { return info.param; });

// No server needed: a connection that fails names the reason, never the password.
TEST(PostgresStoreOpen, FailureSaysWhyWithoutThePassword) {
  const std::string conninfos[] = {
      "postgresql://someone:s3cret-pw@127.0.0.1:1/db?connect_timeout=2",
      "host=127.0.0.1 port=1 user=someone password=s3cret-pw connect_timeout=2",
      "postgresql://someone:s3cret-pw@[::1/db",  // does not parse; libpq quotes the URL
  };
  for (const std::string& conninfo : conninfos) {
    auto store = PostgresStore::Open({conninfo, 1});
    ASSERT_FALSE(store.ok()) << conninfo;
    EXPECT_EQ(store.status().code(), ErrorCode::kServiceUnavailable);
    EXPECT_EQ(store.status().message().rfind("cannot connect to PostgreSQL: ", 0), 0u)
        << store.status().message();
    EXPECT_EQ(store.status().message().find("s3cret-pw"), std::string::npos)
        << store.status().message();
  }
}

}  // namespace
}  // namespace iotjobs::store::postgres
