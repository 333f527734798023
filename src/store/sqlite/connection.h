#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "common/result.h"
#include "store/optional_columns.h"

struct sqlite3;
struct sqlite3_stmt;

namespace iotjobs::store::sqlite {

class Connection;

// A prepared statement borrowed from the connection's cache. Reset and unbound when the
// Statement goes out of scope, so the next user finds it clean. Not thread-safe (neither is
// the connection).
class Statement : public OptionalColumns<Statement> {
 public:
  // `owned`: the statement is not the cache's but this one's, finalized with it (PrepareOnce).
  Statement(Connection* conn, sqlite3_stmt* stmt, bool owned = false)
      : conn_(conn), stmt_(stmt), owned_(owned) {}
  ~Statement();
  Statement(Statement&& other) noexcept
      : conn_(other.conn_), stmt_(other.stmt_), owned_(other.owned_) {
    other.stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Parameters are 1-based, as in SQLite.
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, const std::string& text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, const char* text) { return Bind(index, std::string_view(text)); }
  Statement& Bind(int index, int64_t value);
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, bool value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value);
  Statement& BindNull(int index);
  template <typename T>
  Statement& Bind(int index, const std::optional<T>& value) {
    return value ? Bind(index, *value) : BindNull(index);
  }
  // Binds all arguments to parameters 1..N.
  template <typename... Args>
  Statement& BindAll(const Args&... args) {
    int i = 0;
    (Bind(++i, args), ...);
    return *this;
  }

  // Advances: true when a row is ready, false when done. Fails with kInternalFailure (or
  // kServiceUnavailable for I/O and full-disk errors), the cause logged.
  Result<bool> Step();
  // Steps to completion, for statements without result rows.
  Status Run();
  // Rows changed by the INSERT, UPDATE or DELETE that ran last on the connection.
  int64_t Changes() const;

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  std::string Text(int column) const;

 private:
  Connection* conn_;
  sqlite3_stmt* stmt_;
  bool owned_ = false;
};

// One SQLite connection with a cache of prepared statements. Not thread-safe: each thread
// of the store owns its own connection.
class Connection {
 public:
  // Opens (creating if needed) the database at `path` ("file:..." URIs accepted).
  static Result<std::unique_ptr<Connection>> Open(const std::string& path, bool read_only);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL without parameters (possibly several statements).
  Status Exec(std::string_view sql);
  // Runs one statement without parameters from the prepared-statement cache (`sql` must
  // outlive the connection, as for Prepare): for BEGIN, COMMIT and savepoints, which run on
  // every request and which Exec would parse and plan again each time.
  Status ExecCached(std::string_view sql);
  // A cached prepared statement for `sql`; the SQL text must be a literal or otherwise
  // outlive the connection, since the cache is keyed by it. Parameters are numbered as in
  // PostgreSQL ($1, $2, ...: the one SQL text of both backends) or SQLite's own way (?, ?N).
  Result<Statement> Prepare(std::string_view sql);
  // A statement prepared for one use and finalized after it, outside the cache: for SQL
  // made at run time (a fleet indexing query), which would otherwise fill the cache.
  Result<Statement> PrepareOnce(std::string_view sql);
  int64_t Changes() const;

  // WAL checkpoints. SQLite's automatic checkpoint runs inside COMMIT on the committing
  // connection; the store's writer turns it off (`on_commit` replaces it) and asks a
  // checkpoint thread instead. `on_commit` gets the WAL's size in pages after each commit.
  void OnWalCommit(std::function<void(int wal_pages)> on_commit);
  // Copies what it can from the WAL into the database without blocking anyone (PASSIVE).
  Status CheckpointPassive();
  bool InTransaction() const;

  // Maps the SQLite result code `rc` to our Status, logging `what` and SQLite's message.
  Status Error(int rc, std::string_view what) const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::function<void(int)> on_wal_commit_;
  std::unordered_map<std::string_view, sqlite3_stmt*> cache_;
};

}  // namespace iotjobs::store::sqlite
