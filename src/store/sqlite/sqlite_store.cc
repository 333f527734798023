#include "store/sqlite/sqlite_store.h"

#include <filesystem>

#include "common/log.h"
#include "store/guarded.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_transaction.h"

namespace iotjobs::store::sqlite {
namespace {

// The calling thread's inline read connection, if it has one (EnableInlineReads).
struct InlineReader {
  uint64_t store_id = 0;
  Connection* conn = nullptr;
};
thread_local InlineReader t_inline_reader;

// The WAL size (in pages) at which the writer asks for a checkpoint: SQLite's own default
// for its automatic checkpoint.
constexpr int kCheckpointPages = 1000;

Status Configure(Connection& conn, bool writer) {
  if (writer) {
    IOTJOBS_RETURN_IF_ERROR(conn.Exec("PRAGMA journal_mode = WAL"));
  }
  // FULL: a commit is on disk (the WAL fsynced) before it is acknowledged.
  return conn.Exec("PRAGMA synchronous = FULL");
}

}  // namespace

std::atomic<uint64_t> SqliteStore::next_id_{0};

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const SqliteOptions& options) {
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  store->max_batch_ = options.max_batch;
  store->in_memory_ = options.data_dir == ":memory:";
  if (store->in_memory_) {
    IOTJOBS_ASSIGN_OR_RETURN(store->writer_conn_, Connection::Open(":memory:", false));
  } else {
    std::error_code ec;
    std::filesystem::create_directories(options.data_dir, ec);
    if (ec) {
      IOTJOBS_LOG(kError) << "store: cannot create data directory " << options.data_dir << ": "
                          << ec.message();
      return Unavailable("The data directory could not be created.");
    }
    store->path_ = options.data_dir + "/iotjobs.db";
    IOTJOBS_ASSIGN_OR_RETURN(store->writer_conn_, Connection::Open(store->path_, false));
    IOTJOBS_RETURN_IF_ERROR(Configure(*store->writer_conn_, true));
  }
  IOTJOBS_RETURN_IF_ERROR(Migrate(*store->writer_conn_));
  if (!store->in_memory_) {
    for (int i = 0; i < options.reader_threads; ++i) {
      IOTJOBS_ASSIGN_OR_RETURN(auto conn, Connection::Open(store->path_, false));
      IOTJOBS_RETURN_IF_ERROR(Configure(*conn, false));
      store->reader_conns_.push_back(std::move(conn));
    }
  }
  if (!store->in_memory_) {
    IOTJOBS_ASSIGN_OR_RETURN(store->checkpoint_conn_, Connection::Open(store->path_, false));
    IOTJOBS_RETURN_IF_ERROR(Configure(*store->checkpoint_conn_, false));
    store->InstallCheckpointHook(*store->writer_conn_);
    store->checkpointer_ = std::thread([s = store.get()] { s->CheckpointLoop(); });
  }
  store->writer_ = std::thread([s = store.get()] { s->WriterLoop(); });
  for (auto& conn : store->reader_conns_) {
    store->readers_.emplace_back([s = store.get(), c = conn.get()] { s->ReaderLoop(c); });
  }
  return store;
}

SqliteStore::~SqliteStore() { Shutdown(); }

void SqliteStore::InstallCheckpointHook(Connection& conn) {
  // Replaces SQLite's automatic checkpoint on the writer (it is a WAL hook too).
  conn.OnWalCommit([this](int wal_pages) {
    if (wal_pages < kCheckpointPages) return;
    {
      std::lock_guard lock(checkpoint_mu_);
      checkpoint_wanted_ = true;
    }
    checkpoint_cv_.notify_one();
  });
}

void SqliteStore::Shutdown() {
  {
    std::lock_guard lock(mu_);
    if (stopping_ && !writer_.joinable()) return;
    stopping_ = true;
  }
  stopped_reading_.store(true);
  writer_cv_.notify_all();
  reader_cv_.notify_all();
  if (writer_.joinable()) writer_.join();
  for (auto& t : readers_) {
    if (t.joinable()) t.join();
  }
  {
    std::lock_guard lock(checkpoint_mu_);
    checkpoint_stop_ = true;
  }
  checkpoint_cv_.notify_all();
  if (checkpointer_.joinable()) checkpointer_.join();
}

