#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "store/store.h"

// What a backend supplies to the store engine (store_engine.h): a session per connection,
// which knows how to open and end that backend's transactions, and which failures mean what.
// The engine owns the threads, the queues, the batching and the savepoint per operation.
namespace iotjobs::store {

// One connection that runs read transactions, owned by one thread at a time.
class ReadSession {
 public:
  virtual ~ReadSession() = default;
  // Runs `fn` in a read transaction of `account_id` (a consistent snapshot), reconnecting
  // first if the backend can. A throwing `fn` is an internal failure (guarded.h).
  virtual Status Read(const std::string& account_id, const Store::ReadFn& fn) = 0;
  // Whether the session left work for when no read comes: a transaction it left open for
  // the next read to end (PostgreSQL, Connection::EndWithNext). The engine then calls Idle
  // once its reader thread has waited kReaderIdleAfter without a read.
  virtual bool HasIdleWork() const { return false; }
  virtual void Idle() {}
};

// A read session of a backend whose reads need nothing but the connection: `read` runs a read
// transaction on it.
template <typename Connection>
class ConnectionReadSession final : public ReadSession {
 public:
  using ReadOn = Status (*)(Connection& conn, const std::string& account_id,
                            const Store::ReadFn& fn);
  ConnectionReadSession(std::unique_ptr<Connection> conn, ReadOn read)
      : conn_(std::move(conn)), read_(read) {}

  Status Read(const std::string& account_id, const Store::ReadFn& fn) override {
    return read_(*conn_, account_id, fn);
  }

 private:
  std::unique_ptr<Connection> conn_;
  ReadOn read_;
};

// Why a write batch ended without committing: what every operation of it is answered, and,
// when writes as such fail (not the batch's own fault), the problem /health reports.
struct BatchFailure {
  Status answer;
  std::string problem;  // empty: the store's write health stays as it is
};

// How a step of a write batch went: on; or over, failed; or over, lost to a concurrent
// transaction of another process, to be run again from the start; or over, to be run again
// at once because the session wants to run it another way (kAgain: PostgreSQL found that an
// operation's writes failed only once the next operation had begun, and runs the batch again
// with each operation's writes on their own, so that the failure is that operation's alone).
// A session answers kAgain at most once per batch.
struct BatchStep {
  enum Kind { kGoOn, kFailed, kConflict, kAgain };
  Kind kind = kGoOn;
  BatchFailure failure;  // for kFailed

  static BatchStep GoOn() { return {}; }
  static BatchStep Conflict() { return {kConflict, {}}; }
  static BatchStep Again() { return {kAgain, {}}; }
  static BatchStep Failed(BatchFailure f) { return {kFailed, std::move(f)}; }
};

// The writer thread's connection. The engine calls, per batch: Begin; for each operation
// Exec("SAVEPOINT op"), RunOperation, AfterOperation, then Exec of RELEASE or ROLLBACK TO;
// finally Commit. Each step that returns a BatchStep may end the batch.
class WriteSession : public ReadSession {
 public:
  // Opens the batch's write transaction.
  virtual BatchStep Begin() = 0;
  // Runs one savepoint statement (SAVEPOINT, RELEASE SAVEPOINT, ROLLBACK TO SAVEPOINT).
  virtual Status Exec(const char* sql) = 0;
  // Runs one operation in the open transaction, as `account_id`.
  virtual Status RunOperation(const std::string& account_id, const Store::WriteFn& fn) = 0;
  // Whether the batch can go on after an operation (whatever the operation returned).
  virtual BatchStep AfterOperation() = 0;
  // A savepoint could not be rolled back: the batch is over.
  virtual BatchFailure UndoFailed(const Status& undo) = 0;
  // Commits the batch.
  virtual BatchStep Commit() = 0;
  // The batch ends with `answer` for a reason of the engine's (conflicts that never end).
  virtual BatchFailure Fail(Status answer) = 0;

  // While writes fail, the idle writer's test of whether they work again: true when they do.
  // A failed probe may name a new problem (empty: the old one stands).
  struct ProbeResult {
    bool committed = false;
    std::string problem;
  };
  virtual ProbeResult Probe() = 0;

  // Called once the store's threads are joined: stops any helper of the session's own.
  virtual void Close() {}
};

}  // namespace iotjobs::store
