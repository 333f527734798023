#pragma once

#include <optional>
#include <string_view>

namespace iotjobs::jobs {

// JobExecutionStatus of both botocore models, in the models' order.
enum class ExecutionStatus {
  kQueued,
  kInProgress,
  kSucceeded,
  kFailed,
  kTimedOut,
  kRejected,
  kRemoved,
  kCanceled,
};

inline constexpr ExecutionStatus kAllExecutionStatuses[] = {
    ExecutionStatus::kQueued,   ExecutionStatus::kInProgress, ExecutionStatus::kSucceeded,
    ExecutionStatus::kFailed,   ExecutionStatus::kTimedOut,   ExecutionStatus::kRejected,
    ExecutionStatus::kRemoved,  ExecutionStatus::kCanceled,
};

// "QUEUED", "IN_PROGRESS", ... as on the wire.
std::string_view ToString(ExecutionStatus status);
std::optional<ExecutionStatus> ParseExecutionStatus(std::string_view text);

// Terminal statuses are final: SUCCEEDED, FAILED, TIMED_OUT, REJECTED, REMOVED, CANCELED
// (docs/aws-behaviour.md, D2: TIMED_OUT is terminal although the DeleteJobExecution text
// omits it).
bool IsTerminal(ExecutionStatus status);

// QUEUED and IN_PROGRESS: what a device still has to do.
inline bool IsPending(ExecutionStatus status) { return !IsTerminal(status); }

}  // namespace iotjobs::jobs
