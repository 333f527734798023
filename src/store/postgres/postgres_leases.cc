// Leases on background work (store.h). One upsert takes, renews or leaves the lease; the
// read after it says who holds it. Both run inside the caller's serializable write
// transaction: of two instances racing for a free lease, one commits and the other fails to
// serialize, runs again, and finds the lease taken.
#include "store/postgres/postgres_transaction.h"

namespace iotjobs::store::postgres {

Result<bool> PostgresTransaction::AcquireLease(std::string_view name, std::string_view holder,
                                               EpochMillis now, EpochMillis until) {
  IOTJOBS_RETURN_IF_ERROR(
      conn_
          .Query("INSERT INTO leases (name, holder, expires_at) VALUES ($1, $2, $4) "
                 "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
                 "expires_at = excluded.expires_at "
                 "WHERE leases.holder = excluded.holder OR leases.expires_at <= $3",
                 name, holder, now, until)
          .status());
  IOTJOBS_ASSIGN_OR_RETURN(Rows r, conn_.Query("SELECT holder FROM leases WHERE name = $1", name));
  return r.Next() && r.Text(0) == holder;
}

Status PostgresTransaction::ReleaseLease(std::string_view name, std::string_view holder) {
  return conn_.Query("DELETE FROM leases WHERE name = $1 AND holder = $2", name, holder).status();
}

}  // namespace iotjobs::store::postgres
