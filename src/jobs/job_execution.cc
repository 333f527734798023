#include "jobs/job_execution.h"

#include <algorithm>

#include "common/encoding.h"

namespace iotjobs::jobs {

std::optional<int64_t> ApproximateSecondsBeforeTimedOut(const JobExecution& execution,
                                                        EpochMillis now) {
  if (IsTerminal(execution.status)) return std::nullopt;
  std::optional<EpochMillis> deadline = execution.in_progress_timeout_at;
  if (execution.step_timeout_at) {
    deadline = deadline ? std::min(*deadline, *execution.step_timeout_at)
                        : *execution.step_timeout_at;
  }
  if (!deadline) return std::nullopt;
  // Whole seconds left, rounded up: a timer of 10 minutes reads 600 right after it starts.
  return std::max<int64_t>(0, (*deadline - now + 999) / 1000);
}

}  // namespace iotjobs::jobs

namespace iotjobs::jobs {

void ApplyTransition(JobExecution& execution, ExecutionStatus to, EpochMillis now) {
  if (to == ExecutionStatus::kInProgress && !execution.started_at) execution.started_at = now;
  execution.status = to;
  execution.version_number += 1;
  execution.last_updated_at = now;
  if (IsTerminal(to)) {
    execution.in_progress_timeout_at.reset();
    execution.step_timeout_at.reset();
  }
}

}  // namespace iotjobs::jobs

namespace iotjobs::jobs {
namespace {
constexpr size_t kMaxStatusDetails = 10;
constexpr size_t kMaxStatusDetailValue = 1024;
constexpr int64_t kMaxTimeoutMinutes = 10080;
}  // namespace

Status CheckStatusDetails(const std::map<std::string, std::string>& details) {
  if (details.size() > kMaxStatusDetails) {
    return InvalidRequest("statusDetails can hold at most 10 name/value pairs.");
  }
  for (const auto& [key, value] : details) {
    if (CodePoints(value) > kMaxStatusDetailValue) {
      return InvalidRequest("The value of statusDetails." + key +
                            " is longer than 1024 characters.");
    }
  }
  return Status::Ok();
}

Status CheckStepTimeout(int64_t minutes) {
  if (minutes == -1 || (minutes >= 1 && minutes <= kMaxTimeoutMinutes)) return Status::Ok();
  return InvalidRequest("stepTimeoutInMinutes must be between 1 and 10080, or -1 to cancel "
                        "the step timer.");
}

void SetStepTimer(JobExecution& execution, int64_t minutes, EpochMillis now) {
  if (minutes < 0) {
    execution.step_timeout_at.reset();
  } else {
    execution.step_timeout_at = AddMinutes(now, minutes);
  }
}

}  // namespace iotjobs::jobs
