#include "store/sqlite/sqlite_sessions.h"

#include "common/log.h"
#include "store/guarded.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store::sqlite {
namespace {

Status ReadOn(Connection& conn, const std::string& account_id, const Store::ReadFn& fn) {
  IOTJOBS_RETURN_IF_ERROR(conn.ExecCached("BEGIN"));
  SqlTransaction tx(SqlDb(conn), account_id);
  Status s = Guarded([&] { return fn(tx); });
  Status end = conn.ExecCached("COMMIT");
  if (!end.ok()) (void)conn.ExecCached("ROLLBACK");
  return s.ok() ? end : s;
}

class SqliteWriteSession final : public WriteSession {
 public:
  SqliteWriteSession(std::unique_ptr<Connection> conn, std::string path,
                     std::unique_ptr<Checkpointer> checkpointer)
      : conn_(std::move(conn)), path_(std::move(path)), checkpointer_(std::move(checkpointer)) {
    if (checkpointer_) checkpointer_->WatchWrites(*conn_);
  }

  // In memory the writer thread serves reads too, between batches.
  Status Read(const std::string& account_id, const Store::ReadFn& fn) override {
    return ReadOn(*conn_, account_id, fn);
  }

  BatchStep Begin() override {
    Status begin = conn_->ExecCached("BEGIN IMMEDIATE");
    if (begin.ok()) return BatchStep::GoOn();
    bool unavailable = begin.code() == ErrorCode::kServiceUnavailable;
    return BatchStep::Failed({std::move(begin), unavailable ? "cannot begin a write" : ""});
  }

  Status Exec(const char* sql) override { return conn_->ExecCached(sql); }

  Status RunOperation(const std::string& account_id, const Store::WriteFn& fn) override {
    SqlTransaction tx(SqlDb(*conn_), account_id);
    return Guarded([&] { return fn(tx); });
  }

  BatchStep AfterOperation() override {
    if (conn_->InTransaction()) return BatchStep::GoOn();
    // SQLite rolled the whole transaction back (I/O error, full disk): the earlier
    // operations of this batch are gone too, and none was acknowledged yet.
    return BatchStep::Failed(Recover("SQLite rolled a write transaction back"));
  }

  BatchFailure UndoFailed(const Status&) override {
    return Recover("cannot roll an operation back");
  }

  BatchStep Commit() override {
    if (conn_->ExecCached("COMMIT").ok()) return BatchStep::GoOn();
    // Nothing of the batch is acknowledged: every operation is answered 503, and what the
    // failed commit may have left in the WAL lies past its last valid commit, where SQLite
    // never reads it (and overwrites it with the next commit).
    return BatchStep::Failed(Recover("cannot commit (disk full or I/O error)"));
  }

  // SQLite's batches never conflict (one writer per database file), so this is not reached.
  BatchFailure Fail(Status answer) override { return {std::move(answer), ""}; }

  ProbeResult Probe() override {
    Status s = conn_->ExecCached("BEGIN IMMEDIATE");
    if (s.ok()) {
      auto stmt = conn_->Prepare(
          "INSERT INTO store_probe (id, probed_at) VALUES (1, unixepoch()) "
          "ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at");
      s = stmt.ok() ? stmt->Run() : stmt.status();
    }
    if (s.ok()) s = conn_->ExecCached("COMMIT");
    if (s.ok()) return {true, ""};
    return {false, Recover("the store's write probe failed (disk full or I/O error)").problem};
  }

  void Close() override {
    if (checkpointer_) checkpointer_->Stop();
  }

 private:
  // After a failed write: rolls back what is left, reopens the write connection, and says
  // what the batch's operations are answered.
  BatchFailure Recover(const std::string& why) {
    // SQLite may have ended the transaction itself; a ROLLBACK without one only logs an
    // error.
    if (conn_->InTransaction()) (void)conn_->Exec("ROLLBACK");
    if (!path_.empty()) Reopen();
    return {Unavailable("The data store could not save this change (" + why +
                        "); nothing of it was kept. Try again later."),
            why};
  }

  // A fresh connection starts from what is committed on disk, with none of the old one's
  // cached pages or prepared statements: nothing of the failed transaction survives in it.
  void Reopen() {
    auto fresh = OpenConfigured(path_, /*writer=*/true);
    if (!fresh.ok()) {
      IOTJOBS_LOG(kWarn) << "store: cannot reopen the write connection yet; keeping the old one";
      return;
    }
    if (checkpointer_) checkpointer_->WatchWrites(**fresh);
    conn_ = std::move(*fresh);
  }

  std::unique_ptr<Connection> conn_;
  std::string path_;
  std::unique_ptr<Checkpointer> checkpointer_;
};

}  // namespace

Result<std::unique_ptr<Connection>> OpenConfigured(const std::string& path, bool writer) {
  IOTJOBS_ASSIGN_OR_RETURN(auto conn, Connection::Open(path, false));
  if (writer) {
    IOTJOBS_RETURN_IF_ERROR(conn->Exec("PRAGMA journal_mode = WAL"));
  }
  // FULL: a commit is on disk (the WAL fsynced) before it is acknowledged.
  IOTJOBS_RETURN_IF_ERROR(conn->Exec("PRAGMA synchronous = FULL"));
  return conn;
}

std::unique_ptr<ReadSession> NewReadSession(std::unique_ptr<Connection> conn) {
  return std::make_unique<ConnectionReadSession<Connection>>(std::move(conn), &ReadOn);
}

std::unique_ptr<WriteSession> NewWriteSession(std::unique_ptr<Connection> conn,
                                              std::string path,
                                              std::unique_ptr<Checkpointer> checkpointer) {
  return std::make_unique<SqliteWriteSession>(std::move(conn), std::move(path),
                                              std::move(checkpointer));
}

}  // namespace iotjobs::store::sqlite
