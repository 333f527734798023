#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/status.h"

// Thing types (CreateThingType ... DeleteThingType) and what may happen to them and to the
// things that name them (docs/aws-behaviour.md, "Thing types", D50 to D54). Each check
// returns OK or the AWS error with its wording.
namespace iotjobs::jobs {

struct ThingType {
  std::string thing_type_name;
  std::string thing_type_id;  // a UUID, as AWS gives
  // ThingTypeProperties, as given (D54).
  std::optional<std::string> thing_type_description;
  std::vector<std::string> searchable_attributes;
  // ThingTypeMetadata: set while the type is deprecated, to when it was deprecated (D51).
  std::optional<EpochMillis> deprecation_date;
  EpochMillis creation_date = 0;

  bool deprecated() const { return deprecation_date.has_value(); }
};

// A thing type has at most 3 searchable attributes ("Only three searchable attributes are
// allowed for a thing type.", 400).
inline constexpr size_t kMaxSearchableAttributes = 3;
// How long a thing type must have been deprecated before it can be deleted.
inline constexpr EpochMillis kThingTypeDeletionWaitMillis = 5 * 60 * 1000;

// CreateThingType and UpdateThingType: the properties a type may hold.
Status CheckThingTypeProperties(const ThingType& type);

// CreateThingType of a name that exists: the same configuration (description and searchable
// attributes) answers the existing type; another is ResourceAlreadyExists.
bool SameConfiguration(const ThingType& a, const ThingType& b);

// DeprecateThingType: deprecating sets the date unless the type is deprecated already (the
// date, and with it the wait before deletion, stays); undoing clears it (D51).
void Deprecate(ThingType& type, bool undo, EpochMillis now);

// A thing given `type` (CreateThing of a new thing, or UpdateThing to another type than its
// own): refused while the type is deprecated (D51). `creating` picks AWS's wording.
Status CheckAssociateThingType(const ThingType& type, bool creating);

// DeleteThingType at `now`: the type must have been deprecated at least 5 minutes ago, and
// no thing may have it; `thing_with_type` is one thing that does, if any (D50).
Status CheckDeleteThingType(const ThingType& type, EpochMillis now,
                            const std::optional<std::string>& thing_with_type);

}  // namespace iotjobs::jobs
