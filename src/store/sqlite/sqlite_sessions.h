#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "store/engine/sessions.h"
#include "store/sqlite/checkpointer.h"
#include "store/sqlite/connection.h"

namespace iotjobs::store::sqlite {

// Opens a connection to the database file at `path` set up for the store: WAL (the writer
// turns it on) and synchronous=FULL, so a commit is on disk before it is acknowledged.
Result<std::unique_ptr<Connection>> OpenConfigured(const std::string& path, bool writer);

// Reads on a connection of its own, in a deferred transaction: WAL gives it one consistent
// snapshot and it never waits for the writer. BEGIN and COMMIT come from the statement cache.
class SqliteReadSession final : public ReadSession {
 public:
  explicit SqliteReadSession(std::unique_ptr<Connection> conn) : conn_(std::move(conn)) {}
  Status Read(const std::string& account_id, const Store::ReadFn& fn) override;

 private:
  std::unique_ptr<Connection> conn_;
};

// The write connection. A batch is one BEGIN IMMEDIATE ... COMMIT (one fsync). When it
// fails for a reason outside the requests (a full disk, an I/O error), nothing of it is kept:
// the transaction is rolled back and the connection opened anew, and every operation of it
// is answered kServiceUnavailable. The idle writer's probe is a one-row commit.
class SqliteWriteSession final : public WriteSession {
 public:
  // `path` is "" in memory, where the one connection is never reopened; `checkpointer`
  // (none in memory) watches every write connection this session opens.
  SqliteWriteSession(std::unique_ptr<Connection> conn, std::string path,
                     std::unique_ptr<Checkpointer> checkpointer);

  // In memory the writer thread serves reads too, between batches.
  Status Read(const std::string& account_id, const Store::ReadFn& fn) override;

  BatchStep Begin() override;
  Status Exec(const char* sql) override { return conn_->ExecCached(sql); }
  Status RunOperation(const std::string& account_id, const Store::WriteFn& fn) override;
  BatchStep AfterOperation() override;
  BatchFailure UndoFailed(const Status& undo) override;
  BatchStep Commit() override;
  BatchFailure Fail(Status answer) override { return {std::move(answer), ""}; }
  ProbeResult Probe() override;
  void Close() override;

 private:
  // After a failed write: rolls back what is left, reopens the write connection, and says
  // what the batch's operations are answered.
  BatchFailure Recover(const std::string& why);

  std::unique_ptr<Connection> conn_;
  std::string path_;
  std::unique_ptr<Checkpointer> checkpointer_;
};

}  // namespace iotjobs::store::sqlite
