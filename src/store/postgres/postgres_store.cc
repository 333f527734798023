#include "store/postgres/postgres_store.h"

#include <algorithm>

#include "common/log.h"
#include "store/guarded.h"
#include "store/postgres/migrations.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/postgres_transaction.h"
#include "store/postgres/retry.h"

namespace iotjobs::store::postgres {
namespace {

constexpr char kBeginWrite[] = "BEGIN ISOLATION LEVEL SERIALIZABLE";
constexpr char kBeginRead[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

Status Busy() { return Unavailable("The data store is busy; try again."); }
Status Lost() { return Unavailable("The data store is temporarily unavailable."); }

}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const PostgresOptions& options) {
  std::unique_ptr<PostgresStore> store(new PostgresStore());
  store->max_batch_ = std::max(1, options.max_batch);
  const int readers = std::max(1, options.connections - 1);
  IOTJOBS_ASSIGN_OR_RETURN(store->writer_conn_, Connection::Open(options.conninfo));
  IOTJOBS_RETURN_IF_ERROR(Migrate(*store->writer_conn_));
  for (int i = 0; i < readers; ++i) {
    IOTJOBS_ASSIGN_OR_RETURN(auto conn, Connection::Open(options.conninfo));
    store->reader_conns_.push_back(std::move(conn));
  }
  store->writer_ = std::thread([s = store.get()] { s->WriterLoop(); });
  for (auto& conn : store->reader_conns_) {
    store->readers_.emplace_back([s = store.get(), c = conn.get()] { s->ReaderLoop(c); });
  }
  return store;
}

PostgresStore::~PostgresStore() { Shutdown(); }

void PostgresStore::Shutdown() {
  std::lock_guard join_lock(shutdown_mu_);
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  reader_cv_.notify_all();
  writer_cv_.notify_all();
  if (writer_.joinable()) writer_.join();
  for (auto& t : readers_) {
    if (t.joinable()) t.join();
  }
}

void PostgresStore::Read(std::string account_id, ReadFn fn, Done done) {
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      reads_.push_back({std::move(account_id), std::move(fn), std::move(done)});
      reader_cv_.notify_one();
      return;
    }
  }
  done(Unavailable("The server is shutting down."));
}

void PostgresStore::Write(std::string account_id, WriteFn fn, Done done) {
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      writes_.push_back({std::move(account_id), std::move(fn), std::move(done)});
      writer_cv_.notify_one();
      return;
    }
  }
  done(Unavailable("The server is shutting down."));
}

void PostgresStore::ReaderLoop(Connection* conn) {
  for (;;) {
    ReadItem item;
    {
      std::unique_lock lock(mu_);
      reader_cv_.wait(lock, [&] { return stopping_ || !reads_.empty(); });
      if (reads_.empty()) return;  // stopping, and nothing left to serve
      item = std::move(reads_.front());
      reads_.pop_front();
    }
    Status s = RunRead(*conn, item);
    item.done(std::move(s));
  }
}

void PostgresStore::WriterLoop() {
  for (;;) {
    std::vector<WriteItem> batch;
    {
      std::unique_lock lock(mu_);
      auto ready = [&] { return stopping_ || !writes_.empty(); };
      while (!health_.WaitForWork(lock, writer_cv_, ready, [this] { Probe(); })) {
      }
      if (writes_.empty()) return;  // stopping, and nothing left to write
      while (!writes_.empty() && static_cast<int>(batch.size()) < max_batch_) {
        batch.push_back(std::move(writes_.front()));
        writes_.pop_front();
      }
    }
    RunWriteBatch(batch);
  }
}

void PostgresStore::Probe() {
  Connection& conn = *writer_conn_;
  if (conn.Broken() && !conn.Reconnect().ok()) return;
  conn.ForgetFailures();
  if (conn.Exec("SELECT 1").ok()) health_.Succeeded();
}

