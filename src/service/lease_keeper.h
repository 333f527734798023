#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "common/background_loop.h"
#include "common/clock.h"
#include "store/store.h"

namespace iotjobs::service {

// Holds one lease in the store (store.h, AcquireLease) for this iotjobsd instance, so that of
// several instances on one database exactly one runs the background work: the timer sweeps,
// the outbox relay and, on brokers without shared subscriptions, the MQTT request topics.
//
// It tries every third of the lease's length: the holder renews long before the lease runs
// out, and when the holder dies the others take over within about 1.33 lengths. A renewal
// the store cannot make (database unreachable) keeps the lease only until it would have run
// out anyway; after that this instance steps down, because another may have taken it.
// Stop() gives the lease up, so a clean shutdown hands over at once.
//
// `on_change(held)` runs on the keeper's thread whenever holding changes.
class LeaseKeeper {
 public:
  LeaseKeeper(store::Store& store, const Clock& clock, std::string name, std::string holder,
              std::chrono::milliseconds length, std::function<void(bool held)> on_change);
  ~LeaseKeeper();
  LeaseKeeper(const LeaseKeeper&) = delete;
  LeaseKeeper& operator=(const LeaseKeeper&) = delete;

  void Start();
  void Stop();

  // One attempt to take or renew the lease, now; returns whether this instance holds it
  // afterwards. The thread calls it; tests call it directly with a manual clock.
  bool Tick();

  const std::string& holder() const { return holder_; }

 private:
  void SetHeld(bool held);

  store::Store& store_;
  const Clock& clock_;
  const std::string name_;
  const std::string holder_;
  const std::chrono::milliseconds length_;
  std::function<void(bool)> on_change_;

  bool held_ = false;          // keeper thread (or the test) only
  EpochMillis held_until_ = 0;  // when the last successful renewal runs out

  BackgroundLoop loop_;
};

}  // namespace iotjobs::service
