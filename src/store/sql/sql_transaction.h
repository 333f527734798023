#pragma once

#include <map>
#include <string>
#include <utility>

#include "jobs/job.h"
#include "store/sql/sql_db.h"
#include "store/store.h"

namespace iotjobs::store {

// A writer's own counter row for every job (entities/jobs.h, JobDecisions::kFolded): its
// shard number, registered in job_count_shards, and the number of its latest change. Owned by
// the writer's session, which runs one transaction at a time.
//
// While `summing`, a batch's counter changes are added up per job in memory and each job's
// sum is written as one upsert (SqlTransaction::WriteCountSums): at the batch's COMMIT, and
// before any statement of the batch that reads or deletes counter rows, so that nothing reads
// around them. A rollout's devices report on the same job, so a batch of N changes of one job
// costs PostgreSQL one upsert instead of N (bench/analysis.md, [P1]). A sum is written inside
// the savepoint of the operation that runs then; EndOperation keeps the books straight when
// that savepoint is rolled back.
struct CountShard {
  using Sums = std::map<std::pair<std::string, std::string>, jobs::JobProcessDetails>;

  int64_t shard = 0;
  int64_t last_seq = 0;
  bool summing = false;
  // By (account, job), not yet written: the changes of the batch's operations that ended
  // well, and those of the running operation.
  Sums batch;
  Sums op;
  // Sums of `batch` written while the running operation ran: undone if its savepoint is.
  Sums written_in_op;

  // The running operation ended (`ok`: its savepoint is released). Its sums join the
  // batch's; or it failed and its savepoint was rolled back, taking its own sums with it and
  // the batch's sums written meanwhile, which are owed again.
  void EndOperation(bool ok);
  // Nothing is owed: a batch (or an attempt at it) begins.
  void Clear();
};

// Read/WriteTransaction for both backends, over one connection whose transaction the store
// engine manages (BEGIN, a savepoint per operation, COMMIT; store_engine.h). Each query is
// written once, in SQL both dialects run; the few that differ are side by side in
// dialect_sql.h. Both must give the same rows in the same order: PostgreSQL's text columns
// are COLLATE "C" (migrations/postgres/0001_initial.sql), SQLite's binary order, and where
// SQLite's order followed an index the SQL says it. An optional filter is
// "(CAST($n AS TEXT) IS NULL OR column = $n)": PostgreSQL infers an untyped parameter's type
// from its first use, and "$n IS NULL" alone names none.
//
// A failed statement aborts a PostgreSQL transaction (SQLite's fails alone): the operation
// returns its Status, as store.h asks, and the engine rolls its savepoint back.
//
// Implemented by entity: sql_things.cc, sql_thing_types.cc, sql_fleet_indexing.cc, sql_groups.cc, sql_jobs.cc,
// sql_job_counts.cc, sql_executions.cc, sql_job_templates.cc, sql_event_configurations.cc, sql_tags.cc, sql_outbox.cc,
// sql_stats.cc, sql_leases.cc, sql_reset.cc.
class SqlTransaction final : public WriteTransaction {
 public:
  // Without a `shard` the transaction keeps counters in shard 0 and decides inline (one
  // writer); with one, in that shard, numbering its changes (several writers).
  SqlTransaction(SqlDb db, std::string account_id, CountShard* shard = nullptr)
      : db_(db), account_id_(std::move(account_id)), shard_(shard) {}

  const std::string& account_id() const override { return account_id_; }

  // Things (sql_things.cc).
  Result<std::optional<jobs::Thing>> GetThing(std::string_view thing_name) override;
  Status PrefetchThing(std::string_view thing_name) override;
  Result<Page<jobs::Thing>> ListThings(const ThingFilter& filter,
                                       const PageRequest& page) override;
  Status InsertThing(const jobs::Thing& thing) override;
  Status UpdateThing(const jobs::Thing& thing) override;
  Status DeleteThing(std::string_view thing_name) override;
  Result<std::optional<std::string>> FindThingOfType(std::string_view thing_type_name) override;

