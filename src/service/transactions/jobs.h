#pragma once

#include <string>

#include "common/result.h"
#include "jobs/job.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// The job operations as transaction bodies: CreateJob, DescribeJob, ListJobs, UpdateJob,
// CancelJob, DeleteJob, GetJobDocument, AssociateTargetsWithJob. Each runs inside the
// transaction it is given and leaves committing to its caller (Service, or a unit test).
namespace iotjobs::service::transactions {

// Creates the job IN_PROGRESS with its first executions (as many as the rollout allows), or
// SCHEDULED when schedulingConfig has a start time; a snapshot job that reaches no thing is
// COMPLETED at once. The job gets the request's tags (jobs::CheckTags: kInvalidRequest,
// kLimitExceeded), none of its template's.
Result<jobs::Job> CreateJob(store::WriteTransaction& tx, const CreateJobRequest& req,
                            const OperationContext& op);
Result<JobDescription> DescribeJob(store::ReadTransaction& tx, const std::string& job_id,
                              const OperationContext& op);
Result<ListResult<jobs::Job>> ListJobs(store::ReadTransaction& tx, const ListJobsRequest& req,
                                       const OperationContext& op);
Result<Empty> UpdateJob(store::WriteTransaction& tx, const UpdateJobRequest& req,
                        const OperationContext& op);
// Cancels the job and its QUEUED executions (IN_PROGRESS ones too with force).
Result<jobs::Job> CancelJob(store::WriteTransaction& tx, const CancelJobRequest& req,
                            const OperationContext& op);
// Deletes a small job at once; a big one becomes DELETION_IN_PROGRESS (the background work
// finishes it: ProgressDueJob).
Result<Empty> DeleteJob(store::WriteTransaction& tx, const DeleteJobRequest& req,
                        const OperationContext& op);
// The document as devices get it (service/job_documents.h), or as written with
// before_substitution.
Result<std::string> GetJobDocument(store::ReadTransaction& tx, const GetJobDocumentRequest& req,
                                   const OperationContext& op);
// Adds targets to a CONTINUOUS job; they join its rollout after what is still pending.
Result<jobs::Job> AssociateTargetsWithJob(store::WriteTransaction& tx,
                                          const AssociateTargetsWithJobRequest& req,
                                          const OperationContext& op);

}  // namespace iotjobs::service::transactions
