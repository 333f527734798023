#pragma once

#include <string_view>

#include "common/clock.h"
#include "common/result.h"

// Leases on background work (the timer sweeps, the outbox relay, the MQTT request topics),
// so that of several iotjobsd instances on one database only one does each at a time. Not
// scoped to an account (see things.h for what every entity interface promises).
namespace iotjobs::store {

class LeaseWrites {
 public:
  virtual ~LeaseWrites() = default;
  // Takes `name` for `holder` until `until` when nobody holds it, its lease ran out at or
  // before `now`, or `holder` holds it already (a renewal); returns whether `holder` holds it.
  virtual Result<bool> AcquireLease(std::string_view name, std::string_view holder,
                                    EpochMillis now, EpochMillis until) = 0;
  // Gives `name` up if `holder` holds it, so another instance can take it at once.
  virtual Status ReleaseLease(std::string_view name, std::string_view holder) = 0;
};

}  // namespace iotjobs::store
