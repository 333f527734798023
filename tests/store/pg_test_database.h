#pragma once

#include <optional>
#include <string>

// PostgreSQL for the store tests: the server named by IOTJOBS_TEST_PG_DSN (tests/pg/
// with_postgres starts a throwaway one and sets it), and a database of its own per test.
namespace iotjobs::store::pg_test {

// IOTJOBS_TEST_PG_DSN, when set: the PostgreSQL tests run only then.
std::optional<std::string> PostgresTestDsn();

// A backend's name ("sqlite-memory") as a test name's suffix, which takes no '-'.
inline std::string BackendTestName(std::string backend) {
  for (char& c : backend) c = c == '-' ? '_' : c;
  return backend;
}

// A new, empty database on that server, dropped when this goes away (close the stores on it
// first). Its collation orders text unlike bytes where the server allows (ICU en-US), so
// that the suite checks that the schema keeps SQLite's byte order.
class PgTestDatabase {
 public:
  PgTestDatabase();
  ~PgTestDatabase();
  PgTestDatabase(const PgTestDatabase&) = delete;
  PgTestDatabase& operator=(const PgTestDatabase&) = delete;

  // Why the database could not be created ("" when it was).
  const std::string& error() const { return error_; }
  // A libpq connection string for the database.
  const std::string& conninfo() const { return conninfo_; }
  // Runs `sql` on a connection of its own to the database: "" or the error message.
  std::string Exec(const std::string& sql) const;
  // The first column of the first row of `sql`, or the error message.
  std::string QueryValue(const std::string& sql) const;

 private:
  std::string dsn_;
  std::string name_;
  std::string conninfo_;
  std::string error_;
};

}  // namespace iotjobs::store::pg_test
