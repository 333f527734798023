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
  int connections = 8;   // pool size: one worker thread per connection
};

// The scale-out store: several stateless iotjobsd over one PostgreSQL database (DESIGN.md).
//
// A pool of connections, each owned by one worker thread; the workers take operations, reads
// and writes alike, from one queue. Each operation is its own transaction: a write runs in
// BEGIN ISOLATION LEVEL SERIALIZABLE, and `done` is called after COMMIT returned (durable
// under PostgreSQL's default synchronous_commit). A write that loses a serialization
// conflict or a deadlock to another transaction, of this instance or another, is rolled back
// and run again from the start (the service's operations are safe to re-run), up to
// Backoff::kMaxAttempts times with a random pause between; then kServiceUnavailable. A read
// runs in REPEATABLE READ READ ONLY: one snapshot, as SQLite's read transactions have.
//
// A connection the server dropped fails the operation that meets it mid-transaction
// (kServiceUnavailable; a COMMIT whose answer was lost cannot be retried, it may have
// committed) and is connected again before its next use. An operation that finds its
// connection dead at BEGIN has not run at all, so it reconnects and runs at once.
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

 private:
  struct Item {
    std::string account_id;
    bool write = false;
    WriteFn fn;  // a read's ReadFn, when !write
    Done done;
  };

  PostgresStore() = default;
  void Enqueue(Item item);
  void WorkerLoop(Connection* conn);
  static Status Run(Connection& conn, Item& item);

  std::vector<std::unique_ptr<Connection>> conns_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Item> queue_;  // GUARDED_BY(mu_)
  bool stopping_ = false;   // GUARDED_BY(mu_)

  std::mutex shutdown_mu_;  // one Shutdown joins the workers, a second one waits for it
  std::vector<std::thread> workers_;
};

}  // namespace iotjobs::store::postgres
