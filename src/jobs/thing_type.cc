#include "jobs/thing_type.h"

namespace iotjobs::jobs {

Status CheckThingTypeProperties(const ThingType& type) {
  if (type.searchable_attributes.size() > kMaxSearchableAttributes) {
    return InvalidRequest("Only three searchable attributes are allowed for a thing type.");
  }
  return Status::Ok();
}

bool SameConfiguration(const ThingType& a, const ThingType& b) {
  return a.thing_type_description == b.thing_type_description &&
         a.searchable_attributes == b.searchable_attributes;
}

void Deprecate(ThingType& type, bool undo, EpochMillis now) {
  if (undo) {
    type.deprecation_date.reset();
  } else if (!type.deprecated()) {
    type.deprecation_date = now;
  }
}

Status CheckAssociateThingType(const ThingType& type, bool creating) {
  if (!type.deprecated()) return Status::Ok();
  if (creating) {
    // AWS's text, spelt as AWS spells it (moto keeps the same words, noting the typo is
    // AWS's own), so that scripts matching on it work here too.
    return InvalidRequest("Can not create new thing with depreated thing type:" +
                          type.thing_type_name);
  }
  return InvalidRequest("Can not update a thing to use deprecated thing type: " +
                        type.thing_type_name);
}

Status CheckDeleteThingType(const ThingType& type, EpochMillis now,
                            const std::optional<std::string>& thing_with_type) {
  const std::string& name = type.thing_type_name;
  if (!type.deprecated()) {
    return InvalidRequest("Cannot delete non deprecated thing type : " + name +
                          ". Deprecate it (DeprecateThingType), then delete it 5 minutes later.");
  }
  if (now < AddMillis(*type.deprecation_date, kThingTypeDeletionWaitMillis)) {
    // AWS's text, which clients retry on (Terraform's aws_iot_thing_type matches it).
    return InvalidRequest("Cannot delete thing type : " + name +
                          ". Please wait for 5 minutes after deprecation and then retry");
  }
  if (thing_with_type) {
    return InvalidRequest("Cannot delete thing type : " + name + ". Thing " + *thing_with_type +
                          " is still associated with it: give its things another thing type "
                          "or none (UpdateThing), or delete them, first.");
  }
  return Status::Ok();
}

}  // namespace iotjobs::jobs
