#include "api/router.h"

#include <gtest/gtest.h>

#include "api/routes.h"

namespace iotjobs::api {
namespace {

TEST(Router, ControlPlaneTemplates) {
  Router r(wire::ControlPlaneModel());
  auto m = r.Match("DELETE", "/things/t1/jobs/j1/executionNumber/3");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->operation->name, "DeleteJobExecution");
  EXPECT_EQ(m->labels.at("thingName"), "t1");
  EXPECT_EQ(m->labels.at("jobId"), "j1");
  EXPECT_EQ(m->labels.at("executionNumber"), "3");

  // Literal segments beat labels.
  m = r.Match("PUT", "/thing-groups/addThingToThingGroup");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->operation->name, "AddThingToThingGroup");
  m = r.Match("POST", "/thing-groups/addThingToThingGroup");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->operation->name, "CreateThingGroup");

  m = r.Match("GET", "/things/t1/jobs/j1");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->operation->name, "DescribeJobExecution");
}

TEST(Router, PercentEncodedLabelsAreDecoded) {
  Router r(wire::ControlPlaneModel());
  auto m = r.Match("GET", "/jobs/bad%20id");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->labels.at("jobId"), "bad id");
  EXPECT_EQ(r.Match("GET", "/jobs/bad%2").status().code(), ErrorCode::kInvalidRequest);
}

TEST(Router, DevicePlaneNextEitherSpelling) {
  Router r(wire::DevicePlaneModel());
  for (const char* path : {"/things/t1/jobs/$next", "/things/t1/jobs/%24next"}) {
    auto m = r.Match("PUT", path);
    ASSERT_TRUE(m.ok()) << path;
    EXPECT_EQ(m->operation->name, "StartNextPendingJobExecution");
  }
  auto m = r.Match("GET", "/things/t1/jobs/%24next");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->operation->name, "DescribeJobExecution");
  EXPECT_EQ(m->labels.at("jobId"), "$next");
}

TEST(Router, UnknownPathAndWrongMethod) {
  Router r(wire::ControlPlaneModel());
  EXPECT_EQ(r.Match("GET", "/nothing/here").status().code(), ErrorCode::kUnknownOperation);
  EXPECT_EQ(r.Match("PATCH", "/things/t1/jobs/j1/executionNumber/1").status().code(),
            ErrorCode::kMethodNotAllowed);
  EXPECT_EQ(r.Match("GET", "/things//jobs").status().code(), ErrorCode::kUnknownOperation);
}

TEST(Routes, EveryModelOperationHasARouteAndBack) {
  for (const auto* model : {&wire::ControlPlaneModel(), &wire::DevicePlaneModel()}) {
    for (const auto& op : model->operations) {
      const Route* route = FindRoute(model->plane, op.name);
      ASSERT_TRUE(route) << op.name;
      std::string prefix = model->plane == wire::Plane::kControl ? "iot:" : "iotjobsdata:";
      EXPECT_EQ(route->iam_action, prefix + op.name);
    }
  }
  for (const auto& route : AllRoutes()) {
    EXPECT_TRUE(wire::ModelFor(route.plane).FindOperation(route.operation)) << route.operation;
  }
}

}  // namespace
}  // namespace iotjobs::api
