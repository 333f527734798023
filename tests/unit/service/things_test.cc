// The thing operations' transaction bodies (service/transactions/things.h).
#include "service/transactions/things.h"

#include "jobs/arn.h"
#include "stored_jobs.h"
#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using transactions::CreateThing;
using transactions::DeleteThing;
using transactions::DescribeThing;
using transactions::ListThings;
using transactions::UpdateThing;

class ThingsTest : public TransactionTest {
 protected:
  Result<jobs::Thing> Create(const std::string& name,
                             std::map<std::string, std::string> attributes = {}) {
    CreateThingRequest req;
    req.thing_name = name;
    if (!attributes.empty()) req.attribute_payload = AttributePayload{std::move(attributes)};
    return Write([&](auto& tx) { return CreateThing(tx, req, Op()); });
  }
  Result<jobs::Thing> Describe(const std::string& name) {
    return Read([&](auto& tx) { return DescribeThing(tx, name, Op()); });
  }
};

TEST_F(ThingsTest, CreateGivesAnIdAndVersionOne) {
  auto thing = Create("sensor-1", {{"site", "plant-7"}});
  ASSERT_TRUE(thing.ok()) << thing.status().message();
  EXPECT_EQ(thing->version, 1);
  EXPECT_FALSE(thing->thing_id.empty());
  auto described = Describe("sensor-1");
  ASSERT_TRUE(described.ok());
  EXPECT_EQ(described->thing_id, thing->thing_id);
  EXPECT_EQ(described->attributes.at("site"), "plant-7");
}

TEST_F(ThingsTest, CreatingTheSameThingAgainAnswersTheExistingOne) {
  auto first = Create("sensor-1", {{"site", "a"}});
  auto again = Create("sensor-1", {{"site", "a"}});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->thing_id, first->thing_id);
}

TEST_F(ThingsTest, CreatingItWithOtherAttributesConflicts) {
  ASSERT_TRUE(Create("sensor-1", {{"site", "a"}}).ok());
  auto other = Create("sensor-1", {{"site", "b"}});
  EXPECT_EQ(other.status().code(), ErrorCode::kResourceAlreadyExists);
}

