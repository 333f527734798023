// ConnectionTracker: what a draining HTTP server relies on (HttpServer::Drain).
#include "api/connection_tracker.h"

#include <gtest/gtest.h>

namespace iotjobs::api {
namespace {

// A connection that is idle or busy; an idle one closes (leaves the tracker) when told.
class FakeConnection : public Drainable {
 public:
  FakeConnection(ConnectionTracker& tracker, bool idle) : tracker_(tracker), idle_(idle) {}
  void Open(const std::shared_ptr<FakeConnection>& self) { id_ = tracker_.Add(self); }
  void CloseIfIdle() override {
    ++told_;
    if (idle_) Close();
  }
  void Close() { tracker_.Remove(id_); }
  int told() const { return told_; }

 private:
  ConnectionTracker& tracker_;
  bool idle_;
  uint64_t id_ = 0;
  int told_ = 0;
};

std::shared_ptr<FakeConnection> Open(ConnectionTracker& tracker, bool idle) {
  auto c = std::make_shared<FakeConnection>(tracker, idle);
  c->Open(c);
  return c;
}

TEST(ConnectionTrackerTest, DrainClosesIdleConnectionsAndWaitsForBusyOnes) {
  ConnectionTracker tracker;
  auto idle = Open(tracker, true);
  auto busy = Open(tracker, false);
  int emptied = 0;
  tracker.Drain([&] { ++emptied; });
  EXPECT_TRUE(tracker.draining());
  EXPECT_EQ(idle->told(), 1);
  EXPECT_EQ(busy->told(), 1);
  EXPECT_EQ(tracker.open(), 1u);  // the busy one answers first
  EXPECT_EQ(emptied, 0);
  busy->Close();
  EXPECT_EQ(tracker.open(), 0u);
  EXPECT_EQ(emptied, 1);
}

TEST(ConnectionTrackerTest, DrainWithNothingOpenIsDoneAtOnce) {
  ConnectionTracker tracker;
  int emptied = 0;
  tracker.Drain([&] { ++emptied; });
  EXPECT_EQ(emptied, 1);
}

TEST(ConnectionTrackerTest, TheDrainWaitsForAConnectionAcceptedDuringIt) {
  ConnectionTracker tracker;
  auto busy = Open(tracker, false);
  int emptied = 0;
  tracker.Drain([&] { ++emptied; });
  auto late = Open(tracker, false);  // sees draining() itself, before reading anything
  EXPECT_EQ(late->told(), 0);
  busy->Close();
  EXPECT_EQ(emptied, 0);
  late->Close();
  EXPECT_EQ(emptied, 1);
}

TEST(ConnectionTrackerTest, ClosingBeforeADrainRunsNothing) {
  ConnectionTracker tracker;
  auto c = Open(tracker, false);
  c->Close();
  EXPECT_FALSE(tracker.draining());
  int emptied = 0;
  tracker.Drain([&] { ++emptied; });
  EXPECT_EQ(emptied, 1);
}

}  // namespace
}  // namespace iotjobs::api
