#include "server/open_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "store/postgres/postgres_store.h"
#include "store/sqlite/sqlite_store.h"

namespace iotjobs::server {
namespace {

// Takes `data_dir`/iotjobs.lock for the life of the process (the kernel lets go when the
// process ends, however it ends).
Status LockDataDir(const std::string& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  const std::string path = data_dir + "/iotjobs.lock";
  int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Unavailable("cannot open " + path + ": " + std::strerror(errno));
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    ::close(fd);
    return Unavailable("another iotjobsd is using " + data_dir +
                       " (several instances need a shared store: --store postgresql://...)");
  }
  return Status::Ok();  // fd stays open on purpose
}

}  // namespace

Result<OpenedStore> OpenStore(const Config& config) {
  OpenedStore opened;
  if (!config.store_url.empty()) {  // a postgresql:// URL (ParseArgs checked)
    store::postgres::PostgresOptions options;
    options.conninfo = config.store_url;
    IOTJOBS_ASSIGN_OR_RETURN(auto pg, store::postgres::PostgresStore::Open(options));
    opened.store = std::move(pg);
    opened.shared = true;
    opened.description = "PostgreSQL (shared by every instance on it)";
    return opened;
  }
  const bool in_memory = config.data_dir == ":memory:";
  if (!in_memory) IOTJOBS_RETURN_IF_ERROR(LockDataDir(config.data_dir));
  store::sqlite::SqliteOptions options;
  options.data_dir = config.data_dir;
  IOTJOBS_ASSIGN_OR_RETURN(auto sqlite, store::sqlite::SqliteStore::Open(options));
  opened.description = in_memory ? std::string("in memory, nothing is kept")
                                 : "SQLite " + sqlite->path() + " (WAL, synchronous=FULL)";
  opened.store = std::move(sqlite);
  return opened;
}

}  // namespace iotjobs::server
