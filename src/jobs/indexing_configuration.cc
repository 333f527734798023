#include "jobs/indexing_configuration.h"

#include <algorithm>

namespace iotjobs::jobs {
namespace {

constexpr std::string_view kAttributesPrefix = "attributes.";

Status NotServed(std::string_view member, std::string_view value, std::string_view why) {
  return InvalidRequest(std::string(member) + " " + std::string(value) +
                        " is not supported by iotjobsd: " + std::string(why));
}

bool SameFields(std::vector<IndexingField> a, std::vector<IndexingField> b) {
  auto by_name = [](const IndexingField& x, const IndexingField& y) {
    return x.name != y.name ? x.name < y.name : x.type < y.type;
  };
  std::sort(a.begin(), a.end(), by_name);
  std::sort(b.begin(), b.end(), by_name);
  return a == b;
}

Status CheckCustomField(const IndexingField& f) {
  const std::string member = "thingIndexingConfiguration.customFields";
  if (f.name.size() <= kAttributesPrefix.size() ||
      f.name.compare(0, kAttributesPrefix.size(), kAttributesPrefix) != 0) {
    return InvalidRequest(member + " names " + f.name +
                          ", which iotjobsd cannot index: it indexes the registry, whose custom "
                          "fields are attributes.NAME.");
  }
  if (f.type != "String" && f.type != "Number") {
    return InvalidRequest(member + " gives " + f.name + " the type " + f.type +
                          ", which iotjobsd cannot index: attribute values are strings, "
                          "searched as String or Number.");
  }
  return Status::Ok();
}

}  // namespace

std::vector<IndexingField> ManagedThingFields(const IndexingConfiguration& config) {
  if (!config.things_indexed()) return {};
  return {{"registry.thingTypeName", "String"},
          {"registry.thingGroupNames", "String"},
          {"registry.version", "Number"},
          {"thingName", "String"},
          {"thingId", "String"}};
}

Result<IndexingConfiguration> ApplyIndexingRequest(
    const IndexingConfiguration& current, const std::optional<ThingIndexingRequest>& things,
    const std::optional<ThingGroupIndexingRequest>& groups) {
  IndexingConfiguration out = current;
  if (groups) {
    if (groups->thing_group_indexing_mode != "OFF") {
      return NotServed("thingGroupIndexingConfiguration.thingGroupIndexingMode",
                       groups->thing_group_indexing_mode,
                       "the AWS_ThingGroups index is not served; leave thing group indexing "
                       "OFF.");
    }
    if (groups->fields > 0) {
      return InvalidRequest(
          "thingGroupIndexingConfiguration.customFields and managedFields are not supported "
          "by iotjobsd: thing group indexing stays OFF.");
    }
  }
  if (!things) return out;
  const ThingIndexingRequest& t = *things;
  if (t.thing_indexing_mode != "OFF" && t.thing_indexing_mode != "REGISTRY") {
    return NotServed("thingIndexingConfiguration.thingIndexingMode", t.thing_indexing_mode,
                     "iotjobsd keeps no device shadows; use REGISTRY or OFF.");
  }
  if (t.thing_connectivity_indexing_mode && *t.thing_connectivity_indexing_mode != "OFF") {
    return NotServed("thingIndexingConfiguration.thingConnectivityIndexingMode",
                     *t.thing_connectivity_indexing_mode,
                     "iotjobsd does not index connectivity; leave it OFF.");
  }
  if (t.device_defender_indexing_mode && *t.device_defender_indexing_mode != "OFF") {
    return NotServed("thingIndexingConfiguration.deviceDefenderIndexingMode",
                     *t.device_defender_indexing_mode,
                     "iotjobsd runs no Device Defender; leave it OFF.");
  }
  if (t.named_shadow_indexing_mode && *t.named_shadow_indexing_mode != "OFF") {
    return NotServed("thingIndexingConfiguration.namedShadowIndexingMode",
                     *t.named_shadow_indexing_mode,
                     "iotjobsd keeps no named shadows; leave it OFF.");
  }
  if (t.filter_entries > 0) {
    return InvalidRequest(
        "thingIndexingConfiguration.filter is not supported by iotjobsd: it selects named "
        "shadows and geolocations, which iotjobsd does not index.");
  }
  IndexingConfiguration next;
  next.thing_indexing_mode = t.thing_indexing_mode;
  if (t.custom_fields && !t.custom_fields->empty()) {
    if (!next.things_indexed()) {
      return InvalidRequest(
          "thingIndexingConfiguration.customFields need thingIndexingMode REGISTRY.");
    }
    for (const IndexingField& f : *t.custom_fields) IOTJOBS_RETURN_IF_ERROR(CheckCustomField(f));
    next.custom_fields = *t.custom_fields;
  }
  if (t.managed_fields && !t.managed_fields->empty() &&
      !SameFields(*t.managed_fields, ManagedThingFields(next))) {
    return InvalidRequest(
        "thingIndexingConfiguration.managedFields cannot be changed: they are the fields the "
        "service indexes in the mode (see GetIndexingConfiguration). Leave them out.");
  }
  return next;
}

}  // namespace iotjobs::jobs
