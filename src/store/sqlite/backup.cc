#include "store/sqlite/backup.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace iotjobs::store::sqlite {
namespace {

// Why the online backup API (sqlite3_backup_*) rather than VACUUM INTO: both read one
// snapshot, but the backup API copies pages as they are (no rebuild of every table and
// index, so it costs I/O, not CPU, on a big store) and lets the copy go in steps.
//
// The server keeps the database in WAL mode, where a reader never blocks the writer: the
// writer appends to the WAL while a reader keeps its snapshot. What a long reader does hold
// back is the checkpointer, which cannot reset the WAL past the reader's snapshot, so the
// WAL grows while the backup runs and shrinks again at the next checkpoint after it.
//
// The steps all run inside one read transaction held open on the source (BEGIN and a first
// read). Without it, each sqlite3_backup_step takes a snapshot of its own, and SQLite
// starts the copy over whenever another process has committed in between: under a steady
// write load a backup in steps would never finish (tried: 20 MB in steps of 100 pages
// beside one busy writer took 18926 steps and 52 s; with the snapshot held, 51 steps and
// 0.2 s). With it, every step reads the same snapshot, and the copy is consistent as of
// that first read. Steps of 1 MB (at 4 KB pages) keep each call short.
constexpr int kPagesPerStep = 256;

// A sqlite3* closed on every path out.
struct Db {
  sqlite3* db = nullptr;
  ~Db() { sqlite3_close(db); }
  std::string Error() const { return db ? sqlite3_errmsg(db) : "out of memory"; }
};

Status Exec(Db& db, const char* sql, const std::string& what) {
  char* err = nullptr;
  if (sqlite3_exec(db.db, sql, nullptr, nullptr, &err) == SQLITE_OK) return Status::Ok();
  std::string message = what + ": " + (err ? err : db.Error());
  sqlite3_free(err);
  return Unavailable(message);
}

// The first column of the first row of `sql`, as text.
Result<std::string> QueryText(Db& db, const char* sql, const std::string& what) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db.db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    return Unavailable(what + ": " + db.Error());
  }
  int rc = sqlite3_step(stmt);
  std::string value;
  if (rc == SQLITE_ROW) {
    const unsigned char* text = sqlite3_column_text(stmt, 0);
    value = text ? reinterpret_cast<const char*>(text) : "";
  }
  sqlite3_finalize(stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Unavailable(what + ": " + db.Error());
  return value;
}

Status Open(Db& db, const std::string& path, int flags, const std::string& what) {
  if (sqlite3_open_v2(path.c_str(), &db.db, flags, nullptr) != SQLITE_OK) {
    return Unavailable("cannot open " + what + " " + path + ": " + db.Error());
  }
  sqlite3_extended_result_codes(db.db, 1);
  // The source may meet a WAL recovery or checkpoint lock for a moment; wait, do not fail.
  sqlite3_busy_timeout(db.db, 5000);
  return Status::Ok();
}

// Copies every page of `src`'s snapshot into `dst`.
Status CopyPages(Db& src, Db& dst, BackupCopy& copy) {
  sqlite3_backup* backup = sqlite3_backup_init(dst.db, "main", src.db, "main");
  if (!backup) return Unavailable("cannot start the backup: " + dst.Error());
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, kPagesPerStep);
    // Neither is expected (the source snapshot is held, the copy is ours alone); a short
    // wait and another try is what SQLite's documentation prescribes for both.
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(10);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  copy.pages = sqlite3_backup_pagecount(backup);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    return Unavailable(std::string("the backup failed: ") + sqlite3_errstr(rc));
  }
  return Status::Ok();
}

// Makes the finished copy a plain single file and checks it.
Status Seal(Db& dst) {
  // The pages copied include the source's header, which says WAL. Rollback-journal mode
  // makes the file whole and alone at rest (iotjobsd turns WAL on again when it opens it).
  IOTJOBS_ASSIGN_OR_RETURN(std::string mode,
                           QueryText(dst, "PRAGMA journal_mode = DELETE", "the copy"));
  if (mode != "delete") return Unavailable("the copy stayed in journal mode " + mode);
  IOTJOBS_ASSIGN_OR_RETURN(std::string check,
                           QueryText(dst, "PRAGMA quick_check", "checking the copy"));
  if (check != "ok") return Unavailable("the copy failed its check: " + check);
  return Status::Ok();
}

