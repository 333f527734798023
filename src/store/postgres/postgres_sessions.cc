#include "store/postgres/postgres_sessions.h"

#include <random>

#include "common/clock.h"
#include "common/log.h"
#include "store/guarded.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store::postgres {
namespace {

constexpr char kBeginWrite[] = "BEGIN ISOLATION LEVEL SERIALIZABLE";
constexpr char kBeginRead[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

Status Lost() { return Unavailable("The data store is temporarily unavailable."); }

// A read: BEGIN goes with its first statement, and the ROLLBACK with the next read's BEGIN
// (Connection::BeginWithFirstStatement, EndWithNext), so a one-statement read is one round
// trip and one message to the server. A connection found dead at that first statement is
// reconnected and the read run once more: nothing was read yet.
Status ReadOn(Connection& conn, const std::string& account_id, const Store::ReadFn& fn) {
  for (bool reconnected = false;;) {
    if (conn.Broken()) {
      IOTJOBS_RETURN_IF_ERROR(conn.Reconnect());
      reconnected = true;
    }
    conn.ForgetFailures();
    conn.BeginWithFirstStatement(kBeginRead);
    SqlTransaction tx(SqlDb(conn), account_id);
    Status s = Guarded([&] { return fn(tx); });
    if (conn.Broken()) {
      if (!conn.began() && !reconnected) continue;
      IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during a read";
      return Lost();
    }
    // A read-only snapshot has nothing to commit; ending it either way is the same.
    conn.EndWithNext("ROLLBACK");
    return s;
  }
}

// A shard number of this instance's own, registered: a random positive 62-bit number, drawn
// again in the unlikely case another instance has it.
Result<int64_t> RegisterCountShard(Connection& conn) {
  std::random_device seed;
  std::mt19937_64 random(seed());
  for (int attempt = 0; attempt < 5; ++attempt) {
    int64_t shard = static_cast<int64_t>(random() >> 2) + 1;
    IOTJOBS_ASSIGN_OR_RETURN(
        Rows r, conn.Query("INSERT INTO job_count_shards (shard, created_at) VALUES ($1, $2) "
                           "ON CONFLICT DO NOTHING RETURNING shard",
                           shard, SystemClock().NowMillis()));
    if (r.Next()) return shard;
  }
  return Internal("Could not register a counter shard.");
}

class PostgresWriteSession final : public WriteSession {
 public:
  PostgresWriteSession(std::unique_ptr<Connection> conn, int64_t shard)
      : conn_(std::move(conn)) {
    shard_.shard = shard;
  }

  // Not used (PostgreSQL always has reader threads), but a write session can read. Its
  // transaction ends at once: nothing calls a writer's Idle.
  Status Read(const std::string& account_id, const Store::ReadFn& fn) override {
    Status s = ReadOn(*conn_, account_id, fn);
    conn_->EndPendingNow();
    return s;
  }

  // The BEGIN goes with the batch's first statement (Connection::BeginWithFirstStatement),
  // saving a round trip per batch; a connection found dead there is AfterOperation's.
  BatchStep Begin() override {
    if (conn_->Broken()) {
      Status reconnected = conn_->Reconnect();
      if (!reconnected.ok()) return BatchStep::Failed(Fail(std::move(reconnected)));
    }
    conn_->ForgetFailures();
    conn_->BeginWithFirstStatement(kBeginWrite);
    // Counter changes are summed per job and written at the COMMIT (CountShard); not in a
    // careful attempt, where each operation's writes must fail with it alone.
    shard_.Clear();
    shard_.summing = !careful_;
    return BatchStep::GoOn();
  }

  // An operation's SAVEPOINT and its RELEASE cannot fail in a healthy transaction and return
  // nothing: they go with the next statement's round trip (the operation's first, the next
  // operation's, or the COMMIT) instead of costing one each.
  Status Exec(const char* sql) override {
    std::string_view text(sql);
    if (text == "SAVEPOINT op" || text == "RELEASE SAVEPOINT op") {
      conn_->Defer(std::string(text));
      return Status::Ok();
    }
    return conn_->Exec(sql);
  }

  // The operation's writes are queued (SqlDb::Run) and carried over to the next operation's
  // first round trip (or the COMMIT's): a batch of N operations costs about N + 1 round trips
  // rather than 2N. A carried write that fails (rare: the operation read what it needed
  // first, and a conflict runs the batch again anyway) would fail the wrong operation, so
  // the batch is then run again at once with each operation's writes sent at its end
  // (careful_), where their failure is the operation's own.
  Status RunOperation(const std::string& account_id, const Store::WriteFn& fn) override {
    SqlTransaction tx(SqlDb(*conn_), account_id, &shard_);
    Status s = Guarded([&] { return fn(tx); });
    shard_.EndOperation(s.ok());
    if (s.ok()) {
      if (careful_) return conn_->FlushWrites();
      conn_->CarryWrites();
      return s;
    }
    conn_->DropWrites();
    // The earlier operation's carried writes go now, ahead of this one's ROLLBACK TO
    // SAVEPOINT, whose round trip must not be the one that fails for them. If one fails,
    // AfterOperation runs the batch again.
    (void)conn_->FlushWrites();
    return s;
  }

  BatchStep AfterOperation() override {
    if (conn_->Broken() && !conn_->began()) {
      // Dead before its BEGIN was answered: nothing of the batch ran (the server had no
      // COMMIT to run). Connected again, the batch runs again from the start.
      Status reconnected = conn_->Reconnect();
      if (!reconnected.ok()) return BatchStep::Failed(Fail(std::move(reconnected)));
      return BatchStep::Conflict();
    }
    if (conn_->Broken()) {
      // The transaction died with the connection: nothing of the batch committed.
      IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during a write";
      return BatchStep::Failed(Fail(Lost()));
    }
    if (conn_->conflicted()) {
      // Lost to another instance's transaction, whatever the operation made of it: the
      // whole batch runs again.
      (void)conn_->Exec("ROLLBACK");
      return BatchStep::Conflict();
    }
    if (conn_->carried_failed()) {
      (void)conn_->Exec("ROLLBACK");
      return RunAgainCarefully();
    }
    return BatchStep::GoOn();
  }

  BatchFailure UndoFailed(const Status& undo) override {
    if (conn_->Broken()) return Fail(Lost());
    (void)conn_->Exec("ROLLBACK");
    return Fail(undo);
  }

  BatchStep Commit() override {
    // The batch's counter sums go with the COMMIT, carried: if one fails, the batch runs
    // again carefully, each operation's writes at its end.
    SqlTransaction sums(SqlDb(*conn_), std::string(), &shard_);
    Status written = sums.WriteCountSums();
    shard_.Clear();
    if (!written.ok()) {  // not sent (a value libpq cannot carry); nothing is committed
      conn_->DropWrites();
      (void)conn_->Exec("ROLLBACK");
      return BatchStep::Failed(Fail(std::move(written)));
    }
    conn_->CarryWrites();
    Status commit = conn_->Commit();
    careful_ = false;  // for this batch only
    if (commit.ok()) return BatchStep::GoOn();
    if (conn_->Broken() && conn_->begin_refused()) {
      // A batch of writes alone sends its BEGIN with the COMMIT; a connection the server had
      // ended refused that BEGIN, so nothing ran. Connected again, the batch runs again.
      Status reconnected = conn_->Reconnect();
      if (!reconnected.ok()) return BatchStep::Failed(Fail(std::move(reconnected)));
      return BatchStep::Conflict();
    }
    if (conn_->Broken()) {
      // COMMIT was sent but its answer lost: the batch may or may not have committed, and
      // running it again could apply it twice.
      IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during COMMIT; "
                             "the outcome of the batch is unknown";
      return BatchStep::Failed(Fail(Lost()));
    }
    // COMMIT failed to serialize: the server rolled back, nothing committed.
    if (conn_->conflicted()) return BatchStep::Conflict();
    // A write carried to the COMMIT's round trip failed; Connection::Commit rolled back.
    if (conn_->carried_failed()) return RunAgainCarefully();
    return BatchStep::Failed(Fail(std::move(commit)));
  }

  // Writes as such fail while the connection is lost.
  BatchFailure Fail(Status answer) override {
    careful_ = false;
    return {std::move(answer), conn_->Broken() ? "cannot reach PostgreSQL" : ""};
  }

  ProbeResult Probe() override {
    if (conn_->Broken() && !conn_->Reconnect().ok()) return {};
    conn_->ForgetFailures();
    return {conn_->Exec("SELECT 1").ok(), ""};
  }

 private:
  // A carried write failed (the transaction is rolled back): the batch runs again, each
  // operation's writes sent at its end. Nothing is carried in that attempt, so this comes
  // at most once per batch.
  BatchStep RunAgainCarefully() {
    careful_ = true;
    return BatchStep::Again();
  }

  std::unique_ptr<Connection> conn_;
  CountShard shard_;
  // This batch's attempt sends each operation's writes at its end (FlushWrites), not with
  // the next operation's: after a carried write failed. Reset as the batch ends (Commit,
  // Fail).
  bool careful_ = false;
};

// A reader thread's connection. Its transaction's ROLLBACK waits for the next read; when no
// read comes (StoreEngine::kReaderIdleAfter), Idle sends it, so an idle instance leaves no
// transaction open on the server.
class PostgresReadSession final : public ReadSession {
 public:
  explicit PostgresReadSession(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Status Read(const std::string& account_id, const Store::ReadFn& fn) override {
    return ReadOn(*conn_, account_id, fn);
  }
  bool HasIdleWork() const override { return conn_->end_pending(); }
  void Idle() override { conn_->EndPendingNow(); }

 private:
  std::unique_ptr<Connection> conn_;
};

}  // namespace

std::unique_ptr<ReadSession> NewReadSession(std::unique_ptr<Connection> conn) {
  return std::make_unique<PostgresReadSession>(std::move(conn));
}

Result<std::unique_ptr<WriteSession>> NewWriteSession(std::unique_ptr<Connection> conn) {
  IOTJOBS_ASSIGN_OR_RETURN(int64_t shard, RegisterCountShard(*conn));
  return std::unique_ptr<WriteSession>(
      std::make_unique<PostgresWriteSession>(std::move(conn), shard));
}

}  // namespace iotjobs::store::postgres
