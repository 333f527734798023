#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "jobs/job.h"
#include "jobs/job_execution.h"
#include "jobs/thing.h"
#include "store/write_health.h"

// The storage interface. Backends (sqlite/, postgres/) implement it; no driver type
// appears above this header. Everything is scoped to one AWS account: a transaction is
// opened for an account and sees only that account's rows.
namespace iotjobs::store {

// Keyset pagination: rows strictly after `after` (the encoded key of the last row of the
// previous page, empty for the first page), at most `limit` of them.
struct PageRequest {
  std::string after;
  int limit = 100;
};

// Page of rows plus the key to continue after (empty when this was the last page).
template <typename T>
struct Page {
  std::vector<T> items;
  std::string next;
};

struct ThingFilter {
  std::optional<std::string> attribute_name;
  std::optional<std::string> attribute_value;
  bool use_prefix_attribute_value = false;
  std::optional<std::string> thing_type_name;
};

struct ThingGroupFilter {
  std::optional<std::string> parent_group;  // direct children of this group only
  std::optional<std::string> name_prefix;
};

struct JobFilter {
  std::optional<jobs::JobStatus> status;
  std::optional<jobs::TargetSelection> target_selection;
  std::optional<std::string> namespace_id;
  std::optional<std::string> thing_group_name;  // jobs that target this group
};

struct ExecutionFilter {
  std::optional<jobs::ExecutionStatus> status;
  std::optional<std::string> namespace_id;
  std::optional<std::string> job_id;
};

// A running execution timer that is due, in any account (for the timer worker).
struct DueTimer {
  std::string account_id;
  std::string job_id;
  std::string thing_name;
  int64_t execution_number = 0;
};

// A message waiting in the outbox to be published.
struct OutboxMessage {
  int64_t seq = 0;
  std::string account_id;
  std::string topic;
  std::string payload;
};

// A job the background worker must act on (scheduled start or end, rollout, deletion).
struct DueJob {
  std::string account_id;
  std::string job_id;
};

// Reads. Every method fails only for storage faults (kInternalFailure or
// kServiceUnavailable, cause logged); absence is an empty optional, not an error.
class ReadTransaction {
 public:
  virtual ~ReadTransaction() = default;
  virtual const std::string& account_id() const = 0;

  virtual Result<std::optional<jobs::Thing>> GetThing(std::string_view thing_name) = 0;
  virtual Result<Page<jobs::Thing>> ListThings(const ThingFilter& filter,
                                               const PageRequest& page) = 0;

  virtual Result<std::optional<jobs::ThingGroup>> GetThingGroup(std::string_view name) = 0;
  virtual Result<std::optional<jobs::ThingGroup>> GetThingGroupById(std::string_view id) = 0;
  virtual Result<Page<jobs::ThingGroup>> ListThingGroups(const ThingGroupFilter& filter,
                                                         const PageRequest& page) = 0;
  virtual Result<std::vector<std::string>> ListChildGroupNames(std::string_view parent) = 0;
  virtual Result<bool> IsThingInGroup(std::string_view group, std::string_view thing) = 0;
  // Names of the things directly in `group`, in name order.
  virtual Result<Page<std::string>> ListThingsInGroup(std::string_view group,
                                                      const PageRequest& page) = 0;
  // Names of the groups `thing` belongs to directly, in name order.
  virtual Result<Page<std::string>> ListGroupsOfThing(std::string_view thing,
                                                      const PageRequest& page) = 0;

  virtual Result<std::optional<jobs::Job>> GetJob(std::string_view job_id) = 0;
  virtual Result<std::optional<std::string>> GetJobDocument(std::string_view job_id) = 0;
  virtual Result<Page<jobs::Job>> ListJobs(const JobFilter& filter, const PageRequest& page) = 0;
  // Ids of the jobs with a thing-group target among `groups` (each id once), for continuous
  // jobs reaching things that join a group.
  virtual Result<std::vector<std::string>> ListJobsTargetingGroups(
      const std::vector<std::string>& groups) = 0;

