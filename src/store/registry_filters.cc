#include "store/registry_filters.h"

namespace iotjobs::store {
namespace {

bool ValueMatches(const ThingFilter& filter, const std::string& value) {
  return filter.use_prefix_attribute_value ? value.rfind(*filter.attribute_value, 0) == 0
                                           : value == *filter.attribute_value;
}

}  // namespace

bool MatchesThingFilter(const ThingFilter& filter, const jobs::Thing& t) {
  if (filter.thing_type_name && t.thing_type_name != filter.thing_type_name) return false;
  if (filter.attribute_name) {
    auto it = t.attributes.find(*filter.attribute_name);
    if (it == t.attributes.end()) return false;
    return !filter.attribute_value || ValueMatches(filter, it->second);
  }
  if (filter.attribute_value) {
    for (const auto& [k, v] : t.attributes) {
      if (ValueMatches(filter, v)) return true;
    }
    return false;
  }
  return true;
}

bool MatchesThingGroupFilter(const ThingGroupFilter& filter, const jobs::ThingGroup& g) {
  return !filter.name_prefix || g.thing_group_name.rfind(*filter.name_prefix, 0) == 0;
}

}  // namespace iotjobs::store
