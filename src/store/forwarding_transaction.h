#pragma once

#include <string>

#include "store/store.h"

namespace iotjobs::store {

// A WriteTransaction that passes every call to another one: the base of a decorator, which
// overrides only the calls it concerns. Grouped by entity, as the interfaces are.
class ForwardingTransaction : public WriteTransaction {
 public:
  explicit ForwardingTransaction(WriteTransaction& inner) : inner_(inner) {}

  const std::string& account_id() const override { return inner_.account_id(); }

  // Things.
  Result<std::optional<jobs::Thing>> GetThing(std::string_view name) override {
    return inner_.GetThing(name);
  }
  Status PrefetchThing(std::string_view name) override { return inner_.PrefetchThing(name); }
  Result<Page<jobs::Thing>> ListThings(const ThingFilter& f, const PageRequest& p) override {
    return inner_.ListThings(f, p);
  }
  Status InsertThing(const jobs::Thing& t) override { return inner_.InsertThing(t); }
  Status UpdateThing(const jobs::Thing& t) override { return inner_.UpdateThing(t); }
  Status DeleteThing(std::string_view name) override { return inner_.DeleteThing(name); }
  Result<std::optional<std::string>> FindThingOfType(std::string_view type) override {
    return inner_.FindThingOfType(type);
  }

  // Fleet indexing.
  Result<jobs::IndexingConfiguration> GetIndexingConfiguration() override {
    return inner_.GetIndexingConfiguration();
  }
  Result<Page<jobs::Thing>> SearchThings(const jobs::FleetQuery& q, const PageRequest& p) override {
    return inner_.SearchThings(q, p);
  }
  Status PutIndexingConfiguration(const jobs::IndexingConfiguration& c) override {
    return inner_.PutIndexingConfiguration(c);
  }

  // Thing types.
  Result<std::optional<jobs::ThingType>> GetThingType(std::string_view name) override {
    return inner_.GetThingType(name);
  }
  Result<Page<jobs::ThingType>> ListThingTypes(const std::optional<std::string>& prefix,
                                               const PageRequest& p) override {
    return inner_.ListThingTypes(prefix, p);
  }
  Status InsertThingType(const jobs::ThingType& t) override { return inner_.InsertThingType(t); }
  Status UpdateThingType(const jobs::ThingType& t) override { return inner_.UpdateThingType(t); }
  Status DeleteThingType(std::string_view name) override { return inner_.DeleteThingType(name); }

  // Thing groups.
  Result<std::optional<jobs::ThingGroup>> GetThingGroup(std::string_view name) override {
    return inner_.GetThingGroup(name);
  }
  Result<std::optional<jobs::ThingGroup>> GetThingGroupById(std::string_view id) override {
    return inner_.GetThingGroupById(id);
  }
  Result<Page<jobs::ThingGroup>> ListThingGroups(const ThingGroupFilter& f,
                                                 const PageRequest& p) override {
    return inner_.ListThingGroups(f, p);
  }
  Result<std::vector<std::string>> ListChildGroupNames(std::string_view parent) override {
    return inner_.ListChildGroupNames(parent);
  }
  Result<bool> IsThingInGroup(std::string_view g, std::string_view t) override {
    return inner_.IsThingInGroup(g, t);
  }
  Result<Page<std::string>> ListThingsInGroup(std::string_view g, const PageRequest& p) override {
    return inner_.ListThingsInGroup(g, p);
  }
  Result<Page<std::string>> ListGroupsOfThing(std::string_view t, const PageRequest& p) override {
    return inner_.ListGroupsOfThing(t, p);
  }
  Result<std::vector<jobs::ThingGroup>> ListDynamicGroups() override {
    return inner_.ListDynamicGroups();
  }
  Result<std::vector<DueFill>> ListFillingGroups(int limit) override {
    return inner_.ListFillingGroups(limit);
  }
  Result<FillBatch> NextFillBatch(const jobs::FleetQuery& q, std::string_view g,
                                  std::string_view after, int window, int max_groups) override {
    return inner_.NextFillBatch(q, g, after, window, max_groups);
  }
  Status InsertThingGroup(const jobs::ThingGroup& g) override { return inner_.InsertThingGroup(g); }
  Status UpdateThingGroup(const jobs::ThingGroup& g) override { return inner_.UpdateThingGroup(g); }
  Status DeleteThingGroup(std::string_view name) override { return inner_.DeleteThingGroup(name); }
  Status AddThingToGroup(std::string_view g, std::string_view t) override {
    return inner_.AddThingToGroup(g, t);
  }
  Status RemoveThingFromGroup(std::string_view g, std::string_view t) override {
    return inner_.RemoveThingFromGroup(g, t);
  }

