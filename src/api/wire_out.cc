#include "api/wire_out.h"

#include <boost/json.hpp>

#include "codec/job_configs_json.h"
#include "codec/job_template_json.h"
#include "codec/json_fields.h"
#include "jobs/managed_templates/catalogue.h"

namespace iotjobs::api {
namespace json = boost::json;

json::value EpochSeconds(EpochMillis t) {
  if (t % 1000 == 0) return json::value(t / 1000);
  return json::value(static_cast<double>(t) / 1000.0);
}

json::object JobToJson(const jobs::Job& job, const jobs::ArnContext& arns) {
  json::object o;
  o["jobArn"] = jobs::MakeArn(arns, jobs::ResourceKind::kJob, job.job_id);
  o["jobId"] = job.job_id;
  o["targetSelection"] = jobs::ToString(job.target_selection);
  o["status"] = jobs::ToString(job.status);
  o["forceCanceled"] = job.force_canceled;
  if (job.reason_code) o["reasonCode"] = *job.reason_code;
  if (job.comment) o["comment"] = *job.comment;
  o["targets"] = codec::ToJsonArray(job.targets);
  if (job.description) o["description"] = *job.description;
  if (job.presigned_url_config) o["presignedUrlConfig"] = codec::ToJson(*job.presigned_url_config);
  if (job.rollout_config) o["jobExecutionsRolloutConfig"] = codec::ToJson(*job.rollout_config);
  if (job.abort_config) o["abortConfig"] = codec::ToJson(*job.abort_config);
  o["createdAt"] = EpochSeconds(job.created_at);
  o["lastUpdatedAt"] = EpochSeconds(job.last_updated_at);
  if (job.completed_at) o["completedAt"] = EpochSeconds(*job.completed_at);
  const auto& d = job.process_details;
  json::object details;
  // While executions are still being released, the targets are being processed.
  if (job.rollout) details["processingTargets"] = codec::ToJsonArray(job.targets);
  details["numberOfCanceledThings"] = d.canceled;
  details["numberOfSucceededThings"] = d.succeeded;
  details["numberOfFailedThings"] = d.failed;
  details["numberOfRejectedThings"] = d.rejected;
  details["numberOfQueuedThings"] = d.queued;
  details["numberOfInProgressThings"] = d.in_progress;
  details["numberOfRemovedThings"] = d.removed;
  details["numberOfTimedOutThings"] = d.timed_out;
  o["jobProcessDetails"] = std::move(details);
  if (job.timeout_config) o["timeoutConfig"] = codec::ToJson(*job.timeout_config);
  if (job.namespace_id) o["namespaceId"] = *job.namespace_id;
  if (job.job_template_arn) o["jobTemplateArn"] = *job.job_template_arn;
  if (job.retry_config) o["jobExecutionsRetryConfig"] = codec::ToJson(*job.retry_config);
  if (!job.document_parameters.empty()) {
    o["documentParameters"] = codec::ToJsonObject(job.document_parameters);
  }
  o["isConcurrent"] = job.rollout.has_value();
  if (job.scheduling_config) o["schedulingConfig"] = codec::ToJson(*job.scheduling_config);
  if (!job.destination_package_versions.empty()) {
    o["destinationPackageVersions"] = codec::ToJsonArray(job.destination_package_versions);
  }
  return o;
}

json::object JobSummaryToJson(const jobs::Job& job, const jobs::ArnContext& arns) {
  json::object o;
  o["jobArn"] = jobs::MakeArn(arns, jobs::ResourceKind::kJob, job.job_id);
  o["jobId"] = job.job_id;
  if (job.thing_group_id) o["thingGroupId"] = *job.thing_group_id;
  o["targetSelection"] = jobs::ToString(job.target_selection);
  o["status"] = jobs::ToString(job.status);
  o["createdAt"] = EpochSeconds(job.created_at);
  o["lastUpdatedAt"] = EpochSeconds(job.last_updated_at);
  if (job.completed_at) o["completedAt"] = EpochSeconds(*job.completed_at);
  o["isConcurrent"] = job.rollout.has_value();
  return o;
}

json::object JobTemplateToJson(const jobs::JobTemplate& t, const jobs::ArnContext& arns) {
  json::object o;
  o["jobTemplateArn"] = jobs::MakeArn(arns, jobs::ResourceKind::kJobTemplate, t.job_template_id);
  o["jobTemplateId"] = t.job_template_id;
  o["description"] = t.description;
  o["document"] = t.document;
  if (t.document_source) o["documentSource"] = *t.document_source;
  o["createdAt"] = EpochSeconds(t.created_at);
  codec::AppendJobTemplateConfigs(t, o);
  return o;
}

json::object JobTemplateSummaryToJson(const jobs::JobTemplate& t, const jobs::ArnContext& arns) {
  json::object o;
  o["jobTemplateArn"] = jobs::MakeArn(arns, jobs::ResourceKind::kJobTemplate, t.job_template_id);
  o["jobTemplateId"] = t.job_template_id;
  o["description"] = t.description;
  o["createdAt"] = EpochSeconds(t.created_at);
  return o;
}

json::object ManagedJobTemplateToJson(const jobs::ManagedJobTemplate& t, std::string_view region) {
  json::array parameters;
  for (const auto& p : t.document_parameters) {
    parameters.push_back(json::object{{"key", p.key},
                                      {"description", p.description},
                                      {"regex", p.regex},
                                      {"example", p.example},
                                      {"optional", p.optional}});
  }
  json::object o;
  o["templateName"] = t.template_name;
  o["templateArn"] = jobs::ManagedJobTemplateArn(region, t);
  o["description"] = t.description;
  o["templateVersion"] = t.template_version;
  o["environments"] = codec::ToJsonArray(t.environments);
  o["documentParameters"] = std::move(parameters);
  o["document"] = t.document;
  return o;
}

json::object ManagedJobTemplateSummaryToJson(const jobs::ManagedJobTemplate& t,
                                             std::string_view region) {
  json::object o;
  o["templateArn"] = jobs::ManagedJobTemplateArn(region, t);
  o["templateName"] = t.template_name;
  o["description"] = t.description;
  o["environments"] = codec::ToJsonArray(t.environments);
  o["templateVersion"] = t.template_version;
  return o;
}

namespace {
json::object ThingTypePropertiesOf(const jobs::ThingType& t) {
  json::object o;
  if (t.thing_type_description) o["thingTypeDescription"] = *t.thing_type_description;
  if (!t.searchable_attributes.empty()) {
    o["searchableAttributes"] = codec::ToJsonArray(t.searchable_attributes);
  }
  return o;
}

json::object ThingTypeMetadataOf(const jobs::ThingType& t) {
  json::object o;
  o["deprecated"] = t.deprecated();
  if (t.deprecation_date) o["deprecationDate"] = EpochSeconds(*t.deprecation_date);
  o["creationDate"] = EpochSeconds(t.creation_date);
  return o;
}
}  // namespace

json::object ThingTypeToJson(const jobs::ThingType& t, const jobs::ArnContext& arns) {
  json::object o;
  o["thingTypeName"] = t.thing_type_name;
  o["thingTypeId"] = t.thing_type_id;
  o["thingTypeArn"] = jobs::MakeArn(arns, jobs::ResourceKind::kThingType, t.thing_type_name);
  o["thingTypeProperties"] = ThingTypePropertiesOf(t);
  o["thingTypeMetadata"] = ThingTypeMetadataOf(t);
  return o;
}

json::object ThingTypeDefinitionToJson(const jobs::ThingType& t, const jobs::ArnContext& arns) {
  json::object o;
  o["thingTypeName"] = t.thing_type_name;
  o["thingTypeArn"] = jobs::MakeArn(arns, jobs::ResourceKind::kThingType, t.thing_type_name);
  o["thingTypeProperties"] = ThingTypePropertiesOf(t);
  o["thingTypeMetadata"] = ThingTypeMetadataOf(t);
  return o;
}

namespace {
json::array FieldsToJson(const std::vector<jobs::IndexingField>& fields) {
  json::array a;
  for (const auto& f : fields) a.push_back(json::object{{"name", f.name}, {"type", f.type}});
  return a;
}
}  // namespace

json::object IndexingConfigurationToJson(const jobs::IndexingConfiguration& c) {
  json::object things;
  things["thingIndexingMode"] = c.thing_indexing_mode;
  things["thingConnectivityIndexingMode"] = "OFF";
  things["deviceDefenderIndexingMode"] = "OFF";
  things["namedShadowIndexingMode"] = "OFF";
  if (c.things_indexed()) {
    things["managedFields"] = FieldsToJson(jobs::ManagedThingFields(c));
    things["customFields"] = FieldsToJson(c.custom_fields);
  }
  json::object o;
  o["thingIndexingConfiguration"] = std::move(things);
  o["thingGroupIndexingConfiguration"] = json::object{{"thingGroupIndexingMode", "OFF"}};
  return o;
}

json::object ThingDocumentToJson(const jobs::Thing& t,
                                 const std::vector<std::string>& thing_group_names) {
  json::object o;
  o["thingName"] = t.thing_name;
  o["thingId"] = t.thing_id;
  if (t.thing_type_name) o["thingTypeName"] = *t.thing_type_name;
  if (!thing_group_names.empty()) o["thingGroupNames"] = codec::ToJsonArray(thing_group_names);
  o["attributes"] = codec::ToJsonObject(t.attributes);
  return o;
}

json::object ExecutionToJson(const jobs::JobExecution& e, const jobs::ArnContext& arns,
                             EpochMillis now) {
  json::object o;
  o["jobId"] = e.job_id;
  o["status"] = jobs::ToString(e.status);
  o["forceCanceled"] = e.force_canceled;
  o["statusDetails"] = json::object{{"detailsMap", codec::ToJsonObject(e.status_details)}};
  o["thingArn"] = jobs::MakeArn(arns, jobs::ResourceKind::kThing, e.thing_name);
  o["queuedAt"] = EpochSeconds(e.queued_at);
  if (e.started_at) o["startedAt"] = EpochSeconds(*e.started_at);
  o["lastUpdatedAt"] = EpochSeconds(e.last_updated_at);
  o["executionNumber"] = e.execution_number;
  o["versionNumber"] = e.version_number;
  if (auto left = jobs::ApproximateSecondsBeforeTimedOut(e, now)) {
    o["approximateSecondsBeforeTimedOut"] = *left;
  }
  return o;
}

namespace {
template <typename Execution>  // jobs::ExecutionSummary or jobs::JobExecution
json::object SummaryOf(const Execution& e) {
  json::object o;
  o["status"] = jobs::ToString(e.status);
  o["queuedAt"] = EpochSeconds(e.queued_at);
  if (e.started_at) o["startedAt"] = EpochSeconds(*e.started_at);
  o["lastUpdatedAt"] = EpochSeconds(e.last_updated_at);
  o["executionNumber"] = e.execution_number;
  o["retryAttempt"] = e.retry_attempt;
  return o;
}
}  // namespace

json::object ExecutionSummaryToJson(const jobs::ExecutionSummary& e) { return SummaryOf(e); }
json::object ExecutionSummaryToJson(const jobs::JobExecution& e) { return SummaryOf(e); }

}  // namespace iotjobs::api
