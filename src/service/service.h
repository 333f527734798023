#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "common/clock.h"
#include "jobs/arn.h"
#include "jobs/managed_templates/managed_job_template.h"
#include "service/count_sweep.h"
#include "service/notifying_transaction.h"
#include "service/requests.h"
#include "service/run.h"
#include "service/transactions/operation.h"
#include "store/store.h"

namespace iotjobs::service {

// The use cases: one method per AWS operation, each one store transaction (load, ask jobs/
// whether it may happen, write, commit). HTTP handlers and, later, MQTT call the same
// methods. Every method is asynchronous: `done` runs once, on a store thread, after the
// transaction committed or failed. Thread-safe; the store and clock outlive the service.
class Service {
 public:
  Service(store::Store& store, const Clock& clock, std::string region)
      : store_(store), clock_(clock), region_(std::move(region)) {
    notifications_.region = region_;
  }

  // Turns on MQTT notifications (and events): every write operation then writes the
  // messages it causes to the outbox in its transaction, and calls `outbox_written` after a
  // commit that wrote some. `job_events_by_default`: accounts that never called
  // UpdateEventConfigurations have the job and execution events on (--mqtt-events). Call
  // before the service takes requests.
  void EnableNotifications(bool job_events_by_default, std::function<void()> outbox_written) {
    notifications_.enabled = true;
    notifications_.job_events_by_default = job_events_by_default;
    outbox_written_ = std::move(outbox_written);
  }
  // Turns on S3 documents (--s3-endpoint): documentSource is read from `store`, and the
  // presigned URL placeholders of documents devices get are signed by it. `store` outlives
  // the service; call before the service takes requests.
  void EnableObjectStore(s3::ObjectStore* store) {
    object_store_ = store;
    notifications_.object_store = store;
  }
  Service(const Service&) = delete;
  Service& operator=(const Service&) = delete;

  const std::string& region() const { return region_; }
  // Whether the store commits writes now (GET /health).
  store::HealthReport StoreHealth() const { return store_.Health(); }
  jobs::ArnContext ArnsFor(const CallContext& ctx) const { return {region_, ctx.account_id}; }

  // ---- registry (things_service.cc, thing_groups_service.cc) ----
  void CreateThing(const CallContext& ctx, CreateThingRequest req, Callback<jobs::Thing> done);
  void DescribeThing(const CallContext& ctx, std::string thing_name, Callback<jobs::Thing> done);
  void ListThings(const CallContext& ctx, ListThingsRequest req,
                  Callback<ListResult<jobs::Thing>> done);
  void UpdateThing(const CallContext& ctx, UpdateThingRequest req, Callback<Empty> done);
  void DeleteThing(const CallContext& ctx, DeleteThingRequest req, Callback<Empty> done);

  void CreateThingGroup(const CallContext& ctx, CreateThingGroupRequest req,
                        Callback<jobs::ThingGroup> done);
  void DescribeThingGroup(const CallContext& ctx, std::string name,
                          Callback<ThingGroupView> done);
  void ListThingGroups(const CallContext& ctx, ListThingGroupsRequest req,
                       Callback<ListResult<std::string>> done);
  void UpdateThingGroup(const CallContext& ctx, UpdateThingGroupRequest req,
                        Callback<int64_t> done);  // the new version
  void DeleteThingGroup(const CallContext& ctx, DeleteThingGroupRequest req,
                        Callback<Empty> done);
  void AddThingToThingGroup(const CallContext& ctx, ThingGroupMembershipRequest req,
                            Callback<Empty> done);
  void RemoveThingFromThingGroup(const CallContext& ctx, ThingGroupMembershipRequest req,
                                 Callback<Empty> done);
  void ListThingsInThingGroup(const CallContext& ctx, ListThingsInThingGroupRequest req,
                              Callback<ListResult<std::string>> done);
  void ListThingGroupsForThing(const CallContext& ctx, ListThingGroupsForThingRequest req,
                               Callback<ListResult<std::string>> done);

  // ---- dynamic thing groups (dynamic_thing_groups_service.cc) ----
  void CreateDynamicThingGroup(const CallContext& ctx, CreateDynamicThingGroupRequest req,
                               Callback<jobs::ThingGroup> done);
  void UpdateDynamicThingGroup(const CallContext& ctx, UpdateDynamicThingGroupRequest req,
                               Callback<int64_t> done);  // the new version
  void DeleteDynamicThingGroup(const CallContext& ctx, DeleteThingGroupRequest req,
                               Callback<Empty> done);

