#include "api/plane.h"

#include "auth/authorization.h"
#include "common/encoding.h"

namespace iotjobs::api {
namespace {

wire::Plane PlaneOfService(std::string_view service) {
  return service == "iot-jobs-data" ? wire::Plane::kDevice : wire::Plane::kControl;
}

}  // namespace

wire::Plane PlaneOf(const ApiRequest& request) {
  if (const std::string* authorization = request.Header("authorization")) {
    if (auto service = auth::SigningServiceOf(*authorization)) return PlaneOfService(*service);
  }
  // Presigned: X-Amz-Credential=AKID%2F20150830%2Fus-east-1%2Fiot-jobs-data%2Faws4_request
  std::string_view target = request.target;
  if (size_t q = target.find('?'); q != std::string_view::npos) {
    std::string_view query = target.substr(q + 1);
    size_t at = query.find("X-Amz-Credential=");
    if (at != std::string_view::npos) {
      std::string_view value = query.substr(at + 17);
      value = value.substr(0, value.find('&'));
      if (auto decoded = PercentDecode(value, false)) {
        // AKID/date/region/service/aws4_request
        std::string_view scope = *decoded;
        for (int i = 0; i < 3 && !scope.empty(); ++i) {
          size_t slash = scope.find('/');
          scope = slash == std::string_view::npos ? std::string_view() : scope.substr(slash + 1);
        }
        return PlaneOfService(scope.substr(0, scope.find('/')));
      }
    }
  }
  if (const std::string* host = request.Header("host")) {
    if (host->rfind("data.jobs.iot.", 0) == 0 || host->find(".jobs.iot.") != std::string::npos) {
      return wire::Plane::kDevice;
    }
  }
  return wire::Plane::kControl;
}

}  // namespace iotjobs::api