  // Fleet indexing (sql_fleet_indexing.cc).
  Result<jobs::IndexingConfiguration> GetIndexingConfiguration() override;
  Result<Page<jobs::Thing>> SearchThings(const jobs::FleetQuery& query,
                                         const PageRequest& page) override;
  Status PutIndexingConfiguration(const jobs::IndexingConfiguration& config) override;

  // Thing types (sql_thing_types.cc).
  Result<std::optional<jobs::ThingType>> GetThingType(std::string_view name) override;
  Result<Page<jobs::ThingType>> ListThingTypes(const std::optional<std::string>& name_prefix,
                                               const PageRequest& page) override;
  Status InsertThingType(const jobs::ThingType& type) override;
  Status UpdateThingType(const jobs::ThingType& type) override;
  Status DeleteThingType(std::string_view name) override;

  // Thing groups and membership (sql_groups.cc).
  Result<std::optional<jobs::ThingGroup>> GetThingGroup(std::string_view name) override;
  Result<std::optional<jobs::ThingGroup>> GetThingGroupById(std::string_view id) override;
  Result<Page<jobs::ThingGroup>> ListThingGroups(const ThingGroupFilter& filter,
                                                 const PageRequest& page) override;
  Result<std::vector<std::string>> ListChildGroupNames(std::string_view parent) override;
  Result<bool> IsThingInGroup(std::string_view group, std::string_view thing) override;
  Result<Page<std::string>> ListThingsInGroup(std::string_view group,
                                              const PageRequest& page) override;
  Result<Page<std::string>> ListGroupsOfThing(std::string_view thing,
                                              const PageRequest& page) override;
  Result<std::vector<jobs::ThingGroup>> ListDynamicGroups() override;
  Result<std::vector<DueFill>> ListFillingGroups(int limit) override;
  Result<FillBatch> NextFillBatch(const jobs::FleetQuery& query, std::string_view group,
                                  std::string_view after, int window, int max_groups) override;
  Status InsertThingGroup(const jobs::ThingGroup& group) override;
  Status UpdateThingGroup(const jobs::ThingGroup& group) override;
  Status DeleteThingGroup(std::string_view name) override;
  Status AddThingToGroup(std::string_view group, std::string_view thing) override;
  Status RemoveThingFromGroup(std::string_view group, std::string_view thing) override;

  // Jobs (sql_jobs.cc).
  Result<std::optional<jobs::Job>> GetJob(std::string_view job_id) override;
  Result<std::optional<JobDocument>> GetJobDocument(std::string_view job_id) override;
  Result<Page<jobs::Job>> ListJobs(const JobFilter& filter, const PageRequest& page) override;
  Result<std::vector<std::string>> ListJobsTargetingGroups(
      const std::vector<std::string>& groups) override;
  Result<std::vector<DueJob>> ListDueJobs(EpochMillis now, int limit) override;
  Status InsertJob(const jobs::Job& job) override;
  Status UpdateJob(const jobs::Job& job) override;
  Status DeleteJob(std::string_view job_id) override;

  // Job counters (sql_job_counts.cc).
  Result<std::optional<jobs::Job>> GetJobWithoutCounts(std::string_view job_id) override;
  Status PrefetchJob(std::string_view job_id) override;
  JobDecisions job_decisions() const override {
    return shard_ ? JobDecisions::kFolded : JobDecisions::kInline;
  }
  Result<std::vector<JobCountChange>> ListJobCountChanges(const std::map<int64_t, int64_t>& after,
                                                          int limit) override;
  Status AddJobCounts(std::string_view job_id, const jobs::JobProcessDetails& delta) override;
  // Writes the sums the shard holds back (CountShard), one upsert per job; queued like any
  // write. The writer calls it before its COMMIT; the statements that read or delete counter
  // rows call it first.
  Status WriteCountSums();

  // Job templates (sql_job_templates.cc).
  Result<std::optional<jobs::JobTemplate>> GetJobTemplate(std::string_view id) override;
  Result<Page<jobs::JobTemplate>> ListJobTemplates(const PageRequest& page) override;
  Status InsertJobTemplate(const jobs::JobTemplate& t) override;
  Status DeleteJobTemplate(std::string_view id) override;

