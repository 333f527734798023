#include "common/clock.h"

#include <gtest/gtest.h>

#include <limits>

namespace iotjobs {
namespace {

constexpr EpochMillis kMax = std::numeric_limits<EpochMillis>::max();
constexpr EpochMillis kMin = std::numeric_limits<EpochMillis>::min();

TEST(TimeArithmetic, AddsInRange) {
  EXPECT_EQ(AddMinutes(1'000, 10080), 1'000 + 10080LL * 60'000);
  EXPECT_EQ(AddMinutes(1'000, -1), 1'000 - 60'000);
  EXPECT_EQ(AddMillis(5, -5), 0);
}

// What a timeout of 2^63-1 minutes did to the deadline before it was range-checked.
TEST(TimeArithmetic, SaturatesInsteadOfOverflowing) {
  EXPECT_EQ(AddMinutes(1'700'000'000'000, kMax), kMax);
  EXPECT_EQ(AddMinutes(-1'700'000'000'000, kMin), kMin);
  EXPECT_EQ(AddMillis(kMax - 1, 2), kMax);
  EXPECT_EQ(AddMillis(kMin + 1, -2), kMin);
}

}  // namespace
}  // namespace iotjobs
