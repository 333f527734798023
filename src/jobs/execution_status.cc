#include "jobs/execution_status.h"

namespace iotjobs::jobs {

std::string_view ToString(ExecutionStatus status) {
  switch (status) {
    case ExecutionStatus::kQueued: return "QUEUED";
    case ExecutionStatus::kInProgress: return "IN_PROGRESS";
    case ExecutionStatus::kSucceeded: return "SUCCEEDED";
    case ExecutionStatus::kFailed: return "FAILED";
    case ExecutionStatus::kTimedOut: return "TIMED_OUT";
    case ExecutionStatus::kRejected: return "REJECTED";
    case ExecutionStatus::kRemoved: return "REMOVED";
    case ExecutionStatus::kCanceled: return "CANCELED";
  }
  return "QUEUED";
}

std::optional<ExecutionStatus> ParseExecutionStatus(std::string_view text) {
  for (ExecutionStatus s : kAllExecutionStatuses) {
    if (ToString(s) == text) return s;
  }
  return std::nullopt;
}

bool IsTerminal(ExecutionStatus status) {
  return status != ExecutionStatus::kQueued && status != ExecutionStatus::kInProgress;
}

}  // namespace iotjobs::jobs
