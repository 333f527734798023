#pragma once

#include <string_view>

#include "api/handlers/handler.h"
#include "api/wire/model.h"

namespace iotjobs::api {

// The resources a request touches, for authorization: the ARNs its IAM action is checked
// against (AWS's Service Authorization Reference; the sample policies of the developer guide
// grant DeleteJobExecution on the job and the thing, so both are checked).
enum class Resources {
  kAny,            // list operations, and those with no resource type: "*"
  kThing,          // thingName
  kThingGroup,     // thingGroupName
  kThingType,      // thingTypeName
  kIndex,          // indexName (AWS_Things when absent): arn:aws:iot:REGION:ACCOUNT:index/NAME
  kJob,            // jobId
  kJobAndThing,    // jobId and thingName
  kJobAndTargets,  // jobId, every ARN of targets, and jobTemplateArn when given
  kJobTemplate,    // jobTemplateId
  kGroupAndThing,  // thingGroupName or thingGroupArn, and thingName or thingArn
  kResourceArn,    // resourceArn, as given (TagResource, UntagResource, ListTagsForResource)
};

// One served operation: its plane, its model name, the IAM action it is authorized as, the
// resources it touches, and the handler that runs it. `tags_at_create`: the operation creates
// the first resource it touches and may give it `tags`, which AWS authorizes as
// iot:TagResource on that resource too (docs/aws-behaviour.md, "Tags").
struct Route {
  wire::Plane plane;
  std::string_view operation;
  std::string_view iam_action;
  Resources resources;
  Handler handler;
  bool tags_at_create = false;
};

// Every route, one line each (routes.cc). The model's operations and this table are checked
// against each other by a test: every operation of both trimmed models has a route.
const std::vector<Route>& AllRoutes();

// The route of an operation of the model, or nullptr.
const Route* FindRoute(wire::Plane plane, std::string_view operation);

}  // namespace iotjobs::api
