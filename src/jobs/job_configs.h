#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace iotjobs::jobs {

// The job configurations of CreateJob/UpdateJob, typed because timers, retries, aborts and
// rollouts act on them. Field names follow the model's members mechanically.

struct TimeoutConfig {
  std::optional<int64_t> in_progress_timeout_in_minutes;  // 1..10080
};

struct RetryCriteria {
  std::string failure_type;  // FAILED | TIMED_OUT | ALL
  int32_t number_of_retries = 0;  // 0..10
};
struct JobExecutionsRetryConfig {
  std::vector<RetryCriteria> criteria_list;  // 1..2
};

struct AbortCriteria {
  std::string failure_type;  // FAILED | REJECTED | TIMED_OUT | ALL
  std::string action;        // CANCEL
  double threshold_percentage = 0;
  int32_t min_number_of_executed_things = 1;
};
struct AbortConfig {
  std::vector<AbortCriteria> criteria_list;
};

struct RateIncreaseCriteria {
  std::optional<int32_t> number_of_notified_things;
  std::optional<int32_t> number_of_succeeded_things;
};
struct ExponentialRolloutRate {
  int32_t base_rate_per_minute = 1;
  double increment_factor = 2;
  RateIncreaseCriteria rate_increase_criteria;
};
struct JobExecutionsRolloutConfig {
  std::optional<int32_t> maximum_per_minute;
  std::optional<ExponentialRolloutRate> exponential_rate;
};

struct MaintenanceWindow {
  std::string start_time;  // cron expression
  int32_t duration_in_minutes = 0;
};
struct SchedulingConfig {
  std::optional<std::string> start_time;  // "YYYY-MM-DDTHH:MM" (UTC)
  std::optional<std::string> end_time;
  std::optional<std::string> end_behavior;  // STOP_ROLLOUT | CANCEL | FORCE_CANCEL
  std::vector<MaintenanceWindow> maintenance_windows;
};

struct PresignedUrlConfig {
  std::optional<std::string> role_arn;
  std::optional<int64_t> expires_in_sec;
};

struct Tag {
  std::string key;
  std::optional<std::string> value;
};

}  // namespace iotjobs::jobs
