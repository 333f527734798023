#pragma once

#include <functional>
#include <string>

#include "common/result.h"
#include "store/entities/event_configurations.h"
#include "store/entities/executions.h"
#include "store/entities/fleet_indexing.h"
#include "store/entities/groups.h"
#include "store/entities/job_templates.h"
#include "store/entities/jobs.h"
#include "store/entities/leases.h"
#include "store/entities/outbox.h"
#include "store/entities/page.h"
#include "store/entities/reset.h"
#include "store/entities/server_keys.h"
#include "store/entities/stats.h"
#include "store/entities/tags.h"
#include "store/entities/thing_types.h"
#include "store/entities/things.h"
#include "store/write_health.h"

// The storage interface. Backends (sqlite/, postgres/) run it on the store engine (engine/);
// no driver type appears above this header. Everything is scoped to one AWS account: a
// transaction is opened for an account and sees only that account's rows, but for the few
// reads and writes of background work that say EVERY account.
//
// A transaction is composed of one interface per entity (entities/): a decorator can stand in
// for the entities it concerns (forwarding_transaction.h), and a new entity adds an
// interface of its own.
namespace iotjobs::store {

// Reads. Every method fails only for storage faults (kInternalFailure or
// kServiceUnavailable, cause logged); absence is an empty optional, not an error.
class ReadTransaction : public ThingReads,
                        public ThingTypeReads,
                        public IndexingReads,
                        public GroupReads,
                        public JobReads,
                        public JobTemplateReads,
                        public ExecutionReads,
                        public EventConfigurationReads,
                        public TagReads,
                        public OutboxReads,
                        public StatsReads {
 public:
  virtual const std::string& account_id() const = 0;
};

// Writes, inside the same transaction as the reads. A failed write leaves the operation's
// savepoint to be rolled back by the store; callers just return the Status.
class WriteTransaction : public ReadTransaction,
                         public ThingWrites,
                         public ThingTypeWrites,
                         public IndexingWrites,
                         public GroupWrites,
                         public JobWrites,
                         public JobTemplateWrites,
                         public ExecutionWrites,
                         public EventConfigurationWrites,
                         public TagWrites,
                         public OutboxWrites,
                         public LeaseWrites,
                         public ServerKeyWrites,
                         public ResetWrites {};

// Runs transactions. Implementations are thread-safe; `done` is called exactly once, on a
// store thread, after the transaction committed (or failed) — never before the data is
// durable. A failed `fn` rolls back only its own work.
class Store {
 public:
  using ReadFn = std::function<Status(ReadTransaction&)>;
  using WriteFn = std::function<Status(WriteTransaction&)>;
  using Done = std::function<void(Status)>;

  virtual ~Store() = default;
  virtual void Read(std::string account_id, ReadFn fn, Done done) = 0;
  virtual void Write(std::string account_id, WriteFn fn, Done done) = 0;
  // Stops accepting work, finishes what is queued, and joins the store's threads.
  virtual void Shutdown() = 0;
  // Called once on each HTTP thread before it serves: a backend whose reads are cheaper run
  // on the calling thread (SQLite) sets that up here. Reads work without it.
  virtual void EnableInlineReads() {}
  // Whether writes commit now (for GET /health). Thread-safe and cheap.
  virtual HealthReport Health() const { return {}; }
};

}  // namespace iotjobs::store
