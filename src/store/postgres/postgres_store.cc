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
  const int size = std::max(1, options.connections);
  IOTJOBS_ASSIGN_OR_RETURN(auto first, Connection::Open(options.conninfo));
  IOTJOBS_RETURN_IF_ERROR(Migrate(*first));
  store->conns_.push_back(std::move(first));
  while (static_cast<int>(store->conns_.size()) < size) {
    IOTJOBS_ASSIGN_OR_RETURN(auto conn, Connection::Open(options.conninfo));
    store->conns_.push_back(std::move(conn));
  }
  for (auto& conn : store->conns_) {
    store->workers_.emplace_back([s = store.get(), c = conn.get()] { s->WorkerLoop(c); });
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
  cv_.notify_all();
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
}

void PostgresStore::Read(std::string account_id, ReadFn fn, Done done) {
  Enqueue({std::move(account_id), /*write=*/false,
           [fn = std::move(fn)](WriteTransaction& tx) { return fn(tx); }, std::move(done)});
}

void PostgresStore::Write(std::string account_id, WriteFn fn, Done done) {
  Enqueue({std::move(account_id), /*write=*/true, std::move(fn), std::move(done)});
}

void PostgresStore::Enqueue(Item item) {
  {
    std::lock_guard lock(mu_);
    if (!stopping_) {
      queue_.push_back(std::move(item));
      cv_.notify_one();
      return;
    }
  }
  item.done(Unavailable("The server is shutting down."));
}

void PostgresStore::WorkerLoop(Connection* conn) {
  for (;;) {
    Item item;
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to serve
      item = std::move(queue_.front());
      queue_.pop_front();
    }
    Status s = Run(*conn, item);
    item.done(std::move(s));
  }
}

Status PostgresStore::Run(Connection& conn, Item& item) {
  Backoff backoff;
  bool reconnected = false;
  for (;;) {
    if (conn.Broken()) {
      IOTJOBS_RETURN_IF_ERROR(conn.Reconnect());
      reconnected = true;
    }
    conn.ForgetFailures();
    if (Status begin = conn.Exec(item.write ? kBeginWrite : kBeginRead); !begin.ok()) {
      // Nothing of the operation ran yet: a connection found dead here (the server
      // restarted, or ended idle sessions) is connected again and the operation run on it.
      if (conn.Broken() && !reconnected) continue;
      return begin;
    }
    PostgresTransaction tx(conn, item.account_id);
    Status s = Guarded([&] { return item.fn(tx); });
    if (conn.Broken()) {
      // The transaction died with the connection: nothing of it committed.
      IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during an operation";
      return Lost();
    }
    if (!conn.conflicted()) {
      if (!s.ok()) {
        (void)conn.Exec("ROLLBACK");
        return s;
      }
      s = conn.Commit();
      if (s.ok()) return s;
      if (conn.Broken()) {
        // COMMIT was sent but its answer lost: the transaction may or may not have
        // committed, and running it again could apply it twice.
        IOTJOBS_LOG(kError) << "store: lost the PostgreSQL connection during COMMIT; "
                               "the operation's outcome is unknown";
        return Lost();
      }
      if (!conn.conflicted()) return s;
      // COMMIT failed to serialize: the server rolled back, nothing committed.
    } else {
      // A statement lost a serialization conflict or a deadlock, whatever `fn` made of it.
      (void)conn.Exec("ROLLBACK");
    }
    if (!backoff.Wait()) {
      IOTJOBS_LOG(kWarn) << "store: a transaction kept conflicting after "
                         << backoff.attempts() << " attempts; giving up";
      return Busy();
    }
  }
}

}  // namespace iotjobs::store::postgres
