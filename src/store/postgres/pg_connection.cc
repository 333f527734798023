#include "store/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <utility>

#include "common/log.h"

namespace iotjobs::store::postgres {
namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

bool Succeeded(const PGresult* r) {
  if (!r) return false;
  ExecStatusType status = PQresultStatus(r);
  return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
}

// libpq's messages end with a newline and continue on tab-indented lines: one log line.
std::string OneLine(std::string_view message) {
  std::string out;
  for (char c : message) {
    if (c == '\n' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The password of `conninfo` in the forms a libpq message may quote it: as parsed, and as
// written in a URL (percent-encoded; also when the URL does not parse, whose message then
// quotes the whole URL).
std::vector<std::string> Passwords(const std::string& conninfo) {
  std::vector<std::string> out;
  char* err = nullptr;
  if (PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &err)) {
    for (PQconninfoOption* o = options; o->keyword; ++o) {
      if (o->val && *o->val && std::string_view(o->keyword) == "password") out.push_back(o->val);
    }
    PQconninfoFree(options);
  }
  PQfreemem(err);
  for (std::string_view scheme : {"postgresql://", "postgres://"}) {
    if (conninfo.rfind(scheme, 0) != 0) continue;
    std::string_view rest = std::string_view(conninfo).substr(scheme.size());
    std::string_view authority = rest.substr(0, rest.find_first_of("/?"));
    size_t at = authority.rfind('@');
    if (at == std::string_view::npos) break;
    std::string_view userinfo = authority.substr(0, at);
    size_t colon = userinfo.find(':');
    if (colon != std::string_view::npos && colon + 1 < userinfo.size()) {
      out.emplace_back(userinfo.substr(colon + 1));
    }
  }
  return out;
}

std::string WithoutPasswords(std::string message, const std::vector<std::string>& passwords) {
  for (const std::string& password : passwords) {
    for (size_t at = message.find(password); at != std::string::npos;
         at = message.find(password, at)) {
      message.replace(at, password.size(), "********");
    }
  }
  return message;
}

// Server-side conditions that pass (or an operator fixes) rather than bugs, as SQLite's
// busy, I/O, full-disk and read-only codes are: connection exceptions (08), insufficient
// resources such as a full disk or too many connections (53), operator intervention:
// shutdown, cancel, timeout (57), system and I/O errors (58), a lock timeout (55P03), a
// read-only server, i.e. a standby (25006), and a commit of unknown outcome (40003).
bool IsTransient(std::string_view state) {
  std::string_view cls = state.substr(0, 2);
  return cls == "08" || cls == "53" || cls == "57" || cls == "58" || state == "55P03" ||
         state == "25006" || state == "40003";
}

void LogNotice(void*, const char* message) {
  IOTJOBS_LOG(kDebug) << "postgres: " << OneLine(message);
}

}  // namespace

Rows::Rows(pg_result* result) : result_(result), rows_(result ? PQntuples(result) : 0) {}

Rows::Rows(Rows&& other) noexcept
    : result_(other.result_), row_(other.row_), rows_(other.rows_) {
  other.result_ = nullptr;
}

Rows& Rows::operator=(Rows&& other) noexcept {
  if (this != &other) {
    PQclear(result_);
    result_ = other.result_;
    row_ = other.row_;
    rows_ = other.rows_;
    other.result_ = nullptr;
  }
  return *this;
}

Rows::~Rows() { PQclear(result_); }

bool Rows::Next() {
  if (row_ + 1 >= rows_) return false;
  ++row_;
  return true;
}

int64_t Rows::Affected() const {
  const char* n = result_ ? PQcmdTuples(result_) : "";
  int64_t value = 0;
  std::from_chars(n, n + std::char_traits<char>::length(n), value);
  return value;
}

bool Rows::IsNull(int column) const { return PQgetisnull(result_, row_, column) != 0; }

int64_t Rows::Int(int column) const {
  const char* text = PQgetvalue(result_, row_, column);
  int64_t value = 0;
  std::from_chars(text, text + PQgetlength(result_, row_, column), value);
  return value;
}

std::string Rows::Text(int column) const {
  return std::string(PQgetvalue(result_, row_, column), PQgetlength(result_, row_, column));
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& conninfo) {
  // libpq applies these in order, and expands `dbname` into the caller's settings: the
  // caller's connection string overrides the defaults before it, and nothing overrides the
  // client encoding after it (our strings are UTF-8, whatever the environment says).
  const char* const keywords[] = {"fallback_application_name", "connect_timeout", "dbname",
                                  "client_encoding", nullptr};
  const char* const values[] = {"iotjobsd", "10", conninfo.c_str(), "UTF8", nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    std::string reason = conn ? WithoutPasswords(OneLine(PQerrorMessage(conn)), Passwords(conninfo))
                              : std::string("out of memory");
    PQfinish(conn);
    IOTJOBS_LOG(kError) << "store: cannot connect to PostgreSQL: " << reason;
    return Unavailable("cannot connect to PostgreSQL: " + reason);
  }
  // Notices ("relation already exists, skipping") would go to stderr.
  PQsetNoticeProcessor(conn, &LogNotice, nullptr);
  return std::unique_ptr<Connection>(new Connection(conn));
}

Connection::~Connection() {
  ForgetPrefetches();
  PQfinish(conn_);
}

std::string Connection::NewStatementName() {
  return "iotjobs_" + std::to_string(++statements_named_);
}

Result<std::string> Connection::Prepared(const std::string& text) {
  auto it = prepared_.find(text);
  if (it != prepared_.end()) return it->second;
  std::string name = NewStatementName();
  ResultPtr prepared(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr));
  if (!Succeeded(prepared.get())) return Error(prepared.get(), text);
  prepared_.emplace(text, name);
  return name;
}

Result<Rows> Connection::QueryParams(std::string_view sql, const std::vector<Param>& params) {
  EndPendingNow();
  std::string text(sql);
  if (!text.starts_with("SELECT ")) {
    ForgetPrefetches();  // a statement that may write
  } else if (pg_result* kept = TakePrefetched(text, params)) {
    return Rows(kept);
  }
  IOTJOBS_ASSIGN_OR_RETURN(std::vector<const char*> values, Values(text, params));
  // The same read prefetched but not sent yet: this query is it.
  std::erase_if(deferred_, [&](const Command& c) {
    return c.prefetch && c.text == text && c.params == params;
  });
  if (!deferred_.empty()) return Pipeline(Command{std::move(text), params, Send::kPrepared});
  IOTJOBS_ASSIGN_OR_RETURN(std::string name, Prepared(text));
  ResultPtr result(PQexecPrepared(conn_, name.c_str(), static_cast<int>(values.size()),
                                  values.data(), nullptr, nullptr, /*resultFormat=*/0));
  if (!Succeeded(result.get())) return Error(result.get(), text);
  return Rows(result.release());
}

Result<std::vector<const char*>> Connection::Values(const std::string& text,
                                                   const std::vector<Param>& params) {
  for (const Param& p : params) {
    if (p && p->find('\0') != std::string::npos) {
      // PostgreSQL text cannot hold NUL, and libpq would cut the value there without a word.
      IOTJOBS_LOG(kError) << "postgres: a text value contains a NUL character, in: "
                          << text.substr(0, 200);
      return Internal("An internal error occurred in the data store.");
    }
  }
  return CStrings(params);
}

std::vector<const char*> Connection::CStrings(const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& p : params) values.push_back(p ? p->c_str() : nullptr);
  return values;
}

