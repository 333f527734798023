// Leases on background work (store.h). One upsert takes, renews or leaves the lease; the
// read after it says who holds it. Both run inside the caller's write transaction, so two
// instances racing for a free lease are ordered by the database (on PostgreSQL, one commits
// and the other fails to serialize, runs again, and finds the lease taken).
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {

Result<bool> SqlTransaction::AcquireLease(std::string_view name, std::string_view holder,
                                          EpochMillis now, EpochMillis until) {
  IOTJOBS_RETURN_IF_ERROR(
      db_.Run("INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $4) "
              "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
              "expires_at = excluded.expires_at "
              "WHERE leases.holder = excluded.holder OR leases.expires_at <= $3",
              name, holder, now, until));
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r, db_.Query("SELECT holder FROM leases WHERE name = $1", name));
  IOTJOBS_ASSIGN_OR_RETURN(bool row, r.Step());
  return row && r.Text(0) == holder;
}

Status SqlTransaction::ReleaseLease(std::string_view name, std::string_view holder) {
  return db_.Run("DELETE FROM leases WHERE name = $1 AND holder = $2", name, holder);
}

}  // namespace iotjobs::store
