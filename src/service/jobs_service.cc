// CreateJob, DescribeJob, ListJobs, UpdateJob, CancelJob, DeleteJob, GetJobDocument,
// AssociateTargetsWithJob: each runs its transaction body (transactions/jobs.h) as one store
// transaction.
#include "service/service.h"
#include "service/transactions/jobs.h"

namespace iotjobs::service {

// CreateJob is in document_sources.cc: it may read its document from S3 first.

void Service::DescribeJob(const CallContext& ctx, std::string job_id,
                          Callback<JobDescription> done) {
  ReadOp<JobDescription>(ctx, transactions::DescribeJob, std::move(job_id), std::move(done));
}

void Service::ListJobs(const CallContext& ctx, ListJobsRequest req,
                       Callback<ListResult<jobs::Job>> done) {
  ReadOp<ListResult<jobs::Job>>(ctx, transactions::ListJobs, std::move(req), std::move(done));
}

void Service::UpdateJob(const CallContext& ctx, UpdateJobRequest req, Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::UpdateJob, std::move(req), std::move(done));
}

void Service::CancelJob(const CallContext& ctx, CancelJobRequest req, Callback<jobs::Job> done) {
  WriteOp<jobs::Job>(ctx, transactions::CancelJob, std::move(req), std::move(done));
}

void Service::DeleteJob(const CallContext& ctx, DeleteJobRequest req, Callback<Empty> done) {
  WriteOp<Empty>(ctx, transactions::DeleteJob, std::move(req), std::move(done));
}

void Service::GetJobDocument(const CallContext& ctx, GetJobDocumentRequest req,
                             Callback<std::string> done) {
  ReadOp<std::string>(ctx, transactions::GetJobDocument, std::move(req), std::move(done));
}

void Service::AssociateTargetsWithJob(const CallContext& ctx, AssociateTargetsWithJobRequest req,
                                      Callback<jobs::Job> done) {
  WriteOp<jobs::Job>(ctx, transactions::AssociateTargetsWithJob, std::move(req),
                     std::move(done));
}

}  // namespace iotjobs::service
