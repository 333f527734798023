#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

// Fleet indexing's configuration (GetIndexingConfiguration, UpdateIndexingConfiguration) and
// the indexes it turns on (DescribeIndex, ListIndices, SearchIndex). iotjobsd indexes the
// registry only (docs/aws-behaviour.md, "Fleet indexing", D62): thing indexing is OFF or
// REGISTRY; what would need data iotjobsd does not keep (shadows, connectivity, Device
// Defender violations, thing group documents) is refused naming the member, never accepted
// and dropped.
namespace iotjobs::jobs {

inline constexpr std::string_view kThingsIndexName = "AWS_Things";
inline constexpr std::string_view kThingGroupsIndexName = "AWS_ThingGroups";
// The one query version AWS documents (SearchIndex, dynamic thing groups).
inline constexpr std::string_view kQueryVersion = "2017-09-30";

// A Field of the model: a name and its type (Number, String or Boolean).
struct IndexingField {
  std::string name;
  std::string type;
  bool operator==(const IndexingField&) const = default;
};

struct IndexingConfiguration {
  std::string thing_indexing_mode = "OFF";   // OFF or REGISTRY
  std::vector<IndexingField> custom_fields;  // attributes.NAME, String or Number

  bool things_indexed() const { return thing_indexing_mode != "OFF"; }
  bool operator==(const IndexingConfiguration&) const = default;
};

// The fields the service indexes in a mode, as GetIndexingConfiguration lists them (none
// while OFF).
std::vector<IndexingField> ManagedThingFields(const IndexingConfiguration& config);

// ThingIndexingConfiguration as a request gives it: each optional member absent or given.
struct ThingIndexingRequest {
  std::string thing_indexing_mode;
  std::optional<std::string> thing_connectivity_indexing_mode;
  std::optional<std::string> device_defender_indexing_mode;
  std::optional<std::string> named_shadow_indexing_mode;
  std::optional<std::vector<IndexingField>> managed_fields;
  std::optional<std::vector<IndexingField>> custom_fields;
  size_t filter_entries = 0;  // named shadow names and geolocations the filter gave
};
struct ThingGroupIndexingRequest {
  std::string thing_group_indexing_mode;
  size_t fields = 0;  // managedFields and customFields the request gave
};

// The configuration UpdateIndexingConfiguration leaves: `current` with what the request
// gives applied, or kInvalidRequest naming the member iotjobsd cannot serve (D62).
Result<IndexingConfiguration> ApplyIndexingRequest(
    const IndexingConfiguration& current, const std::optional<ThingIndexingRequest>& things,
    const std::optional<ThingGroupIndexingRequest>& groups);

}  // namespace iotjobs::jobs
