#include "jobs/execution_state_machine.h"

#include <array>

namespace iotjobs::jobs {
namespace {

using S = ExecutionStatus;
using E = ExecutionEvent;

// One cell of the table: refused, becomes `to`, or is deleted.
struct Cell {
  enum Kind { kRefused, kBecomes, kDeleted } kind;
  S to;
};
constexpr Cell R{Cell::kRefused, S::kQueued};
constexpr Cell D{Cell::kDeleted, S::kQueued};
constexpr Cell To(S s) { return {Cell::kBecomes, s}; }

constexpr int kStatuses = 8;
constexpr int kEvents = 10;

// Rows: current status (QUEUED, IN_PROGRESS, then the six terminal statuses).
// Columns: the events in ExecutionEvent order. Sources: docs/aws-behaviour.md, sections
// "DeleteJobExecution", "Execution statuses" and "Decisions".
// - A device may finish a QUEUED execution directly (the lifecycle diagram rejects a queued
//   one; "Execution statuses") and may report IN_PROGRESS again while it runs.
// - Cancel without force leaves IN_PROGRESS alone (409), force cancels it.
// - Delete without force refuses only IN_PROGRESS (D1); force deletes anything.
// - Terminal statuses are final for every event but deletion (D2, D10).
constexpr std::array<std::array<Cell, kEvents>, kStatuses> kTable = {{
    //            DevInProg           DevSucceeded        DevFailed         DevRejected
    //            Cancel              ForceCancel         Delete  ForceDel  TimeOut  Remove
    /*QUEUED*/ {{To(S::kInProgress), To(S::kSucceeded), To(S::kFailed), To(S::kRejected),
                 To(S::kCanceled), To(S::kCanceled), D, D, R, To(S::kRemoved)}},
    /*IN_PROG*/ {{To(S::kInProgress), To(S::kSucceeded), To(S::kFailed), To(S::kRejected), R,
                  To(S::kCanceled), R, D, To(S::kTimedOut), To(S::kRemoved)}},
    /*SUCCEED*/ {{R, R, R, R, R, R, D, D, R, R}},
    /*FAILED*/ {{R, R, R, R, R, R, D, D, R, R}},
    /*TIMEOUT*/ {{R, R, R, R, R, R, D, D, R, R}},
    /*REJECT*/ {{R, R, R, R, R, R, D, D, R, R}},
    /*REMOVED*/ {{R, R, R, R, R, R, D, D, R, R}},
    /*CANCEL*/ {{R, R, R, R, R, R, D, D, R, R}},
}};

std::string RefusalMessage(S from, E event) {
  switch (event) {
    case E::kDelete:
      return "Cannot delete a job execution in status IN_PROGRESS without force. "
             "Set force to true to delete it.";
    case E::kCancel:
      if (from == S::kInProgress) {
        return "Cannot cancel a job execution in status IN_PROGRESS without force. "
               "Set force to true to cancel it.";
      }
      [[fallthrough]];
    case E::kForceCancel:
      return "Cannot cancel a job execution in terminal status " + std::string(ToString(from)) +
             ".";
    default:
      return "Job execution is in terminal status " + std::string(ToString(from)) +
             " and cannot be updated" +
             (event == E::kTimeOut || event == E::kRemove ? " by the service." : ".");
  }
}

}  // namespace

std::string_view ToString(ExecutionEvent event) {
  switch (event) {
    case E::kDeviceInProgress: return "device IN_PROGRESS";
    case E::kDeviceSucceeded: return "device SUCCEEDED";
    case E::kDeviceFailed: return "device FAILED";
    case E::kDeviceRejected: return "device REJECTED";
    case E::kCancel: return "cancel";
    case E::kForceCancel: return "force cancel";
    case E::kDelete: return "delete";
    case E::kForceDelete: return "force delete";
    case E::kTimeOut: return "time out";
    case E::kRemove: return "remove";
  }
  return "?";
}

Result<Transition> ApplyEvent(ExecutionStatus from, ExecutionEvent event) {
  const Cell& cell = kTable[static_cast<int>(from)][static_cast<int>(event)];
  switch (cell.kind) {
    case Cell::kBecomes: return Transition{false, cell.to};
    case Cell::kDeleted: return Transition{true, from};
    case Cell::kRefused: break;
  }
  return InvalidStateTransition(RefusalMessage(from, event));
}

Result<ExecutionEvent> DeviceEventFor(ExecutionStatus requested) {
  switch (requested) {
    case S::kInProgress: return E::kDeviceInProgress;
    case S::kSucceeded: return E::kDeviceSucceeded;
    case S::kFailed: return E::kDeviceFailed;
    case S::kRejected: return E::kDeviceRejected;
    default:
      return InvalidRequest("A device may only set the status of a job execution to "
                            "IN_PROGRESS, SUCCEEDED, FAILED or REJECTED, not " +
                            std::string(ToString(requested)) + ".");
  }
}

}  // namespace iotjobs::jobs