  // ---- thing types (thing_types_service.cc) ----
  void CreateThingType(const CallContext& ctx, CreateThingTypeRequest req,
                       Callback<jobs::ThingType> done);
  void DescribeThingType(const CallContext& ctx, std::string thing_type_name,
                         Callback<jobs::ThingType> done);
  void ListThingTypes(const CallContext& ctx, ListThingTypesRequest req,
                      Callback<ListResult<jobs::ThingType>> done);
  void UpdateThingType(const CallContext& ctx, UpdateThingTypeRequest req, Callback<Empty> done);
  void DeprecateThingType(const CallContext& ctx, DeprecateThingTypeRequest req,
                          Callback<Empty> done);
  void DeleteThingType(const CallContext& ctx, std::string thing_type_name, Callback<Empty> done);

  // ---- fleet indexing (fleet_indexing_service.cc) ----
  void GetIndexingConfiguration(const CallContext& ctx,
                                Callback<jobs::IndexingConfiguration> done);
  void UpdateIndexingConfiguration(const CallContext& ctx,
                                   UpdateIndexingConfigurationRequest req, Callback<Empty> done);
  void DescribeIndex(const CallContext& ctx, std::string index_name,
                     Callback<IndexDescription> done);
  void ListIndices(const CallContext& ctx, PageInput page,
                   Callback<ListResult<std::string>> done);
  void SearchIndex(const CallContext& ctx, SearchIndexRequest req,
                   Callback<ListResult<ThingDocument>> done);

  // ---- jobs (jobs_service.cc) ----
  void CreateJob(const CallContext& ctx, CreateJobRequest req, Callback<jobs::Job> done);
  void DescribeJob(const CallContext& ctx, std::string job_id, Callback<JobDescription> done);
  void ListJobs(const CallContext& ctx, ListJobsRequest req, Callback<ListResult<jobs::Job>> done);
  void UpdateJob(const CallContext& ctx, UpdateJobRequest req, Callback<Empty> done);
  void CancelJob(const CallContext& ctx, CancelJobRequest req, Callback<jobs::Job> done);
  void DeleteJob(const CallContext& ctx, DeleteJobRequest req, Callback<Empty> done);
  void GetJobDocument(const CallContext& ctx, GetJobDocumentRequest req,
                      Callback<std::string> done);
  void AssociateTargetsWithJob(const CallContext& ctx, AssociateTargetsWithJobRequest req,
                               Callback<jobs::Job> done);

  // ---- job templates (job_templates_service.cc) ----
  void CreateJobTemplate(const CallContext& ctx, CreateJobTemplateRequest req,
                         Callback<jobs::JobTemplate> done);
  void DescribeJobTemplate(const CallContext& ctx, std::string job_template_id,
                           Callback<jobs::JobTemplate> done);
  void ListJobTemplates(const CallContext& ctx, ListJobTemplatesRequest req,
                        Callback<ListResult<jobs::JobTemplate>> done);
  void DeleteJobTemplate(const CallContext& ctx, std::string job_template_id,
                         Callback<Empty> done);
  // AWS managed templates: the catalogue compiled in (jobs/managed_templates/), no store.
  // `done` runs at once, on the caller's thread.
  void ListManagedJobTemplates(const CallContext& ctx, ListManagedJobTemplatesRequest req,
                               Callback<ListResult<const jobs::ManagedJobTemplate*>> done);
  void DescribeManagedJobTemplate(const CallContext& ctx, DescribeManagedJobTemplateRequest req,
                                  Callback<const jobs::ManagedJobTemplate*> done);

  // ---- event configurations (event_configurations_service.cc) ----
  void UpdateEventConfigurations(const CallContext& ctx, UpdateEventConfigurationsRequest req,
                                 Callback<Empty> done);
  void DescribeEventConfigurations(const CallContext& ctx,
                                   Callback<jobs::EventConfigurations> done);

  // ---- tags (tags_service.cc) ----
  void TagResource(const CallContext& ctx, TagResourceRequest req, Callback<Empty> done);
  void UntagResource(const CallContext& ctx, UntagResourceRequest req, Callback<Empty> done);
  void ListTagsForResource(const CallContext& ctx, ListTagsForResourceRequest req,
                           Callback<ListResult<jobs::Tag>> done);

  // ---- executions, control plane (executions_service.cc) ----
  void DescribeJobExecution(const CallContext& ctx, DescribeJobExecutionRequest req,
                            Callback<jobs::JobExecution> done);
  void ListJobExecutionsForJob(const CallContext& ctx, ListJobExecutionsForJobRequest req,
                               Callback<ListResult<jobs::JobExecution>> done);
  void ListJobExecutionsForThing(const CallContext& ctx, ListJobExecutionsForThingRequest req,
                                 Callback<ListResult<jobs::ExecutionSummary>> done);
  void CancelJobExecution(const CallContext& ctx, CancelJobExecutionRequest req,
                          Callback<Empty> done);
  void DeleteJobExecution(const CallContext& ctx, DeleteJobExecutionRequest req,
                          Callback<Empty> done);

