#include "api/routes.h"

#include <vector>

namespace iotjobs::api {
namespace {
constexpr wire::Plane kControl = wire::Plane::kControl;
constexpr wire::Plane kDevice = wire::Plane::kDevice;
// Tags given at create time need iot:TagResource too (Route::tags_at_create).
constexpr bool kTagsAtCreate = true;
}  // namespace

const std::vector<Route>& AllRoutes() {
  static const std::vector<Route> routes = {
      // Registry.
      {kControl, "CreateThing", "iot:CreateThing", Resources::kThing, &HandleCreateThing},
      {kControl, "DescribeThing", "iot:DescribeThing", Resources::kThing, &HandleDescribeThing},
      {kControl, "ListThings", "iot:ListThings", Resources::kAny, &HandleListThings},
      {kControl, "UpdateThing", "iot:UpdateThing", Resources::kThing, &HandleUpdateThing},
      {kControl, "DeleteThing", "iot:DeleteThing", Resources::kThing, &HandleDeleteThing},
      {kControl, "CreateThingGroup", "iot:CreateThingGroup", Resources::kThingGroup,
       &HandleCreateThingGroup, kTagsAtCreate},
      {kControl, "DescribeThingGroup", "iot:DescribeThingGroup", Resources::kThingGroup,
       &HandleDescribeThingGroup},
      {kControl, "ListThingGroups", "iot:ListThingGroups", Resources::kAny, &HandleListThingGroups},
      {kControl, "UpdateThingGroup", "iot:UpdateThingGroup", Resources::kThingGroup,
       &HandleUpdateThingGroup},
      {kControl, "DeleteThingGroup", "iot:DeleteThingGroup", Resources::kThingGroup,
       &HandleDeleteThingGroup},
      {kControl, "AddThingToThingGroup", "iot:AddThingToThingGroup", Resources::kGroupAndThing,
       &HandleAddThingToThingGroup},
      {kControl, "RemoveThingFromThingGroup", "iot:RemoveThingFromThingGroup",
       Resources::kGroupAndThing, &HandleRemoveThingFromThingGroup},
      {kControl, "ListThingsInThingGroup", "iot:ListThingsInThingGroup", Resources::kThingGroup,
       &HandleListThingsInThingGroup},
      {kControl, "ListThingGroupsForThing", "iot:ListThingGroupsForThing", Resources::kThing,
       &HandleListThingGroupsForThing},
      // Dynamic thing groups.
      {kControl, "CreateDynamicThingGroup", "iot:CreateDynamicThingGroup", Resources::kThingGroup,
       &HandleCreateDynamicThingGroup, kTagsAtCreate},
      {kControl, "UpdateDynamicThingGroup", "iot:UpdateDynamicThingGroup", Resources::kThingGroup,
       &HandleUpdateDynamicThingGroup},
      {kControl, "DeleteDynamicThingGroup", "iot:DeleteDynamicThingGroup", Resources::kThingGroup,
       &HandleDeleteDynamicThingGroup},
      // Thing types.
      {kControl, "CreateThingType", "iot:CreateThingType", Resources::kThingType,
       &HandleCreateThingType},
      {kControl, "DescribeThingType", "iot:DescribeThingType", Resources::kThingType,
       &HandleDescribeThingType},
      {kControl, "ListThingTypes", "iot:ListThingTypes", Resources::kAny, &HandleListThingTypes},
      {kControl, "UpdateThingType", "iot:UpdateThingType", Resources::kThingType,
       &HandleUpdateThingType},
      {kControl, "DeprecateThingType", "iot:DeprecateThingType", Resources::kThingType,
       &HandleDeprecateThingType},
      {kControl, "DeleteThingType", "iot:DeleteThingType", Resources::kThingType,
       &HandleDeleteThingType},
      // Fleet indexing.
      {kControl, "GetIndexingConfiguration", "iot:GetIndexingConfiguration", Resources::kAny,
       &HandleGetIndexingConfiguration},
      {kControl, "UpdateIndexingConfiguration", "iot:UpdateIndexingConfiguration",
       Resources::kAny, &HandleUpdateIndexingConfiguration},
      {kControl, "DescribeIndex", "iot:DescribeIndex", Resources::kIndex, &HandleDescribeIndex},
      {kControl, "ListIndices", "iot:ListIndices", Resources::kAny, &HandleListIndices},
      {kControl, "SearchIndex", "iot:SearchIndex", Resources::kIndex, &HandleSearchIndex},
      // Jobs.
      {kControl, "CreateJob", "iot:CreateJob", Resources::kJobAndTargets, &HandleCreateJob,
       kTagsAtCreate},
      {kControl, "DescribeJob", "iot:DescribeJob", Resources::kJob, &HandleDescribeJob},
      {kControl, "ListJobs", "iot:ListJobs", Resources::kAny, &HandleListJobs},
      {kControl, "UpdateJob", "iot:UpdateJob", Resources::kJob, &HandleUpdateJob},
      {kControl, "CancelJob", "iot:CancelJob", Resources::kJob, &HandleCancelJob},
      {kControl, "DeleteJob", "iot:DeleteJob", Resources::kJob, &HandleDeleteJob},
      {kControl, "GetJobDocument", "iot:GetJobDocument", Resources::kJob, &HandleGetJobDocument},
      {kControl, "AssociateTargetsWithJob", "iot:AssociateTargetsWithJob",
       Resources::kJobAndTargets, &HandleAssociateTargetsWithJob},
      // Job templates.
      {kControl, "CreateJobTemplate", "iot:CreateJobTemplate", Resources::kJobTemplate,
       &HandleCreateJobTemplate, kTagsAtCreate},
      {kControl, "DescribeJobTemplate", "iot:DescribeJobTemplate", Resources::kJobTemplate,
       &HandleDescribeJobTemplate},
      {kControl, "ListJobTemplates", "iot:ListJobTemplates", Resources::kAny,
       &HandleListJobTemplates},
      {kControl, "DeleteJobTemplate", "iot:DeleteJobTemplate", Resources::kJobTemplate,
       &HandleDeleteJobTemplate},
      // AWS managed templates belong to no account: authorized on "*" (docs/aws-behaviour.md,
      // D30).
      {kControl, "ListManagedJobTemplates", "iot:ListManagedJobTemplates", Resources::kAny,
       &HandleListManagedJobTemplates},
      {kControl, "DescribeManagedJobTemplate", "iot:DescribeManagedJobTemplate", Resources::kAny,
       &HandleDescribeManagedJobTemplate},
      // Endpoints and event configurations: no resource of their own ("*").
      {kControl, "DescribeEndpoint", "iot:DescribeEndpoint", Resources::kAny,
       &HandleDescribeEndpoint},
      {kControl, "UpdateEventConfigurations", "iot:UpdateEventConfigurations", Resources::kAny,
       &HandleUpdateEventConfigurations},
      {kControl, "DescribeEventConfigurations", "iot:DescribeEventConfigurations",
       Resources::kAny, &HandleDescribeEventConfigurations},
      // Tags, of jobs, job templates and thing groups: authorized on the resourceArn given.
      {kControl, "TagResource", "iot:TagResource", Resources::kResourceArn, &HandleTagResource},
      {kControl, "UntagResource", "iot:UntagResource", Resources::kResourceArn,
       &HandleUntagResource},
      {kControl, "ListTagsForResource", "iot:ListTagsForResource", Resources::kResourceArn,
       &HandleListTagsForResource},
      // Executions.
      {kControl, "DescribeJobExecution", "iot:DescribeJobExecution", Resources::kJobAndThing,
       &HandleDescribeJobExecution},
      {kControl, "ListJobExecutionsForJob", "iot:ListJobExecutionsForJob", Resources::kJob,
       &HandleListJobExecutionsForJob},
      {kControl, "ListJobExecutionsForThing", "iot:ListJobExecutionsForThing", Resources::kThing,
       &HandleListJobExecutionsForThing},
      {kControl, "CancelJobExecution", "iot:CancelJobExecution", Resources::kJobAndThing,
       &HandleCancelJobExecution},
      {kControl, "DeleteJobExecution", "iot:DeleteJobExecution", Resources::kJobAndThing,
       &HandleDeleteJobExecution},
      // Device plane.
      {kDevice, "GetPendingJobExecutions", "iotjobsdata:GetPendingJobExecutions", Resources::kThing,
       &HandleGetPendingJobExecutions},
      {kDevice, "StartNextPendingJobExecution", "iotjobsdata:StartNextPendingJobExecution",
       Resources::kThing, &HandleStartNextPendingJobExecution},
      {kDevice, "DescribeJobExecution", "iotjobsdata:DescribeJobExecution", Resources::kThing,
       &HandleDeviceDescribeJobExecution},
      {kDevice, "UpdateJobExecution", "iotjobsdata:UpdateJobExecution", Resources::kThing,
       &HandleUpdateJobExecution},
  };
  return routes;
}

const Route* FindRoute(wire::Plane plane, std::string_view operation) {
  for (const auto& r : AllRoutes()) {
    if (r.plane == plane && r.operation == operation) return &r;
  }
  return nullptr;
}

}  // namespace iotjobs::api
