#pragma once

#include <memory>

#include "store/engine/sessions.h"
#include "store/postgres/pg_connection.h"

// The PostgreSQL backend's sessions for the store engine (engine/sessions.h).
namespace iotjobs::store::postgres {

// Reads in REPEATABLE READ READ ONLY: one snapshot, as SQLite's read transactions have. A
// connection found dead at BEGIN (the server restarted, or ended idle sessions) is connected
// again and the read run on it; one lost during the read fails it (kServiceUnavailable).
std::unique_ptr<ReadSession> NewReadSession(std::unique_ptr<Connection> conn);

// The write connection: a batch is one SERIALIZABLE transaction. A serialization failure or
// deadlock is a conflict with another instance (one instance's operations never conflict
// with one another: it has one writer), and the engine runs the batch again. A connection
// the server dropped fails the operations that meet it mid-transaction (a COMMIT whose answer
// was lost cannot be retried, it may have committed) and is connected again before its next
// use; while it cannot be, writes are failing and the probe tries again.
//
// The session registers a counter shard of its own (a random number in job_count_shards) and
// its transactions add execution changes to it (store/sql/sql_job_counts.cc), so that two
// instances changing one job's executions write different rows.
Result<std::unique_ptr<WriteSession>> NewWriteSession(std::unique_ptr<Connection> conn);

}  // namespace iotjobs::store::postgres
