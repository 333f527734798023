#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/result.h"
#include "store/postgres/pg_connection.h"
#include "store/sqlite/connection.h"

// One SQL text per query for both backends: the storage code (sql_transaction.h) writes its
// queries once, with numbered parameters ($1, $2, ...) that both dialects accept, and runs
// them through SqlDb, which hands them to whichever connection it wraps. The choice is a
// branch, not a virtual call: the SQLite path stays as cheap as calling SQLite directly.
namespace iotjobs::store {

// The rows of one statement, read forward: Step() moves to the first row, then to each
// following one. Columns are 0-based.
class SqlRows {
  // Defined first: the accessors below deduce their types from Visit.
  std::variant<sqlite::Statement, postgres::Rows> rows_;

  sqlite::Statement* lite() { return std::get_if<sqlite::Statement>(&rows_); }
  const sqlite::Statement* lite() const { return std::get_if<sqlite::Statement>(&rows_); }
  postgres::Rows& pg() { return *std::get_if<postgres::Rows>(&rows_); }
  const postgres::Rows& pg() const { return *std::get_if<postgres::Rows>(&rows_); }
  template <typename Fn>
  auto Visit(Fn&& fn) const {
    if (auto* s = lite()) return fn(*s);
    return fn(pg());
  }

 public:
  explicit SqlRows(sqlite::Statement statement) : rows_(std::move(statement)) {}
  explicit SqlRows(postgres::Rows rows) : rows_(std::move(rows)) {}

  // True when a row is ready, false when there are no more.
  Result<bool> Step() {
    if (auto* s = lite()) return s->Step();
    return pg().Next();
  }
  // Runs a statement without result rows to completion.
  Status Run() {
    if (auto* s = lite()) return s->Run();
    return Status::Ok();
  }
  // Rows changed by the INSERT, UPDATE or DELETE that ran.
  int64_t Affected() const {
    if (auto* s = lite()) return s->Changes();
    return pg().Affected();
  }

  bool IsNull(int column) const { return Visit([&](auto& r) { return r.IsNull(column); }); }
  int64_t Int(int column) const { return Visit([&](auto& r) { return r.Int(column); }); }
  std::string Text(int column) const { return Visit([&](auto& r) { return r.Text(column); }); }
  std::optional<std::string> OptText(int column) const {
    return Visit([&](auto& r) { return r.OptText(column); });
  }
  std::optional<int64_t> OptInt(int column) const {
    return Visit([&](auto& r) { return r.OptInt(column); });
  }

};

// A connection of either backend, borrowed for one transaction.
class SqlDb {
 public:
  explicit SqlDb(sqlite::Connection& conn) : lite_(&conn) {}
  explicit SqlDb(postgres::Connection& conn) : pg_(&conn) {}

  // For the few queries whose text differs between the dialects (dialect_sql.h).
  bool is_sqlite() const { return lite_ != nullptr; }

  // Runs `sql` with `args` bound to $1..$N. The text must outlive the connection (a literal):
  // both backends cache the prepared statement under it.
  template <typename... Args>
  Result<SqlRows> Query(std::string_view sql, const Args&... args) {
    if (lite_) {
      IOTJOBS_ASSIGN_OR_RETURN(sqlite::Statement s, lite_->Prepare(sql));
      s.BindAll(args...);
      return SqlRows(std::move(s));
    }
    IOTJOBS_ASSIGN_OR_RETURN(postgres::Rows r, pg_->Query(sql, args...));
    return SqlRows(std::move(r));
  }
  // Runs SQL made at run time (not a literal), with text parameters bound to $1..$N, prepared
  // for this one use: it leaves nothing in either backend's statement cache.
  Result<SqlRows> QueryOnce(const std::string& sql, const std::vector<std::string>& args) {
    if (lite_) {
      IOTJOBS_ASSIGN_OR_RETURN(sqlite::Statement s, lite_->PrepareOnce(sql));
      for (size_t i = 0; i < args.size(); ++i) s.Bind(static_cast<int>(i + 1), args[i]);
      return SqlRows(std::move(s));
    }
    std::vector<postgres::Param> params(args.begin(), args.end());
    IOTJOBS_ASSIGN_OR_RETURN(postgres::Rows r, pg_->QueryOnce(sql, params));
    return SqlRows(std::move(r));
  }
  // Says that `sql` with `args` is about to be read, with nothing written before: on
  // PostgreSQL it goes with the next statement's round trip and its answer is kept, while the
  // transaction only reads, for the Query that asks for it (Connection::Prefetch); SQLite
  // reads in process and ignores it.
  template <typename... Args>
  Status Prefetch(std::string_view sql, const Args&... args) {
    if (pg_) return pg_->Prefetch(sql, args...);
    return Status::Ok();
  }
  // Runs a statement without result rows. On PostgreSQL it is queued and sent with the
  // transaction's next round trip (Connection::QueueWrite), so that an operation's writes
  // cost one round trip together; its failure is then that round trip's failure.
  template <typename... Args>
  Status Run(std::string_view sql, const Args&... args) {
    if (pg_) return pg_->QueueWrite(sql, args...);
    IOTJOBS_ASSIGN_OR_RETURN(SqlRows r, Query(sql, args...));
    return r.Run();
  }

 private:
  sqlite::Connection* lite_ = nullptr;
  postgres::Connection* pg_ = nullptr;
};

// Every row of `r`, each made into a T by `read`.
template <typename T, typename Read>
Result<std::vector<T>> ReadAll(SqlRows& r, Read read) {
  std::vector<T> out;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(bool row, r.Step());
    if (!row) return out;
    out.push_back(read(r));
  }
}

// The first row of `r` made into a T by `read`, or nullopt when there is none.
template <typename T, typename Read>
Result<std::optional<T>> ReadFirst(SqlRows& r, Read read) {
  IOTJOBS_ASSIGN_OR_RETURN(bool row, r.Step());
  if (!row) return std::optional<T>();
  return std::optional<T>(read(r));
}

}  // namespace iotjobs::store
