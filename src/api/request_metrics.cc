#include "api/request_metrics.h"

#include "api/routes.h"
#include "common/server_metrics.h"

namespace iotjobs::api {

RequestMetrics::RequestMetrics() {
  for (wire::Plane plane : {wire::Plane::kControl, wire::Plane::kDevice}) {
    for (const wire::Operation& op : wire::ModelFor(plane).operations) {
      if (FindRoute(plane, op.name)) Declare(plane, op.name);
    }
    Declare(plane, kUnknownOperation);
  }
}

void RequestMetrics::Declare(wire::Plane plane, std::string_view operation) {
  // Operation names point into the static model (or at kUnknownOperation), which outlive us.
  ByClass& row = (plane == wire::Plane::kDevice ? device_ : control_)[operation];
  static constexpr const char* kClasses[] = {"2xx", "4xx", "5xx"};
  for (size_t i = 0; i < row.size(); ++i) {
    row[i] = &metrics::Server().registry.GetCounter(
        "iotjobs_requests_total",
        "API requests answered, per operation, plane and HTTP status class.",
        {{"operation", std::string(operation)},
         {"plane", std::string(PlaneLabel(plane))},
         {"status_class", kClasses[i]}});
  }
}

void RequestMetrics::Count(wire::Plane plane, std::string_view operation, int status,
                           std::chrono::steady_clock::time_point started) const {
  metrics::ServerMetrics& m = metrics::Server();
  const bool device = plane == wire::Plane::kDevice;
  (device ? m.request_seconds_device : m.request_seconds_control)
      .Observe(metrics::SecondsSince(started));
  const auto& table = device ? device_ : control_;
  auto row = table.find(operation);
  if (row == table.end()) row = table.find(kUnknownOperation);
  row->second[status >= 500 ? 2 : status >= 400 ? 1 : 0]->Inc();
}

}  // namespace iotjobs::api