void SqliteStore::CheckpointLoop() {
  for (;;) {
    {
      std::unique_lock lock(checkpoint_mu_);
      checkpoint_cv_.wait(lock, [&] { return checkpoint_stop_ || checkpoint_wanted_; });
      if (checkpoint_stop_) return;
      checkpoint_wanted_ = false;
    }
    if (Status s = checkpoint_conn_->CheckpointPassive(); !s.ok()) {
      IOTJOBS_LOG(kWarn) << "store: WAL checkpoint failed: " << s.message();
    }
  }
}

void SqliteStore::EnableInlineReads() {
  if (in_memory_) return;
  auto conn = Connection::Open(path_, false);
  if (conn.ok() && Configure(**conn, false).ok()) {
    t_inline_reader = {id_, conn->get()};
    std::lock_guard lock(mu_);
    inline_conns_.push_back(std::move(*conn));
  } else {
    // Not fatal: this thread's reads go to the reader threads as before.
    IOTJOBS_LOG(kWarn) << "store: no inline read connection for this thread";
  }
}

void SqliteStore::Read(std::string account_id, ReadFn fn, Done done) {
  if (t_inline_reader.store_id == id_) {
    if (stopped_reading_.load()) {
      done(Unavailable("The server is shutting down."));
      return;
    }
    ReadItem item{std::move(account_id), std::move(fn), std::move(done)};
    Status s = RunRead(*t_inline_reader.conn, item);
    item.done(std::move(s));
    return;
  }
  {
    std::lock_guard lock(mu_);
    if (stopping_) {
      done(Unavailable("The server is shutting down."));
      return;
    }
    reads_.push_back({std::move(account_id), std::move(fn), std::move(done)});
  }
  if (in_memory_) {
    writer_cv_.notify_one();
  } else {
    reader_cv_.notify_one();
  }
}

void SqliteStore::Write(std::string account_id, WriteFn fn, Done done) {
  {
    std::lock_guard lock(mu_);
    if (stopping_) {
      done(Unavailable("The server is shutting down."));
      return;
    }
    writes_.push_back({std::move(account_id), std::move(fn), std::move(done)});
  }
  writer_cv_.notify_one();
}

Status SqliteStore::RunRead(Connection& conn, ReadItem& item) {
  IOTJOBS_RETURN_IF_ERROR(conn.ExecCached("BEGIN"));
  SqliteTransaction tx(conn, item.account_id);
  Status s = Guarded([&] { return item.fn(tx); });
  Status end = conn.ExecCached("COMMIT");
  if (!end.ok()) (void)conn.ExecCached("ROLLBACK");
  return s.ok() ? end : s;
}

