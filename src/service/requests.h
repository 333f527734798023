#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "jobs/event_configurations.h"
#include "jobs/job.h"
#include "jobs/job_execution.h"
#include "jobs/job_template.h"
#include "jobs/thing.h"
#include "jobs/indexing_configuration.h"
#include "jobs/thing_type.h"
#include "store/store.h"

// Inputs and outputs of the service operations, one struct per AWS operation, members named
// after the model's (mechanically converted). The API layer fills them from validated wire
// input; MQTT will fill the device ones from its payloads.
namespace iotjobs::service {

// Who calls: the account the request is authenticated into.
struct CallContext {
  std::string account_id;
};

struct AttributePayload {
  std::map<std::string, std::string> attributes;
  bool merge = false;
};

struct PageInput {
  std::optional<std::string> next_token;  // the wire's opaque token
  std::optional<int> max_results;
};

// ---- things ----
struct CreateThingRequest {
  std::string thing_name;
  std::optional<std::string> thing_type_name;
  std::optional<AttributePayload> attribute_payload;
  std::optional<std::string> billing_group_name;
};
struct UpdateThingRequest {
  std::string thing_name;
  std::optional<std::string> thing_type_name;
  std::optional<AttributePayload> attribute_payload;
  std::optional<int64_t> expected_version;
  bool remove_thing_type = false;
};
struct DeleteThingRequest {
  std::string thing_name;
  std::optional<int64_t> expected_version;
};
struct ListThingsRequest {
  PageInput page;
  store::ThingFilter filter;
};
template <typename T>
struct ListResult {
  std::vector<T> items;
  std::optional<std::string> next_token;
};

// ---- thing groups ----
struct CreateThingGroupRequest {
  std::string thing_group_name;
  std::optional<std::string> parent_group_name;
  std::optional<std::string> description;
  std::optional<AttributePayload> attribute_payload;
  std::vector<jobs::Tag> tags;
};
// A group with what DescribeThingGroup shows beside the row: its ancestors, root first.
struct ThingGroupView {
  jobs::ThingGroup group;
  std::vector<std::string> root_to_parent;
};
struct UpdateThingGroupRequest {
  std::string thing_group_name;
  std::optional<std::string> description;
  std::optional<AttributePayload> attribute_payload;
  std::optional<int64_t> expected_version;
};
struct DeleteThingGroupRequest {
  std::string thing_group_name;
  std::optional<int64_t> expected_version;
};
// ---- dynamic thing groups ----
struct CreateDynamicThingGroupRequest {
  std::string thing_group_name;
  std::optional<std::string> description;
  std::optional<AttributePayload> attribute_payload;
  std::optional<std::string> index_name;
  std::string query_string;
  std::optional<std::string> query_version;
  std::vector<jobs::Tag> tags;
};
struct UpdateDynamicThingGroupRequest {
  std::string thing_group_name;
  std::optional<std::string> description;
  std::optional<AttributePayload> attribute_payload;
  std::optional<int64_t> expected_version;
  std::optional<std::string> index_name;
  std::optional<std::string> query_string;
  std::optional<std::string> query_version;
};
struct ListThingGroupsRequest {
  PageInput page;
  std::optional<std::string> parent_group;
  std::optional<std::string> name_prefix_filter;
  bool recursive = false;
};
// AddThingToThingGroup / RemoveThingFromThingGroup: each side by name or by ARN.
struct ThingGroupMembershipRequest {
  std::optional<std::string> thing_group_name;
  std::optional<std::string> thing_group_arn;
  std::optional<std::string> thing_name;
  std::optional<std::string> thing_arn;
  bool override_dynamic_groups = false;  // AddThingToThingGroup only
};
struct ListThingsInThingGroupRequest {
  std::string thing_group_name;
  bool recursive = false;
  PageInput page;
};
struct ListThingGroupsForThingRequest {
  std::string thing_name;
  PageInput page;
};

// ---- thing types ----
// ThingTypeProperties as a request gives them: each member absent or given.
struct ThingTypePropertiesInput {
  std::optional<std::string> thing_type_description;
  std::optional<std::vector<std::string>> searchable_attributes;
  // How many mqtt5Configuration.propagatingAttributes the request gave: iotjobsd keeps none
  // (docs/aws-behaviour.md, D54).
  size_t propagating_attributes = 0;
};
struct CreateThingTypeRequest {
  std::string thing_type_name;
  ThingTypePropertiesInput properties;
  std::vector<jobs::Tag> tags;  // refused when there are any (D54)
};
struct ListThingTypesRequest {
  PageInput page;
  std::optional<std::string> thing_type_name;  // a name prefix (D53)
};
struct UpdateThingTypeRequest {
  std::string thing_type_name;
  std::optional<ThingTypePropertiesInput> properties;
};
struct DeprecateThingTypeRequest {
  std::string thing_type_name;
  bool undo_deprecate = false;
};

// ---- fleet indexing ----
struct UpdateIndexingConfigurationRequest {
  std::optional<jobs::ThingIndexingRequest> things;
  std::optional<jobs::ThingGroupIndexingRequest> groups;
};
struct IndexDescription {
  std::string index_name;
  std::string index_status;  // ACTIVE: the registry's tables are the index
  std::string schema;        // REGISTRY
};
struct SearchIndexRequest {
  std::optional<std::string> index_name;  // AWS_Things when absent
  std::string query_string;
  std::optional<std::string> query_version;
  PageInput page;
};
// A ThingDocument: the thing and the names of the groups it is in.
struct ThingDocument {
  jobs::Thing thing;
  std::vector<std::string> thing_group_names;
};

// ---- jobs ----
struct CreateJobRequest {
  jobs::Job job;  // job_id, targets, document, description, configurations, ...
  std::optional<std::string> document_source;
  std::optional<std::string> job_template_arn;
  std::vector<jobs::Tag> tags;
};
struct JobView {
  jobs::Job job;
};
struct ListJobsRequest {
  PageInput page;
  std::optional<jobs::JobStatus> status;
  std::optional<jobs::TargetSelection> target_selection;
  std::optional<std::string> thing_group_name;
  std::optional<std::string> thing_group_id;
  std::optional<std::string> namespace_id;
};
struct UpdateJobRequest {
  std::string job_id;
  std::optional<std::string> namespace_id;
  std::optional<std::string> description;
  std::optional<jobs::PresignedUrlConfig> presigned_url_config;
  std::optional<jobs::JobExecutionsRolloutConfig> rollout_config;
  std::optional<jobs::AbortConfig> abort_config;
  std::optional<jobs::TimeoutConfig> timeout_config;
  std::optional<jobs::JobExecutionsRetryConfig> retry_config;
};
struct CancelJobRequest {
  std::string job_id;
  std::optional<std::string> reason_code;
  std::optional<std::string> comment;
  bool force = false;
};
struct DeleteJobRequest {
  std::string job_id;
  bool force = false;
  std::optional<std::string> namespace_id;
};
struct GetJobDocumentRequest {
  std::string job_id;
  // The document as written, its placeholders kept (jobs made from AWS managed templates).
  bool before_substitution = false;
};
struct AssociateTargetsWithJobRequest {
  std::string job_id;
  std::vector<std::string> targets;
  std::optional<std::string> comment;
  std::optional<std::string> namespace_id;
};

// ---- job templates ----
struct CreateJobTemplateRequest {
  jobs::JobTemplate job_template;  // id, description, configurations; not the document
  std::optional<std::string> document;
  std::optional<std::string> document_source;
  std::optional<std::string> job_arn;  // a job whose document and configurations to copy
  std::vector<jobs::Tag> tags;
};
struct ListJobTemplatesRequest {
  PageInput page;
};
// AWS managed templates (managed_job_templates.h).
struct ListManagedJobTemplatesRequest {
  std::optional<std::string> template_name;  // only that template's versions
  PageInput page;
};
// DescribeJob's answer: the job, and when its maintenance windows open next
// (scheduledJobRollouts, computed at the time of the read).
struct JobDescription {
  jobs::Job job;
  std::vector<EpochMillis> scheduled_rollouts;
};

struct DescribeManagedJobTemplateRequest {
  std::string template_name;
  std::optional<std::string> template_version;  // absent: the latest
};

// ---- tags ----
struct TagResourceRequest {
  std::string resource_arn;
  std::vector<jobs::Tag> tags;
};
struct UntagResourceRequest {
  std::string resource_arn;
  std::vector<std::string> tag_keys;
};
struct ListTagsForResourceRequest {
  std::string resource_arn;
  PageInput page;  // ListTagsForResource has no maxResults: the page size is the service's
};

// ---- executions (control plane) ----
struct DescribeJobExecutionRequest {
  std::string job_id;
  std::string thing_name;
  std::optional<int64_t> execution_number;
};
struct ListJobExecutionsForJobRequest {
  std::string job_id;
  std::optional<jobs::ExecutionStatus> status;
  PageInput page;
};
struct ListJobExecutionsForThingRequest {
  std::string thing_name;
  std::optional<jobs::ExecutionStatus> status;
  std::optional<std::string> namespace_id;
  std::optional<std::string> job_id;
  PageInput page;
};
struct CancelJobExecutionRequest {
  std::string job_id;
  std::string thing_name;
  bool force = false;
  std::optional<int64_t> expected_version;
  std::optional<std::map<std::string, std::string>> status_details;
};
struct DeleteJobExecutionRequest {
  std::string job_id;
  std::string thing_name;
  int64_t execution_number = 0;
  bool force = false;
  std::optional<std::string> namespace_id;
};

// ---- executions, device plane ----
// Which jobs a device request may see. Over MQTT, topics without a namespace reach only jobs
// without one, and namespace-NS topics only jobs of namespace NS; the HTTP device plane has
// no namespace and sees every job (docs/aws-behaviour.md, "Namespaces").
struct NamespaceScope {
  std::optional<std::string> namespace_id;
  bool Admits(const std::optional<std::string>& job_namespace) const {
    return job_namespace == namespace_id;
  }
};
// An execution as the device plane shows it, with its job's document when asked for.
struct DeviceExecution {
  jobs::JobExecution execution;
  std::optional<std::string> job_document;
};
struct GetPendingJobExecutionsRequest {
  std::string thing_name;
  std::optional<NamespaceScope> scope;
};
struct PendingExecutions {
  std::vector<jobs::ExecutionSummary> in_progress;
  std::vector<jobs::ExecutionSummary> queued;
};
struct StartNextPendingJobExecutionRequest {
  std::string thing_name;
  std::optional<NamespaceScope> scope;
  std::optional<std::map<std::string, std::string>> status_details;
  std::optional<int64_t> step_timeout_in_minutes;
};
struct DeviceDescribeJobExecutionRequest {
  std::string thing_name;
  std::optional<NamespaceScope> scope;
  std::string job_id;  // or "$next"
  std::optional<int64_t> execution_number;
  bool include_job_document = true;
};
struct UpdateJobExecutionRequest {
  std::string thing_name;
  std::optional<NamespaceScope> scope;
  std::string job_id;
  jobs::ExecutionStatus status = jobs::ExecutionStatus::kInProgress;
  std::optional<std::map<std::string, std::string>> status_details;
  std::optional<int64_t> step_timeout_in_minutes;
  std::optional<int64_t> expected_version;
  std::optional<int64_t> execution_number;
  bool include_job_execution_state = false;
  bool include_job_document = false;
};
struct UpdateJobExecutionResult {
  jobs::JobExecution execution;
  std::optional<std::string> job_document;
};

// ---- event configurations ----
// What this server can do with events, which the service fills in (not the caller): whether
// it publishes through a broker at all (iotjobsd --mqtt), and whether an account that never
// called UpdateEventConfigurations starts with JOB and JOB_EXECUTION on (--mqtt-events).
struct EventPublishing {
  bool broker = false;
  bool job_events_by_default = false;
};
struct UpdateEventConfigurationsRequest {
  std::map<jobs::EventType, bool> changes;  // the types the request gives an Enabled for
  EventPublishing publishing;
};
struct DescribeEventConfigurationsRequest {
  EventPublishing publishing;
};

struct Empty {};

}  // namespace iotjobs::service
