#include "server/backup_command.h"

#include <sys/stat.h>

#include <iostream>

#include "store/sqlite/backup.h"

namespace iotjobs::server {
namespace {

int Refuse(const std::string& message) {
  std::cerr << "iotjobsd backup: " << message << "\n";
  return 1;
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;  // a dangling symlink counts: never write through it
}

}  // namespace

int RunBackup(const Config& config) {
  if (!config.store_url.empty()) {
    return Refuse("the store is PostgreSQL (--store): back it up with PostgreSQL's own tools, "
                  "e.g. pg_dump --format=custom --file FILE URL");
  }
  if (config.data_dir == ":memory:") {
    return Refuse("--data-dir :memory: keeps nothing to back up");
  }
  const std::string source = config.data_dir + "/iotjobs.db";
  if (!Exists(source)) {
    return Refuse(config.data_dir + " holds no iotjobs store (no " + source +
                  "); a server started with --store postgresql://... keeps its data in "
                  "PostgreSQL: back that up with pg_dump");
  }
  if (Exists(config.backup_to)) {
    return Refuse(config.backup_to + " exists; a backup never replaces a file: name a new one");
  }
  auto copy = store::sqlite::BackupDatabase(source, config.backup_to);
  if (!copy.ok()) return Refuse(copy.status().message());
  std::cout << "iotjobsd backup: copied " << source << " to " << config.backup_to << " ("
            << copy->bytes << " bytes, schema version " << copy->schema_version << ")\n";
  return 0;
}

}  // namespace iotjobs::server
