#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "jobs/arn.h"
#include "jobs/job.h"
#include "jobs/job_configs.h"

// Resource tags: TagResource, UntagResource, ListTagsForResource, and the `tags` CreateJob,
// CreateJobTemplate and CreateThingGroup take. Which ARNs name something that can be
// tagged, and the rules a resource's tags obey (docs/aws-behaviour.md, "Tags", D45 to D49).
namespace iotjobs::jobs {

// AWS's limit: "Maximum number of tags per resource — 50" (Developer Guide, tagging-iot).
inline constexpr size_t kMaxTagsPerResource = 50;

// What the resourceArn of a tagging request names: a job, a job template or a thing group.
struct TagTarget {
  ResourceKind kind = ResourceKind::kJob;
  std::string name;
};

// Reads the resourceArn of a tagging request made in `here` (docs/aws-behaviour.md, D45):
//  - a job, job template or thing group ARN of `here`'s account and region: its kind and name
//    (whether it exists is for the caller to find out);
//  - kInvalidRequest for what is no ARN, no AWS IoT resource ARN, a thing (AWS IoT does not
//    tag things) or an AWS managed job template (it belongs to AWS, not to the account);
//  - kResourceNotFound for another account or region, or a resource type iotjobs does not
//    keep (thing types, rules, ...): nothing of that name exists here.
Result<TagTarget> ParseTagTarget(std::string_view resource_arn, const ArnContext& here);

// The tags of one request (TagResource's, or a create operation's): kInvalidRequest for a key
// given twice, a key or value beginning with "aws:" in any case (reserved for AWS), or a value
// holding a control character (D46); kLimitExceeded for more than kMaxTagsPerResource of them
// (D47).
Status CheckTags(const std::vector<Tag>& tags);

// UntagResource's keys: kInvalidRequest for a key beginning with "aws:" in any case, as AWS's
// own tags cannot be removed (D46).
Status CheckTagKeysToRemove(const std::vector<std::string>& keys);

// TagResource on a resource holding `existing_keys`: kLimitExceeded when it would have more
// than kMaxTagsPerResource tags once `tags` are set (a key it has already is replaced, not
// added; D47).
Status CheckTagCount(const std::vector<std::string>& existing_keys, const std::vector<Tag>& tags);

// Whether a job's tags may change: not while it is being deleted, as UpdateJob may not
// change it then (kInvalidRequest; D49). Its tags are still listed until it is gone.
Status CheckChangeJobTags(const Job& job);

}  // namespace iotjobs::jobs
