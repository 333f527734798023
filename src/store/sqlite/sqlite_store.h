#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "common/result.h"
#include "store/sqlite/connection.h"
#include "store/store.h"

namespace iotjobs::store::sqlite {

struct SqliteOptions {
  // Directory holding iotjobs.db (created if missing), or ":memory:" to keep nothing.
  std::string data_dir = "./iotjobs-data";
  int reader_threads = 2;
  // Most operations one writer batch may group into one transaction and one fsync.
  int max_batch = 512;
};

// The embedded store: SQLite in WAL mode with synchronous=FULL.
//
// One writer thread owns the only write connection. It takes every queued write operation
// at once, runs them in one transaction with a savepoint each (a failed operation rolls
// back alone), commits with one fsync, and only then calls each operation's `done`: a
// request is answered after its data is on disk. Reads run on reader threads with their own
// connections and never wait for the writer (WAL gives each a consistent snapshot).
//
// WAL checkpoints run on a checkpoint thread of their own, not inside the writer's COMMIT
// (SQLite's default), so the writer keeps committing while the WAL is copied back.
//
// If a write batch fails for a reason outside the requests (a full disk, an I/O error), every
// operation of it is answered kServiceUnavailable and nothing of it is kept: the transaction
// is rolled back and the write connection opened anew. Health() then reports writes as
// failing, and the idle writer probes once a second with a one-row commit; the first commit
// that succeeds, a probe's or a request's, makes the store healthy again. No restart needed.
//
// With ":memory:" there is one connection, and the writer thread serves reads too.
class SqliteStore final : public Store {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const SqliteOptions& options);
  ~SqliteStore() override;

  // Runs `fn` on a reader thread, or right here when this thread called EnableInlineReads.
  void Read(std::string account_id, ReadFn fn, Done done) override;
  void Write(std::string account_id, WriteFn fn, Done done) override;
  void Shutdown() override;

  // Lets the calling thread run its reads itself, on a read connection of its own, instead
  // of handing them to the reader threads; `done` is then called before Read returns. For
  // the HTTP threads, whose reads are bounded (one item or one page): a warm read costs a
  // few microseconds, less than the two thread wake-ups of a handoff (bench/analysis.md,
  // [R1]). Call it on the thread, before the store is used there; the connection lives as
  // long as the store. No effect in memory, where one connection serves everything.
  void EnableInlineReads() override;
  HealthReport Health() const override { return health_.Report(); }

  // The database file ("" in memory), for logs.
  const std::string& path() const { return path_; }

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

  SqliteStore() = default;
  void WriterLoop();
  void ReaderLoop(Connection* conn);
  void CheckpointLoop();
  void RunWriteBatch(std::vector<WriteItem>& batch);
  // Answers every operation of a batch that could not be committed, and recovers.
  void FailBatch(std::vector<WriteItem>& batch, const std::string& why);
  // After a failed write: rolls back what is left, reopens the write connection.
  void RecoverWriter(const std::string& why);
  // One small commit, to find out whether writes work again.
  void Probe();
  void InstallCheckpointHook(Connection& conn);
  static Status RunRead(Connection& conn, ReadItem& item);

  // Tells this store's inline readers apart from another store's on the same thread (tests
  // open many stores, possibly at the same address).
  static std::atomic<uint64_t> next_id_;
  const uint64_t id_ = next_id_.fetch_add(1) + 1;

  std::string path_;
  bool in_memory_ = false;
  int max_batch_ = 512;
  std::unique_ptr<Connection> writer_conn_;
  std::vector<std::unique_ptr<Connection>> reader_conns_;

  std::mutex mu_;
  std::condition_variable writer_cv_;
  std::condition_variable reader_cv_;
  std::deque<WriteItem> writes_;  // GUARDED_BY(mu_)
  std::deque<ReadItem> reads_;    // GUARDED_BY(mu_)
  bool stopping_ = false;         // GUARDED_BY(mu_)
  std::atomic<bool> stopped_reading_{false};  // stopping_, for inline readers (no lock)
  std::vector<std::unique_ptr<Connection>> inline_conns_;  // GUARDED_BY(mu_)
  WriteHealth health_;            // written by the writer thread

  std::thread writer_;
  std::vector<std::thread> readers_;

  std::unique_ptr<Connection> checkpoint_conn_;
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_cv_;
  bool checkpoint_wanted_ = false;  // GUARDED_BY(checkpoint_mu_)
  bool checkpoint_stop_ = false;    // GUARDED_BY(checkpoint_mu_)
  std::thread checkpointer_;
};

}  // namespace iotjobs::store::sqlite