Status PostgresStore::RunRead(Connection& conn, ReadItem& item) {
  bool reconnected = false;
  for (;;) {
    if (conn.Broken()) {
      IOTJOBS_RETURN_IF_ERROR(conn.Reconnect());
      reconnected = true;
    }
    conn.ForgetFailures();
    if (Status begin = conn.Exec(kBeginRead); !begin.ok()) {
      // Nothing ran yet: a connection found dead here (the server restarted, or ended idle
      // sessions) is connected again and the read run on it.
      if (conn.Broken() && !reconnected) continue;
      return begin;
    }
    PostgresTransaction tx(conn, item.account_id);
    Status s = Guarded([&] { return item.fn(tx); });
    if (conn.Broken()) {
      IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during a read";
      return Lost();
    }
    // A read-only snapshot has nothing to commit; ending it either way is the same.
    (void)conn.Exec("ROLLBACK");
    return s;
  }
}

void PostgresStore::RunWriteBatch(std::vector<WriteItem>& batch) {
  Connection& conn = *writer_conn_;
  auto fail_all = [&](const Status& s) {
    if (conn.Broken()) health_.Failed("cannot reach PostgreSQL");
    for (WriteItem& item : batch) item.done(s);
  };
  std::vector<Status> results(batch.size());
  Backoff backoff;
  bool reconnected = false;
  for (;;) {
    if (conn.Broken()) {
      if (Status s = conn.Reconnect(); !s.ok()) return fail_all(s);
      reconnected = true;
    }
    conn.ForgetFailures();
    if (Status begin = conn.Exec(kBeginWrite); !begin.ok()) {
      if (conn.Broken() && !reconnected) continue;  // nothing ran yet (see RunRead)
      return fail_all(begin);
    }
    bool conflicted = false;
    for (size_t i = 0; i < batch.size() && !conflicted; ++i) {
      Status s = conn.Exec("SAVEPOINT op");
      if (s.ok()) {
        PostgresTransaction tx(conn, batch[i].account_id);
        s = Guarded([&] { return batch[i].fn(tx); });
      }
      if (conn.Broken()) {
        // The transaction died with the connection: nothing of the batch committed.
        IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during a write";
        return fail_all(Lost());
      }
      if (conn.conflicted()) {
        // Lost to another instance's transaction, whatever the operation made of it: the
        // whole batch runs again.
        conflicted = true;
        break;
      }
      if (s.ok()) {
        s = conn.Exec("RELEASE SAVEPOINT op");
      } else {
        // Also after a failed statement: PostgreSQL takes the transaction back to the
        // savepoint and goes on.
        Status undo = conn.Exec("ROLLBACK TO SAVEPOINT op");
        if (undo.ok()) undo = conn.Exec("RELEASE SAVEPOINT op");
        if (!undo.ok()) {
          if (conn.Broken()) return fail_all(Lost());
          (void)conn.Exec("ROLLBACK");
          return fail_all(undo);
        }
      }
      results[i] = std::move(s);
    }
    if (!conflicted) {
      Status commit = conn.Commit();
      if (commit.ok()) {
        health_.Succeeded();
        for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(results[i]));
        return;
      }
      if (conn.Broken()) {
        // COMMIT was sent but its answer lost: the batch may or may not have committed, and
        // running it again could apply it twice.
        IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during COMMIT; "
                               "the outcome of " << batch.size() << " operation(s) is unknown";
        return fail_all(Lost());
      }
      if (!conn.conflicted()) return fail_all(commit);
      // COMMIT failed to serialize: the server rolled back, nothing committed.
    } else {
      (void)conn.Exec("ROLLBACK");
    }
    if (!backoff.Wait()) {
      IOTJOBS_LOG(kWarn) << "store: a write batch kept conflicting after " << backoff.attempts()
                         << " attempts; giving up";
      return fail_all(Busy());
    }
  }
}

}  // namespace iotjobs::store::postgres
