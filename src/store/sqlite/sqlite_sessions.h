#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "store/engine/sessions.h"
#include "store/sqlite/checkpointer.h"
#include "store/sqlite/connection.h"

// The SQLite backend's sessions for the store engine (engine/sessions.h).
namespace iotjobs::store::sqlite {

// Opens a connection to the database file at `path` set up for the store: WAL (the writer
// turns it on) and synchronous=FULL, so a commit is on disk before it is acknowledged.
Result<std::unique_ptr<Connection>> OpenConfigured(const std::string& path, bool writer);

// Reads on a connection of its own, in a deferred transaction: WAL gives it one consistent
// snapshot and it never waits for the writer. BEGIN and COMMIT come from the statement cache.
std::unique_ptr<ReadSession> NewReadSession(std::unique_ptr<Connection> conn);

// The write connection. A batch is one BEGIN IMMEDIATE ... COMMIT (one fsync). When it fails
// for a reason outside the requests (a full disk, an I/O error), nothing of it is kept: the
// transaction is rolled back and the connection opened anew, and every operation of it is
// answered kServiceUnavailable. The idle writer's probe is a one-row commit. `path` is "" in
// memory, where the one connection is never reopened and serves reads too; `checkpointer`
// (none in memory) watches every write connection the session opens.
std::unique_ptr<WriteSession> NewWriteSession(std::unique_ptr<Connection> conn,
                                              std::string path,
                                              std::unique_ptr<Checkpointer> checkpointer);

}  // namespace iotjobs::store::sqlite
