#include "store/sqlite/sqlite_store.h"

#include <filesystem>

#include "common/log.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_sessions.h"

namespace iotjobs::store::sqlite {

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const SqliteOptions& options) {
  std::unique_ptr<SqliteStore> store(new SqliteStore());
  EngineSetup setup;
  setup.max_batch = options.max_batch;
  if (options.data_dir == ":memory:") {
    IOTJOBS_ASSIGN_OR_RETURN(auto conn, Connection::Open(":memory:", false));
    IOTJOBS_RETURN_IF_ERROR(Migrate(*conn));
    setup.writer = NewWriteSession(std::move(conn), "", nullptr);
    store->Start(std::move(setup));
    return store;
  }
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (ec) {
    IOTJOBS_LOG(kError) << "store: cannot create data directory " << options.data_dir << ": "
                        << ec.message();
    return Unavailable("The data directory could not be created.");
  }
  const std::string path = store->path_ = options.data_dir + "/iotjobs.db";
  IOTJOBS_ASSIGN_OR_RETURN(auto writer, OpenConfigured(path, /*writer=*/true));
  IOTJOBS_RETURN_IF_ERROR(Migrate(*writer));
  for (int i = 0; i < options.reader_threads; ++i) {
    IOTJOBS_ASSIGN_OR_RETURN(auto conn, OpenConfigured(path, /*writer=*/false));
    setup.readers.push_back(NewReadSession(std::move(conn)));
  }
  IOTJOBS_ASSIGN_OR_RETURN(auto checkpointer, Checkpointer::Start(path));
  setup.writer = NewWriteSession(std::move(writer), path, std::move(checkpointer));
  setup.open_inline_reader = [path]() -> std::unique_ptr<ReadSession> {
    auto conn = OpenConfigured(path, /*writer=*/false);
    if (!conn.ok()) return nullptr;
    return NewReadSession(std::move(*conn));
  };
  store->Start(std::move(setup));
  return store;
}

}  // namespace iotjobs::store::sqlite
