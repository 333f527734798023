#include "service/lease_keeper.h"

#include "common/log.h"
#include "store/wait.h"

namespace iotjobs::service {

LeaseKeeper::LeaseKeeper(store::Store& store, const Clock& clock, std::string name,
                         std::string holder, std::chrono::milliseconds length,
                         std::function<void(bool)> on_change)
    : store_(store),
      clock_(clock),
      name_(std::move(name)),
      holder_(std::move(holder)),
      length_(length),
      on_change_(std::move(on_change)) {}

LeaseKeeper::~LeaseKeeper() { Stop(); }

// Takes or renews the lease at once, then every third of its length.
void LeaseKeeper::Start() {
  loop_.Start([this](bool) {
    Tick();
    return std::chrono::duration_cast<std::chrono::milliseconds>(length_ / 3);
  });
}

void LeaseKeeper::Stop() {
  if (!loop_.Stop()) return;
  if (!held_) return;
  Status released = store::WriteAndWait(
      store_, "", [this](store::WriteTransaction& tx) { return tx.ReleaseLease(name_, holder_); });
  if (!released.ok()) {
    // Not fatal: the lease runs out by itself.
    IOTJOBS_LOG(kWarn) << "lease " << name_ << ": not released: " << released.message();
  }
  SetHeld(false);
}

bool LeaseKeeper::Tick() {
  // The lease is measured from before the write: if the write is slow, this instance
  // believes in a lease that ends no later than the one the database recorded.
  const EpochMillis now = clock_.NowMillis();
  const EpochMillis until = AddMillis(now, length_.count());
  bool taken = false;
  Status written = store::WriteAndWait(store_, "", [&](store::WriteTransaction& tx) -> Status {
    IOTJOBS_ASSIGN_OR_RETURN(taken, tx.AcquireLease(name_, holder_, now, until));
    return Status::Ok();
  });
  if (written.ok()) {
    if (taken) held_until_ = until;
    SetHeld(taken);
  } else if (held_ && clock_.NowMillis() >= held_until_) {
    IOTJOBS_LOG(kWarn) << "lease " << name_ << ": cannot renew (" << written.message()
                       << ") and it ran out; stepping down";
    SetHeld(false);
  } else {
    IOTJOBS_LOG(kWarn) << "lease " << name_ << ": cannot reach the store: " << written.message();
  }
  return held_;
}

void LeaseKeeper::SetHeld(bool held) {
  if (held == held_) return;
  held_ = held;
  IOTJOBS_LOG(kInfo) << "lease " << name_ << ": " << holder_
                     << (held ? " now runs the background work" : " no longer runs the background work");
  if (on_change_) on_change_(held);
}

}  // namespace iotjobs::service
