#include "api/routes.h"

#include <vector>

namespace iotjobs::api {
namespace {
constexpr wire::Plane kControl = wire::Plane::kControl;
constexpr wire::Plane kDevice = wire::Plane::kDevice;
}  // namespace

const std::vector<Route>& AllRoutes() {
  static const std::vector<Route> routes = {
      // Registry.
      {kControl, "CreateThing", "iot:CreateThing", &HandleCreateThing},
      {kControl, "DescribeThing", "iot:DescribeThing", &HandleDescribeThing},
      {kControl, "ListThings", "iot:ListThings", &HandleListThings},
      {kControl, "UpdateThing", "iot:UpdateThing", &HandleUpdateThing},
      {kControl, "DeleteThing", "iot:DeleteThing", &HandleDeleteThing},
      {kControl, "CreateThingGroup", "iot:CreateThingGroup", &HandleCreateThingGroup},
      {kControl, "DescribeThingGroup", "iot:DescribeThingGroup", &HandleDescribeThingGroup},
      {kControl, "ListThingGroups", "iot:ListThingGroups", &HandleListThingGroups},
      {kControl, "UpdateThingGroup", "iot:UpdateThingGroup", &HandleUpdateThingGroup},
      {kControl, "DeleteThingGroup", "iot:DeleteThingGroup", &HandleDeleteThingGroup},
      {kControl, "AddThingToThingGroup", "iot:AddThingToThingGroup", &HandleAddThingToThingGroup},
      {kControl, "RemoveThingFromThingGroup", "iot:RemoveThingFromThingGroup",
       &HandleRemoveThingFromThingGroup},
      {kControl, "ListThingsInThingGroup", "iot:ListThingsInThingGroup",
       &HandleListThingsInThingGroup},
      {kControl, "ListThingGroupsForThing", "iot:ListThingGroupsForThing",
       &HandleListThingGroupsForThing},
      // Jobs.
      {kControl, "CreateJob", "iot:CreateJob", &HandleCreateJob},
      {kControl, "DescribeJob", "iot:DescribeJob", &HandleDescribeJob},
      {kControl, "ListJobs", "iot:ListJobs", &HandleListJobs},
      {kControl, "UpdateJob", "iot:UpdateJob", &HandleUpdateJob},
      {kControl, "CancelJob", "iot:CancelJob", &HandleCancelJob},
      {kControl, "DeleteJob", "iot:DeleteJob", &HandleDeleteJob},
      {kControl, "GetJobDocument", "iot:GetJobDocument", &HandleGetJobDocument},
      {kControl, "AssociateTargetsWithJob", "iot:AssociateTargetsWithJob",
       &HandleAssociateTargetsWithJob},
      // Executions.
      {kControl, "DescribeJobExecution", "iot:DescribeJobExecution", &HandleDescribeJobExecution},
      {kControl, "ListJobExecutionsForJob", "iot:ListJobExecutionsForJob",
       &HandleListJobExecutionsForJob},
      {kControl, "ListJobExecutionsForThing", "iot:ListJobExecutionsForThing",
       &HandleListJobExecutionsForThing},
      {kControl, "CancelJobExecution", "iot:CancelJobExecution", &HandleCancelJobExecution},
      {kControl, "DeleteJobExecution", "iot:DeleteJobExecution", &HandleDeleteJobExecution},
      // Device plane.
      {kDevice, "GetPendingJobExecutions", "iotjobsdata:GetPendingJobExecutions",
       &HandleGetPendingJobExecutions},
      {kDevice, "StartNextPendingJobExecution", "iotjobsdata:StartNextPendingJobExecution",
       &HandleStartNextPendingJobExecution},
      {kDevice, "DescribeJobExecution", "iotjobsdata:DescribeJobExecution",
       &HandleDeviceDescribeJobExecution},
      {kDevice, "UpdateJobExecution", "iotjobsdata:UpdateJobExecution", &HandleUpdateJobExecution},
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