Result<Rows> Connection::QueryOnce(std::string_view sql, const std::vector<Param>& params) {
  EndPendingNow();
  ForgetPrefetches();
  std::string text(sql);
  IOTJOBS_ASSIGN_OR_RETURN(std::vector<const char*> values, Values(text, params));
  if (!deferred_.empty()) return Pipeline(Command{std::move(text), params, Send::kOnce});
  ResultPtr result(PQexecParams(conn_, text.c_str(), static_cast<int>(values.size()), nullptr,
                                values.data(), nullptr, nullptr, /*resultFormat=*/0));
  if (!Succeeded(result.get())) return Error(result.get(), text);
  return Rows(result.release());
}

Status Connection::QueueWriteParams(std::string_view sql, std::vector<Param> params) {
  ForgetPrefetches();
  std::string text(sql);
  IOTJOBS_RETURN_IF_ERROR(Values(text, params).status());
  deferred_.push_back(Command{std::move(text), std::move(params), Send::kPrepared});
  return Status::Ok();
}

Status Connection::PrefetchParams(std::string_view sql, std::vector<Param> params) {
  std::string text(sql);
  if (!text.starts_with("SELECT ")) return Status::Ok();  // only reads are kept
  IOTJOBS_RETURN_IF_ERROR(Values(text, params).status());
  Command read{std::move(text), std::move(params), Send::kPrepared};
  read.prefetch = true;
  deferred_.push_back(std::move(read));
  return Status::Ok();
}

pg_result* Connection::TakePrefetched(const std::string& text, const std::vector<Param>& params) {
  for (auto p = prefetched_.begin(); p != prefetched_.end(); ++p) {
    if (p->text != text || p->params != params) continue;
    pg_result* taken = p->result;
    prefetched_.erase(p);
    return taken;
  }
  return nullptr;
}

void Connection::ForgetPrefetches() {
  for (Prefetched& p : prefetched_) PQclear(p.result);
  prefetched_.clear();
  std::erase_if(deferred_, [](const Command& c) { return c.prefetch; });
}

