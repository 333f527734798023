#include "api/middleware/authorizer.h"

#include "codec/json_fields.h"

namespace iotjobs::api {
using jobs::ResourceKind;

namespace {

// A resource named directly, or by ARN when the name is absent (Add/RemoveThingToThingGroup).
void NameOrArn(const boost::json::object& input, std::string_view name_member,
               std::string_view arn_member, ResourceKind kind, const jobs::ArnContext& arns,
               std::vector<std::string>& out) {
  if (auto name = codec::GetString(input, name_member)) {
    out.push_back(jobs::MakeArn(arns, kind, *name));
  } else if (auto arn = codec::GetString(input, arn_member)) {
    out.push_back(*arn);
  }
}

}  // namespace

std::vector<std::string> ResourceArns(Resources resources, const boost::json::object& input,
                                      const jobs::ArnContext& arns) {
  std::vector<std::string> out;
  auto named = [&](std::string_view member, ResourceKind kind) {
    if (auto name = codec::GetString(input, member)) out.push_back(jobs::MakeArn(arns, kind, *name));
  };
  switch (resources) {
    case Resources::kAny:
      out.push_back("*");
      break;
    case Resources::kThing:
      named("thingName", ResourceKind::kThing);
      break;
    case Resources::kThingGroup:
      named("thingGroupName", ResourceKind::kThingGroup);
      break;
    case Resources::kThingType:
      named("thingTypeName", ResourceKind::kThingType);
      break;
    case Resources::kIndex:
      // Indexes have no ResourceKind: they cannot be tagged or targeted, only named in IAM.
      out.push_back("arn:aws:iot:" + arns.region + ":" + arns.account_id + ":index/" +
                    codec::GetString(input, "indexName").value_or("AWS_Things"));
      break;
    case Resources::kJob:
      named("jobId", ResourceKind::kJob);
      break;
    case Resources::kJobAndThing:
      named("jobId", ResourceKind::kJob);
      named("thingName", ResourceKind::kThing);
      break;
    case Resources::kJobAndTargets:
      named("jobId", ResourceKind::kJob);
      for (auto& target : codec::GetStringList(input, "targets")) out.push_back(std::move(target));
      if (auto t = codec::GetString(input, "jobTemplateArn")) out.push_back(std::move(*t));
      break;
    case Resources::kJobTemplate:
      named("jobTemplateId", ResourceKind::kJobTemplate);
      break;
    case Resources::kGroupAndThing:
      NameOrArn(input, "thingGroupName", "thingGroupArn", ResourceKind::kThingGroup, arns, out);
      NameOrArn(input, "thingName", "thingArn", ResourceKind::kThing, arns, out);
      break;
    case Resources::kResourceArn:
      if (auto arn = codec::GetString(input, "resourceArn")) out.push_back(std::move(*arn));
      break;
  }
  return out;
}

namespace {

Status Check(const auth::Principal& principal, std::string_view action,
             const std::string& resource) {
  if (auth::Evaluate(principal.policies, action, resource) == auth::Decision::kAllow) {
    return Status::Ok();
  }
  return Status(ErrorCode::kAccessDenied, "User: " + principal.Arn() +
                                              " is not authorized to perform: " +
                                              std::string(action) + " on resource: " + resource);
}

// Whether the request gives its new resource tags (a `tags` list with at least one tag).
bool GivesTags(const boost::json::object& input) {
  const boost::json::value* tags = input.if_contains("tags");
  return tags && tags->is_array() && !tags->get_array().empty();
}

}  // namespace

Status Authorize(const auth::Principal& principal, const Route& route,
                 const boost::json::object& input, const jobs::ArnContext& arns) {
  if (principal.root) return Status::Ok();
  const std::vector<std::string> resources = ResourceArns(route.resources, input, arns);
  for (const std::string& resource : resources) {
    IOTJOBS_RETURN_IF_ERROR(Check(principal, route.iam_action, resource));
  }
  // AWS's Service Authorization Reference lists iot:TagResource among the actions CreateJob,
  // CreateJobTemplate and CreateThingGroup need: tags given at create time are authorized as
  // tagging the new resource (docs/aws-behaviour.md, "Tags").
  if (route.tags_at_create && GivesTags(input) && !resources.empty()) {
    IOTJOBS_RETURN_IF_ERROR(Check(principal, "iot:TagResource", resources.front()));
  }
  return Status::Ok();
}

}  // namespace iotjobs::api
