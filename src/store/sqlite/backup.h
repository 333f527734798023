#pragma once

#include <cstdint>
#include <string>

#include "common/result.h"

namespace iotjobs::store::sqlite {

struct BackupCopy {
  int64_t pages = 0;
  int64_t bytes = 0;
  int schema_version = 0;  // PRAGMA user_version: the last migration applied
};

// Copies the SQLite database at `source` (the store's iotjobs.db, which a running iotjobsd
// may be writing) into a new file `dest`, which must not exist. The copy is one consistent
// snapshot of the database, checked (PRAGMA quick_check) and in rollback-journal mode: a
// single self-contained file, no -wal needed. It appears at `dest` only when complete
// (written beside it under a temporary name, then renamed); nothing is left behind on
// failure. The source is opened read-only and never locked against the server's writer.
// Errors carry a message for the operator.
Result<BackupCopy> BackupDatabase(const std::string& source, const std::string& dest);

}  // namespace iotjobs::store::sqlite
