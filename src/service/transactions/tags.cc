#include "service/transactions/tags.h"

#include <utility>

#include "jobs/tags.h"
#include "service/messages.h"
#include "service/pagination.h"

namespace iotjobs::service::transactions {
namespace {

// Whether the resource a tagging request names exists; `to_change`: its tags are about to
// change, which a job being deleted refuses (docs/aws-behaviour.md, D49).
Status CheckTarget(store::ReadTransaction& tx, const jobs::TagTarget& target, bool to_change) {
  switch (target.kind) {
    case jobs::ResourceKind::kJob: {
      IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(target.name));
      if (!job) return NotFound(messages::JobNotFound(target.name));
      return to_change ? jobs::CheckChangeJobTags(*job) : Status::Ok();
    }
    case jobs::ResourceKind::kJobTemplate: {
      IOTJOBS_ASSIGN_OR_RETURN(auto t, tx.GetJobTemplate(target.name));
      if (!t) return NotFound(messages::JobTemplateNotFound(target.name));
      return Status::Ok();
    }
    case jobs::ResourceKind::kThingGroup: {
      IOTJOBS_ASSIGN_OR_RETURN(auto group, tx.GetThingGroup(target.name));
      if (!group) return NotFound(messages::ThingGroupNotFound(target.name));
      return Status::Ok();
    }
    case jobs::ResourceKind::kThing:      // jobs::ParseTagTarget never names these
    case jobs::ResourceKind::kThingType:
      break;
  }
  return InvalidRequest("Things cannot be tagged.");
}

// The keys of every tag the resource has (at most 50, short of data written before the
// limit was kept).
Result<std::vector<std::string>> AllTagKeys(store::ReadTransaction& tx,
                                            const jobs::TagTarget& target) {
  std::vector<std::string> keys;
  store::PageRequest page{"", 100};
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(auto tags, tx.ListTags(target.kind, target.name, page));
    for (auto& tag : tags.items) keys.push_back(std::move(tag.key));
    if (tags.next.empty()) return keys;
    page.after = tags.next;
  }
}

}  // namespace

Result<Empty> TagResource(store::WriteTransaction& tx, const TagResourceRequest& req,
                          const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::TagTarget target, jobs::ParseTagTarget(req.resource_arn, op.arns));
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckTags(req.tags));
  IOTJOBS_RETURN_IF_ERROR(CheckTarget(tx, target, /*to_change=*/true));
  IOTJOBS_ASSIGN_OR_RETURN(auto existing, AllTagKeys(tx, target));
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckTagCount(existing, req.tags));
  IOTJOBS_RETURN_IF_ERROR(tx.PutTags(target.kind, target.name, req.tags));
  return Empty{};
}

Result<Empty> UntagResource(store::WriteTransaction& tx, const UntagResourceRequest& req,
                            const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::TagTarget target, jobs::ParseTagTarget(req.resource_arn, op.arns));
  IOTJOBS_RETURN_IF_ERROR(jobs::CheckTagKeysToRemove(req.tag_keys));
  IOTJOBS_RETURN_IF_ERROR(CheckTarget(tx, target, /*to_change=*/true));
  IOTJOBS_RETURN_IF_ERROR(tx.DeleteTags(target.kind, target.name, req.tag_keys));
  return Empty{};
}

Result<ListResult<jobs::Tag>> ListTagsForResource(store::ReadTransaction& tx,
                                                  const ListTagsForResourceRequest& req,
                                                  const OperationContext& op) {
  IOTJOBS_ASSIGN_OR_RETURN(store::PageRequest page, ToPageRequest(req.page));
  page.limit = kTagsPerPage;
  IOTJOBS_ASSIGN_OR_RETURN(jobs::TagTarget target, jobs::ParseTagTarget(req.resource_arn, op.arns));
  IOTJOBS_RETURN_IF_ERROR(CheckTarget(tx, target, /*to_change=*/false));
  IOTJOBS_ASSIGN_OR_RETURN(auto tags, tx.ListTags(target.kind, target.name, page));
  return ToListResult(std::move(tags));
}

Status CheckNewResourceTags(const std::vector<jobs::Tag>& tags) { return jobs::CheckTags(tags); }

Status TagNewResource(store::WriteTransaction& tx, jobs::ResourceKind kind, const std::string& name,
                      const std::vector<jobs::Tag>& tags) {
  if (tags.empty()) return Status::Ok();
  return tx.PutTags(kind, name, tags);
}

}  // namespace iotjobs::service::transactions
