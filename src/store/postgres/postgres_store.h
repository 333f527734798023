#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "store/engine/store_engine.h"

namespace iotjobs::store::postgres {

struct PostgresOptions {
  std::string conninfo;  // a libpq connection string or postgresql:// URL
  // Connections in all: one for the writer, the rest (at least one) for reads, each with a
  // thread of its own.
  int connections = 8;
  // Most write operations one batch may group into one transaction.
  int max_batch = 256;
};

// The scale-out store: several stateless iotjobsd over one PostgreSQL database
// (docs/architecture.md, "PostgreSQL" and "Several instances"), on the store engine
// (store_engine.h) with the sessions of postgres_sessions.h.
//
// Writes are grouped as on SQLite: one writer thread per instance, with its own connection,
// runs each batch in one SERIALIZABLE transaction, a savepoint per operation, and calls each
// `done` only after COMMIT returned (durable under PostgreSQL's default synchronous_commit).
// One writer per instance is what makes this work: the operations of one instance never
// conflict with one another. Done on many connections instead, operations touching the same
// thing (a job created for things another job targets, whose pending queues both read) fail
// to serialize against each other, and under load most attempts were lost and retried. What
// remains are conflicts with other instances: the engine runs the batch again.
//
// Reads run on a pool of reader threads, each with its own connection, in REPEATABLE READ
// READ ONLY: one snapshot, as SQLite's read transactions have.
//
// A connection the server dropped fails the operations that meet it mid-transaction
// (kServiceUnavailable; a COMMIT whose answer was lost cannot be retried, it may have
// committed) and is connected again before its next use. Operations that find their
// connection dead at BEGIN have not run at all, so it reconnects and runs them at once.
// Writes fail while the writer's connection is lost; an idle writer then tries to reconnect
// once a second, and the first success makes the store healthy again.
class PostgresStore final : public StoreEngine {
 public:
  // Connects every pool connection, brings the schema up to date (migrations.h) and starts
  // the workers. A database that cannot be reached is kServiceUnavailable "cannot connect
  // to PostgreSQL: <libpq's reason>".
  static Result<std::unique_ptr<PostgresStore>> Open(const PostgresOptions& options);

 private:
  PostgresStore() = default;
};

}  // namespace iotjobs::store::postgres
