#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "jobs/arn.h"
#include "jobs/job_configs.h"
#include "store/entities/page.h"

// Resource tags (TagResource, UntagResource, ListTagsForResource): a table of their own,
// keyed by account, resource type and resource name, so that tagging never rewrites the
// resource's row (docs/architecture.md, "Schema"). Deleting a job, a job template or a thing
// group (DeleteJob, DeleteJobTemplate, DeleteThingGroup of their entities) deletes its tags in
// the same transaction. See things.h for what every entity interface promises.
namespace iotjobs::store {

class TagReads {
 public:
  virtual ~TagReads() = default;
  // The tags of the resource `kind`/`name`, by key (binary order), keyset-paged by key. A
  // resource without tags, or one that does not exist, has none.
  virtual Result<Page<jobs::Tag>> ListTags(jobs::ResourceKind kind, std::string_view name,
                                           const PageRequest& page) = 0;
};

class TagWrites {
 public:
  virtual ~TagWrites() = default;
  // Gives the resource each tag; a key it has already takes the new value. The caller checked
  // the tags (jobs/tags.h) and that the resource exists.
  virtual Status PutTags(jobs::ResourceKind kind, std::string_view name,
                         const std::vector<jobs::Tag>& tags) = 0;
  // Removes the resource's tags with these keys; a key it does not have is passed over.
  virtual Status DeleteTags(jobs::ResourceKind kind, std::string_view name,
                            const std::vector<std::string>& keys) = 0;
};

}  // namespace iotjobs::store
