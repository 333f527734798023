#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "store/engine/store_engine.h"

namespace iotjobs::store::sqlite {

struct SqliteOptions {
  // Directory holding iotjobs.db (created if missing), or ":memory:" to keep nothing.
  std::string data_dir = "./iotjobs-data";
  int reader_threads = 2;
  // Most operations one writer batch may group into one transaction and one fsync.
  int max_batch = 512;
};

// The embedded store: SQLite in WAL mode with synchronous=FULL, on the store engine
// (store_engine.h) with the sessions of sqlite_sessions.h.
//
// The writer's batch is one transaction and one fsync. Reads run on reader threads with
// their own connections, or inline on the HTTP threads (EnableInlineReads), and never wait
// for the writer (WAL gives each a consistent snapshot). WAL checkpoints run on a checkpoint
// thread of their own (checkpointer.h), not inside the writer's COMMIT.
//
// If a write batch fails for a reason outside the requests (a full disk, an I/O error), every
// operation of it is answered kServiceUnavailable and nothing of it is kept: the transaction
// is rolled back and the write connection opened anew. Health() then reports writes as
// failing, and the idle writer probes once a second with a one-row commit; the first commit
// that succeeds, a probe's or a request's, makes the store healthy again. No restart needed.
//
// With ":memory:" there is one connection, and the writer thread serves reads too.
class SqliteStore final : public StoreEngine {
 public:
  static Result<std::unique_ptr<SqliteStore>> Open(const SqliteOptions& options);

  // The database file ("" in memory), for logs.
  const std::string& path() const { return path_; }

 private:
  SqliteStore() = default;

  std::string path_;
};

}  // namespace iotjobs::store::sqlite
