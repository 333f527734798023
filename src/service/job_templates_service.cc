// CreateJobTemplate, DescribeJobTemplate, ListJobTemplates, DeleteJobTemplate: each runs its
// transaction body (transactions/job_templates.h) as one store transaction.
// ListManagedJobTemplates and DescribeManagedJobTemplate read the catalogue compiled in
// (transactions/managed_job_templates.h) and answer at once.
#include "service/service.h"
#include "service/transactions/job_templates.h"
#include "service/transactions/managed_job_templates.h"

namespace iotjobs::service {

// CreateJobTemplate is in document_sources.cc: it may read its document from S3 first.

void Service::DescribeJobTemplate(const CallContext& ctx, std::string job_template_id,
                                  Callback<jobs::JobTemplate> done) {
  ReadOp<jobs::JobTemplate>(ctx, transactions::DescribeJobTemplate, std::move(job_template_id),
                            std::move(done));
}

void Service::ListJobTemplates(const CallContext& ctx, ListJobTemplatesRequest req,
                               Callback<ListResult<jobs::JobTemplate>> done) {
  ReadOp<ListResult<jobs::JobTemplate>>(ctx, transactions::ListJobTemplates, std::move(req),
                                        std::move(done));
}

void Service::DeleteJobTemplate(const CallContext& ctx, std::string job_template_id,
                                Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::DeleteJobTemplate, std::move(job_template_id),
                 std::move(done));
}

void Service::ListManagedJobTemplates(
    const CallContext& ctx, ListManagedJobTemplatesRequest req,
    Callback<ListResult<const jobs::ManagedJobTemplate*>> done) {
  done(transactions::ListManagedJobTemplates(req, OperationFor(ctx)));
}

void Service::DescribeManagedJobTemplate(const CallContext& ctx,
                                         DescribeManagedJobTemplateRequest req,
                                         Callback<const jobs::ManagedJobTemplate*> done) {
  done(transactions::DescribeManagedJobTemplate(req, OperationFor(ctx)));
}

}  // namespace iotjobs::service
