#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

#include "common/clock.h"
#include "common/status.h"

namespace iotjobs::api {

// Per-account request rates per operation, as AWS IoT's quotas set them
// (docs/aws-behaviour.md, "Request rates"): DeleteJobExecution and the other job operations
// 10 per second, DescribeThing 350, the device plane 200 reads and 200 writes per second
// shared by its operations, and so on.
// Off by default (--rate-limits aws turns it on). A request over its rate is refused with
// kThrottling (ThrottlingException: 400 on the control plane, 429 on the device plane), which
// AWS clients retry with back-off. Thread-safe.
class RateLimiter {
 public:
  explicit RateLimiter(const Clock& clock) : clock_(clock) {}

  // OK, or kThrottling when `account` has used up `operation`'s rate (operation as named in
  // the model; `device_plane` tells the two DescribeJobExecution apart).
  Status Admit(const std::string& account, std::string_view operation, bool device_plane);

  // The quota of an operation: its bucket (operations that share a quota share a bucket) and
  // its requests per second; 10 per second for operations the quota table does not name.
  static std::pair<std::string_view, double> QuotaOf(std::string_view operation,
                                                     bool device_plane);

 private:
  struct Bucket {
    double tokens = 0;
    EpochMillis refilled_at = 0;
  };

  const Clock& clock_;
  std::mutex mu_;
  std::map<std::pair<std::string, std::string_view>, Bucket> buckets_;  // GUARDED_BY(mu_)
};

}  // namespace iotjobs::api
