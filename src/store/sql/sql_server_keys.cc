// Server keys (entities/server_keys.h): insert-if-absent, then read what is kept, in the
// caller's write transaction (on PostgreSQL, an instance racing another fails to serialize,
// runs again and reads the other's key).
#include "store/sql/sql_transaction.h"

namespace iotjobs::store {

Result<std::string> SqlTransaction::KeepServerKey(std::string_view name,
                                                  std::string_view candidate) {
  IOTJOBS_RETURN_IF_ERROR(db_.Run(
      "INSERT INTO server_keys (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
      name, candidate));
  IOTJOBS_ASSIGN_OR_RETURN(SqlRows r,
                           db_.Query("SELECT value FROM server_keys WHERE name = $1", name));
  IOTJOBS_ASSIGN_OR_RETURN(bool row, r.Step());
  if (!row) return Internal("server key " + std::string(name) + " was not kept");
  return std::string(r.Text(0));
}

}  // namespace iotjobs::store
