// The store engine's own rules, on a scripted backend session: what it does when a batch
// conflicts, fails or commits, whatever database is below. The store suite (store_test.cc)
// runs the real backends.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/server_metrics.h"
#include "store/engine/backoff.h"
#include "store/engine/store_engine.h"
#include "store/sql/sql_transaction.h"
#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"
#include "store/wait.h"

namespace iotjobs::store {
namespace {

// A write session that does what the test says and writes down the savepoint statements.
// Operations get a real transaction (SQLite in memory), which they need not use.
class ScriptedSession final : public WriteSession {
 public:
  ScriptedSession() {
    auto conn = sqlite::Connection::Open(":memory:", /*read_only=*/false);
    EXPECT_TRUE(conn.ok());
    conn_ = std::move(*conn);
    EXPECT_TRUE(sqlite::Migrate(*conn_).ok());
  }

  // How the next commits go: each asks to run the batch again another way while `agains`
  // lasts, then conflicts while `conflicts` lasts, then fails while `failures` lasts, then
  // commits.
  std::atomic<int> agains{0};
  std::atomic<int> conflicts{0};
  std::atomic<int> failures{0};
  std::atomic<bool> probe_commits{false};
  std::atomic<int> probes{0};

  std::vector<std::string> statements() {
    std::lock_guard lock(mu_);
    return statements_;
  }

  Status Read(const std::string& account_id, const Store::ReadFn& fn) override {
    SqlTransaction tx(SqlDb(*conn_), account_id);
    return fn(tx);
  }
  BatchStep Begin() override { return BatchStep::GoOn(); }
  Status Exec(const char* sql) override {
    std::lock_guard lock(mu_);
    statements_.push_back(sql);
    return Status::Ok();
  }
  Status RunOperation(const std::string& account_id, const Store::WriteFn& fn) override {
    SqlTransaction tx(SqlDb(*conn_), account_id);
    return fn(tx);
  }
  BatchStep AfterOperation() override { return BatchStep::GoOn(); }
  BatchFailure UndoFailed(const Status& undo) override { return {undo, ""}; }
  BatchStep Commit() override {
    if (agains > 0) {
      --agains;
      return BatchStep::Again();
    }
    if (conflicts > 0) {
      --conflicts;
      return BatchStep::Conflict();
    }
    if (failures > 0) {
      --failures;
      return BatchStep::Failed({Unavailable("the disk is full"), "disk full"});
    }
    return BatchStep::GoOn();
  }
  BatchFailure Fail(Status answer) override { return {std::move(answer), ""}; }
  ProbeResult Probe() override {
    ++probes;
    return {probe_commits.load(), ""};
  }

 private:
  std::unique_ptr<sqlite::Connection> conn_;
  std::mutex mu_;
  std::vector<std::string> statements_;
};

class TestEngine final : public StoreEngine {
 public:
  explicit TestEngine(EngineSetup setup) { Start(std::move(setup)); }
};

class StoreEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto session = std::make_unique<ScriptedSession>();
    session_ = session.get();
    EngineSetup setup;
    setup.writer = std::move(session);  // no readers: the writer serves reads too
    engine_ = std::make_unique<TestEngine>(std::move(setup));
  }

  Status Write(std::function<Status()> op) {
    return WriteAndWait(*engine_, "111111111111", [op](WriteTransaction&) { return op(); });
  }

  ScriptedSession* session_ = nullptr;
  std::unique_ptr<TestEngine> engine_;
};

TEST_F(StoreEngineTest, EachOperationRunsInASavepointThatAFailureRollsBack) {
  EXPECT_TRUE(Write([] { return Status::Ok(); }).ok());
  EXPECT_EQ(Write([] { return NotFound("no such job"); }).code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(session_->statements(),
            (std::vector<std::string>{"SAVEPOINT op", "RELEASE SAVEPOINT op", "SAVEPOINT op",
                                      "ROLLBACK TO SAVEPOINT op", "RELEASE SAVEPOINT op"}));
}

TEST_F(StoreEngineTest, AConflictedBatchRunsAgainUntilItCommits) {
  session_->conflicts = 2;
  int runs = 0;
  EXPECT_TRUE(Write([&] {
                ++runs;
                return Status::Ok();
              }).ok());
  EXPECT_EQ(runs, 3);
  EXPECT_TRUE(engine_->Health().writable);
}

// A batch the session wants to run another way (PostgreSQL: an operation's carried write
// failed) runs again at once: it lost to nobody, so no conflict is counted.
TEST_F(StoreEngineTest, ABatchTheSessionRunsAnotherWayRunsAgainUncounted) {
  session_->agains = 1;
  const uint64_t conflicts = metrics::Server().store_write_batch_conflicts.Value();
  int runs = 0;
  EXPECT_TRUE(Write([&] {
                ++runs;
                return Status::Ok();
              }).ok());
  EXPECT_EQ(runs, 2);
  EXPECT_EQ(metrics::Server().store_write_batch_conflicts.Value(), conflicts);
}

TEST_F(StoreEngineTest, ConflictsWithoutEndAnswerBusy) {
  session_->conflicts = 1'000'000;
  int runs = 0;
  Status s = Write([&] {
    ++runs;
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), ErrorCode::kServiceUnavailable) << s.ToString();
  EXPECT_EQ(runs, Backoff::kMaxAttempts);
}

TEST_F(StoreEngineTest, FailingWritesShowInHealthUntilAProbeCommits) {
  session_->failures = 1;
  Status s = Write([] { return Status::Ok(); });
  EXPECT_EQ(s.code(), ErrorCode::kServiceUnavailable) << s.ToString();
  HealthReport report = engine_->Health();
  EXPECT_FALSE(report.writable);
  EXPECT_EQ(report.problem, "disk full");

  // The idle writer probes once a second; once a probe commits, writes are healthy again.
  session_->probe_commits = true;
  const auto deadline = std::chrono::steady_clock::now() + 5 * WriteHealth::kProbeInterval;
  while (!engine_->Health().writable && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(engine_->Health().writable);
  EXPECT_GE(session_->probes.load(), 1);
}

TEST_F(StoreEngineTest, ReadsRunOnTheWriterWhenThereAreNoReaders) {
  bool ran = false;
  Status s = ReadAndWait(*engine_, "111111111111", [&](ReadTransaction& tx) {
    ran = true;
    return tx.GetJob("none").status();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_TRUE(ran);
}

TEST_F(StoreEngineTest, WorkAfterShutdownIsRefused) {
  engine_->Shutdown();
  EXPECT_EQ(Write([] { return Status::Ok(); }).code(), ErrorCode::kServiceUnavailable);
}

}  // namespace
}  // namespace iotjobs::store
