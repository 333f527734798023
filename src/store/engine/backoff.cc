#include "store/engine/backoff.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <random>
#include <thread>

namespace iotjobs::store {

bool Backoff::Wait() {
  if (attempts_ >= kMaxAttempts) return false;
  // Up to 0.5 ms after the first attempt, doubling to at most 100 ms: about a second
  // over all the attempts.
  const int64_t cap_us = std::min<int64_t>(int64_t{500} << std::min(attempts_ - 1, 20), 100'000);
  thread_local std::minstd_rand rng{std::random_device{}()};
  std::uniform_int_distribution<int64_t> pause(0, cap_us);
  std::this_thread::sleep_for(std::chrono::microseconds(pause(rng)));
  ++attempts_;
  return true;
}

}  // namespace iotjobs::store
