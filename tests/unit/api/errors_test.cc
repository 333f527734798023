#include "api/wire/errors.h"

#include <gtest/gtest.h>

#include <string>

namespace iotjobs::api::wire {
namespace {

// The error table agrees with the models: every modelled exception of a served operation has
// the status its shape declares (ThrottlingException by plane).
TEST(Errors, StatusesComeFromTheModel) {
  const ErrorCode codes[] = {
      ErrorCode::kInvalidRequest,  ErrorCode::kResourceNotFound, ErrorCode::kResourceAlreadyExists,
      ErrorCode::kInvalidStateTransition, ErrorCode::kVersionConflict, ErrorCode::kConflict,
      ErrorCode::kLimitExceeded,   ErrorCode::kTerminalState,    ErrorCode::kThrottling,
      ErrorCode::kUnauthorized,    ErrorCode::kServiceUnavailable, ErrorCode::kInternalFailure,
  };
  int checked = 0;
  for (const ServiceModel* model : {&ControlPlaneModel(), &DevicePlaneModel()}) {
    for (ErrorCode code : codes) {
      ErrorInfo info = ErrorInfoFor(code, model->plane);
      auto it = model->shapes.find(std::string(info.type));
      if (it == model->shapes.end()) continue;
      EXPECT_TRUE(it->second.exception) << info.type;
      EXPECT_EQ(info.http_status, it->second.http_status) << info.type;
      ++checked;
    }
  }
  EXPECT_GE(checked, 14);
  EXPECT_EQ(ErrorInfoFor(ErrorCode::kThrottling, Plane::kControl).http_status, 400);
  EXPECT_EQ(ErrorInfoFor(ErrorCode::kThrottling, Plane::kDevice).http_status, 429);
  EXPECT_EQ(ErrorInfoFor(ErrorCode::kLimitExceeded, Plane::kControl).http_status, 410);
}

TEST(Errors, BodyIsJsonMessage) {
  EXPECT_EQ(ErrorBody(Status(ErrorCode::kResourceNotFound, "no \"job\"")),
            R"({"message":"no \"job\""})");
}

}  // namespace
}  // namespace iotjobs::api::wire
