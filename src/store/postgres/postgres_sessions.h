#pragma once

#include <memory>
#include <string>

#include "store/engine/sessions.h"
#include "store/postgres/pg_connection.h"

namespace iotjobs::store::postgres {

// Reads in REPEATABLE READ READ ONLY: one snapshot, as SQLite's read transactions have. A
// connection found dead at BEGIN (the server restarted, or ended idle sessions) is connected
// again and the read run on it; one lost during the read fails it (kServiceUnavailable).
class PostgresReadSession final : public ReadSession {
 public:
  explicit PostgresReadSession(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}
  Status Read(const std::string& account_id, const Store::ReadFn& fn) override;

 private:
  std::unique_ptr<Connection> conn_;
};

// The write connection: a batch is one SERIALIZABLE transaction. A serialization failure or
// deadlock is a conflict with another instance (one instance's operations never conflict
// with one another: it has one writer), and the engine runs the batch again. A connection
// the server dropped fails the operations that meet it mid-transaction (a COMMIT whose answer
// was lost cannot be retried, it may have committed) and is connected again before its next
// use; while it cannot be, writes are failing and the probe tries again.
class PostgresWriteSession final : public WriteSession {
 public:
  explicit PostgresWriteSession(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}

  Status Read(const std::string& account_id, const Store::ReadFn& fn) override;
  BatchStep Begin() override;
  Status Exec(const char* sql) override { return conn_->Exec(sql); }
  Status RunOperation(const std::string& account_id, const Store::WriteFn& fn) override;
  BatchStep AfterOperation() override;
  BatchFailure UndoFailed(const Status& undo) override;
  BatchStep Commit() override;
  BatchFailure Fail(Status answer) override;
  ProbeResult Probe() override;

 private:
  std::unique_ptr<Connection> conn_;
};

}  // namespace iotjobs::store::postgres
