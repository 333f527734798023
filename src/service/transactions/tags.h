#pragma once

#include <string>
#include <vector>

#include "common/result.h"
#include "jobs/arn.h"
#include "jobs/job_configs.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// The tagging operations as transaction bodies: TagResource, UntagResource and
// ListTagsForResource, on jobs, job templates and thing groups (jobs/tags.h decides which
// ARNs name one); and TagNewResource, the part of CreateJob, CreateJobTemplate and
// CreateThingGroup that keeps the tags they are given. Each runs inside the transaction it is
// given and leaves committing to its caller (Service, or a unit test).
namespace iotjobs::service::transactions {

// The tags one ListTagsForResource page holds: the operation takes no maxResults, and a page
// smaller than the 50 a resource may have makes a client follow nextToken as the model says
// it must (docs/aws-behaviour.md, D48).
inline constexpr int kTagsPerPage = 10;

// Sets the tags on the resource (a key it has already takes the new value). kInvalidRequest
// for a resourceArn that is no ARN or names what cannot be tagged, a reserved or repeated key
// (jobs::CheckTags), or a job being deleted; kResourceNotFound for a resource that does not
// exist here; kLimitExceeded when it would have more than 50 tags.
Result<Empty> TagResource(store::WriteTransaction& tx, const TagResourceRequest& req,
                          const OperationContext& op);
// Removes the tags with these keys (keys it does not have are passed over); the same errors,
// kInvalidRequest for an "aws:" key.
Result<Empty> UntagResource(store::WriteTransaction& tx, const UntagResourceRequest& req,
                            const OperationContext& op);
// The resource's tags by key, kTagsPerPage a page; the same resourceArn errors. A job being
// deleted still lists its tags.
Result<ListResult<jobs::Tag>> ListTagsForResource(store::ReadTransaction& tx,
                                                  const ListTagsForResourceRequest& req,
                                                  const OperationContext& op);

// Checks the tags a create operation was given (jobs::CheckTags): call it before creating
// anything, so that a refused request creates nothing.
Status CheckNewResourceTags(const std::vector<jobs::Tag>& tags);
// Gives the resource just created the tags checked by CheckNewResourceTags.
Status TagNewResource(store::WriteTransaction& tx, jobs::ResourceKind kind, const std::string& name,
                      const std::vector<jobs::Tag>& tags);

}  // namespace iotjobs::service::transactions
