#pragma once

#include <string>

#include "common/result.h"
#include "jobs/job_template.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// Custom job templates as transaction bodies: CreateJobTemplate, DescribeJobTemplate,
// ListJobTemplates, DeleteJobTemplate; and ApplyJobTemplate, the part of CreateJob that
// turns a jobTemplateArn into the job's document and configurations. Each runs inside the
// transaction it is given and leaves committing to its caller (Service, or a unit test).
namespace iotjobs::service::transactions {

// The template gets the request's tags (jobs::CheckTags: kInvalidRequest, kLimitExceeded),
// none of the job it may be made from.
Result<jobs::JobTemplate> CreateJobTemplate(store::WriteTransaction& tx,
                                            const CreateJobTemplateRequest& req,
                                            const OperationContext& op);
Result<jobs::JobTemplate> DescribeJobTemplate(store::ReadTransaction& tx,
                                              const std::string& job_template_id,
                                              const OperationContext& op);
Result<ListResult<jobs::JobTemplate>> ListJobTemplates(store::ReadTransaction& tx,
                                                       const ListJobTemplatesRequest& req,
                                                       const OperationContext& op);
// Jobs created from the template keep what they took from it.
Result<Empty> DeleteJobTemplate(store::WriteTransaction& tx, const std::string& job_template_id,
                                const OperationContext& op);

// CreateJob with a jobTemplateArn: fills `req.job` with the template's document and with each
// configuration the request does not give itself (the request's own win), and records the
// template on the job. A request without jobTemplateArn is left as it is. Managed templates
// (ARNs without an account) go through ApplyManagedJobTemplate.
Status ApplyJobTemplate(store::ReadTransaction& tx, CreateJobRequest& req,
                        const OperationContext& op);

}  // namespace iotjobs::service::transactions
