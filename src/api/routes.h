#pragma once

#include <string_view>

#include "api/handlers/handler.h"
#include "api/wire/model.h"

namespace iotjobs::api {

// One served operation: its plane, its model name, the IAM action it is authorized as, and
// the handler that runs it.
struct Route {
  wire::Plane plane;
  std::string_view operation;
  std::string_view iam_action;
  Handler handler;
};

// Every route, one line each (routes.cc). The model's operations and this table are checked
// against each other by a test: every operation of both trimmed models has a route.
const std::vector<Route>& AllRoutes();

// The route of an operation of the model, or nullptr.
const Route* FindRoute(wire::Plane plane, std::string_view operation);

}  // namespace iotjobs::api
