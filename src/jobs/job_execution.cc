#include "jobs/job_execution.h"

#include <algorithm>

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
  return std::max<int64_t>(0, (*deadline - now) / 1000);
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
