// The fleet indexing operations' transaction bodies (service/transactions/fleet_indexing.h):
// the configuration and what it refuses, the index while indexing is on or off, and
// SearchIndex's checks in the order AWS lists its errors.
#include "service/transactions/fleet_indexing.h"

#include "service/transactions/thing_groups.h"
#include "service/transactions/things.h"
#include "transaction_test.h"

namespace iotjobs::service {
namespace {

class FleetIndexingTest : public TransactionTest {
 protected:
  Result<Empty> SetMode(const std::string& mode,
                        std::optional<std::vector<jobs::IndexingField>> custom = std::nullopt) {
    UpdateIndexingConfigurationRequest req;
    req.things = jobs::ThingIndexingRequest{};
    req.things->thing_indexing_mode = mode;
    req.things->custom_fields = std::move(custom);
    return Update(req);
  }
  Result<Empty> Update(const UpdateIndexingConfigurationRequest& req) {
    return Write(
        [&](auto& tx) { return transactions::UpdateIndexingConfiguration(tx, req, Op()); });
  }
  jobs::IndexingConfiguration Config() {
    auto c = Read([&](auto& tx) { return transactions::GetIndexingConfiguration(tx, {}, Op()); });
    EXPECT_TRUE(c.ok()) << c.status().message();
    return c.ok() ? *c : jobs::IndexingConfiguration();
  }
  Result<ListResult<ThingDocument>> Search(const std::string& query, PageInput page = {},
                                           std::optional<std::string> index = std::nullopt,
                                           std::optional<std::string> version = std::nullopt) {
    SearchIndexRequest req{std::move(index), query, std::move(version), std::move(page)};
    return Read([&](auto& tx) { return transactions::SearchIndex(tx, req, Op()); });
  }
  void MakeThing(const std::string& name, std::map<std::string, std::string> attributes) {
    CreateThingRequest req;
    req.thing_name = name;
    req.attribute_payload = AttributePayload{std::move(attributes)};
    ASSERT_TRUE(Write([&](auto& tx) { return transactions::CreateThing(tx, req, Op()); }).ok());
  }
};

TEST_F(FleetIndexingTest, OffUntilTurnedOnAndThenTheIndexExists) {
  EXPECT_EQ(Config(), jobs::IndexingConfiguration());
  EXPECT_FALSE(Config().things_indexed());
  auto described =
      Read([&](auto& tx) { return transactions::DescribeIndex(tx, "AWS_Things", Op()); });
  EXPECT_EQ(described.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(described.status().message(), "Index AWS_Things does not exist. Please enable index by calling "
            "UpdateIndexingConfiguration");
  auto listed = Read([&](auto& tx) { return transactions::ListIndices(tx, PageInput{}, Op()); });
  ASSERT_TRUE(listed.ok());
  EXPECT_TRUE(listed->items.empty());
  EXPECT_EQ(Search("*").status().code(), ErrorCode::kResourceNotFound);

  ASSERT_TRUE(
      SetMode("REGISTRY", std::vector<jobs::IndexingField>{{"attributes.n", "Number"}}).ok());
  EXPECT_EQ(Config().thing_indexing_mode, "REGISTRY");
  EXPECT_EQ(Config().custom_fields, (std::vector<jobs::IndexingField>{{"attributes.n", "Number"}}));
  described = Read([&](auto& tx) { return transactions::DescribeIndex(tx, "AWS_Things", Op()); });
  ASSERT_TRUE(described.ok());
  EXPECT_EQ(described->index_status, "ACTIVE");
  EXPECT_EQ(described->schema, "REGISTRY");
  listed = Read([&](auto& tx) { return transactions::ListIndices(tx, PageInput{}, Op()); });
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed->items, (std::vector<std::string>{"AWS_Things"}));
  EXPECT_EQ(Read([&](auto& tx) { return transactions::DescribeIndex(tx, "AWS_ThingGroups", Op()); })
                .status()
                .code(),
            ErrorCode::kResourceNotFound);

  // A request without thingIndexingConfiguration keeps it; OFF drops the custom fields.
  UpdateIndexingConfigurationRequest groups_off;
  groups_off.groups = jobs::ThingGroupIndexingRequest{"OFF", 0};
  ASSERT_TRUE(Update(groups_off).ok());
  EXPECT_EQ(Config().thing_indexing_mode, "REGISTRY");
  ASSERT_TRUE(SetMode("OFF").ok());
  EXPECT_EQ(Config(), jobs::IndexingConfiguration());
}

TEST_F(FleetIndexingTest, WhatCannotBeServedIsRefusedNamingTheMember) {
  ASSERT_TRUE(SetMode("REGISTRY").ok());
  auto refused = [&](auto edit, const std::string& named) {
    UpdateIndexingConfigurationRequest req;
    req.things = jobs::ThingIndexingRequest{};
    req.things->thing_indexing_mode = "REGISTRY";
    edit(req);
    auto r = Update(req);
    EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest) << named;
    EXPECT_NE(r.status().message().find(named), std::string::npos) << r.status().message();
  };
  using R = UpdateIndexingConfigurationRequest;
  refused([](R& r) { r.things->thing_indexing_mode = "REGISTRY_AND_SHADOW"; },
          "thingIndexingConfiguration.thingIndexingMode REGISTRY_AND_SHADOW");
  refused([](R& r) { r.things->thing_connectivity_indexing_mode = "STATUS"; },
          "thingConnectivityIndexingMode STATUS");
  refused([](R& r) { r.things->device_defender_indexing_mode = "VIOLATIONS"; },
          "deviceDefenderIndexingMode VIOLATIONS");
  refused([](R& r) { r.things->named_shadow_indexing_mode = "ON"; }, "namedShadowIndexingMode ON");
  refused([](R& r) { r.things->filter_entries = 1; }, "thingIndexingConfiguration.filter");
  refused(
      [](R& r) {
        r.things->custom_fields = {{{"shadow.reported.t", "Number"}}};
      },
      "shadow.reported.t");
  refused([](R& r) { r.things->custom_fields = {{{"attributes.on", "Boolean"}}}; }, "Boolean");
  refused([](R& r) { r.things->managed_fields = {{{"thingName", "Number"}}}; }, "managedFields");
  refused(
      [](R& r) {
        r.groups = jobs::ThingGroupIndexingRequest{"ON", 0};
      },
      "thingGroupIndexingConfiguration.thingGroupIndexingMode ON");
  refused(
      [](R& r) {
        r.groups = jobs::ThingGroupIndexingRequest{"OFF", 1};
      },
      "thingGroupIndexingConfiguration.customFields");
  // The modes given as OFF, and the managed fields as Get lists them, ask for nothing new.
  UpdateIndexingConfigurationRequest same;
  same.things = jobs::ThingIndexingRequest{};
  same.things->thing_indexing_mode = "REGISTRY";
  same.things->thing_connectivity_indexing_mode = "OFF";
  same.things->device_defender_indexing_mode = "OFF";
  same.things->named_shadow_indexing_mode = "OFF";
  same.things->managed_fields = jobs::ManagedThingFields(Config());
  EXPECT_TRUE(Update(same).ok());
  EXPECT_EQ(Config().thing_indexing_mode, "REGISTRY");
}

TEST_F(FleetIndexingTest, SearchChecksTheQueryThenTheIndexThenPages) {
  for (int i = 0; i < 5; ++i) {
    MakeThing("t" + std::to_string(i), {{"site", i % 2 ? "plant-7" : "plant-8"}});
  }
  // A query that does not parse is InvalidQuery whether or not the index exists.
  EXPECT_EQ(Search("a AND").status().code(), ErrorCode::kInvalidQuery);
  EXPECT_EQ(Search("*").status().code(), ErrorCode::kResourceNotFound);
  ASSERT_TRUE(SetMode("REGISTRY").ok());
  EXPECT_EQ(Search("shadow.reported.x:1").status().code(), ErrorCode::kInvalidQuery);
  EXPECT_EQ(Search("*", {}, "AWS_ThingGroups").status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(Search("*", {std::nullopt, 101}).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Search("*", {}, std::nullopt, "2030-01-01").status().code(),
            ErrorCode::kInvalidRequest);
  EXPECT_TRUE(Search("*", {}, "AWS_Things", "2017-09-30").ok());

  std::vector<std::string> seen;
  PageInput page{std::nullopt, 2};
  for (int pages = 0; pages < 10; ++pages) {
    auto r = Search("*", page);
    ASSERT_TRUE(r.ok()) << r.status().message();
    for (const auto& d : r->items) seen.push_back(d.thing.thing_name);
    if (!r->next_token) break;
    page.next_token = r->next_token;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"t0", "t1", "t2", "t3", "t4"}));
  auto plant7 = Search("attributes.site:plant-7");
  ASSERT_TRUE(plant7.ok());
  ASSERT_EQ(plant7->items.size(), 2u);
  EXPECT_EQ(plant7->items[0].thing.thing_name, "t1");
  EXPECT_FALSE(plant7->next_token);
  EXPECT_EQ(Search("*", {std::string("!!"), 2}).status().code(), ErrorCode::kInvalidRequest);
}

}  // namespace
}  // namespace iotjobs::service
