#include "jobs/thing_type.h"

#include <gtest/gtest.h>

namespace iotjobs::jobs {
namespace {

constexpr EpochMillis kT0 = 1'767'225'600'000;
constexpr EpochMillis kMinute = 60'000;

ThingType Type(std::optional<EpochMillis> deprecated_at = std::nullopt) {
  ThingType t;
  t.thing_type_name = "LightBulb";
  t.thing_type_id = "id";
  t.creation_date = kT0;
  t.deprecation_date = deprecated_at;
  return t;
}

TEST(ThingType, AtMostThreeSearchableAttributes) {
  ThingType t = Type();
  t.searchable_attributes = {"wattage", "model", "serial"};
  EXPECT_TRUE(CheckThingTypeProperties(t).ok());
  t.searchable_attributes.push_back("color");
  Status s = CheckThingTypeProperties(t);
  EXPECT_EQ(s.code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(s.message(), "Only three searchable attributes are allowed for a thing type.");
}

TEST(ThingType, SameConfigurationComparesDescriptionAndAttributesOnly) {
  ThingType a = Type();
  a.thing_type_description = "bulbs";
  a.searchable_attributes = {"wattage"};
  ThingType b = a;
  b.thing_type_id = "another id";
  b.creation_date = kT0 + kMinute;
  b.deprecation_date = kT0;
  EXPECT_TRUE(SameConfiguration(a, b));
  b.thing_type_description.reset();
  EXPECT_FALSE(SameConfiguration(a, b));
  b = a;
  b.searchable_attributes = {"model"};
  EXPECT_FALSE(SameConfiguration(a, b));
}

TEST(ThingType, DeprecationKeepsItsFirstDateAndUndoClearsIt) {
  ThingType t = Type();
  Deprecate(t, /*undo=*/false, kT0 + kMinute);
  EXPECT_TRUE(t.deprecated());
  EXPECT_EQ(t.deprecation_date, kT0 + kMinute);
  Deprecate(t, /*undo=*/false, kT0 + 4 * kMinute);
  EXPECT_EQ(t.deprecation_date, kT0 + kMinute) << "deprecating again restarts nothing";
  Deprecate(t, /*undo=*/true, kT0 + 5 * kMinute);
  EXPECT_FALSE(t.deprecated());
  EXPECT_FALSE(t.deprecation_date.has_value());
  Deprecate(t, /*undo=*/true, kT0 + 6 * kMinute);
  EXPECT_FALSE(t.deprecated()) << "undoing what is not deprecated changes nothing";
  Deprecate(t, /*undo=*/false, kT0 + 7 * kMinute);
  EXPECT_EQ(t.deprecation_date, kT0 + 7 * kMinute);
}

TEST(ThingType, ADeprecatedTypeCannotBeGivenToAThing) {
  EXPECT_TRUE(CheckAssociateThingType(Type(), true).ok());
  EXPECT_TRUE(CheckAssociateThingType(Type(), false).ok());
  Status creating = CheckAssociateThingType(Type(kT0), true);
  EXPECT_EQ(creating.code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(creating.message(), "Can not create new thing with depreated thing type:LightBulb");
  Status updating = CheckAssociateThingType(Type(kT0), false);
  EXPECT_EQ(updating.code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(updating.message(), "Can not update a thing to use deprecated thing type: LightBulb");
}

TEST(ThingType, DeletionNeedsFiveMinutesOfDeprecationAndNoThings) {
  struct Case {
    const char* name;
    std::optional<EpochMillis> deprecated_at;
    EpochMillis now;
    std::optional<std::string> thing;
    std::string message;  // empty: allowed
  };
  const Case cases[] = {
      {"not deprecated", std::nullopt, kT0 + 60 * kMinute, std::nullopt,
       "Cannot delete non deprecated thing type : LightBulb. Deprecate it (DeprecateThingType), "
       "then delete it 5 minutes later."},
      {"just deprecated", kT0, kT0, std::nullopt,
       "Cannot delete thing type : LightBulb. Please wait for 5 minutes after deprecation and "
       "then retry"},
      {"a millisecond early", kT0, kT0 + 5 * kMinute - 1, std::nullopt,
       "Cannot delete thing type : LightBulb. Please wait for 5 minutes after deprecation and "
       "then retry"},
      {"early and in use: the wait is named first", kT0, kT0 + kMinute, "bulb-1",
       "Cannot delete thing type : LightBulb. Please wait for 5 minutes after deprecation and "
       "then retry"},
      {"five minutes, in use", kT0, kT0 + 5 * kMinute, "bulb-1",
       "Cannot delete thing type : LightBulb. Thing bulb-1 is still associated with it: give "
       "its things another thing type or none (UpdateThing), or delete them, first."},
      {"five minutes exactly", kT0, kT0 + 5 * kMinute, std::nullopt, ""},
      {"long after", kT0, kT0 + 600 * kMinute, std::nullopt, ""},
  };
  for (const Case& c : cases) {
    Status s = CheckDeleteThingType(Type(c.deprecated_at), c.now, c.thing);
    if (c.message.empty()) {
      EXPECT_TRUE(s.ok()) << c.name << ": " << s.ToString();
    } else {
      EXPECT_EQ(s.code(), ErrorCode::kInvalidRequest) << c.name;
      EXPECT_EQ(s.message(), c.message) << c.name;
    }
  }
}

}  // namespace
}  // namespace iotjobs::jobs
