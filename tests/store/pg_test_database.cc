#include "pg_test_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <memory>

namespace iotjobs::store::pg_test {
namespace {

using Conn = std::unique_ptr<PGconn, decltype(&PQfinish)>;
using Res = std::unique_ptr<PGresult, decltype(&PQclear)>;

// Notices ("database ... does not exist, skipping") would clutter the test output.
Conn Connect(const std::string& conninfo) {
  Conn conn(PQconnectdb(conninfo.c_str()), &PQfinish);
  if (conn) PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
  return conn;
}

// Runs `sql`; "" or the error message (`value` gets the first value of the first row).
std::string Run(PGconn* conn, const std::string& sql, std::string* value = nullptr) {
  if (PQstatus(conn) != CONNECTION_OK) return PQerrorMessage(conn);
  Res res(PQexec(conn, sql.c_str()), &PQclear);
  ExecStatusType st = PQresultStatus(res.get());
  if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) return PQresultErrorMessage(res.get());
  if (value) *value = PQntuples(res.get()) > 0 ? PQgetvalue(res.get(), 0, 0) : "";
  return "";
}

// `dsn` with its database replaced by `dbname`, as a key=value connection string (which the
// URL form and the key=value form both parse into).
std::string WithDatabase(const std::string& dsn, const std::string& dbname) {
  char* err = nullptr;
  PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &err);
  if (!options) {
    std::string message = err ? err : "unparseable";
    PQfreemem(err);
    return "invalid-dsn: " + message;
  }
  auto quoted = [](const std::string& v) {
    std::string out = "'";
    for (char c : v) {
      if (c == '\'' || c == '\\') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string out;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    std::string keyword = o->keyword;
    if (keyword == "dbname" || !o->val) continue;
    out += keyword + "=" + quoted(o->val) + " ";
  }
  PQconninfoFree(options);
  return out + "dbname=" + quoted(dbname);
}

}  // namespace

std::optional<std::string> PostgresTestDsn() {
  const char* dsn = std::getenv("IOTJOBS_TEST_PG_DSN");
  if (!dsn || !*dsn) return std::nullopt;
  return std::string(dsn);
}

PgTestDatabase::PgTestDatabase() {
  static std::atomic<int> counter{0};
  auto dsn = PostgresTestDsn();
  if (!dsn) {
    error_ = "IOTJOBS_TEST_PG_DSN is not set";
    return;
  }
  dsn_ = *dsn;
  name_ = "iotjobs_test_" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
  conninfo_ = WithDatabase(dsn_, name_);
  Conn admin = Connect(dsn_);
  // A database left by an earlier process with this pid.
  error_ = Run(admin.get(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  if (!error_.empty()) return;
  if (!Run(admin.get(), "CREATE DATABASE " + name_ +
                            " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu "
                            "ICU_LOCALE 'en-US'")
           .empty()) {
    // A server without ICU: its default collation.
    error_ = Run(admin.get(), "CREATE DATABASE " + name_);
  }
}

PgTestDatabase::~PgTestDatabase() {
  if (name_.empty()) return;
  Conn admin = Connect(dsn_);
  (void)Run(admin.get(), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
}

std::string PgTestDatabase::Exec(const std::string& sql) const {
  Conn conn = Connect(conninfo_);
  return Run(conn.get(), sql);
}

std::string PgTestDatabase::QueryValue(const std::string& sql) const {
  Conn conn = Connect(conninfo_);
  std::string value;
  std::string error = Run(conn.get(), sql, &value);
  return error.empty() ? value : error;
}

}  // namespace iotjobs::store::pg_test
