#pragma once

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/result.h"
#include "store/store.h"

namespace iotjobs::store::postgres {

class Connection;

struct PostgresOptions {
  std::string conninfo;  // a libpq connection string or postgresql:// URL
  // Connections in all: one for the writer, the rest (at least one) for reads, each with a
  // thread of its own.
  int connections = 8;
  // Most write operations one batch may group into one transaction.
  int max_batch = 256;
};

// The scale-out store: several stateless iotjobsd over one PostgreSQL database
// (docs/architecture.md, "PostgreSQL" and "Several instances").
//
// Writes are grouped as on SQLite: one writer thread per instance, with its own connection,
// takes every queued write operation at once and runs them in one SERIALIZABLE transaction,
// a savepoint each (a failed operation rolls back alone), and calls each `done` only after
// COMMIT returned (durable under PostgreSQL's default synchronous_commit). One writer per
// instance is what makes this work: the operations of one instance never conflict with one
// another. Done on many connections instead, operations touching the same thing (a job
// created for things another job targets, whose pending queues both read) fail to serialize
// against each other, and under load most attempts were lost and retried. What remains are
// conflicts with other instances: the batch is rolled back and run again from the start (the
// service's operations are safe to re-run), up to Backoff::kMaxAttempts times with a random
// pause between; then kServiceUnavailable.
//
// Reads run on a pool of reader threads, each with its own connection, in REPEATABLE READ
// READ ONLY: one snapshot, as SQLite's read transactions have.
//
// A connection the server dropped fails the operations that meet it mid-transaction
// (kServiceUnavailable; a COMMIT whose answer was lost cannot be retried, it may have
// committed) and is connected again before its next use. Operations that find their
// connection dead at BEGIN have not run at all, so it reconnects and runs them at once.
class PostgresStore final : public Store {
 public:
  // Connects every pool connection, brings the schema up to date (migrations.h) and starts
  // the workers. A database that cannot be reached is kServiceUnavailable "cannot connect
  // to PostgreSQL: <libpq's reason>".
  static Result<std::unique_ptr<PostgresStore>> Open(const PostgresOptions& options);
  ~PostgresStore() override;

  void Read(std::string account_id, ReadFn fn, Done done) override;
  void Write(std::string account_id, WriteFn fn, Done done) override;
  // Stops taking work (later calls get kServiceUnavailable), finishes what is queued, and
  // joins the workers. Idempotent.
  void Shutdown() override;
  // Writes fail while the writer's connection is lost; an idle writer then tries to
  // reconnect once a second, and the first success makes the store healthy again.
  HealthReport Health() const override { return health_.Report(); }

 private:
  struct ReadItem {
    std::string account_id;
    ReadFn fn;
    Done done;
  };
  struct WriteItem {
    std::string account_id;
    WriteFn fn;
    Done done;
  };

  PostgresStore() = default;
  void ReaderLoop(Connection* conn);
  void WriterLoop();
  static Status RunRead(Connection& conn, ReadItem& item);
  void RunWriteBatch(std::vector<WriteItem>& batch);
  void Probe();

  int max_batch_ = 256;
  std::unique_ptr<Connection> writer_conn_;
  std::vector<std::unique_ptr<Connection>> reader_conns_;

  std::mutex mu_;
  std::condition_variable reader_cv_;
  std::condition_variable writer_cv_;
  std::deque<ReadItem> reads_;    // GUARDED_BY(mu_)
  std::deque<WriteItem> writes_;  // GUARDED_BY(mu_)
  bool stopping_ = false;         // GUARDED_BY(mu_)
  WriteHealth health_;            // written by the writer thread

  std::mutex shutdown_mu_;  // one Shutdown joins the threads, a second one waits for it
  std::thread writer_;
  std::vector<std::thread> readers_;
};

}  // namespace iotjobs::store::postgres
