#pragma once

namespace iotjobs::store {

// The pause between attempts of a transaction that lost a serialization conflict: random,
// so that the transactions that collided do not collide again, and growing, so that many
// contenders spread out. Each attempt of a transaction is a new Backoff's Wait.
class Backoff {
 public:
  // Attempts in all, the first included, before the store gives up (kServiceUnavailable).
  static constexpr int kMaxAttempts = 20;

  // Sleeps before the next attempt; false (at once) when the attempts are used up.
  bool Wait();
  int attempts() const { return attempts_; }

 private:
  int attempts_ = 1;
};

}  // namespace iotjobs::store
