#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "jobs/arn.h"
#include "jobs/event_configurations.h"
#include "store/forwarding_transaction.h"

namespace iotjobs::s3 {
class ObjectStore;
}

namespace iotjobs::service {

struct NotificationOptions {
  bool enabled = false;  // --mqtt: write job notifications to the outbox
  // Whether an account that never called UpdateEventConfigurations has the JOB and
  // JOB_EXECUTION events ($aws/events/job/..., $aws/events/jobExecution/...) on
  // (--mqtt-events; docs/aws-behaviour.md, D43).
  bool job_events_by_default = false;
  std::string region;
  // Presigns the URLs of the documents notify-next carries (OperationContext::object_store).
  const s3::ObjectStore* object_store = nullptr;
};

// A WriteTransaction that watches the execution writes going through it and, at Flush(),
// writes the MQTT notifications they cause to the outbox in the same transaction
// (docs/aws-behaviour.md, "Notifications"): for every thing whose pending executions
// changed, `notify` when the listed set changed and `notify-next` when the head of the queue
// changed — per namespace, on the namespace's topics — plus the job and execution events
// when the account's event configuration has them on. That configuration is read through the
// same transaction, once per operation and only when the operation causes an event, so an
// UpdateEventConfigurations committed before the operation decides its events and one
// committed after it does not: no event of a change made after JOB was switched off leaks
// out (docs/aws-behaviour.md, D44).
// Everything else is passed through unchanged (ForwardingTransaction). One per write
// operation; not thread-safe.
class NotifyingTransaction final : public store::ForwardingTransaction {
 public:
  NotifyingTransaction(store::WriteTransaction& inner, const NotificationOptions& options)
      : ForwardingTransaction(inner), options_(options) {}

  // Appends the notifications to the outbox. Call once, after the operation succeeded.
  // Returns whether any message was written.
  Result<bool> Flush(EpochMillis now);

  // Intercepted: the writes that change a thing's pending executions or a job's status.
  Status InsertExecution(const jobs::JobExecution& e) override;
  Status UpdateExecution(const jobs::JobExecution& e) override;
  Status DeleteExecution(std::string_view job_id, std::string_view thing_name,
                         int64_t execution_number) override;
  Result<int64_t> DeleteExecutionsOfJob(std::string_view job_id, int64_t limit) override;
  Status UpdateJob(const jobs::Job& job) override;
  Status DeleteJob(std::string_view job_id) override;

 private:
  // Snapshots a thing's pending executions before its first change in this operation.
  Status Watch(std::string_view thing, std::string_view job_id);
  // Whether the account has events of `type` on (read once per operation).
  Result<bool> EventsOn(jobs::EventType type);

  const NotificationOptions& options_;
  // Pending executions of each watched thing as they were before the operation.
  std::map<std::string, std::vector<jobs::ExecutionSummary>, std::less<>> before_;
  // Jobs whose executions on the thing changed (for the per-job namespace topic).
  std::map<std::string, std::set<std::string>, std::less<>> changed_jobs_;
  std::vector<std::pair<std::string, std::string>> events_;  // topic, payload
  std::optional<jobs::EventConfigurations> event_configurations_;  // read on first use
};

}  // namespace iotjobs::service
