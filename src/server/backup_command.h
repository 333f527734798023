#pragma once

#include "server/config.h"

namespace iotjobs::server {

// `iotjobsd backup --data-dir DIR --to FILE`: copies the SQLite store in DIR, which a
// running iotjobsd may be serving, to the new file FILE (store::sqlite::BackupDatabase).
// It takes no part in the data directory's lock (open_store.h), so it runs beside the
// server. Refused when FILE exists, when DIR holds no store, and for a PostgreSQL store
// (pg_dump backs that up). Returns the exit code: 0 done, 1 refused or failed; the outcome
// is one line on stdout or stderr.
int RunBackup(const Config& config);

}  // namespace iotjobs::server