  // Executions (sql_executions.cc).
  Result<std::optional<jobs::JobExecution>> GetExecution(
      std::string_view job_id, std::string_view thing_name,
      std::optional<int64_t> execution_number) override;
  Result<Page<jobs::JobExecution>> ListExecutionsForJob(
      std::string_view job_id, std::optional<jobs::ExecutionStatus> status,
      const PageRequest& page) override;
  Result<Page<jobs::ExecutionSummary>> ListExecutionsForThing(
      std::string_view thing_name, const ExecutionFilter& filter,
      const PageRequest& page) override;
  Result<std::vector<jobs::ExecutionSummary>> ListPendingExecutionsForThing(
      std::string_view thing_name, int limit) override;
  Result<std::vector<DueTimer>> ListDueTimers(EpochMillis now, int limit) override;
  Status InsertExecution(const jobs::JobExecution& execution) override;
  Status UpdateExecution(const jobs::JobExecution& execution) override;
  Status DeleteExecution(std::string_view job_id, std::string_view thing_name,
                         int64_t execution_number) override;
  Result<int64_t> DeleteExecutionsOfJob(std::string_view job_id, int64_t limit) override;

  // Event configurations (sql_event_configurations.cc).
  Result<std::optional<jobs::EventConfigurations>> GetEventConfigurations() override;
  Status PutEventConfigurations(const jobs::EventConfigurations& c) override;

  // Resource tags (sql_tags.cc).
  Result<Page<jobs::Tag>> ListTags(jobs::ResourceKind kind, std::string_view name,
                                   const PageRequest& page) override;
  Status PutTags(jobs::ResourceKind kind, std::string_view name,
                 const std::vector<jobs::Tag>& tags) override;
  Status DeleteTags(jobs::ResourceKind kind, std::string_view name,
                    const std::vector<std::string>& keys) override;

  // The outbox (sql_outbox.cc).
  Result<std::vector<OutboxMessage>> ListOutbox(int64_t after, int limit) override;
  Status AppendOutbox(std::string_view topic, std::string_view payload, EpochMillis now) override;
  Status DeleteOutbox(const std::vector<int64_t>& seqs) override;

  // Counts for the metrics (sql_stats.cc).
  Result<StoreStats> ReadStats() override;

  // Leases (sql_leases.cc).
  Result<bool> AcquireLease(std::string_view name, std::string_view holder, EpochMillis now,
                            EpochMillis until) override;
  Status ReleaseLease(std::string_view name, std::string_view holder) override;

  // Server keys (sql_server_keys.cc).
  Result<std::string> KeepServerKey(std::string_view name, std::string_view candidate) override;

  // Reset (sql_reset.cc).
  Status DeleteEveryAccountsData() override;

 private:
  Status InsertMissingGroupTargets(const jobs::Job& job);
  // Adds every writer's counter rows to the counters of `jobs` read from their rows (the
  // jobs of one page: ids in order).
  Status AddCounterRows(std::vector<jobs::Job>& jobs);
  // The job's row as stored: its n_* columns are what was counted when the row was written,
  // without the job_counts rows added since (GetJob adds them).
  Result<std::optional<jobs::Job>> JobRow(std::string_view job_id);
  // Every tag of one resource, with the resource (DeleteJob, DeleteJobTemplate,
  // DeleteThingGroup).
  Status DeleteAllTags(jobs::ResourceKind kind, std::string_view name);
  // The thing's rows of thing_attributes, one per attribute (store/sql/thing_attributes_sql.h).
  Status InsertThingAttributes(const jobs::Thing& t);

  // One upsert of `d` into this writer's counter row of the job (shard 0 without a shard).
  Status WriteCounts(std::string_view account_id, std::string_view job_id,
                     const jobs::JobProcessDetails& d);

  SqlDb db_;
  std::string account_id_;
  CountShard* shard_;
};

}  // namespace iotjobs::store
