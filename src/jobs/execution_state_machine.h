#pragma once

#include <string>

#include "common/result.h"
#include "jobs/execution_status.h"

namespace iotjobs::jobs {

// Everything that can happen to an existing job execution, by whom.
// docs/execution-state-machine.md prints the table this file implements.
enum class ExecutionEvent {
  kDeviceInProgress,  // UpdateJobExecution(IN_PROGRESS) or StartNextPendingJobExecution
  kDeviceSucceeded,   // UpdateJobExecution(SUCCEEDED)
  kDeviceFailed,      // UpdateJobExecution(FAILED)
  kDeviceRejected,    // UpdateJobExecution(REJECTED)
  kCancel,            // CancelJobExecution / CancelJob / abort, without force
  kForceCancel,       // the same with force=true
  kDelete,            // DeleteJobExecution without force
  kForceDelete,       // DeleteJobExecution with force=true
  kTimeOut,           // the in-progress or step timer expired (service)
  kRemove,            // the thing stopped being a target (service)
};

inline constexpr ExecutionEvent kAllExecutionEvents[] = {
    ExecutionEvent::kDeviceInProgress, ExecutionEvent::kDeviceSucceeded,
    ExecutionEvent::kDeviceFailed,     ExecutionEvent::kDeviceRejected,
    ExecutionEvent::kCancel,           ExecutionEvent::kForceCancel,
    ExecutionEvent::kDelete,           ExecutionEvent::kForceDelete,
    ExecutionEvent::kTimeOut,          ExecutionEvent::kRemove,
};

std::string_view ToString(ExecutionEvent event);

// The outcome of an allowed event: the new status, or deletion of the record.
struct Transition {
  bool deletes = false;
  ExecutionStatus to = ExecutionStatus::kQueued;  // meaningful when !deletes
};

// Looks the (status, event) pair up in the one transition table.
// Returns the transition, or kInvalidStateTransition (HTTP 409) with AWS's wording when the
// pair is refused. Service events that no longer apply (a timer firing on a finished
// execution) are refused too; their callers skip them.
Result<Transition> ApplyEvent(ExecutionStatus from, ExecutionEvent event);

// The device event for a status a device asked for; kInvalidRequest (400) for the statuses a
// device may not set (QUEUED, TIMED_OUT, REMOVED, CANCELED: docs/aws-behaviour.md, D9).
Result<ExecutionEvent> DeviceEventFor(ExecutionStatus requested);

}  // namespace iotjobs::jobs
