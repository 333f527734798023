#include "store/sqlite/connection.h"

#include <sqlite3.h>

#include <string>

#include "common/log.h"

namespace iotjobs::store::sqlite {
namespace {

// SQLite reads "$1" as a parameter named "$1", numbered by where it first appears; "?1" is
// parameter 1 wherever it stands, which is what "$1" means in PostgreSQL. The store's SQL has
// no "$" followed by a digit inside a string literal.
std::string WithNumberedParameters(std::string_view sql) {
  std::string out(sql);
  for (size_t i = 0; i + 1 < out.size(); ++i) {
    if (out[i] == '$' && out[i + 1] >= '0' && out[i + 1] <= '9') out[i] = '?';
  }
  return out;
}

}  // namespace

Statement::~Statement() {
  if (stmt_ && owned_) {
    sqlite3_finalize(stmt_);
  } else if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return conn_->Error(rc, sqlite3_sql(stmt_));
}

int64_t Statement::Changes() const { return conn_->Changes(); }

Status Statement::Run() {
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return Status::Ok();
  }
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Statement::Text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p ? std::string(reinterpret_cast<const char*>(p), n) : std::string();
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path, bool read_only) {
  // SQLite's memory statistics take a process-wide mutex on every allocation, which every
  // store thread then contends for; nothing here reads them. Only possible before SQLite
  // initializes, so once, before the first connection (a later call would be refused).
  static const bool configured = [] {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
  }();
  (void)configured;
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
              (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    IOTJOBS_LOG(kError) << "sqlite: cannot open " << path << ": "
                        << (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Unavailable("The data store could not be opened.");
  }
  sqlite3_extended_result_codes(db, 1);
  // Readers may briefly meet a checkpoint or recovery lock; wait rather than fail.
  sqlite3_busy_timeout(db, 5000);
  return std::unique_ptr<Connection>(new Connection(db));
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Status Connection::Exec(std::string_view sql) {
  std::string text(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    IOTJOBS_LOG(kError) << "sqlite: " << (err ? err : sqlite3_errstr(rc)) << " in: "
                        << text.substr(0, 200);
    sqlite3_free(err);
    return Error(rc, "");
  }
  return Status::Ok();
}

Status Connection::ExecCached(std::string_view sql) {
  IOTJOBS_ASSIGN_OR_RETURN(Statement stmt, Prepare(sql));
  return stmt.Run();
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) return Statement(this, it->second);
  sqlite3_stmt* stmt = nullptr;
  const std::string text = WithNumberedParameters(sql);
  int rc = sqlite3_prepare_v3(db_, text.data(), static_cast<int>(text.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, sql);
  cache_.emplace(sql, stmt);
  return Statement(this, stmt);
}

Result<Statement> Connection::PrepareOnce(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const std::string text = WithNumberedParameters(sql);
  int rc = sqlite3_prepare_v2(db_, text.data(), static_cast<int>(text.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(stmt);
    return Error(rc, sql);
  }
  return Statement(this, stmt, /*owned=*/true);
}

void Connection::OnWalCommit(std::function<void(int wal_pages)> on_commit) {
  on_wal_commit_ = std::move(on_commit);
  sqlite3_wal_hook(
      db_,
      [](void* self, sqlite3*, const char*, int pages) {
        static_cast<Connection*>(self)->on_wal_commit_(pages);
        return SQLITE_OK;
      },
      this);
}

Status Connection::CheckpointPassive() {
  int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  // BUSY: another checkpoint is running; the next request will catch up.
  if (rc != SQLITE_OK && rc != SQLITE_BUSY) return Error(rc, "wal checkpoint");
  return Status::Ok();
}

int64_t Connection::Changes() const { return sqlite3_changes64(db_); }

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

Status Connection::Error(int rc, std::string_view what) const {
  if (!what.empty()) {
    IOTJOBS_LOG(kError) << "sqlite error " << rc << " (" << sqlite3_errmsg(db_) << ") in: "
                        << what.substr(0, 200);
  }
  int primary = rc & 0xff;
  if (primary == SQLITE_IOERR || primary == SQLITE_FULL || primary == SQLITE_BUSY ||
      primary == SQLITE_LOCKED || primary == SQLITE_CANTOPEN || primary == SQLITE_READONLY) {
    return Unavailable("The data store is temporarily unavailable.");
  }
  return Internal("An internal error occurred in the data store.");
}

}  // namespace iotjobs::store::sqlite
