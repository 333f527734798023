#pragma once

#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "api/routes.h"
#include "auth/principals.h"
#include "common/status.h"
#include "jobs/arn.h"

namespace iotjobs::api {

// The ARNs a request touches (Route::resources), from its validated input, in the caller's
// account: "*" for list operations.
std::vector<std::string> ResourceArns(Resources resources, const boost::json::object& input,
                                      const jobs::ArnContext& arns);

// May `principal` run `route` on `input`? The root of an account may do everything; a user
// needs every touched resource allowed for the route's IAM action and none explicitly denied,
// and, when a create operation gives its new resource tags, iot:TagResource on that resource.
// kAccessDenied with AWS's wording ("User: arn:aws:iam::1:user/ops is not authorized to
// perform: iot:DeleteJob on resource: arn:...") otherwise.
Status Authorize(const auth::Principal& principal, const Route& route,
                 const boost::json::object& input, const jobs::ArnContext& arns);

}  // namespace iotjobs::api
