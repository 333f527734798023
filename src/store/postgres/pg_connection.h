#pragma once

#include <concepts>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "common/result.h"
#include "store/optional_columns.h"

// libpq's handles (PGconn, PGresult), so that no libpq header appears above this folder.
struct pg_conn;
struct pg_result;

namespace iotjobs::store::postgres {

// A statement parameter in text form; nullopt is NULL. Parameters are sent untyped and the
// server infers each type from where the SQL uses it, as SQLite's binding does.
using Param = std::optional<std::string>;

inline Param ToParam(std::string_view v) { return std::string(v); }
inline Param ToParam(const std::string& v) { return v; }
inline Param ToParam(const char* v) { return std::string(v); }
// Booleans are stored as 0/1 integers, as in the SQLite schema (portable SQL).
inline Param ToParam(bool v) { return std::string(v ? "1" : "0"); }
template <std::integral T>
  requires(!std::same_as<T, bool>)
Param ToParam(T v) {
  return std::to_string(v);
}
template <typename T>
Param ToParam(const std::optional<T>& v) {
  return v ? ToParam(*v) : Param();
}

// The rows of a finished statement (owning its PGresult), read forward like a SQLite
// statement: Next() moves to the first row, then to each following one.
class Rows : public OptionalColumns<Rows> {
 public:
  Rows() = default;
  explicit Rows(pg_result* result);
  Rows(Rows&& other) noexcept;
  Rows& operator=(Rows&& other) noexcept;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  ~Rows();

  // Moves to the next row: false when there is none.
  bool Next();
  // Rows changed by an INSERT, UPDATE or DELETE.
  int64_t Affected() const;
  // Gives up the result, which the caller then owns.
  pg_result* Release() { return std::exchange(result_, nullptr); }

  // Columns of the current row, 0-based.
  bool IsNull(int column) const;
  int64_t Int(int column) const;
  std::string Text(int column) const;

 private:
  pg_result* result_ = nullptr;
  int row_ = -1;
  int rows_ = 0;
};

// One PostgreSQL connection with a cache of prepared statements (one PQprepare per SQL text,
// as the SQLite Connection caches its statements). Not thread-safe: each store thread owns
// its own connection.
class Connection {
 public:
  // Connects with `conninfo` (a libpq connection string or postgresql:// URL). Failure is
  // kServiceUnavailable "cannot connect to PostgreSQL: ..." with libpq's reason, any
  // password in it blanked out.
  static Result<std::unique_ptr<Connection>> Open(const std::string& conninfo);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one statement with parameters $1..$N, prepared once per connection.
  template <typename... Args>
  Result<Rows> Query(std::string_view sql, const Args&... args) {
    return QueryParams(sql, {ToParam(args)...});
  }
  Result<Rows> QueryParams(std::string_view sql, const std::vector<Param>& params);
  // The same, unprepared: for SQL made at run time (a fleet indexing query), which would
  // otherwise leave a prepared statement per query on the server.
  Result<Rows> QueryOnce(std::string_view sql, const std::vector<Param>& params);
  // Runs SQL without parameters (possibly several statements) unprepared: transaction
  // control and migrations.
  Status Exec(std::string_view sql);
  // COMMIT. Fails when the server rolled back instead, which it does when a statement of
  // the transaction had failed.
  Status Commit();

  // Read transactions in fewer round trips. BeginWithFirstStatement(begin) sends nothing: the
  // BEGIN goes with the transaction's first statement, both in one round trip (libpq's
  // pipeline mode), so a read of one statement costs one round trip, not three.
  // EndWithNext(sql) ends it (ROLLBACK) with the connection's next round trip rather than one
  // of its own: the next BeginWithFirstStatement sends it ahead of its BEGIN, any other use
  // of the connection sends it first, and EndPendingNow sends it at once (for a connection
  // that goes idle: until then the server holds the transaction's snapshot and locks). If no
  // statement ran, there is nothing to end. Measured: a second write(2) per read, and a
  // second wake-up of the server's backend, were a sixth of a read's cost
  // (bench/analysis.md, [P1]).
  void BeginWithFirstStatement(std::string begin);
  void EndWithNext(const char* sql);
  bool end_pending() const { return !pending_end_.empty(); }
  void EndPendingNow();
  // Whether the BEGIN of BeginWithFirstStatement was sent and succeeded.
  bool began() const { return began_; }
  // Whether that BEGIN was answered with a failure (a connection the server had already
  // ended answers so): then nothing sent after it in its round trip ran, not even a COMMIT
  // that went along. Unanswered, it is neither began() nor begin_refused().
  bool begin_refused() const { return begin_refused_; }
  // Sends `sql` (no parameters, no rows: SAVEPOINT, RELEASE) ahead of the next statement or
  // command, in its round trip. Its failure, if any, is that statement's failure. Not for
  // ROLLBACK: a plain ROLLBACK drops whatever is still deferred.
  void Defer(std::string sql);

