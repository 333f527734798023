// Every (status, event) pair of the execution state machine, allowed or refused, from one
// table of named cases (docs/execution-state-machine.md; docs/aws-behaviour.md,
// "DeleteJobExecution", "Execution statuses" and "Decisions").
#include "jobs/execution_state_machine.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace iotjobs::jobs {
namespace {

using S = ExecutionStatus;
using E = ExecutionEvent;

struct Case {
  S from;
  E event;
  // nullopt: refused with InvalidStateTransition; kDeleted: record removed.
  std::optional<S> to;
  bool deletes = false;
};

constexpr std::nullopt_t kRefused = std::nullopt;
Case Deleted(S from, E event) { return {from, event, from, true}; }

const Case kCases[] = {
    // QUEUED: a device may start or finish it; cancel with or without force; delete freely.
    {S::kQueued, E::kDeviceInProgress, S::kInProgress},
    {S::kQueued, E::kDeviceSucceeded, S::kSucceeded},
    {S::kQueued, E::kDeviceFailed, S::kFailed},
    {S::kQueued, E::kDeviceRejected, S::kRejected},
    {S::kQueued, E::kCancel, S::kCanceled},
    {S::kQueued, E::kForceCancel, S::kCanceled},
    Deleted(S::kQueued, E::kDelete),
    Deleted(S::kQueued, E::kForceDelete),
    {S::kQueued, E::kTimeOut, kRefused},
    {S::kQueued, E::kRemove, S::kRemoved},
    // IN_PROGRESS: only force cancels or deletes it (the seed command's 409 case).
    {S::kInProgress, E::kDeviceInProgress, S::kInProgress},
    {S::kInProgress, E::kDeviceSucceeded, S::kSucceeded},
    {S::kInProgress, E::kDeviceFailed, S::kFailed},
    {S::kInProgress, E::kDeviceRejected, S::kRejected},
    {S::kInProgress, E::kCancel, kRefused},
    {S::kInProgress, E::kForceCancel, S::kCanceled},
    {S::kInProgress, E::kDelete, kRefused},
    Deleted(S::kInProgress, E::kForceDelete),
    {S::kInProgress, E::kTimeOut, S::kTimedOut},
    {S::kInProgress, E::kRemove, S::kRemoved},
};

TEST(ExecutionStateMachine, NonTerminalTable) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(std::string(ToString(c.from)) + " + " + std::string(ToString(c.event)));
    Result<Transition> r = ApplyEvent(c.from, c.event);
    if (!c.to) {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.status().code(), ErrorCode::kInvalidStateTransition);
      continue;
    }
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->deletes, c.deletes);
    if (!c.deletes) {
      EXPECT_EQ(r->to, *c.to);
    }
  }
}

// Terminal statuses are final: every event but deletion is refused, and deletion needs no
// force (TIMED_OUT included: docs/aws-behaviour.md, D1 and D2).
TEST(ExecutionStateMachine, TerminalStatusesAreFinal) {
  for (S from : kAllExecutionStatuses) {
    if (!IsTerminal(from)) continue;
    for (E event : kAllExecutionEvents) {
      SCOPED_TRACE(std::string(ToString(from)) + " + " + std::string(ToString(event)));
      Result<Transition> r = ApplyEvent(from, event);
      if (event == E::kDelete || event == E::kForceDelete) {
        ASSERT_TRUE(r.ok());
        EXPECT_TRUE(r->deletes);
      } else {
        ASSERT_FALSE(r.ok());
        EXPECT_EQ(r.status().code(), ErrorCode::kInvalidStateTransition);
      }
    }
  }
}

TEST(ExecutionStateMachine, EveryPairIsCovered) {
  int covered = 0;
  for (S from : kAllExecutionStatuses) {
    for (E event : kAllExecutionEvents) {
      (void)ApplyEvent(from, event);  // must not crash for any pair
      ++covered;
    }
  }
  EXPECT_EQ(covered, 8 * 10);
  EXPECT_EQ(std::size(kCases), 2u * 10u);  // both non-terminal statuses, every event
}

TEST(ExecutionStateMachine, DeleteWithoutForceMessageNamesForce) {
  Result<Transition> r = ApplyEvent(S::kInProgress, E::kDelete);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("force"), std::string::npos);
}

TEST(ExecutionStateMachine, DeviceMaySetOnlyFourStatuses) {
  for (S s : kAllExecutionStatuses) {
    SCOPED_TRACE(std::string(ToString(s)));
    Result<E> e = DeviceEventFor(s);
    bool allowed = s == S::kInProgress || s == S::kSucceeded || s == S::kFailed ||
                   s == S::kRejected;
    EXPECT_EQ(e.ok(), allowed);
    if (!allowed) {
      EXPECT_EQ(e.status().code(), ErrorCode::kInvalidRequest);
    }
  }
}

TEST(ExecutionStatus, WireNamesRoundTrip) {
  for (S s : kAllExecutionStatuses) EXPECT_EQ(ParseExecutionStatus(ToString(s)), s);
  EXPECT_EQ(ParseExecutionStatus("queued"), std::nullopt);
  EXPECT_EQ(ParseExecutionStatus("SUCCESS"), std::nullopt);
}

}  // namespace
}  // namespace iotjobs::jobs
