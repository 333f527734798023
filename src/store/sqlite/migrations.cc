#include "store/sqlite/migrations.h"

#include <string>
#include <string_view>

#include "common/log.h"
#include "store/embedded_migrations.h"
#include "store/migration.h"

namespace iotjobs::store::sqlite {
namespace {
constexpr Migration kMigrations[] = {
    {1, &Migration0001},
    {2, &Migration0002},
    {3, &Migration0003},
    {4, &Migration0004},
    {5, &Migration0005},
    {6, &Migration0006},
    {7, &Migration0007},
    {8, &Migration0008},
    {9, &Migration0009},
    {10, &Migration0010},
    {11, &Migration0011},
    {12, &Migration0012},
    {13, &Migration0013},
    {14, &Migration0014},
    {15, &Migration0015},
};
}  // namespace

Status Migrate(Connection& conn) {
  int current = 0;
  {
    // Reset before any migration runs: while a statement is active, DROP INDEX and DROP
    // TABLE fail with SQLITE_LOCKED ("database table is locked").
    IOTJOBS_ASSIGN_OR_RETURN(Statement s, conn.Prepare("PRAGMA user_version"));
    IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) current = static_cast<int>(s.Int(0));
  }
  const int newest = kMigrations[std::size(kMigrations) - 1].version;
  if (current > newest) {
    return RefuseNewerSchema(current, newest);
  }
  for (const Migration& m : kMigrations) {
    if (m.version <= current) continue;
    IOTJOBS_LOG(kInfo) << "store: applying schema migration " << m.version;
    IOTJOBS_RETURN_IF_ERROR(conn.Exec("BEGIN IMMEDIATE"));
    Status applied = conn.Exec(m.sql());
    if (applied.ok()) {
      applied = conn.Exec("PRAGMA user_version = " + std::to_string(m.version));
    }
    if (!applied.ok()) {
      (void)conn.Exec("ROLLBACK");
      return applied;
    }
    IOTJOBS_RETURN_IF_ERROR(conn.Exec("COMMIT"));
  }
  return Status::Ok();
}

}  // namespace iotjobs::store::sqlite
