// Leases on background work (store.h). One upsert takes, renews or leaves the lease; the
// read after it says who holds it. Both run inside the caller's write transaction, so two
// instances racing for a free lease are ordered by the database.
#include "store/sqlite/sqlite_transaction.h"

namespace iotjobs::store::sqlite {

Result<bool> SqliteTransaction::AcquireLease(std::string_view name, std::string_view holder,
                                             EpochMillis now, EpochMillis until) {
  {
    IOTJOBS_ASSIGN_OR_RETURN(
        Statement s,
        conn_.Prepare("INSERT INTO leases (name, holder, expires_at) VALUES (?1, ?2, ?4) "
                      "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, "
                      "expires_at = excluded.expires_at "
                      "WHERE leases.holder = excluded.holder OR leases.expires_at <= ?3"));
    s.BindAll(name, holder, now, until);
    IOTJOBS_RETURN_IF_ERROR(s.Run());
  }
  IOTJOBS_ASSIGN_OR_RETURN(Statement s,
                           conn_.Prepare("SELECT holder FROM leases WHERE name = ?"));
  s.Bind(1, name);
  IOTJOBS_ASSIGN_OR_RETURN(bool row, s.Step());
  return row && s.Text(0) == holder;
}

Status SqliteTransaction::ReleaseLease(std::string_view name, std::string_view holder) {
  IOTJOBS_ASSIGN_OR_RETURN(
      Statement s, conn_.Prepare("DELETE FROM leases WHERE name = ? AND holder = ?"));
  s.BindAll(name, holder);
  return s.Run();
}

}  // namespace iotjobs::store::sqlite