Status Connection::FlushWrites() {
  ForgetPrefetches();
  bool queued = false;
  for (const Command& c : deferred_) queued = queued || c.how != Send::kCommand;
  if (!queued) return Status::Ok();
  EndPendingNow();
  return Pipeline(std::nullopt).status();
}

void Connection::DropWrites() {
  ForgetPrefetches();
  std::erase_if(deferred_, [](const Command& c) { return c.how != Send::kCommand && !c.carried; });
}

void Connection::CarryWrites() {
  for (Command& c : deferred_) {
    if (c.how != Send::kCommand && !c.prefetch) c.carried = true;
  }
}

Result<Rows> Connection::Pipeline(std::optional<Command> last) {
  std::vector<Command> commands = std::move(deferred_);
  deferred_.clear();
  if (last) commands.push_back(std::move(*last));
  // What each answer is about, in order: a command (with its statement's name when sent
  // prepared), or the PREPARE of a new statement, registered once its own answer says it
  // succeeded.
  struct Answer {
    const Command* command;
    std::string name;
    bool prepare = false;
  };
  std::vector<Answer> about;
  std::unordered_map<std::string, std::string> preparing;  // text -> name, new in this pipeline
  for (const Command& c : commands) {
    std::string name;
    if (c.how == Send::kPrepared) {
      if (auto known = prepared_.find(c.text); known != prepared_.end()) {
        name = known->second;
      } else if (auto p = preparing.find(c.text); p != preparing.end()) {
        name = p->second;
      } else {
        name = NewStatementName();
        preparing.emplace(c.text, name);
        about.push_back({&c, name, /*prepare=*/true});
      }
    }
    about.push_back({&c, std::move(name)});
  }
  // One pipeline ended by a sync. The server answers each command in order; after a
  // failure it skips the rest (PGRES_PIPELINE_ABORTED).
  bool sent = PQenterPipelineMode(conn_) == 1;
  for (size_t a = 0; sent && a < about.size(); ++a) {
    const Command& c = *about[a].command;
    if (about[a].prepare) {
      sent = PQsendPrepare(conn_, about[a].name.c_str(), c.text.c_str(), 0, nullptr) == 1;
      continue;
    }
    const std::vector<const char*> values = CStrings(c.params);
    const int n = static_cast<int>(values.size());
    sent = c.how == Send::kPrepared
               ? PQsendQueryPrepared(conn_, about[a].name.c_str(), n, values.data(), nullptr,
                                     nullptr, 0) == 1
               : PQsendQueryParams(conn_, c.text.c_str(), n, nullptr, values.data(), nullptr,
                                   nullptr, 0) == 1;
  }
  sent = sent && PQpipelineSync(conn_) == 1;
  std::vector<ResultPtr> answers;
  if (sent) {
    while (answers.size() < about.size()) {
      ResultPtr r(PQgetResult(conn_));
      if (!r) break;  // the connection broke: no more answers
      while (PGresult* more = PQgetResult(conn_)) PQclear(more);  // up to the command's end
      answers.push_back(std::move(r));
    }
    if (answers.size() == about.size()) ResultPtr sync(PQgetResult(conn_));
  }
  PQexitPipelineMode(conn_);  // fails only with answers unread, i.e. a broken connection
  for (size_t i = 0; i < about.size(); ++i) {
    // BeginWithFirstStatement's BEGIN (after the last transaction's end, when it went along).
    if (about[i].command->begins) {
      began_ = i < answers.size() && Succeeded(answers[i].get());
      begin_refused_ = i < answers.size() && !began_;
    }
  }
  for (size_t i = 0; i < answers.size(); ++i) {
    if (!Succeeded(answers[i].get())) {
      if (about[i].command->carried) carried_failed_ = true;
      return Error(answers[i].get(), about[i].command->text);
    }
    if (about[i].prepare) prepared_.emplace(about[i].command->text, about[i].name);
  }
  if (answers.size() == about.size()) {
    // Prefetched reads (never the last command: the statement that carried them is) are
    // kept for the Query that asks for them.
    for (size_t i = 0; i + 1 < answers.size(); ++i) {
      const Command& c = *about[i].command;
      if (c.prefetch && !about[i].prepare) {
        prefetched_.push_back({c.text, c.params, answers[i].release()});
      }
    }
  }
  if (answers.size() < about.size()) {
    if (about[answers.size()].command->carried) carried_failed_ = true;
    return Error(nullptr, about[answers.size()].command->text);
  }
  if (answers.empty()) return Rows();
  return Rows(answers.back().release());
}

void Connection::BeginWithFirstStatement(std::string begin) {
  ForgetPrefetches();
  deferred_.clear();
  if (!pending_end_.empty()) {
    // The last transaction's end (EndWithNext) goes first, in the same round trip.
    deferred_.push_back(Command{std::exchange(pending_end_, {}), {}, Send::kCommand});
  }
  deferred_.push_back(Command{std::move(begin), {}, Send::kCommand, /*begins=*/true});
  began_ = false;
  begin_refused_ = false;
}

