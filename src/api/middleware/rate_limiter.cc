#include "api/middleware/rate_limiter.h"

#include <algorithm>

namespace iotjobs::api {
namespace {

struct Quota {
  std::string_view operation;
  double per_second;
};

// docs/aws-behaviour.md, "Request rates" (source [LIMITS-2019]); the operations it does not
// list use 10.
constexpr Quota kControlPlane[] = {
    {"CreateThing", 15},          {"DescribeThing", 350},         {"DeleteThing", 15},
    {"UpdateThing", 10},          {"ListThings", 10},             {"CreateThingGroup", 25},
    {"DescribeThingGroup", 100},  {"AddThingToThingGroup", 60},   {"RemoveThingFromThingGroup", 15},
    {"ListThingsInThingGroup", 25},
};
constexpr double kDefaultPerSecond = 10;
constexpr double kDevicePerSecond = 200;

}  // namespace

std::pair<std::string_view, double> RateLimiter::QuotaOf(std::string_view operation,
                                                         bool device_plane) {
  if (device_plane) {
    // Two shared quotas: reads (DescribeJobExecution, GetPendingJobExecutions) and writes.
    bool read = operation == "DescribeJobExecution" || operation == "GetPendingJobExecutions";
    return {read ? "iotjobsdata:read" : "iotjobsdata:write", kDevicePerSecond};
  }
  for (const Quota& q : kControlPlane) {
    if (q.operation == operation) return {q.operation, q.per_second};
  }
  return {operation, kDefaultPerSecond};
}

Status RateLimiter::Admit(const std::string& account, std::string_view operation,
                          bool device_plane) {
  auto [bucket_name, rate] = QuotaOf(operation, device_plane);
  EpochMillis now = clock_.NowMillis();
  std::lock_guard lock(mu_);
  auto [it, fresh] = buckets_.try_emplace({account, bucket_name});
  Bucket& b = it->second;
  if (fresh) {
    b.tokens = rate;  // a full second's worth to start
  } else {
    b.tokens = std::min(rate, b.tokens + rate * static_cast<double>(now - b.refilled_at) / 1000.0);
  }
  b.refilled_at = now;
  if (b.tokens < 1) {
    return Status(ErrorCode::kThrottling, "Rate exceeded");
  }
  b.tokens -= 1;
  return Status::Ok();
}

}  // namespace iotjobs::api
