// Which jobs a sweep of changed counters decides on, and how far each writer's mark moves
// (service/count_sweep.h).
#include "service/count_sweep.h"

#include <gtest/gtest.h>

namespace iotjobs::service {
namespace {

store::JobCountChange Change(const std::string& job, int64_t shard, int64_t seq) {
  return {"acct", job, shard, seq};
}

TEST(CountSweep, OneDecisionPerJobWhateverWritersChangedIt) {
  CountSweep sweep({Change("a", 1, 1), Change("b", 1, 2), Change("a", 2, 7)}, 1000);
  ASSERT_EQ(sweep.jobs().size(), 2u);
  EXPECT_EQ(sweep.jobs().at({"acct", "a"}).size(), 2u);
  EXPECT_EQ(sweep.jobs().at({"acct", "b"}).size(), 1u);
  EXPECT_FALSE(sweep.more());
}

TEST(CountSweep, MarksMovePastWhatWasListed) {
  CountSweep sweep({Change("a", 1, 3), Change("b", 1, 5), Change("a", 2, 7)}, 1000);
  CountWatermarks after{{1, 2}, {3, 9}};
  sweep.Advance(after);
  EXPECT_EQ(after, (CountWatermarks{{1, 5}, {2, 7}, {3, 9}}));
}

TEST(CountSweep, AFailedDecisionHoldsItsWritersMarkBeforeItsFirstChange) {
  CountSweep sweep({Change("a", 1, 3), Change("b", 1, 5), Change("c", 1, 6), Change("b", 2, 4)},
                   1000);
  sweep.Failed(sweep.jobs().at({"acct", "b"}));
  CountWatermarks after;
  sweep.Advance(after);
  // Writer 1: change 5 (job b) is looked at again, so the mark stays at 4 although 6 was
  // decided; writer 2's only change was b's.
  EXPECT_EQ(after, (CountWatermarks{{1, 4}, {2, 3}}));
}

TEST(CountSweep, AMarkNeverMovesBack) {
  CountSweep sweep({Change("a", 1, 3)}, 1000);
  sweep.Failed(sweep.jobs().at({"acct", "a"}));
  CountWatermarks after{{1, 10}};
  sweep.Advance(after);
  EXPECT_EQ(after.at(1), 10);
}

TEST(CountSweep, AFullListingSaysMoreMayWait) {
  CountSweep full({Change("a", 1, 1), Change("b", 1, 2), Change("c", 2, 1)}, 2);
  EXPECT_TRUE(full.more());
  CountSweep short_of_it({Change("a", 1, 1), Change("c", 2, 1)}, 2);
  EXPECT_FALSE(short_of_it.more());
}

}  // namespace
}  // namespace iotjobs::service
