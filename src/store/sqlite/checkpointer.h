#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "common/result.h"
#include "store/sqlite/connection.h"

namespace iotjobs::store::sqlite {

// Runs WAL checkpoints on a thread and connection of its own, instead of inside the
// writer's COMMIT (SQLite's automatic checkpoint), so the writer keeps committing while the
// WAL is copied back into the database.
class Checkpointer {
 public:
  // Starts the thread, with a connection of its own to the database at `path`.
  static Result<std::unique_ptr<Checkpointer>> Start(const std::string& path);
  ~Checkpointer();

  // Replaces SQLite's automatic checkpoint on the write connection `conn` (it is a WAL hook
  // too): past kCheckpointPages of WAL, the thread is asked for a checkpoint.
  void WatchWrites(Connection& conn);
  // Joins the thread; idempotent.
  void Stop();

 private:
  Checkpointer() = default;
  void Loop();

  std::unique_ptr<Connection> conn_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool wanted_ = false;  // GUARDED_BY(mu_)
  bool stop_ = false;    // GUARDED_BY(mu_)
  std::thread thread_;
};

}  // namespace iotjobs::store::sqlite
