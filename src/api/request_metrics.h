#pragma once

#include <array>
#include <chrono>
#include <string>
#include <string_view>
#include <unordered_map>

#include "api/wire/model.h"
#include "common/metrics.h"

namespace iotjobs::api {

// iotjobs_requests_total{operation, plane, status_class} and the request latency, counted
// as each answer leaves the Api. Every operation of both planes is declared when the Api is
// built, so the table looked up per request never changes afterwards: requests read it from
// any thread without a lock, and counting is one atomic add per metric.
class RequestMetrics {
 public:
  // The operations not matched to one (refused before routing: a bad signature, an unknown
  // path) are counted under this name.
  static constexpr std::string_view kUnknownOperation = "Unknown";

  RequestMetrics();

  // One request answered with HTTP `status`.
  void Count(wire::Plane plane, std::string_view operation, int status,
             std::chrono::steady_clock::time_point started) const;

  static std::string_view PlaneLabel(wire::Plane plane) {
    return plane == wire::Plane::kDevice ? "iot-jobs-data" : "iot";
  }

 private:
  using ByClass = std::array<metrics::Counter*, 3>;  // 2xx (and below), 4xx, 5xx
  void Declare(wire::Plane plane, std::string_view operation);

  std::unordered_map<std::string_view, ByClass> control_;
  std::unordered_map<std::string_view, ByClass> device_;
};

}  // namespace iotjobs::api