void SqliteStore::ReaderLoop(Connection* conn) {
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

void SqliteStore::WriterLoop() {
  for (;;) {
    std::vector<WriteItem> batch;
    std::vector<ReadItem> reads;
    {
      std::unique_lock lock(mu_);
      auto ready = [&] {
        return stopping_ || !writes_.empty() || (in_memory_ && !reads_.empty());
      };
      while (!health_.WaitForWork(lock, writer_cv_, ready, [this] { Probe(); })) {
      }
      if (writes_.empty() && (!in_memory_ || reads_.empty())) return;
      while (!writes_.empty() && static_cast<int>(batch.size()) < max_batch_) {
        batch.push_back(std::move(writes_.front()));
        writes_.pop_front();
      }
      if (in_memory_) {
        while (!reads_.empty()) {
          reads.push_back(std::move(reads_.front()));
          reads_.pop_front();
        }
      }
    }
    // In memory the one connection serves reads too, outside any write transaction, so a
    // read never sees an operation that has not committed.
    for (ReadItem& item : reads) {
      Status s = RunRead(*writer_conn_, item);
      item.done(std::move(s));
    }
    if (!batch.empty()) RunWriteBatch(batch);
  }
}

void SqliteStore::RunWriteBatch(std::vector<WriteItem>& batch) {
  std::vector<Status> results(batch.size());
  auto fail_all = [&](const Status& s) {
    for (size_t i = 0; i < batch.size(); ++i) batch[i].done(s);
  };
  Connection& conn = *writer_conn_;
  if (Status begin = conn.ExecCached("BEGIN IMMEDIATE"); !begin.ok()) {
    if (begin.code() == ErrorCode::kServiceUnavailable) health_.Failed("cannot begin a write");
    fail_all(begin);
    return;
  }
  for (size_t i = 0; i < batch.size(); ++i) {
    Status s = conn.ExecCached("SAVEPOINT op");
    if (s.ok()) {
      SqliteTransaction tx(conn, batch[i].account_id);
      s = Guarded([&] { return batch[i].fn(tx); });
      if (!conn.InTransaction()) {
        // SQLite rolled the whole transaction back (I/O error, full disk): the earlier
        // operations of this batch are gone too, and none was acknowledged yet.
        return FailBatch(batch, "SQLite rolled a write transaction back");
      }
      if (s.ok()) {
        s = conn.ExecCached("RELEASE op");
      } else {
        Status undo = conn.ExecCached("ROLLBACK TO op");
        if (undo.ok()) undo = conn.ExecCached("RELEASE op");
        if (!undo.ok()) return FailBatch(batch, "cannot roll an operation back");
      }
    }
    results[i] = std::move(s);
  }
  if (Status commit = conn.ExecCached("COMMIT"); !commit.ok()) {
    // Nothing of the batch is acknowledged: every operation is answered 503, and what the
    // failed commit may have left in the WAL lies past its last valid commit, where SQLite
    // never reads it (and overwrites it with the next commit).
    return FailBatch(batch, "cannot commit (disk full or I/O error)");
  }
  health_.Succeeded();
  for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(results[i]));
}

void SqliteStore::FailBatch(std::vector<WriteItem>& batch, const std::string& why) {
  RecoverWriter(why);
  Status s = Unavailable(
      "The data store could not save this change (" + why + "); nothing of it was kept. "
      "Try again later.");
  for (WriteItem& item : batch) item.done(s);
}

void SqliteStore::RecoverWriter(const std::string& why) {
  health_.Failed(why);
  // SQLite may have ended the transaction itself; a ROLLBACK without one only logs an error.
  if (writer_conn_->InTransaction()) (void)writer_conn_->Exec("ROLLBACK");
  if (in_memory_) return;
  // A fresh connection starts from what is committed on disk, with none of the old one's
  // cached pages or prepared statements: nothing of the failed transaction survives in it.
  auto fresh = Connection::Open(path_, false);
  if (fresh.ok() && Configure(**fresh, true).ok()) {
    InstallCheckpointHook(**fresh);
    writer_conn_ = std::move(*fresh);
  } else {
    IOTJOBS_LOG(kWarn) << "store: cannot reopen the write connection yet; keeping the old one";
  }
}

void SqliteStore::Probe() {
  Connection& conn = *writer_conn_;
  Status s = conn.ExecCached("BEGIN IMMEDIATE");
  if (s.ok()) {
    auto stmt = conn.Prepare(
        "INSERT INTO store_probe (id, probed_at) VALUES (1, unixepoch()) "
        "ON CONFLICT (id) DO UPDATE SET probed_at = excluded.probed_at");
    s = stmt.ok() ? stmt->Run() : stmt.status();
  }
  if (s.ok()) s = conn.ExecCached("COMMIT");
  if (s.ok()) {
    health_.Succeeded();
  } else {
    RecoverWriter("the store's write probe failed (disk full or I/O error)");
  }
}

}  // namespace iotjobs::store::sqlite
