#include "store/postgres/postgres_store.h"

#include <algorithm>

#include "store/postgres/migrations.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/postgres_sessions.h"

namespace iotjobs::store::postgres {

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const PostgresOptions& options) {
  std::unique_ptr<PostgresStore> store(new PostgresStore());
  EngineSetup setup;
  setup.max_batch = options.max_batch;
  IOTJOBS_ASSIGN_OR_RETURN(auto writer, Connection::Open(options.conninfo));
  IOTJOBS_RETURN_IF_ERROR(Migrate(*writer));
  IOTJOBS_ASSIGN_OR_RETURN(setup.writer, NewWriteSession(std::move(writer)));
  const int readers = std::max(1, options.connections - 1);
  for (int i = 0; i < readers; ++i) {
    IOTJOBS_ASSIGN_OR_RETURN(auto conn, Connection::Open(options.conninfo));
    setup.readers.push_back(NewReadSession(std::move(conn)));
  }
  store->Start(std::move(setup));
  return store;
}

}  // namespace iotjobs::store::postgres
