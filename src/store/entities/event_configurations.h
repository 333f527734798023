#pragma once

#include <optional>

#include "common/result.h"
#include "jobs/event_configurations.h"

// An account's event configuration (UpdateEventConfigurations): which $aws/events messages
// its changes publish. One row per account that ever set one (see things.h for what every
// entity interface promises).
namespace iotjobs::store {

class EventConfigurationReads {
 public:
  virtual ~EventConfigurationReads() = default;
  // Empty when the account never stored one.
  virtual Result<std::optional<jobs::EventConfigurations>> GetEventConfigurations() = 0;
};

class EventConfigurationWrites {
 public:
  virtual ~EventConfigurationWrites() = default;
  // Stores the account's configuration, replacing the one stored (created_at included).
  virtual Status PutEventConfigurations(const jobs::EventConfigurations& c) = 0;
};

}  // namespace iotjobs::store