void Connection::Defer(std::string sql) {
  deferred_.push_back(Command{std::move(sql), {}, Send::kCommand});
}

void Connection::EndWithNext(const char* sql) {
  ForgetPrefetches();
  const bool began = std::exchange(began_, false);
  deferred_.clear();
  if (began) pending_end_ = sql;  // if no statement ran, the transaction never began
}

void Connection::EndPendingNow() {
  if (pending_end_.empty()) return;
  ResultPtr result(PQexec(conn_, std::exchange(pending_end_, {}).c_str()));
  if (!Succeeded(result.get())) {
    IOTJOBS_LOG(kWarn) << "postgres: ending a read transaction failed: "
                       << OneLine(PQresultErrorMessage(result.get()));
  }
}

Status Connection::Exec(std::string_view sql) {
  EndPendingNow();
  ForgetPrefetches();
  std::string text(sql);
  if (text == "ROLLBACK" || text.starts_with("BEGIN")) {
    // Whatever was deferred belongs to a transaction that is over or being undone; sent
    // ahead into a failed transaction it would make the pipeline skip the ROLLBACK itself.
    deferred_.clear();
  }
  if (!deferred_.empty()) return Pipeline(Command{std::move(text), {}, Send::kCommand}).status();
  ResultPtr result(PQexec(conn_, text.c_str()));
  if (!Succeeded(result.get())) return Error(result.get(), text);
  return Status::Ok();
}

Status Connection::Commit() {
  EndPendingNow();
  ForgetPrefetches();
  ResultPtr result;
  if (!deferred_.empty()) {
    // The last operation's RELEASE (and its carried writes) go with the COMMIT.
    Result<Rows> rows = Pipeline(Command{"COMMIT", {}, Send::kCommand});
    if (!rows.ok()) {
      // A carried write failed, so the server skipped the COMMIT: the transaction is still
      // open, aborted, and must be rolled back before the next BEGIN.
      if (carried_failed_ && !Broken()) ResultPtr rollback(PQexec(conn_, "ROLLBACK"));
      return rows.status();
    }
    result.reset(rows->Release());
  } else {
    result.reset(PQexec(conn_, "COMMIT"));
    if (!Succeeded(result.get())) return Error(result.get(), "COMMIT");
  }
  if (std::string_view(PQcmdStatus(result.get())) != "COMMIT") {
    // A statement failed and its transaction was aborted, yet the operation went on to
    // commit (it ignored the failure): the server rolled everything back.
    IOTJOBS_LOG(kError) << "postgres: COMMIT of a failed transaction was a ROLLBACK";
    return Internal("An internal error occurred in the data store.");
  }
  return Status::Ok();
}

bool Connection::Broken() const { return PQstatus(conn_) == CONNECTION_BAD; }

Status Connection::Reconnect() {
  prepared_.clear();  // they died with the old session
  ForgetPrefetches();
  deferred_.clear();
  began_ = false;
  begin_refused_ = false;
  pending_end_.clear();  // the old session's transaction ended with it
  PQreset(conn_);
  if (PQstatus(conn_) != CONNECTION_OK) {
    IOTJOBS_LOG(kError) << "store: cannot reconnect to PostgreSQL: "
                        << OneLine(PQerrorMessage(conn_));
    return Unavailable("The data store is temporarily unavailable.");
  }
  IOTJOBS_LOG(kInfo) << "store: reconnected to PostgreSQL";
  return Status::Ok();
}

Status Connection::Error(const pg_result* result, std::string_view what) {
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  last_sqlstate_ = state ? state : "";
  std::string message = OneLine(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  if (last_sqlstate_ == "40001" || last_sqlstate_ == "40P01") {
    // Expected when transactions contend; the store runs the whole transaction again.
    conflicted_ = true;
    IOTJOBS_LOG(kDebug) << "postgres: " << last_sqlstate_ << " (" << message << ") in: "
                        << what.substr(0, 200);
    return Unavailable("The data store is busy; try again.");
  }
  if (Broken()) {
    // The store reconnects, and says whether an operation was lost with it.
    IOTJOBS_LOG(kWarn) << "postgres: connection lost (" << message << ") in: "
                       << what.substr(0, 200);
    return Unavailable("The data store is temporarily unavailable.");
  }
  IOTJOBS_LOG(kError) << "postgres error " << (state ? state : "(no SQLSTATE)") << " ("
                      << message << ") in: " << what.substr(0, 200);
  if (IsTransient(last_sqlstate_)) return Unavailable("The data store is temporarily unavailable.");
  return Internal("An internal error occurred in the data store.");
}

}  // namespace iotjobs::store::postgres
