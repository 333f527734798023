// LeaseKeeper on a real (in-memory SQLite) store, with a clock the test moves: who runs the
// background work, hand-over when a holder dies or stops, and stepping down when the store
// cannot be reached.
#include "service/lease_keeper.h"

#include <gtest/gtest.h>

#include <vector>

#include "store/sqlite/sqlite_store.h"

namespace iotjobs::service {
namespace {

using std::chrono::milliseconds;

class LeaseKeeperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store::sqlite::SqliteOptions options;
    options.data_dir = ":memory:";
    auto s = store::sqlite::SqliteStore::Open(options);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }

  std::unique_ptr<LeaseKeeper> Keeper(const std::string& holder, std::vector<bool>* changes) {
    return std::make_unique<LeaseKeeper>(*store_, clock_, "background", holder, milliseconds(1000),
                                         [changes](bool held) { changes->push_back(held); });
  }

  ManualClock clock_{1'000'000};
  std::unique_ptr<store::sqlite::SqliteStore> store_;
};

TEST_F(LeaseKeeperTest, OneHolderUntilItStopsRenewing) {
  std::vector<bool> a_changes, b_changes;
  auto a = Keeper("a", &a_changes);
  auto b = Keeper("b", &b_changes);
  EXPECT_TRUE(a->Tick());
  EXPECT_FALSE(b->Tick());
  clock_.Advance(600);
  EXPECT_TRUE(a->Tick());  // renewed until +1600
  clock_.Advance(600);
  EXPECT_FALSE(b->Tick());  // a's renewal still runs
  // a stops renewing (it died): once its lease ran out, b takes over.
  clock_.Advance(1000);
  EXPECT_TRUE(b->Tick());
  EXPECT_FALSE(a->Tick());
  EXPECT_EQ(a_changes, (std::vector<bool>{true, false}));
  EXPECT_EQ(b_changes, (std::vector<bool>{true}));
}

TEST_F(LeaseKeeperTest, StopHandsOverAtOnce) {
  std::vector<bool> a_changes, b_changes;
  auto a = Keeper("a", &a_changes);
  auto b = Keeper("b", &b_changes);
  EXPECT_TRUE(a->Tick());
  EXPECT_FALSE(b->Tick());
  a->Stop();
  EXPECT_EQ(a_changes, (std::vector<bool>{true, false}));
  EXPECT_TRUE(b->Tick());  // no waiting for a's lease to run out
}

TEST_F(LeaseKeeperTest, StepsDownWhenTheStoreIsGoneAndTheLeaseRanOut) {
  std::vector<bool> changes;
  auto a = Keeper("a", &changes);
  EXPECT_TRUE(a->Tick());
  store_->Shutdown();  // every write now fails
  clock_.Advance(500);
  EXPECT_TRUE(a->Tick());  // cannot renew, but the lease it has still runs
  clock_.Advance(500);
  EXPECT_FALSE(a->Tick());  // ran out: another instance may hold it now
  EXPECT_EQ(changes, (std::vector<bool>{true, false}));
}

TEST_F(LeaseKeeperTest, ThreadTakesTheLeaseAndStopReleasesIt) {
  SystemClock wall;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<bool> changes;
  LeaseKeeper keeper(*store_, wall, "background", "a", milliseconds(300), [&](bool held) {
    std::lock_guard lock(mu);
    changes.push_back(held);
    cv.notify_all();
  });
  keeper.Start();
  {
    std::unique_lock lock(mu);
    ASSERT_TRUE(cv.wait_for(lock, std::chrono::seconds(10), [&] { return !changes.empty(); }));
  }
  keeper.Stop();
  std::lock_guard lock(mu);
  EXPECT_EQ(changes, (std::vector<bool>{true, false}));
}

}  // namespace
}  // namespace iotjobs::service
