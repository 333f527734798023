#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "jobs/thing.h"
#include "store/entities/page.h"

// Things, the registry entries a job targets: the part of a transaction that concerns them.
// Like every entity interface (store.h composes them), each read fails only for storage
// faults (kInternalFailure or kServiceUnavailable, cause logged), absence being an empty
// optional; a failed write leaves the operation's savepoint to be rolled back by the store.
namespace iotjobs::store {

struct ThingFilter {
  std::optional<std::string> attribute_name;
  std::optional<std::string> attribute_value;
  bool use_prefix_attribute_value = false;
  std::optional<std::string> thing_type_name;
};

class ThingReads {
 public:
  virtual ~ThingReads() = default;
  virtual Result<std::optional<jobs::Thing>> GetThing(std::string_view thing_name) = 0;
  // Says that GetThing(thing_name) comes soon, with nothing written before it (see
  // JobReads::PrefetchJob).
  virtual Status PrefetchThing(std::string_view thing_name) = 0;
  virtual Result<Page<jobs::Thing>> ListThings(const ThingFilter& filter,
                                               const PageRequest& page) = 0;
  // The name of one thing whose thing type is `thing_type_name`, if any (DeleteThingType).
  virtual Result<std::optional<std::string>> FindThingOfType(std::string_view thing_type_name) = 0;
};

class ThingWrites {
 public:
  virtual ~ThingWrites() = default;
  virtual Status InsertThing(const jobs::Thing& thing) = 0;
  virtual Status UpdateThing(const jobs::Thing& thing) = 0;
  virtual Status DeleteThing(std::string_view thing_name) = 0;
};

}  // namespace iotjobs::store
