#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "common/clock.h"
#include "jobs/arn.h"
#include "jobs/indexing_configuration.h"
#include "jobs/job.h"
#include "jobs/job_execution.h"
#include "jobs/job_template.h"
#include "jobs/managed_templates/managed_job_template.h"
#include "jobs/thing.h"
#include "jobs/thing_type.h"

// Domain values -> the output shapes of the iot model (control plane). Members appear in the
// model's order, absent optional members are left out, timestamps are epoch seconds with a
// fraction (docs/aws-behaviour.md, "Timestamps"). The device plane's shapes are in
// codec/device_plane_json.h.
namespace iotjobs::api {

boost::json::value EpochSeconds(EpochMillis t);

// Job (DescribeJob's `job`), with jobProcessDetails.
boost::json::object JobToJson(const jobs::Job& job, const jobs::ArnContext& arns);
// JobSummary (ListJobs).
boost::json::object JobSummaryToJson(const jobs::Job& job, const jobs::ArnContext& arns);
// DescribeJobTemplate's output, and JobTemplateSummary (ListJobTemplates).
boost::json::object JobTemplateToJson(const jobs::JobTemplate& t, const jobs::ArnContext& arns);
boost::json::object JobTemplateSummaryToJson(const jobs::JobTemplate& t,
                                             const jobs::ArnContext& arns);
// DescribeManagedJobTemplate's output, and ManagedJobTemplateSummary
// (ListManagedJobTemplates); ARNs in `region`, without an account.
boost::json::object ManagedJobTemplateToJson(const jobs::ManagedJobTemplate& t,
                                             std::string_view region);
boost::json::object ManagedJobTemplateSummaryToJson(const jobs::ManagedJobTemplate& t,
                                                    std::string_view region);
// DescribeThingType's output, and ThingTypeDefinition (ListThingTypes, which has no
// thingTypeId): thingTypeProperties with the members the type has, thingTypeMetadata with
// deprecationDate only while it is deprecated (docs/aws-behaviour.md, D51).
boost::json::object ThingTypeToJson(const jobs::ThingType& t, const jobs::ArnContext& arns);
boost::json::object ThingTypeDefinitionToJson(const jobs::ThingType& t,
                                              const jobs::ArnContext& arns);
// GetIndexingConfiguration's output: the thing indexing mode with the modes iotjobsd keeps
// OFF, the managed and custom fields, and thing group indexing OFF (D62).
boost::json::object IndexingConfigurationToJson(const jobs::IndexingConfiguration& c);
// A ThingDocument of SearchIndex: registry indexing's members (no shadow or connectivity).
boost::json::object ThingDocumentToJson(const jobs::Thing& t,
                                        const std::vector<std::string>& thing_group_names);
// JobExecution (control-plane DescribeJobExecution): statusDetails as {"detailsMap": {...}}.
boost::json::object ExecutionToJson(const jobs::JobExecution& e, const jobs::ArnContext& arns,
                                    EpochMillis now);
// JobExecutionSummary (both list calls: ListJobExecutionsForThing reads summaries,
// ListJobExecutionsForJob whole executions).
boost::json::object ExecutionSummaryToJson(const jobs::ExecutionSummary& e);
boost::json::object ExecutionSummaryToJson(const jobs::JobExecution& e);

}  // namespace iotjobs::api