Status SyncPath(const std::string& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return Unavailable("cannot open " + path + ": " + std::strerror(errno));
  int rc = ::fsync(fd);
  int saved = errno;
  ::close(fd);
  if (rc != 0) return Unavailable("cannot sync " + path + ": " + std::strerror(saved));
  return Status::Ok();
}

// Puts the finished copy at `dest`, failing rather than replacing a file that appeared
// there meanwhile.
Status Publish(const std::string& temp, const std::string& dest) {
  if (::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, dest.c_str(), RENAME_NOREPLACE) != 0) {
    if (errno != EINVAL && errno != ENOSYS) {
      return Unavailable("cannot create " + dest + ": " + std::strerror(errno));
    }
    // A file system without RENAME_NOREPLACE: link(2) also refuses an existing name.
    if (::link(temp.c_str(), dest.c_str()) != 0) {
      return Unavailable("cannot create " + dest + ": " + std::strerror(errno));
    }
    ::unlink(temp.c_str());
  }
  std::filesystem::path dir = std::filesystem::path(dest).parent_path();
  return SyncPath(dir.empty() ? "." : dir.string(), O_RDONLY | O_DIRECTORY);
}

void RemoveTemp(const std::string& temp) {
  for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
    ::unlink((temp + suffix).c_str());
  }
}

Result<BackupCopy> Copy(const std::string& source, const std::string& temp) {
  BackupCopy copy;
  Db src;
  IOTJOBS_RETURN_IF_ERROR(Open(src, source, SQLITE_OPEN_READONLY, "the store"));
  // The snapshot every step reads (see kPagesPerStep): BEGIN is deferred, the read starts it.
  IOTJOBS_RETURN_IF_ERROR(Exec(src, "BEGIN", "the store"));
  IOTJOBS_ASSIGN_OR_RETURN(std::string version,
                           QueryText(src, "PRAGMA user_version", "reading the store"));
  IOTJOBS_ASSIGN_OR_RETURN(std::string page_size,
                           QueryText(src, "PRAGMA page_size", "reading the store"));
  copy.schema_version = std::atoi(version.c_str());
  if (copy.schema_version == 0) {
    return InvalidRequest(source + " holds no iotjobs store (no schema migration applied)");
  }
  {
    Db dst;
    IOTJOBS_RETURN_IF_ERROR(Open(dst, temp, SQLITE_OPEN_READWRITE, "the copy"));
    IOTJOBS_RETURN_IF_ERROR(CopyPages(src, dst, copy));
    (void)Exec(src, "COMMIT", "the store");  // the snapshot is no longer needed
    IOTJOBS_RETURN_IF_ERROR(Seal(dst));
    if (sqlite3_close(dst.db) != SQLITE_OK) return Unavailable("cannot close the copy");
    dst.db = nullptr;
  }
  copy.bytes = copy.pages * std::atoll(page_size.c_str());
  IOTJOBS_RETURN_IF_ERROR(SyncPath(temp, O_RDONLY));
  return copy;
}

}  // namespace

Result<BackupCopy> BackupDatabase(const std::string& source, const std::string& dest) {
  // The temporary file sits beside `dest` (so the rename cannot cross file systems) and is
  // created with mode 0600: the store holds every account's data.
  std::string temp = dest + ".partial-XXXXXX";
  int fd = ::mkstemp(temp.data());
  if (fd < 0) return Unavailable("cannot create a file beside " + dest + ": " + std::strerror(errno));
  ::close(fd);
  Result<BackupCopy> copy = Copy(source, temp);
  if (copy.ok()) {
    if (Status published = Publish(temp, dest); !published.ok()) copy = published;
  }
  RemoveTemp(temp);  // after a successful rename only the name's leftovers, if any
  return copy;
}

}  // namespace iotjobs::store::sqlite
