#pragma once

#include "common/result.h"
#include "jobs/arn.h"
#include "jobs/managed_templates/managed_job_template.h"
#include "service/requests.h"
#include "service/transactions/operation.h"

// AWS managed job templates: ListManagedJobTemplates and DescribeManagedJobTemplate read the
// catalogue compiled in (jobs/managed_templates/catalogue.h) and need no transaction;
// ApplyManagedJobTemplate is the part of CreateJob (inside its transaction, through
// ApplyJobTemplate) that turns a managed jobTemplateArn into the job's document.
namespace iotjobs::service::transactions {

// Every template version, or only those of `template_name` (404 when there is no such
// template), by name and then version, paged.
Result<ListResult<const jobs::ManagedJobTemplate*>> ListManagedJobTemplates(
    const ListManagedJobTemplatesRequest& req, const OperationContext& op);
// The named version, or the latest; 404 when there is no such template or version.
Result<const jobs::ManagedJobTemplate*> DescribeManagedJobTemplate(
    const DescribeManagedJobTemplateRequest& req, const OperationContext& op);

// CreateJob with arn:aws:iot:REGION::jobtemplate/NAME:VERSION: the job takes the template's
// document (and its description when the request gives none), its documentParameters are
// checked against the template's schema, and the document they make must still be a valid
// job document. Refuses a document or documentSource given beside it.
Status ApplyManagedJobTemplate(CreateJobRequest& req, const jobs::ParsedArn& arn,
                               const OperationContext& op);

}  // namespace iotjobs::service::transactions
