// The thing type operations' transaction bodies (service/transactions/thing_types.h), and what
// a thing type means to CreateThing, UpdateThing and ListThings (transactions/things.h).
#include "service/transactions/thing_types.h"

#include "service/transactions/things.h"
#include "transaction_test.h"

namespace iotjobs::service {
namespace {

constexpr EpochMillis kMinute = 60'000;

class ThingTypesTest : public TransactionTest {
 protected:
  Result<jobs::ThingType> CreateType(const std::string& name,
                                     std::optional<std::string> description = std::nullopt,
                                     std::vector<std::string> attributes = {},
                                     EpochMillis now = kT0) {
    CreateThingTypeRequest req;
    req.thing_type_name = name;
    req.properties.thing_type_description = std::move(description);
    if (!attributes.empty()) req.properties.searchable_attributes = std::move(attributes);
    return Write([&](auto& tx) { return transactions::CreateThingType(tx, req, Op(now)); });
  }
  Result<jobs::ThingType> DescribeType(const std::string& name) {
    return Read([&](auto& tx) { return transactions::DescribeThingType(tx, name, Op()); });
  }
  Result<Empty> Deprecate(const std::string& name, bool undo, EpochMillis now) {
    DeprecateThingTypeRequest req{name, undo};
    return Write([&](auto& tx) { return transactions::DeprecateThingType(tx, req, Op(now)); });
  }
  Result<Empty> DeleteType(const std::string& name, EpochMillis now) {
    return Write([&](auto& tx) { return transactions::DeleteThingType(tx, name, Op(now)); });
  }
  Result<jobs::Thing> CreateThing(const std::string& name, std::optional<std::string> type,
                                  std::map<std::string, std::string> attributes = {}) {
    CreateThingRequest req;
    req.thing_name = name;
    req.thing_type_name = std::move(type);
    if (!attributes.empty()) req.attribute_payload = AttributePayload{std::move(attributes)};
    return Write([&](auto& tx) { return transactions::CreateThing(tx, req, Op()); });
  }
  Result<Empty> SetType(const std::string& thing, std::optional<std::string> type,
                        bool remove = false) {
    UpdateThingRequest req;
    req.thing_name = thing;
    req.thing_type_name = std::move(type);
    req.remove_thing_type = remove;
    return Write([&](auto& tx) { return transactions::UpdateThing(tx, req, Op()); });
  }
  std::optional<std::string> TypeOf(const std::string& thing) {
    auto t = Read([&](auto& tx) { return transactions::DescribeThing(tx, thing, Op()); });
    EXPECT_TRUE(t.ok()) << t.status().message();
    return t.ok() ? t->thing_type_name : std::nullopt;
  }
};

TEST_F(ThingTypesTest, CreateGivesAnIdAndTheTimeAndDescribeShowsThem) {
  auto created = CreateType("LightBulb", "light bulb type", {"wattage", "model"});
  ASSERT_TRUE(created.ok()) << created.status().message();
  EXPECT_FALSE(created->thing_type_id.empty());
  auto described = DescribeType("LightBulb");
  ASSERT_TRUE(described.ok());
  EXPECT_EQ(described->thing_type_id, created->thing_type_id);
  EXPECT_EQ(described->thing_type_description, "light bulb type");
  EXPECT_EQ(described->searchable_attributes, (std::vector<std::string>{"wattage", "model"}));
  EXPECT_EQ(described->creation_date, kT0);
  EXPECT_FALSE(described->deprecated());
  EXPECT_EQ(DescribeType("Nope").status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(DescribeType("Nope").status().message(), "Thing type Nope cannot be found.");
}

TEST_F(ThingTypesTest, CreatingTheSameTypeAgainAnswersItAndAnotherConfigurationConflicts) {
  auto first = CreateType("LightBulb", "bulbs", {"wattage"});
  auto again = CreateType("LightBulb", "bulbs", {"wattage"}, kT0 + kMinute);
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->thing_type_id, first->thing_type_id);
  EXPECT_EQ(again->creation_date, kT0);
  auto other = CreateType("LightBulb", "other bulbs", {"wattage"});
  EXPECT_EQ(other.status().code(), ErrorCode::kResourceAlreadyExists);
  EXPECT_EQ(CreateType("LightBulb").status().code(), ErrorCode::kResourceAlreadyExists);
}

TEST_F(ThingTypesTest, AtMostThreeSearchableAttributes) {
  auto four = CreateType("Four", std::nullopt, {"a", "b", "c", "d"});
  EXPECT_EQ(four.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(four.status().message(),
            "Only three searchable attributes are allowed for a thing type.");
  EXPECT_EQ(DescribeType("Four").status().code(), ErrorCode::kResourceNotFound);
  ASSERT_TRUE(CreateType("Three", std::nullopt, {"a", "b", "c"}).ok());
  UpdateThingTypeRequest update;
  update.thing_type_name = "Three";
  update.properties.emplace();
  update.properties->searchable_attributes = {"a", "b", "c", "d"};
  auto r = Write([&](auto& tx) { return transactions::UpdateThingType(tx, update, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(DescribeType("Three")->searchable_attributes.size(), 3u);
}

// D54: what iotjobsd would have to drop is refused, naming the member; empty forms ask nothing.
TEST_F(ThingTypesTest, PropagatingAttributesAndTagsAreRefusedNotDropped) {
  CreateThingTypeRequest req;
  req.thing_type_name = "Mqtt5";
  req.properties.propagating_attributes = 1;
  auto r = Write([&](auto& tx) { return transactions::CreateThingType(tx, req, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_NE(r.status().message().find("mqtt5Configuration"), std::string::npos);
  req.properties.propagating_attributes = 0;
  req.tags = {{"team", "fleet"}};
  r = Write([&](auto& tx) { return transactions::CreateThingType(tx, req, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_NE(r.status().message().find("tags"), std::string::npos);
  EXPECT_EQ(DescribeType("Mqtt5").status().code(), ErrorCode::kResourceNotFound);
  req.tags.clear();
  EXPECT_TRUE(Write([&](auto& tx) { return transactions::CreateThingType(tx, req, Op()); }).ok());

  UpdateThingTypeRequest update;
  update.thing_type_name = "Mqtt5";
  update.properties.emplace();
  update.properties->thing_type_description = "set with the refused member";
  update.properties->propagating_attributes = 2;
  auto u = Write([&](auto& tx) { return transactions::UpdateThingType(tx, update, Op()); });
  EXPECT_EQ(u.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_FALSE(DescribeType("Mqtt5")->thing_type_description.has_value());
}

TEST_F(ThingTypesTest, UpdateReplacesTheMembersItGivesAndKeepsTheOthers) {
  ASSERT_TRUE(CreateType("LightBulb", "bulbs", {"wattage"}).ok());
  UpdateThingTypeRequest req;
  req.thing_type_name = "LightBulb";
  req.properties.emplace();
  req.properties->searchable_attributes = {"model", "serial"};
  ASSERT_TRUE(Write([&](auto& tx) { return transactions::UpdateThingType(tx, req, Op()); }).ok());
  auto t = DescribeType("LightBulb");
  EXPECT_EQ(t->thing_type_description, "bulbs");
  EXPECT_EQ(t->searchable_attributes, (std::vector<std::string>{"model", "serial"}));
  req.properties = ThingTypePropertiesInput{};
  req.properties->thing_type_description = "new bulbs";
  ASSERT_TRUE(Write([&](auto& tx) { return transactions::UpdateThingType(tx, req, Op()); }).ok());
  t = DescribeType("LightBulb");
  EXPECT_EQ(t->thing_type_description, "new bulbs");
  EXPECT_EQ(t->searchable_attributes, (std::vector<std::string>{"model", "serial"}));
  req.properties.reset();
  EXPECT_TRUE(Write([&](auto& tx) { return transactions::UpdateThingType(tx, req, Op()); }).ok());
  req.thing_type_name = "Nope";
  EXPECT_EQ(
      Write([&](auto& tx) { return transactions::UpdateThingType(tx, req, Op()); }).status().code(),
      ErrorCode::kResourceNotFound);
}

TEST_F(ThingTypesTest, ListPagesByNameAndFiltersByPrefix) {
  for (const char* name : {"Lamp", "LightBulb", "LightStrip", "Motor"}) {
    ASSERT_TRUE(CreateType(name).ok());
  }
  auto names = [&](std::optional<std::string> filter) {
    ListThingTypesRequest req;
    req.page.max_results = 1;
    req.thing_type_name = filter;
    std::vector<std::string> out;
    for (int pages = 0; pages < 10; ++pages) {
      auto page = Read([&](auto& tx) { return transactions::ListThingTypes(tx, req, Op()); });
      EXPECT_TRUE(page.ok()) << page.status().message();
      if (!page.ok()) break;
      for (const auto& t : page->items) out.push_back(t.thing_type_name);
      if (!page->next_token) break;
      req.page.next_token = page->next_token;
    }
    return out;
  };
  using Names = std::vector<std::string>;
  EXPECT_EQ(names(std::nullopt), (Names{"Lamp", "LightBulb", "LightStrip", "Motor"}));
  EXPECT_EQ(names("Light"), (Names{"LightBulb", "LightStrip"}));
  EXPECT_EQ(names("LightBulb"), Names{"LightBulb"});
  EXPECT_EQ(names("Nope"), Names{});
}

TEST_F(ThingTypesTest, DeprecationIsShownAndUndone) {
  ASSERT_TRUE(CreateType("LightBulb").ok());
  ASSERT_TRUE(Deprecate("LightBulb", false, kT0 + kMinute).ok());
  auto t = DescribeType("LightBulb");
  EXPECT_TRUE(t->deprecated());
  EXPECT_EQ(t->deprecation_date, kT0 + kMinute);
  ASSERT_TRUE(Deprecate("LightBulb", false, kT0 + 2 * kMinute).ok());
  EXPECT_EQ(DescribeType("LightBulb")->deprecation_date, kT0 + kMinute);
  ASSERT_TRUE(Deprecate("LightBulb", true, kT0 + 3 * kMinute).ok());
  t = DescribeType("LightBulb");
  EXPECT_FALSE(t->deprecated());
  EXPECT_FALSE(t->deprecation_date.has_value());
  EXPECT_EQ(Deprecate("Nope", false, kT0).status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(ThingTypesTest, DeleteWaitsFiveMinutesAfterDeprecationAndForTheThingsToLeave) {
  ASSERT_TRUE(CreateType("LightBulb").ok());
  ASSERT_TRUE(CreateThing("bulb-1", "LightBulb").ok());
  auto not_deprecated = DeleteType("LightBulb", kT0 + 60 * kMinute);
  EXPECT_EQ(not_deprecated.status().code(), ErrorCode::kInvalidRequest);
  ASSERT_TRUE(Deprecate("LightBulb", false, kT0 + 10 * kMinute).ok());
  auto early = DeleteType("LightBulb", kT0 + 14 * kMinute);
  EXPECT_EQ(early.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(early.status().message(),
            "Cannot delete thing type : LightBulb. Please wait for 5 minutes after deprecation "
            "and then retry");
  auto in_use = DeleteType("LightBulb", kT0 + 15 * kMinute);
  EXPECT_EQ(in_use.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_NE(in_use.status().message().find("bulb-1"), std::string::npos);
  ASSERT_TRUE(SetType("bulb-1", std::nullopt, /*remove=*/true).ok());
  ASSERT_TRUE(DeleteType("LightBulb", kT0 + 15 * kMinute).ok());
  EXPECT_EQ(DescribeType("LightBulb").status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(DeleteType("LightBulb", kT0 + 15 * kMinute).status().code(),
            ErrorCode::kResourceNotFound);
  // The name is free again, for a new type with a new id.
  ASSERT_TRUE(CreateType("LightBulb", std::nullopt, {}, kT0 + 20 * kMinute).ok());
  EXPECT_FALSE(DescribeType("LightBulb")->deprecated());
}

TEST_F(ThingTypesTest, UndoingTheDeprecationRestartsTheWait) {
  ASSERT_TRUE(CreateType("LightBulb").ok());
  ASSERT_TRUE(Deprecate("LightBulb", false, kT0).ok());
  ASSERT_TRUE(Deprecate("LightBulb", true, kT0 + 6 * kMinute).ok());
  EXPECT_EQ(DeleteType("LightBulb", kT0 + 7 * kMinute).status().code(), ErrorCode::kInvalidRequest);
  ASSERT_TRUE(Deprecate("LightBulb", false, kT0 + 8 * kMinute).ok());
  EXPECT_EQ(DeleteType("LightBulb", kT0 + 12 * kMinute).status().code(),
            ErrorCode::kInvalidRequest);
  EXPECT_TRUE(DeleteType("LightBulb", kT0 + 13 * kMinute).ok());
}

// The things' side: a thingTypeName must name a type (D52), and a deprecated type cannot be
// given to a thing, though the things that have it keep it (D51).
TEST_F(ThingTypesTest, CreateThingNeedsATypeThatExistsAndIsNotDeprecated) {
  auto missing = CreateThing("bulb-1", "Nope");
  EXPECT_EQ(missing.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(missing.status().message(), "Thing type Nope cannot be found.");
  ASSERT_TRUE(CreateType("LightBulb").ok());
  ASSERT_TRUE(
      CreateThing("bulb-1", "LightBulb", {{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}}).ok())
      << "a thing with a type may have more than 3 attributes";
  ASSERT_TRUE(Deprecate("LightBulb", false, kT0).ok());
  auto deprecated = CreateThing("bulb-2", "LightBulb");
  EXPECT_EQ(deprecated.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(deprecated.status().message(),
            "Can not create new thing with depreated thing type:LightBulb");
  // The same request for the thing that has it already creates nothing new: it succeeds.
  EXPECT_TRUE(
      CreateThing("bulb-1", "LightBulb", {{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}}).ok());
  EXPECT_EQ(TypeOf("bulb-1"), "LightBulb");
  ASSERT_TRUE(Deprecate("LightBulb", true, kT0).ok());
  EXPECT_TRUE(CreateThing("bulb-2", "LightBulb").ok());
}

TEST_F(ThingTypesTest, UpdateThingChecksOnlyATypeItGivesAnew) {
  ASSERT_TRUE(CreateType("LightBulb").ok());
  ASSERT_TRUE(CreateType("Lamp").ok());
  ASSERT_TRUE(CreateThing("bulb-1", "LightBulb").ok());
  ASSERT_TRUE(CreateThing("plain", std::nullopt).ok());
  EXPECT_EQ(SetType("plain", "Nope").status().code(), ErrorCode::kResourceNotFound);
  ASSERT_TRUE(Deprecate("LightBulb", false, kT0).ok());
  auto to_deprecated = SetType("plain", "LightBulb");
  EXPECT_EQ(to_deprecated.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(to_deprecated.status().message(),
            "Can not update a thing to use deprecated thing type: LightBulb");
  EXPECT_EQ(TypeOf("plain"), std::nullopt);
  // bulb-1 keeps its deprecated type, even when an update names it again.
  EXPECT_TRUE(SetType("bulb-1", "LightBulb").ok());
  EXPECT_EQ(TypeOf("bulb-1"), "LightBulb");
  EXPECT_TRUE(SetType("bulb-1", "Lamp").ok());
  EXPECT_EQ(TypeOf("bulb-1"), "Lamp");
  EXPECT_EQ(SetType("bulb-1", "LightBulb").status().code(), ErrorCode::kInvalidRequest)
      << "once it left, it cannot come back while deprecated";
}

TEST_F(ThingTypesTest, ListThingsByTypeNeedsTheType) {
  ASSERT_TRUE(CreateType("LightBulb").ok());
  ASSERT_TRUE(CreateType("Lamp").ok());
  ASSERT_TRUE(CreateThing("bulb-1", "LightBulb").ok());
  ASSERT_TRUE(CreateThing("bulb-2", "LightBulb").ok());
  ASSERT_TRUE(CreateThing("lamp-1", "Lamp").ok());
  ASSERT_TRUE(CreateThing("plain", std::nullopt).ok());
  ListThingsRequest req;
  req.filter.thing_type_name = "LightBulb";
  auto page = Read([&](auto& tx) { return transactions::ListThings(tx, req, Op()); });
  ASSERT_TRUE(page.ok()) << page.status().message();
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].thing_name, "bulb-1");
  EXPECT_EQ(page->items[1].thing_name, "bulb-2");
  req.filter.thing_type_name = "Light";  // a name, not a prefix, unlike ListThingTypes
  auto missing = Read([&](auto& tx) { return transactions::ListThings(tx, req, Op()); });
  EXPECT_EQ(missing.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(missing.status().message(), "Thing type Light cannot be found.");
}

}  // namespace
}  // namespace iotjobs::service