  // ---- executions, device plane (device_service.cc) ----
  void GetPendingJobExecutions(const CallContext& ctx, std::string thing_name,
                               std::optional<NamespaceScope> scope,
                               Callback<PendingExecutions> done);
  // Absent result: nothing is pending (the device API answers 200 without an execution).
  void StartNextPendingJobExecution(const CallContext& ctx,
                                    StartNextPendingJobExecutionRequest req,
                                    Callback<std::optional<DeviceExecution>> done);
  void DescribeJobExecutionForDevice(const CallContext& ctx,
                                     DeviceDescribeJobExecutionRequest req,
                                     Callback<std::optional<DeviceExecution>> done);
  void UpdateJobExecution(const CallContext& ctx, UpdateJobExecutionRequest req,
                          Callback<UpdateJobExecutionResult> done);

  // ---- background work (timers_service.cc) ----
  // Times out every IN_PROGRESS execution whose timer is due at `now`, in every account;
  // `done` gets how many timed out.
  void TimeOutDueExecutions(EpochMillis now, std::function<void(int)> done);
  // Moves every job whose next action is due at `now` along (scheduled starts and ends,
  // rollouts, deletions), in every account; `done` gets how many jobs were due.
  void ProgressDueJobs(EpochMillis now, std::function<void(int)> done);
  // Runs one batch of each dynamic thing group being filled, in every account
  // (service/dynamic_groups.h); `done` gets how many still have work left.
  void FillDynamicGroups(EpochMillis now, std::function<void(int)> done);
  // Decides on every job whose counters changed without deciding (store::JobDecisions::
  // kFolded) since `after`, each writer's last change looked at; `done` gets whether any
  // job changed or more changes are waiting, and the new `after`.
  using CountWatermarks = service::CountWatermarks;
  void DecideChangedJobs(EpochMillis now, CountWatermarks after,
                         std::function<void(bool, CountWatermarks)> done);

  // ---- test suites (reset_service.cc) ----
  // Deletes the data of every account (iotjobsd --allow-reset).
  void ResetAllData(Callback<Empty> done);

  EpochMillis Now() const { return clock_.NowMillis(); }

 private:
  OperationContext OperationFor(const CallContext& ctx) const {
    return {ArnsFor(ctx), Now(), object_store_};
  }
  // documentSource: reads the document at `url` from the object store on the store's own
  // threads (the request threads never wait for it), then calls `done` there with its text,
  // or with InvalidRequestException naming the URL and why it cannot be read
  // (document_sources.cc). REQUIRES: an object store.
  void ReadDocument(const std::string& url, std::function<void(Result<std::string>)> done);
  EventPublishing Publishing() const {
    return {notifications_.enabled, notifications_.job_events_by_default};
  }

  // Runs the named transaction body `body(tx, req, op)` (transactions/) of a write operation
  // as one store transaction; the request and the time it arrived are fixed here, so a body
  // the store runs again after a conflict sees the same ones.
  template <typename T, typename Request, typename Body>
  void WriteOp(const CallContext& ctx, Body body, Request req, Callback<T> done) {
    Write<T>(ctx.account_id,
             [body, req = std::move(req), op = OperationFor(ctx)](store::WriteTransaction& tx) {
               return body(tx, req, op);
             },
             std::move(done));
  }
  // The same for a read operation.
  template <typename T, typename Request, typename Body>
  void ReadOp(const CallContext& ctx, Body body, Request req, Callback<T> done) {
    RunRead<T>(store_, ctx.account_id,
               [body, req = std::move(req), op = OperationFor(ctx)](store::ReadTransaction& tx) {
                 return body(tx, req, op);
               },
               std::move(done));
  }

  // Runs a write operation (Result<T>(WriteTransaction&)) as one store transaction; with
  // notifications on, through a NotifyingTransaction whose messages join the transaction.
  template <typename T, typename Body>
  void Write(const std::string& account_id, Body body, Callback<T> done) {
    if (!notifications_.enabled) {
      RunWrite<T>(store_, account_id, std::move(body), std::move(done));
      return;
    }
    auto wrote = std::make_shared<bool>(false);
    RunWrite<T>(
        store_, account_id,
        [this, body = std::move(body), wrote](store::WriteTransaction& tx) mutable -> Result<T> {
          NotifyingTransaction notifying(tx, notifications_);
          Result<T> r = body(notifying);
          if (!r.ok()) return r;
          Result<bool> flushed = notifying.Flush(Now());
          if (!flushed.ok()) return flushed.status();
          *wrote = *flushed;
          return r;
        },
        Callback<T>([this, wrote, done = std::move(done)](Result<T> r) {
          if (r.ok() && *wrote && outbox_written_) outbox_written_();
          done(std::move(r));
        }));
  }

  store::Store& store_;
  const Clock& clock_;
  std::string region_;
  NotificationOptions notifications_;
  std::function<void()> outbox_written_;
  s3::ObjectStore* object_store_ = nullptr;
};

}  // namespace iotjobs::service
