#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/result.h"
#include "jobs/thing_type.h"
#include "store/entities/page.h"

// Thing types (see things.h for what every entity interface promises). Which things have a
// type is the things' own thing_type_name; ThingReads answers the questions about it.
namespace iotjobs::store {

class ThingTypeReads {
 public:
  virtual ~ThingTypeReads() = default;
  virtual Result<std::optional<jobs::ThingType>> GetThingType(std::string_view name) = 0;
  // By name, keyset-paged; with `name_prefix`, only the types whose name starts with it.
  virtual Result<Page<jobs::ThingType>> ListThingTypes(
      const std::optional<std::string>& name_prefix, const PageRequest& page) = 0;
};

class ThingTypeWrites {
 public:
  virtual ~ThingTypeWrites() = default;
  virtual Status InsertThingType(const jobs::ThingType& type) = 0;
  // Replaces the stored properties and deprecation date of the type of that name.
  virtual Status UpdateThingType(const jobs::ThingType& type) = 0;
  virtual Status DeleteThingType(std::string_view name) = 0;
};

}  // namespace iotjobs::store
