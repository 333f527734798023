#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/clock.h"

namespace iotjobs::jobs {

struct Thing {
  std::string thing_name;
  std::string thing_id;  // a UUID, as AWS gives
  std::optional<std::string> thing_type_name;
  std::optional<std::string> billing_group_name;
  std::map<std::string, std::string> attributes;
  int64_t version = 1;
};

struct ThingGroup {
  std::string thing_group_name;
  std::string thing_group_id;
  std::optional<std::string> parent_group_name;
  std::optional<std::string> description;
  std::map<std::string, std::string> attributes;
  int64_t version = 1;
  EpochMillis creation_date = 0;
};

}  // namespace iotjobs::jobs