  // The execution with that number, or the one with the highest number when absent.
  virtual Result<std::optional<jobs::JobExecution>> GetExecution(
      std::string_view job_id, std::string_view thing_name,
      std::optional<int64_t> execution_number) = 0;
  // Executions of one job, in (thing name, execution number) order.
  virtual Result<Page<jobs::JobExecution>> ListExecutionsForJob(
      std::string_view job_id, std::optional<jobs::ExecutionStatus> status,
      const PageRequest& page) = 0;
  // Executions on one thing, in (job id, execution number) order, as summaries: a page costs
  // index reads only, whatever the thing's history. GetExecution has the rest of a row.
  virtual Result<Page<jobs::ExecutionSummary>> ListExecutionsForThing(
      std::string_view thing_name, const ExecutionFilter& filter, const PageRequest& page) = 0;
  // QUEUED and IN_PROGRESS executions on one thing: IN_PROGRESS first, then oldest first. As
  // summaries, for the same reason.
  virtual Result<std::vector<jobs::ExecutionSummary>> ListPendingExecutionsForThing(
      std::string_view thing_name, int limit) = 0;

  // Executions of EVERY account whose in-progress or step timer is due at `now`, earliest
  // first. The one cross-account read: background work uses it, then opens a transaction in
  // each account it names.
  virtual Result<std::vector<DueTimer>> ListDueTimers(EpochMillis now, int limit) = 0;
  // Jobs of EVERY account whose next action is due at `now`, earliest first.
  virtual Result<std::vector<DueJob>> ListDueJobs(EpochMillis now, int limit) = 0;

  // Outbox messages of EVERY account with seq > `after`, in seq order.
  virtual Result<std::vector<OutboxMessage>> ListOutbox(int64_t after, int limit) = 0;
};

// Writes, inside the same transaction as the reads. A failed write leaves the operation's
// savepoint to be rolled back by the backend; callers just return the Status.
class WriteTransaction : public ReadTransaction {
 public:
  virtual Status InsertThing(const jobs::Thing& thing) = 0;
  virtual Status UpdateThing(const jobs::Thing& thing) = 0;
  virtual Status DeleteThing(std::string_view thing_name) = 0;

  virtual Status InsertThingGroup(const jobs::ThingGroup& group) = 0;
  virtual Status UpdateThingGroup(const jobs::ThingGroup& group) = 0;
  virtual Status DeleteThingGroup(std::string_view name) = 0;
  virtual Status AddThingToGroup(std::string_view group, std::string_view thing) = 0;
  virtual Status RemoveThingFromGroup(std::string_view group, std::string_view thing) = 0;

  // Insert stores the document too; Update leaves it alone (it never changes).
  virtual Status InsertJob(const jobs::Job& job) = 0;
  virtual Status UpdateJob(const jobs::Job& job) = 0;
  virtual Status DeleteJob(std::string_view job_id) = 0;

  virtual Status InsertExecution(const jobs::JobExecution& execution) = 0;
  virtual Status UpdateExecution(const jobs::JobExecution& execution) = 0;
  virtual Status DeleteExecution(std::string_view job_id, std::string_view thing_name,
                                 int64_t execution_number) = 0;
  // Deletes up to `limit` executions of a job; returns how many went.
  virtual Result<int64_t> DeleteExecutionsOfJob(std::string_view job_id, int64_t limit) = 0;

  // Appends a message to publish once this transaction committed (the transactional outbox).
  virtual Status AppendOutbox(std::string_view topic, std::string_view payload,
                              EpochMillis now) = 0;
  // Removes published messages (any account): every seq in `seqs`.
  virtual Status DeleteOutbox(const std::vector<int64_t>& seqs) = 0;

  // Leases on background work (the timer sweeps, the outbox relay, the MQTT request topics),
  // so that of several iotjobsd instances on one database only one does each at a time
  // (docs/architecture.md, "Several instances"). Not scoped to an account.
  // Takes `name` for `holder` until `until` when nobody holds it, its lease ran out at or
  // before `now`, or `holder` holds it already (a renewal); returns whether `holder` holds it.
  virtual Result<bool> AcquireLease(std::string_view name, std::string_view holder,
                                    EpochMillis now, EpochMillis until) = 0;
  // Gives `name` up if `holder` holds it, so another instance can take it at once.
  virtual Status ReleaseLease(std::string_view name, std::string_view holder) = 0;
};

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
