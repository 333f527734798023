#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jobs/arn.h"
#include "store/store.h"

namespace iotjobs::service {

struct NotificationOptions {
  bool enabled = false;  // --mqtt: write job notifications to the outbox
  bool events = false;   // also $aws/events/job/... and $aws/events/jobExecution/...
  std::string region;
};

// A WriteTransaction that watches the execution writes going through it and, at Flush(),
// writes the MQTT notifications they cause to the outbox in the same transaction
// (docs/aws-behaviour.md, "Notifications"): for every thing whose pending executions
// changed, `notify` when the listed set changed and `notify-next` when the head of the queue
// changed — per namespace, on the namespace's topics — plus the job and execution events
// when they are switched on.
// Everything else is passed through unchanged. One per write operation; not thread-safe.
class NotifyingTransaction final : public store::WriteTransaction {
 public:
  NotifyingTransaction(store::WriteTransaction& inner, const NotificationOptions& options)
      : inner_(inner), options_(options) {}

  // Appends the notifications to the outbox. Call once, after the operation succeeded.
  // Returns whether any message was written.
  Result<bool> Flush(EpochMillis now);

  const std::string& account_id() const override { return inner_.account_id(); }

  // Intercepted.
  Status InsertExecution(const jobs::JobExecution& e) override;
  Status UpdateExecution(const jobs::JobExecution& e) override;
  Status DeleteExecution(std::string_view job_id, std::string_view thing_name,
                         int64_t execution_number) override;
  Result<int64_t> DeleteExecutionsOfJob(std::string_view job_id, int64_t limit) override;
  Status UpdateJob(const jobs::Job& job) override;
  Status DeleteJob(std::string_view job_id) override;

  // Passed through.
  Result<std::optional<jobs::Thing>> GetThing(std::string_view n) override { return inner_.GetThing(n); }
  Result<store::Page<jobs::Thing>> ListThings(const store::ThingFilter& f,
                                              const store::PageRequest& p) override {
    return inner_.ListThings(f, p);
  }
  Result<std::optional<jobs::ThingGroup>> GetThingGroup(std::string_view n) override {
    return inner_.GetThingGroup(n);
  }
  Result<std::optional<jobs::ThingGroup>> GetThingGroupById(std::string_view id) override {
    return inner_.GetThingGroupById(id);
  }
  Result<store::Page<jobs::ThingGroup>> ListThingGroups(const store::ThingGroupFilter& f,
                                                        const store::PageRequest& p) override {
    return inner_.ListThingGroups(f, p);
  }
  Result<std::vector<std::string>> ListChildGroupNames(std::string_view p) override {
    return inner_.ListChildGroupNames(p);
  }
  Result<bool> IsThingInGroup(std::string_view g, std::string_view t) override {
    return inner_.IsThingInGroup(g, t);
  }
  Result<store::Page<std::string>> ListThingsInGroup(std::string_view g,
                                                     const store::PageRequest& p) override {
    return inner_.ListThingsInGroup(g, p);
  }
  Result<store::Page<std::string>> ListGroupsOfThing(std::string_view t,
                                                     const store::PageRequest& p) override {
    return inner_.ListGroupsOfThing(t, p);
  }
  Result<std::optional<jobs::Job>> GetJob(std::string_view id) override { return inner_.GetJob(id); }
  Result<std::optional<std::string>> GetJobDocument(std::string_view id) override {
    return inner_.GetJobDocument(id);
  }
  Result<store::Page<jobs::Job>> ListJobs(const store::JobFilter& f,
                                          const store::PageRequest& p) override {
    return inner_.ListJobs(f, p);
  }
  Result<std::vector<std::string>> ListJobsTargetingGroups(
      const std::vector<std::string>& groups) override {
    return inner_.ListJobsTargetingGroups(groups);
  }
  Result<std::optional<jobs::JobExecution>> GetExecution(std::string_view j, std::string_view t,
                                                         std::optional<int64_t> n) override {
    return inner_.GetExecution(j, t, n);
  }
  Result<store::Page<jobs::JobExecution>> ListExecutionsForJob(
      std::string_view j, std::optional<jobs::ExecutionStatus> s,
      const store::PageRequest& p) override {
    return inner_.ListExecutionsForJob(j, s, p);
  }
  Result<store::Page<jobs::ExecutionSummary>> ListExecutionsForThing(
      std::string_view t, const store::ExecutionFilter& f, const store::PageRequest& p) override {
    return inner_.ListExecutionsForThing(t, f, p);
  }
  Result<std::vector<jobs::ExecutionSummary>> ListPendingExecutionsForThing(std::string_view t,
                                                                        int limit) override {
    return inner_.ListPendingExecutionsForThing(t, limit);
  }
  Result<std::vector<store::DueTimer>> ListDueTimers(EpochMillis now, int limit) override {
    return inner_.ListDueTimers(now, limit);
  }
  Result<std::vector<store::DueJob>> ListDueJobs(EpochMillis now, int limit) override {
    return inner_.ListDueJobs(now, limit);
  }
  Result<std::vector<store::OutboxMessage>> ListOutbox(int64_t after, int limit) override {
    return inner_.ListOutbox(after, limit);
  }
  Status InsertThing(const jobs::Thing& t) override { return inner_.InsertThing(t); }
  Status UpdateThing(const jobs::Thing& t) override { return inner_.UpdateThing(t); }
  Status DeleteThing(std::string_view n) override { return inner_.DeleteThing(n); }
  Status InsertThingGroup(const jobs::ThingGroup& g) override { return inner_.InsertThingGroup(g); }
  Status UpdateThingGroup(const jobs::ThingGroup& g) override { return inner_.UpdateThingGroup(g); }
  Status DeleteThingGroup(std::string_view n) override { return inner_.DeleteThingGroup(n); }
  Status AddThingToGroup(std::string_view g, std::string_view t) override {
    return inner_.AddThingToGroup(g, t);
  }
  Status RemoveThingFromGroup(std::string_view g, std::string_view t) override {
    return inner_.RemoveThingFromGroup(g, t);
  }
  Status InsertJob(const jobs::Job& job) override { return inner_.InsertJob(job); }
  Status AppendOutbox(std::string_view topic, std::string_view payload, EpochMillis now) override {
    return inner_.AppendOutbox(topic, payload, now);
  }
  Status DeleteOutbox(const std::vector<int64_t>& seqs) override { return inner_.DeleteOutbox(seqs); }
  Result<bool> AcquireLease(std::string_view name, std::string_view holder, EpochMillis now,
                            EpochMillis until) override {
    return inner_.AcquireLease(name, holder, now, until);
  }
  Status ReleaseLease(std::string_view name, std::string_view holder) override {
    return inner_.ReleaseLease(name, holder);
  }

 private:
  // Snapshots a thing's pending executions before its first change in this operation.
  Status Watch(std::string_view thing, std::string_view job_id);

  store::WriteTransaction& inner_;
  const NotificationOptions& options_;
  // Pending executions of each watched thing as they were before the operation.
  std::map<std::string, std::vector<jobs::ExecutionSummary>, std::less<>> before_;
  // Jobs whose executions on the thing changed (for the per-job namespace topic).
  std::map<std::string, std::set<std::string>, std::less<>> changed_jobs_;
  std::vector<std::pair<std::string, std::string>> events_;  // topic, payload
};

}  // namespace iotjobs::service
