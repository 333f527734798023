#include "common/clock.h"

#include <chrono>
#include <cstdint>
#include <limits>

namespace iotjobs {

EpochMillis AddMillis(EpochMillis t, int64_t millis) {
  EpochMillis sum;
  if (!__builtin_add_overflow(t, millis, &sum)) return sum;
  return millis > 0 ? std::numeric_limits<EpochMillis>::max()
                    : std::numeric_limits<EpochMillis>::min();
}

EpochMillis AddMinutes(EpochMillis t, int64_t minutes) {
  int64_t millis;
  if (__builtin_mul_overflow(minutes, int64_t{60'000}, &millis)) {
    millis = minutes > 0 ? std::numeric_limits<int64_t>::max() : std::numeric_limits<int64_t>::min();
  }
  return AddMillis(t, millis);
}

EpochMillis SystemClock::NowMillis() const {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace iotjobs