TEST_F(ThingsTest, AThingWithoutATypeHasAtMostThreeAttributes) {
  EXPECT_TRUE(Create("three", {{"a", "1"}, {"b", "2"}, {"c", "3"}}).ok());
  auto four = Create("four", {{"a", "1"}, {"b", "2"}, {"c", "3"}, {"d", "4"}});
  EXPECT_EQ(four.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Describe("four").status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(ThingsTest, DescribeOfAnUnknownThingIsNotFound) {
  EXPECT_EQ(Describe("nope").status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(ThingsTest, ListPagesThroughEveryThing) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(Create("t" + std::to_string(i)).ok());
  ListThingsRequest req;
  req.page.max_results = 2;
  std::vector<std::string> names;
  for (int pages = 0; pages < 10; ++pages) {
    auto page = Read([&](auto& tx) { return ListThings(tx, req, Op()); });
    ASSERT_TRUE(page.ok()) << page.status().message();
    EXPECT_LE(page->items.size(), 2u);
    for (const auto& t : page->items) names.push_back(t.thing_name);
    if (!page->next_token) break;
    req.page.next_token = page->next_token;
  }
  EXPECT_EQ(names, (std::vector<std::string>{"t0", "t1", "t2", "t3", "t4"}));
}

TEST_F(ThingsTest, UpdateMergesAttributesAndBumpsTheVersion) {
  ASSERT_TRUE(Create("sensor-1", {{"a", "1"}, {"b", "2"}}).ok());
  UpdateThingRequest req;
  req.thing_name = "sensor-1";
  req.expected_version = 1;
  req.attribute_payload = AttributePayload{{{"b", ""}, {"c", "3"}}, /*merge=*/true};
  ASSERT_TRUE(Write([&](auto& tx) { return UpdateThing(tx, req, Op()); }).ok());
  auto thing = Describe("sensor-1");
  EXPECT_EQ(thing->version, 2);
  EXPECT_EQ(thing->attributes, (std::map<std::string, std::string>{{"a", "1"}, {"c", "3"}}));
}

TEST_F(ThingsTest, UpdateWithAStaleVersionConflictsAndChangesNothing) {
  ASSERT_TRUE(Create("sensor-1", {{"a", "1"}}).ok());
  UpdateThingRequest req;
  req.thing_name = "sensor-1";
  req.expected_version = 7;
  req.attribute_payload = AttributePayload{{{"a", "2"}}};
  auto r = Write([&](auto& tx) { return UpdateThing(tx, req, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kVersionConflict);
  EXPECT_EQ(Describe("sensor-1")->attributes.at("a"), "1");
}

TEST_F(ThingsTest, UpdateCannotSetAndRemoveTheTypeTogether) {
  ASSERT_TRUE(Create("sensor-1").ok());
  UpdateThingRequest req;
  req.thing_name = "sensor-1";
  req.thing_type_name = "camera";
  req.remove_thing_type = true;
  auto r = Write([&](auto& tx) { return UpdateThing(tx, req, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
}

TEST_F(ThingsTest, UpdateOfAnUnknownThingIsNotFound) {
  UpdateThingRequest req;
  req.thing_name = "nope";
  auto r = Write([&](auto& tx) { return UpdateThing(tx, req, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(ThingsTest, DeletingAnUnknownThingSucceeds) {
  DeleteThingRequest req;
  req.thing_name = "nope";
  EXPECT_TRUE(Write([&](auto& tx) { return DeleteThing(tx, req, Op()); }).ok());
}

TEST_F(ThingsTest, DeleteChecksTheVersionThenRemovesTheThing) {
  ASSERT_TRUE(Create("sensor-1").ok());
  DeleteThingRequest req;
  req.thing_name = "sensor-1";
  req.expected_version = 2;
  EXPECT_EQ(Write([&](auto& tx) { return DeleteThing(tx, req, Op()); }).status().code(),
            ErrorCode::kVersionConflict);
  req.expected_version = 1;
  EXPECT_TRUE(Write([&](auto& tx) { return DeleteThing(tx, req, Op()); }).ok());
  EXPECT_EQ(Describe("sensor-1").status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(ThingsTest, DeleteRemovesTheThingsPendingExecutionsAndCountsThem) {
  ASSERT_TRUE(Create("sensor-1").ok());
  ASSERT_TRUE(Create("sensor-2").ok());
  std::vector<std::string> targets;
  for (const char* name : {"sensor-1", "sensor-2"}) {
    targets.push_back(jobs::MakeArn(Op().arns, jobs::ResourceKind::kThing, name));
  }
  jobs::Job job = testing::StoredJob("fw", targets, jobs::TargetSelection::kSnapshot, kT0);
  ASSERT_TRUE(Write([&](auto& tx) {
                return testing::InsertJobWithQueued(tx, job, {"sensor-1", "sensor-2"}, kT0);
              }).ok());
  const EpochMillis later = kT0 + 60'000;
  DeleteThingRequest req;
  req.thing_name = "sensor-1";
  ASSERT_TRUE(Write([&](auto& tx) { return DeleteThing(tx, req, Op(later)); }).ok());

  auto execution = [&](const std::string& thing) {
    return Read([&](auto& tx) { return tx.GetExecution("fw", thing, std::nullopt); });
  };
  auto removed = execution("sensor-1");
  ASSERT_TRUE(removed.ok() && removed->has_value());
  EXPECT_EQ((*removed)->status, jobs::ExecutionStatus::kRemoved);
  EXPECT_EQ((*removed)->last_updated_at, later);
  auto other = execution("sensor-2");
  ASSERT_TRUE(other.ok() && other->has_value());
  EXPECT_EQ((*other)->status, jobs::ExecutionStatus::kQueued);
  auto stored = Read([&](auto& tx) { return tx.GetJob("fw"); });
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->process_details.removed, 1);  // numberOfRemovedThings
  EXPECT_EQ((*stored)->process_details.queued, 1);
  EXPECT_EQ((*stored)->status, jobs::JobStatus::kInProgress);
}

}  // namespace
}  // namespace iotjobs::service
