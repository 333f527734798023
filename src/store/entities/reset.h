#pragma once

#include "common/result.h"

// Emptying the store for test suites (iotjobsd --allow-reset): see things.h for what every
// entity interface promises.
namespace iotjobs::store {

class ResetWrites {
 public:
  virtual ~ResetWrites() = default;
  // Deletes the data of EVERY account: things, thing types, groups, jobs, executions,
  // templates, event configurations, tags and the notifications not yet published. Leases and
  // the schema stay.
  virtual Status DeleteEveryAccountsData() = 0;
};

}  // namespace iotjobs::store
