#include "store/engine/store_engine.h"

#include <algorithm>

#include "common/log.h"
#include "common/server_metrics.h"
#include "store/engine/backoff.h"

namespace iotjobs::store {
namespace {

// The calling thread's inline read session, if it has one (EnableInlineReads).
struct InlineReader {
  uint64_t store_id = 0;
  ReadSession* session = nullptr;
};
thread_local InlineReader t_inline_reader;

Status ShuttingDown() { return Unavailable("The server is shutting down."); }

}  // namespace

std::atomic<uint64_t> StoreEngine::next_id_{0};

void StoreEngine::Start(EngineSetup setup) {
  max_batch_ = std::max(1, setup.max_batch);
  writer_session_ = std::move(setup.writer);
  reader_sessions_ = std::move(setup.readers);
  open_inline_reader_ = std::move(setup.open_inline_reader);
  reads_on_writer_ = reader_sessions_.empty();
  writer_ = std::thread([this] { WriterLoop(); });
  for (auto& session : reader_sessions_) {
    readers_.emplace_back([this, s = session.get()] { ReaderLoop(s); });
  }
}

StoreEngine::~StoreEngine() { Shutdown(); }

void StoreEngine::Shutdown() {
  std::lock_guard join_lock(shutdown_mu_);
  if (closed_) return;
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  stopped_reading_.store(true);
  writer_cv_.notify_all();
  reader_cv_.notify_all();
  if (writer_.joinable()) writer_.join();
  for (auto& t : readers_) {
    if (t.joinable()) t.join();
  }
  if (writer_session_) writer_session_->Close();
  closed_ = true;
}

void StoreEngine::EnableInlineReads() {
  if (!open_inline_reader_) return;
  std::unique_ptr<ReadSession> session = open_inline_reader_();
  if (!session) {
    // Not fatal: this thread's reads go to the reader threads as before.
    IOTJOBS_LOG(kWarn) << "store: no inline read connection for this thread";
    return;
  }
  t_inline_reader = {id_, session.get()};
  std::lock_guard lock(mu_);
  inline_sessions_.push_back(std::move(session));
}

void StoreEngine::Read(std::string account_id, ReadFn fn, Done done) {
  if (t_inline_reader.store_id == id_) {
    if (stopped_reading_.load()) {
      done(ShuttingDown());
      return;
    }
    ReadItem item{std::move(account_id), std::move(fn), std::move(done)};
    RunRead(*t_inline_reader.session, item);
    return;
  }
  {
    std::lock_guard lock(mu_);
    if (stopping_) {
      done(ShuttingDown());
      return;
    }
    reads_.push_back({std::move(account_id), std::move(fn), std::move(done)});
  }
  if (reads_on_writer_) {
    writer_cv_.notify_one();
  } else {
    reader_cv_.notify_one();
  }
}

void StoreEngine::Write(std::string account_id, WriteFn fn, Done done) {
  {
    std::lock_guard lock(mu_);
    if (stopping_) {
      done(ShuttingDown());
      return;
    }
    writes_.push_back({std::move(account_id), std::move(fn), std::move(done)});
  }
  writer_cv_.notify_one();
}

void StoreEngine::RunRead(ReadSession& session, ReadItem& item) {
  auto start = std::chrono::steady_clock::now();
  Status s = session.Read(item.account_id, item.fn);
  metrics::Server().store_read_seconds.Observe(metrics::SecondsSince(start));
  item.done(std::move(s));
}

void StoreEngine::ReaderLoop(ReadSession* session) {
  for (;;) {
    ReadItem item;
    {
      std::unique_lock lock(mu_);
      auto ready = [&] { return stopping_ || !reads_.empty(); };
      if (session->HasIdleWork() && !reader_cv_.wait_for(lock, kReaderIdleAfter, ready)) {
        lock.unlock();
        session->Idle();
        lock.lock();
      }
      reader_cv_.wait(lock, ready);
      if (reads_.empty()) return;  // stopping, and nothing left to serve
      item = std::move(reads_.front());
      reads_.pop_front();
    }
    RunRead(*session, item);
  }
}

void StoreEngine::WriterLoop() {
  for (;;) {
    std::vector<WriteItem> batch;
    std::vector<ReadItem> reads;
    {
      std::unique_lock lock(mu_);
      auto ready = [&] {
        return stopping_ || !writes_.empty() || (reads_on_writer_ && !reads_.empty());
      };
      while (!health_.WaitForWork(lock, writer_cv_, ready, [this] { Probe(); })) {
      }
      if (writes_.empty() && (!reads_on_writer_ || reads_.empty())) return;
      while (!writes_.empty() && static_cast<int>(batch.size()) < max_batch_) {
        batch.push_back(std::move(writes_.front()));
        writes_.pop_front();
      }
      if (reads_on_writer_) {
        while (!reads_.empty()) {
          reads.push_back(std::move(reads_.front()));
          reads_.pop_front();
        }
      }
    }
    // Reads on the writer run between batches, outside any write transaction, so a read
    // never sees an operation that has not committed.
    for (ReadItem& item : reads) RunRead(*writer_session_, item);
    if (!batch.empty()) {
      metrics::Server().store_write_batch_size.Observe(static_cast<double>(batch.size()));
      RunWriteBatch(batch);
    }
  }
}

void StoreEngine::RunWriteBatch(std::vector<WriteItem>& batch) {
  std::vector<Status> results(batch.size());
  auto fail_all = [&](const BatchFailure& f) {
    if (!f.problem.empty()) health_.Failed(f.problem);
    for (WriteItem& item : batch) item.done(f.answer);
  };
  Backoff backoff;
  for (;;) {
    BatchStep step = TryWriteBatch(batch, results);
    if (step.kind == BatchStep::kGoOn) {
      health_.Succeeded();
      for (size_t i = 0; i < batch.size(); ++i) batch[i].done(std::move(results[i]));
      return;
    }
    if (step.kind == BatchStep::kFailed) return fail_all(step.failure);
    if (step.kind == BatchStep::kAgain) continue;
    metrics::Server().store_write_batch_conflicts.Inc();
    if (!backoff.Wait()) {
      IOTJOBS_LOG(kWarn) << "store: a write batch kept conflicting after " << backoff.attempts()
                         << " attempts; giving up";
      return fail_all(writer_session_->Fail(Unavailable("The data store is busy; try again.")));
    }
  }
}

BatchStep StoreEngine::TryWriteBatch(std::vector<WriteItem>& batch,
                                     std::vector<Status>& results) {
  WriteSession& w = *writer_session_;
  if (BatchStep begin = w.Begin(); begin.kind != BatchStep::kGoOn) return begin;
  for (size_t i = 0; i < batch.size(); ++i) {
    Status s = w.Exec("SAVEPOINT op");
    if (s.ok()) s = w.RunOperation(batch[i].account_id, batch[i].fn);
    if (BatchStep after = w.AfterOperation(); after.kind != BatchStep::kGoOn) return after;
    if (s.ok()) {
      s = w.Exec("RELEASE SAVEPOINT op");
    } else {
      // Also after a failed statement: the transaction goes back to the savepoint and on.
      Status undo = w.Exec("ROLLBACK TO SAVEPOINT op");
      if (undo.ok()) undo = w.Exec("RELEASE SAVEPOINT op");
      if (!undo.ok()) return BatchStep::Failed(w.UndoFailed(undo));
    }
    results[i] = std::move(s);
  }
  auto start = std::chrono::steady_clock::now();
  BatchStep committed = w.Commit();
  metrics::Server().store_commit_seconds.Observe(metrics::SecondsSince(start));
  return committed;
}

void StoreEngine::Probe() {
  WriteSession::ProbeResult probe = writer_session_->Probe();
  if (probe.committed) {
    health_.Succeeded();
  } else if (!probe.problem.empty()) {
    health_.Failed(std::move(probe.problem));
  }
}

}  // namespace iotjobs::store
