#pragma once

#include <atomic>
#include <cstdint>

namespace iotjobs {

// Milliseconds since the Unix epoch. Every stored time uses this unit.
using EpochMillis = int64_t;

// Time arithmetic that cannot overflow: the sum saturates at the ends of EpochMillis. Inputs
// are range-checked before they get here; this keeps a missed check (or a test clock moved
// far) from turning a deadline into undefined behaviour or a time in the past.
EpochMillis AddMillis(EpochMillis t, int64_t millis);
EpochMillis AddMinutes(EpochMillis t, int64_t minutes);

// Source of the current time. Timers and timestamps read it, so tests can move time instead
// of sleeping. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual EpochMillis NowMillis() const = 0;
};

// The wall clock.
class SystemClock final : public Clock {
 public:
  EpochMillis NowMillis() const override;
};

// A clock that moves only when told to: for tests, and for iotjobsd's opt-in test clock.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(EpochMillis start) : now_(start) {}
  EpochMillis NowMillis() const override { return now_.load(); }
  void Set(EpochMillis now) { now_.store(now); }
  void Advance(EpochMillis by) { now_.fetch_add(by); }

 private:
  std::atomic<EpochMillis> now_;
};

}  // namespace iotjobs
