#include "store/postgres/postgres_sessions.h"

#include "common/log.h"
#include "store/guarded.h"
#include "store/sql/sql_transaction.h"

namespace iotjobs::store::postgres {
namespace {

constexpr char kBeginWrite[] = "BEGIN ISOLATION LEVEL SERIALIZABLE";
constexpr char kBeginRead[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

Status Lost() { return Unavailable("The data store is temporarily unavailable."); }

// Opens a transaction with `begin`, reconnecting first when the connection is known dead,
// and once more when it is found dead at BEGIN: nothing ran yet, so nothing is lost.
Status BeginOn(Connection& conn, const char* begin) {
  bool reconnected = false;
  for (;;) {
    if (conn.Broken()) {
      IOTJOBS_RETURN_IF_ERROR(conn.Reconnect());
      reconnected = true;
    }
    conn.ForgetFailures();
    Status s = conn.Exec(begin);
    if (s.ok() || !conn.Broken() || reconnected) return s;
  }
}

Status ReadOn(Connection& conn, const std::string& account_id, const Store::ReadFn& fn) {
  IOTJOBS_RETURN_IF_ERROR(BeginOn(conn, kBeginRead));
  SqlTransaction tx(SqlDb(conn), account_id);
  Status s = Guarded([&] { return fn(tx); });
  if (conn.Broken()) {
    IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during a read";
    return Lost();
  }
  // A read-only snapshot has nothing to commit; ending it either way is the same.
  (void)conn.Exec("ROLLBACK");
  return s;
}

}  // namespace

Status PostgresReadSession::Read(const std::string& account_id, const Store::ReadFn& fn) {
  return ReadOn(*conn_, account_id, fn);
}

Status PostgresWriteSession::Read(const std::string& account_id, const Store::ReadFn& fn) {
  return ReadOn(*conn_, account_id, fn);
}

BatchStep PostgresWriteSession::Begin() {
  Status begin = BeginOn(*conn_, kBeginWrite);
  if (begin.ok()) return BatchStep::GoOn();
  return BatchStep::Failed(Fail(std::move(begin)));
}

Status PostgresWriteSession::RunOperation(const std::string& account_id,
                                          const Store::WriteFn& fn) {
  SqlTransaction tx(SqlDb(*conn_), account_id);
  return Guarded([&] { return fn(tx); });
}

BatchStep PostgresWriteSession::AfterOperation() {
  if (conn_->Broken()) {
    // The transaction died with the connection: nothing of the batch committed.
    IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during a write";
    return BatchStep::Failed(Fail(Lost()));
  }
  if (conn_->conflicted()) {
    // Lost to another instance's transaction, whatever the operation made of it: the whole
    // batch runs again.
    (void)conn_->Exec("ROLLBACK");
    return BatchStep::Conflict();
  }
  return BatchStep::GoOn();
}

BatchFailure PostgresWriteSession::UndoFailed(const Status& undo) {
  if (conn_->Broken()) return Fail(Lost());
  (void)conn_->Exec("ROLLBACK");
  return Fail(undo);
}

BatchStep PostgresWriteSession::Commit() {
  Status commit = conn_->Commit();
  if (commit.ok()) return BatchStep::GoOn();
  if (conn_->Broken()) {
    // COMMIT was sent but its answer lost: the batch may or may not have committed, and
    // running it again could apply it twice.
    IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during COMMIT; "
                           "the outcome of the batch is unknown";
    return BatchStep::Failed(Fail(Lost()));
  }
  // COMMIT failed to serialize: the server rolled back, nothing committed.
  if (conn_->conflicted()) return BatchStep::Conflict();
  return BatchStep::Failed(Fail(std::move(commit)));
}

BatchFailure PostgresWriteSession::Fail(Status answer) {
  return {std::move(answer), conn_->Broken() ? "cannot reach PostgreSQL" : ""};
}

PostgresWriteSession::ProbeResult PostgresWriteSession::Probe() {
  Connection& conn = *conn_;
  if (conn.Broken() && !conn.Reconnect().ok()) return {};
  conn.ForgetFailures();
  return {conn.Exec("SELECT 1").ok(), ""};
}

}  // namespace iotjobs::store::postgres
