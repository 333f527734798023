#include "store/postgres/migrations.h"

#include <string>
#include <string_view>

#include "common/log.h"
#include "store/embedded_migrations.h"
#include "store/migration.h"
#include "store/engine/backoff.h"

namespace iotjobs::store::postgres {
namespace {
constexpr Migration kMigrations[] = {
    {1, &PostgresMigration0001},
    {2, &PostgresMigration0002},
    {3, &PostgresMigration0003},
    {4, &PostgresMigration0004},
    {5, &PostgresMigration0005},
    {6, &PostgresMigration0006},
    {7, &PostgresMigration0007},
    {8, &PostgresMigration0008},
    {9, &PostgresMigration0009},
    {10, &PostgresMigration0010},
    {11, &PostgresMigration0011},
};
constexpr int kNewest = kMigrations[std::size(kMigrations) - 1].version;

// What a migration racing another instance's meets, besides a serialization failure: the
// same table or index created by the other's transaction (unique_violation in the catalog,
// duplicate_table, duplicate_object). Running again finds the other's work committed.
bool LostARace(const Connection& conn) {
  const std::string& state = conn.last_sqlstate();
  return conn.conflicted() || state == "23505" || state == "42P07" || state == "42710";
}

// In one transaction: reads the version (creating its table on an empty database) and
// applies the next migration, if any. Sets `applied` to whether there was one.
Status ApplyNext(Connection& conn, bool& applied) {
  applied = false;
  IOTJOBS_RETURN_IF_ERROR(
      conn.Exec("CREATE TABLE IF NOT EXISTS iotjobs_schema_version (version INTEGER NOT NULL)"));
  // FOR UPDATE: an instance that reads the version while another changes it waits for that
  // one's commit and then fails to serialize, instead of applying the same migration again.
  IOTJOBS_ASSIGN_OR_RETURN(Rows rows,
                           conn.Query("SELECT version FROM iotjobs_schema_version FOR UPDATE"));
  const bool has_row = rows.Next();
  const int current = has_row ? static_cast<int>(rows.Int(0)) : 0;
  if (current > kNewest) {
    return RefuseNewerSchema(current, kNewest);
  }
  if (current == kNewest) return Status::Ok();
  const Migration& next = kMigrations[current];  // versions are 1..kNewest in order
  IOTJOBS_LOG(kInfo) << "store: applying schema migration " << next.version;
  IOTJOBS_RETURN_IF_ERROR(conn.Exec(next.sql()));
  if (has_row) {
    IOTJOBS_RETURN_IF_ERROR(
        conn.Query("UPDATE iotjobs_schema_version SET version = $1", next.version).status());
  } else {
    IOTJOBS_RETURN_IF_ERROR(
        conn.Query("INSERT INTO iotjobs_schema_version (version) VALUES ($1)", next.version)
            .status());
  }
  applied = true;
  return Status::Ok();
}

}  // namespace

Status Migrate(Connection& conn) {
  Backoff backoff;
  for (;;) {
    conn.ForgetFailures();
    bool applied = false;
    Status s = conn.Exec("BEGIN ISOLATION LEVEL SERIALIZABLE");
    if (s.ok()) s = ApplyNext(conn, applied);
    if (s.ok()) s = conn.Commit();
    if (s.ok()) {
      if (!applied) return Status::Ok();
      backoff = Backoff();  // the next migration has its own attempts
      continue;
    }
    const bool lost_race = LostARace(conn);
    (void)conn.Exec("ROLLBACK");
    if (!lost_race || conn.Broken()) return s;
    if (!backoff.Wait()) {
      IOTJOBS_LOG(kError) << "store: schema migration kept conflicting; giving up";
      return Unavailable("The data store is busy; try again.");
    }
    IOTJOBS_LOG(kInfo) << "store: schema migration raced another instance; reading again";
  }
}

}  // namespace iotjobs::store::postgres
