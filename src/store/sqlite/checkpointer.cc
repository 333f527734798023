#include "store/sqlite/checkpointer.h"

#include "common/log.h"
#include "store/sqlite/sqlite_sessions.h"

namespace iotjobs::store::sqlite {
namespace {

// The WAL size (in pages) at which the writer asks for a checkpoint: SQLite's own default
// for its automatic checkpoint.
constexpr int kCheckpointPages = 1000;

}  // namespace

Result<std::unique_ptr<Checkpointer>> Checkpointer::Start(const std::string& path) {
  std::unique_ptr<Checkpointer> checkpointer(new Checkpointer());
  IOTJOBS_ASSIGN_OR_RETURN(checkpointer->conn_, OpenConfigured(path, /*writer=*/false));
  checkpointer->thread_ = std::thread([c = checkpointer.get()] { c->Loop(); });
  return checkpointer;
}

Checkpointer::~Checkpointer() { Stop(); }

void Checkpointer::WatchWrites(Connection& conn) {
  conn.OnWalCommit([this](int wal_pages) {
    if (wal_pages < kCheckpointPages) return;
    {
      std::lock_guard lock(mu_);
      wanted_ = true;
    }
    cv_.notify_one();
  });
}

void Checkpointer::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Checkpointer::Loop() {
  for (;;) {
    {
      std::unique_lock lock(mu_);
      cv_.wait(lock, [&] { return stop_ || wanted_; });
      if (stop_) return;
      wanted_ = false;
    }
    if (Status s = conn_->CheckpointPassive(); !s.ok()) {
      IOTJOBS_LOG(kWarn) << "store: WAL checkpoint failed: " << s.message();
    }
  }
}

}  // namespace iotjobs::store::sqlite