  // Writes in fewer round trips. A statement whose rows nobody reads (an INSERT, UPDATE or
  // DELETE whose only outcome is success or failure) is queued, prepared, and sent with
  // whatever goes next: the next statement, command or COMMIT, or FlushWrites. Its failure
  // is the failure of that round trip. Fails at once only for a parameter PostgreSQL cannot
  // hold (a NUL).
  template <typename... Args>
  Status QueueWrite(std::string_view sql, const Args&... args) {
    return QueueWriteParams(sql, {ToParam(args)...});
  }
  Status QueueWriteParams(std::string_view sql, std::vector<Param> params);
  // Sends the queued writes (and any deferred command) now, in one round trip; Ok when
  // nothing is queued.
  Status FlushWrites();
  // Forgets the queued writes without sending them: for an operation that failed, whose
  // savepoint's rollback would undo them anyway (a failing one sent ahead of the rollback
  // would make the server skip the rollback itself). Deferred commands stay, and so do
  // carried writes.
  void DropWrites();
  // Carries the queued writes over to whatever the connection sends next, as another
  // caller's (a batch's next operation, or its COMMIT): DropWrites keeps them, and if one of
  // them fails, carried_failed() says so, since the failure the caller then sees is not its
  // own. This saves the round trip of FlushWrites per operation.
  void CarryWrites();
  // Whether a carried write failed since ForgetFailures.
  bool carried_failed() const { return carried_failed_; }

  // Reads in fewer round trips. Prefetch(sql, args) (a SELECT) sends a read the caller is
  // about to make with the connection's next statement, in its round trip, and keeps its
  // rows; the first Query with the same text and parameters takes them instead of asking
  // again. Kept answers last while the connection only reads (a Query of a SELECT): anything
  // else (a write queued, a command, a statement that is not a SELECT) forgets them, so no
  // write ever comes between a prefetch and the read that uses it, and within a transaction's
  // one snapshot the kept answer is what the read would get (text that is not a SELECT is
  // not prefetched). Its failure is the failure of the round trip it rode in. For a
  // transaction whose next reads have keys known in advance (an execution change: the
  // execution and its job), this makes several round trips one.
  template <typename... Args>
  Status Prefetch(std::string_view sql, const Args&... args) {
    return PrefetchParams(sql, {ToParam(args)...});
  }
  Status PrefetchParams(std::string_view sql, std::vector<Param> params);

  // The connection is gone (server restart, terminated backend, network): every statement
  // fails until Reconnect.
  bool Broken() const;
  // Connects again with the same parameters; prepared statements are prepared anew.
  Status Reconnect();

  // Whether a statement failed with a serialization failure or a deadlock (SQLSTATE 40001,
  // 40P01) since ForgetFailures: the transaction must be run again from the start.
  bool conflicted() const { return conflicted_; }
  // The SQLSTATE of the last failed statement since ForgetFailures ("" if none or it had none).
  const std::string& last_sqlstate() const { return last_sqlstate_; }
  // Called as a transaction begins.
  void ForgetFailures() {
    conflicted_ = false;
    carried_failed_ = false;
    last_sqlstate_.clear();
  }

  // Maps a failed result (nullptr: the connection's own error) to our Status, logging
  // `what`, the SQLSTATE and the server's message.
  Status Error(const pg_result* result, std::string_view what);

 private:
  // The parameters as libpq takes them; kInternalFailure when one holds a NUL.
  Result<std::vector<const char*>> Values(const std::string& text,
                                          const std::vector<Param>& params);
  // The same, unchecked (parameters checked by Values when they were given).
  static std::vector<const char*> CStrings(const std::vector<Param>& params);
  explicit Connection(pg_conn* conn) : conn_(conn) {}
  // The name of `text`'s prepared statement, preparing it first if it is new.
  Result<std::string> Prepared(const std::string& text);
  // How Pipeline sends a command: prepared (with its PREPARE first when it is new), as a
  // one-off statement with parameters (QueryOnce), or as a command without any.
  enum class Send { kPrepared, kOnce, kCommand };
  struct Command {
    std::string text;
    std::vector<Param> params;
    Send how;
    bool begins = false;  // BeginWithFirstStatement's BEGIN: its answer sets began_
    bool prefetch = false;  // Prefetch's read: its rows are kept in prefetched_
    bool carried = false;  // a write carried over by CarryWrites
  };
  // A prefetched read's answer, kept for the Query that asks for it.
  struct Prefetched {
    std::string text;
    std::vector<Param> params;
    pg_result* result;  // owned: freed by ForgetPrefetches or handed to the Query
  };
  // The kept answer of `text` with `params`, if a prefetch sent it (and no longer kept).
  pg_result* TakePrefetched(const std::string& text, const std::vector<Param>& params);
  // Forgets every prefetched answer and every prefetch not sent yet: the connection is about
  // to do something else, after which they may no longer be what the read would answer.
  void ForgetPrefetches();
  // The deferred commands and queued writes, then `last` if given, in one round trip.
  // Answers the first failure, or the last command's rows.
  Result<Rows> Pipeline(std::optional<Command> last);
  // A prepared statement name never used on this connection.
  std::string NewStatementName();

  pg_conn* conn_;
  std::vector<Command> deferred_;  // sent with the next statement or command
  std::vector<Prefetched> prefetched_;
  bool began_ = false;
  bool begin_refused_ = false;
  std::string pending_end_;  // EndWithNext's statement, not sent yet
  std::unordered_map<std::string, std::string> prepared_;  // SQL text -> statement name
  int64_t statements_named_ = 0;  // names are never reused, even for a PREPARE that failed
  bool conflicted_ = false;
  bool carried_failed_ = false;
  std::string last_sqlstate_;
};

}  // namespace iotjobs::store::postgres
