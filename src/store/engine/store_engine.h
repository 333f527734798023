#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/engine/sessions.h"
#include "store/store.h"
#include "store/write_health.h"

namespace iotjobs::store {

// The sessions a backend opened for an engine, and how to use them.
struct EngineSetup {
  std::unique_ptr<WriteSession> writer;
  // One reader thread each. None: the writer thread serves the reads too, between batches
  // and outside any write transaction (SQLite in memory, where there is one connection).
  std::vector<std::unique_ptr<ReadSession>> readers;
  // Most write operations one batch may group into one transaction.
  int max_batch = 256;
  // Opens a read session for an HTTP thread (EnableInlineReads); unset when the backend's
  // reads are better handed to the reader threads. May return nullptr (then they are).
  std::function<std::unique_ptr<ReadSession>()> open_inline_reader;
};

// The store both backends run on (sessions.h says what a backend supplies).
//
// One writer thread owns the only write session. It takes every queued write operation at
// once (up to max_batch), runs them in one transaction with a savepoint each, so that a
// failed operation rolls back alone, commits, and only then calls each operation's `done`: a
// request is answered after its data is durable. One writer per process is what keeps the
// operations of one process from ever conflicting with one another. A batch lost to another
// process's transaction (the backend says kConflict) is rolled back and run again from the
// start, the service's operations being safe to re-run, up to Backoff::kMaxAttempts times
// with a random pause between; then every operation of it is kServiceUnavailable.
//
// Reads run on reader threads, each with a session of its own, or on the calling thread
// once it called EnableInlineReads (when the backend offers it).
//
// A batch that fails for a reason outside its operations (a full disk, a lost connection)
// marks the store's writes as failing: Health() reports it, and the idle writer probes once
// a second (WriteHealth::kProbeInterval) until a commit, a probe's or a request's, succeeds.
class StoreEngine : public Store {
 public:
  ~StoreEngine() override;

  void Read(std::string account_id, ReadFn fn, Done done) override;
  void Write(std::string account_id, WriteFn fn, Done done) override;
  // Stops taking work (later calls get kServiceUnavailable), finishes what is queued, and
  // joins the threads. Idempotent; a second call waits for the first.
  void Shutdown() override;
  // Lets the calling thread run its reads itself, on a read session of its own, instead of
  // handing them to the reader threads; `done` is then called before Read returns. For the
  // HTTP threads, whose reads are bounded (one item or one page): a warm SQLite read costs a
  // few microseconds, less than the two thread wake-ups of a handoff (bench/analysis.md,
  // [R1]). Call it on the thread, before the store is used there; the session lives as long
  // as the store. No effect when the backend offers no inline readers.
  void EnableInlineReads() override;
  HealthReport Health() const override { return health_.Report(); }

  // How long a reader thread waits for a read before it gives its session's idle work
  // (ReadSession::Idle) its turn: long enough that a busy reader never stops for it, short
  // enough that a PostgreSQL snapshot left open holds back vacuum for no time worth naming.
  static constexpr std::chrono::milliseconds kReaderIdleAfter{50};

 protected:
  StoreEngine() = default;
  // Takes the sessions and starts the threads; called once by the backend's Open.
  void Start(EngineSetup setup);

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

  void ReaderLoop(ReadSession* session);
  void WriterLoop();
  void RunWriteBatch(std::vector<WriteItem>& batch);
  // One attempt at the batch; fills `results` as far as it gets.
  BatchStep TryWriteBatch(std::vector<WriteItem>& batch, std::vector<Status>& results);
  void Probe();
  static void RunRead(ReadSession& session, ReadItem& item);

  // Tells this store's inline readers apart from another store's on the same thread (tests
  // open many stores, possibly at the same address).
  static std::atomic<uint64_t> next_id_;
  const uint64_t id_ = next_id_.fetch_add(1) + 1;

  int max_batch_ = 256;
  bool reads_on_writer_ = false;
  std::unique_ptr<WriteSession> writer_session_;
  std::vector<std::unique_ptr<ReadSession>> reader_sessions_;
  std::function<std::unique_ptr<ReadSession>()> open_inline_reader_;

  std::mutex mu_;
  std::condition_variable writer_cv_;
  std::condition_variable reader_cv_;
  std::deque<WriteItem> writes_;  // GUARDED_BY(mu_)
  std::deque<ReadItem> reads_;    // GUARDED_BY(mu_)
  bool stopping_ = false;         // GUARDED_BY(mu_)
  std::atomic<bool> stopped_reading_{false};  // stopping_, for inline readers (no lock)
  std::vector<std::unique_ptr<ReadSession>> inline_sessions_;  // GUARDED_BY(mu_)
  WriteHealth health_;            // written by the writer thread

  std::mutex shutdown_mu_;  // one Shutdown joins the threads, a second one waits for it
  bool closed_ = false;     // GUARDED_BY(shutdown_mu_)
  std::thread writer_;
  std::vector<std::thread> readers_;
};

}  // namespace iotjobs::store