  // Jobs.
  Result<std::optional<jobs::Job>> GetJob(std::string_view id) override {
    return inner_.GetJob(id);
  }
  Result<std::optional<jobs::Job>> GetJobWithoutCounts(std::string_view id) override {
    return inner_.GetJobWithoutCounts(id);
  }
  JobDecisions job_decisions() const override { return inner_.job_decisions(); }
  Status PrefetchJob(std::string_view id) override { return inner_.PrefetchJob(id); }
  Result<std::optional<JobDocument>> GetJobDocument(std::string_view id) override {
    return inner_.GetJobDocument(id);
  }
  Result<Page<jobs::Job>> ListJobs(const JobFilter& f, const PageRequest& p) override {
    return inner_.ListJobs(f, p);
  }
  Result<std::vector<std::string>> ListJobsTargetingGroups(
      const std::vector<std::string>& groups) override {
    return inner_.ListJobsTargetingGroups(groups);
  }
  Result<std::vector<DueJob>> ListDueJobs(EpochMillis now, int limit) override {
    return inner_.ListDueJobs(now, limit);
  }
  Result<std::vector<JobCountChange>> ListJobCountChanges(const std::map<int64_t, int64_t>& after,
                                                          int limit) override {
    return inner_.ListJobCountChanges(after, limit);
  }
  Status InsertJob(const jobs::Job& job) override { return inner_.InsertJob(job); }
  Status UpdateJob(const jobs::Job& job) override { return inner_.UpdateJob(job); }
  Status AddJobCounts(std::string_view id, const jobs::JobProcessDetails& delta) override {
    return inner_.AddJobCounts(id, delta);
  }
  Status DeleteJob(std::string_view id) override { return inner_.DeleteJob(id); }

  // Job templates.
  Result<std::optional<jobs::JobTemplate>> GetJobTemplate(std::string_view id) override {
    return inner_.GetJobTemplate(id);
  }
  Result<Page<jobs::JobTemplate>> ListJobTemplates(const PageRequest& p) override {
    return inner_.ListJobTemplates(p);
  }
  Status InsertJobTemplate(const jobs::JobTemplate& t) override {
    return inner_.InsertJobTemplate(t);
  }
  Status DeleteJobTemplate(std::string_view id) override { return inner_.DeleteJobTemplate(id); }

  // Executions.
  Result<std::optional<jobs::JobExecution>> GetExecution(std::string_view j, std::string_view t,
                                                         std::optional<int64_t> n) override {
    return inner_.GetExecution(j, t, n);
  }
  Result<Page<jobs::JobExecution>> ListExecutionsForJob(std::string_view j,
                                                        std::optional<jobs::ExecutionStatus> s,
                                                        const PageRequest& p) override {
    return inner_.ListExecutionsForJob(j, s, p);
  }
  Result<Page<jobs::ExecutionSummary>> ListExecutionsForThing(std::string_view t,
                                                              const ExecutionFilter& f,
                                                              const PageRequest& p) override {
    return inner_.ListExecutionsForThing(t, f, p);
  }
  Result<std::vector<jobs::ExecutionSummary>> ListPendingExecutionsForThing(std::string_view t,
                                                                        int limit) override {
    return inner_.ListPendingExecutionsForThing(t, limit);
  }
  Result<std::vector<DueTimer>> ListDueTimers(EpochMillis now, int limit) override {
    return inner_.ListDueTimers(now, limit);
  }
  Status InsertExecution(const jobs::JobExecution& e) override { return inner_.InsertExecution(e); }
  Status UpdateExecution(const jobs::JobExecution& e) override { return inner_.UpdateExecution(e); }
  Status DeleteExecution(std::string_view j, std::string_view t, int64_t n) override {
    return inner_.DeleteExecution(j, t, n);
  }
  Result<int64_t> DeleteExecutionsOfJob(std::string_view j, int64_t limit) override {
    return inner_.DeleteExecutionsOfJob(j, limit);
  }

  // Event configurations.
  Result<std::optional<jobs::EventConfigurations>> GetEventConfigurations() override {
    return inner_.GetEventConfigurations();
  }
  Status PutEventConfigurations(const jobs::EventConfigurations& c) override {
    return inner_.PutEventConfigurations(c);
  }

  // Resource tags.
  Result<Page<jobs::Tag>> ListTags(jobs::ResourceKind k, std::string_view name,
                                   const PageRequest& p) override {
    return inner_.ListTags(k, name, p);
  }
  Status PutTags(jobs::ResourceKind k, std::string_view name,
                 const std::vector<jobs::Tag>& tags) override {
    return inner_.PutTags(k, name, tags);
  }
  Status DeleteTags(jobs::ResourceKind k, std::string_view name,
                    const std::vector<std::string>& keys) override {
    return inner_.DeleteTags(k, name, keys);
  }

  // The outbox.
  Result<std::vector<OutboxMessage>> ListOutbox(int64_t after, int limit) override {
    return inner_.ListOutbox(after, limit);
  }
  Status AppendOutbox(std::string_view topic, std::string_view payload, EpochMillis now) override {
    return inner_.AppendOutbox(topic, payload, now);
  }
  Status DeleteOutbox(const std::vector<int64_t>& seqs) override {
    return inner_.DeleteOutbox(seqs);
  }

  // Metrics.
  Result<StoreStats> ReadStats() override { return inner_.ReadStats(); }

  // Leases.
  Result<bool> AcquireLease(std::string_view name, std::string_view holder, EpochMillis now,
                            EpochMillis until) override {
    return inner_.AcquireLease(name, holder, now, until);
  }
  Status ReleaseLease(std::string_view name, std::string_view holder) override {
    return inner_.ReleaseLease(name, holder);
  }

  // Server keys.
  Result<std::string> KeepServerKey(std::string_view name, std::string_view candidate) override {
    return inner_.KeepServerKey(name, candidate);
  }

  // Reset.
  Status DeleteEveryAccountsData() override { return inner_.DeleteEveryAccountsData(); }

 protected:
  WriteTransaction& inner() { return inner_; }

 private:
  WriteTransaction& inner_;
};

}  // namespace iotjobs::store
