// Dynamic thing groups (service/transactions/dynamic_thing_groups.h, service/dynamic_groups.h):
// the three operations and their errors, membership following the query in the transaction
// of each change, the batched fill, and continuous jobs on a dynamic group.
#include "service/transactions/dynamic_thing_groups.h"

#include "service/dynamic_groups.h"
#include "service/messages.h"
#include "service/transactions/fleet_indexing.h"
#include "service/transactions/thing_groups.h"
#include "service/transactions/things.h"
#include "stored_jobs.h"
#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using Names = std::vector<std::string>;
using Attributes = std::map<std::string, std::string>;
constexpr const char* kQuery = "attributes.site:plant-7 AND attributes.fw:1.*";

class DynamicThingGroupsTest : public TransactionTest {
 protected:
  void SetUp() override {
    TransactionTest::SetUp();
    IndexingOn(true);
  }
  void IndexingOn(bool on) {
    UpdateIndexingConfigurationRequest req;
    req.things = jobs::ThingIndexingRequest{};
    req.things->thing_indexing_mode = on ? "REGISTRY" : "OFF";
    auto r = Write(
        [&](auto& tx) { return transactions::UpdateIndexingConfiguration(tx, req, Op()); });
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  Result<jobs::ThingGroup> Create(const std::string& name, const std::string& query = kQuery,
                                  std::optional<std::string> index = std::nullopt) {
    CreateDynamicThingGroupRequest req;
    req.thing_group_name = name;
    req.query_string = query;
    req.index_name = std::move(index);
    return Write([&](auto& tx) { return transactions::CreateDynamicThingGroup(tx, req, Op()); });
  }
  Result<int64_t> Requery(const std::string& name, const std::string& query) {
    UpdateDynamicThingGroupRequest req;
    req.thing_group_name = name;
    req.query_string = query;
    return Write([&](auto& tx) { return transactions::UpdateDynamicThingGroup(tx, req, Op()); });
  }
  void MakeThing(const std::string& name, Attributes attributes) {
    CreateThingRequest req;
    req.thing_name = name;
    req.attribute_payload = AttributePayload{std::move(attributes), false};
    auto r = Write([&](auto& tx) { return transactions::CreateThing(tx, req, Op()); });
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
  Result<Empty> SetAttribute(const std::string& thing, const std::string& key,
                             const std::string& value, EpochMillis now = kT0) {
    UpdateThingRequest req;
    req.thing_name = thing;
    req.attribute_payload = AttributePayload{{{key, value}}, true};
    return Write([&](auto& tx) { return transactions::UpdateThing(tx, req, Op(now)); });
  }
  Names Members(const std::string& group) {
    auto page = Read([&](auto& tx) { return tx.ListThingsInGroup(group, {"", 100000}); });
    EXPECT_TRUE(page.ok());
    return page.ok() ? page->items : Names{};
  }
  std::string GroupStatus(const std::string& group) {
    auto g = Read([&](auto& tx) { return tx.GetThingGroup(group); });
    EXPECT_TRUE(g.ok() && *g && (*g)->dynamic) << group;
    return g.ok() && *g && (*g)->dynamic ? (*g)->dynamic->status : "";
  }
  // Runs the background fill of `group` to its end; answers how many batches it took.
  int FillAll(const std::string& group) {
    int batches = 0;
    for (bool more = true; more && batches < 10000; ++batches) {
      auto r = Write([&](auto& tx) {
        return transactions::FillDynamicGroup(tx, {kAccount, group}, Op());
      });
      EXPECT_TRUE(r.ok()) << r.status().message();
      more = r.ok() && *r;
    }
    return batches;
  }
  Result<Empty> AddStatic(const std::string& group, const std::string& thing,
                          bool override_dynamic = false) {
    ThingGroupMembershipRequest req;
    req.thing_group_name = group;
    req.thing_name = thing;
    req.override_dynamic_groups = override_dynamic;
    return Write([&](auto& tx) { return transactions::AddThingToThingGroup(tx, req, Op()); });
  }
  void MakeStatic(const std::string& group) {
    CreateThingGroupRequest req;
    req.thing_group_name = group;
    ASSERT_TRUE(Write([&](auto& tx) { return transactions::CreateThingGroup(tx, req, Op()); }).ok());
  }
  void InsertJob(const std::string& job_id, Names targets, jobs::TargetSelection selection) {
    jobs::Job job = testing::StoredJob(job_id, std::move(targets), selection, kT0);
    auto inserted = Write([&](auto& tx) { return testing::InsertJobWithQueued(tx, job, {}, kT0); });
    ASSERT_TRUE(inserted.ok()) << inserted.status().message();
  }
  std::optional<jobs::JobExecution> LatestExecution(const std::string& job_id,
                                                    const std::string& thing) {
    auto e = Read([&](auto& tx) { return tx.GetExecution(job_id, thing, std::nullopt); });
    EXPECT_TRUE(e.ok()) << e.status().message();
    return e.ok() ? *e : std::nullopt;
  }
};

TEST_F(DynamicThingGroupsTest, ASmallGroupIsFilledAndActiveWhenCreateReturns) {
  MakeThing("s1", {{"site", "plant-7"}, {"fw", "1.2"}});
  MakeThing("s2", {{"site", "plant-7"}, {"fw", "2.0"}});
  MakeThing("s3", {{"site", "plant-8"}, {"fw", "1.5"}});
  auto group = Create("plant7-fw1");
  ASSERT_TRUE(group.ok()) << group.status().message();
  ASSERT_TRUE(group->dynamic);
  EXPECT_EQ(group->dynamic->query_version, "2017-09-30");
  EXPECT_EQ(group->dynamic->index_name, "AWS_Things");
  EXPECT_EQ(Members("plant7-fw1"), (Names{"s1"}));
  EXPECT_EQ(GroupStatus("plant7-fw1"), "ACTIVE");
}

TEST_F(DynamicThingGroupsTest, ABigGroupIsBuildingUntilTheWorkerHasFilledIt) {
  Status s = store::WriteAndWait(store(), kAccount, [&](store::WriteTransaction& tx) {
    for (int i = 0; i < 3 * kFillWindow + 5; ++i) {
      jobs::Thing t;
      t.thing_name = "t" + std::to_string(100000 + i);
      t.thing_id = t.thing_name;
      t.attributes = {{"site", "plant-7"}, {"fw", i % 2 ? "1.0" : "2.0"}};
      IOTJOBS_RETURN_IF_ERROR(tx.InsertThing(t));
    }
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
  ASSERT_TRUE(Create("big").ok());
  EXPECT_EQ(GroupStatus("big"), "BUILDING");
  EXPECT_EQ(Members("big").size(), static_cast<size_t>(kFillWindow / 2));
  EXPECT_EQ(FillAll("big"), 3);
  EXPECT_EQ(GroupStatus("big"), "ACTIVE");
  EXPECT_EQ(Members("big").size(), static_cast<size_t>((3 * kFillWindow + 5) / 2));
}

TEST_F(DynamicThingGroupsTest, CreateChecksQueryIndexAndName) {
  EXPECT_EQ(Create("g", "attributes.site:(").status().code(), ErrorCode::kInvalidQuery);
  EXPECT_EQ(Create("g", "*", "AWS_ThingGroups").status().code(), ErrorCode::kResourceNotFound);
  IndexingOn(false);
  auto off = Create("g", "*");
  EXPECT_EQ(off.status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(off.status().message(), messages::IndexNotFound("AWS_Things"));
  IndexingOn(true);
  ASSERT_TRUE(Create("g", "*").ok());
  EXPECT_TRUE(Create("g", "*").ok());  // the same group again
  EXPECT_EQ(Create("g", "thingName:x").status().code(), ErrorCode::kResourceAlreadyExists);
  MakeStatic("static");
  EXPECT_EQ(Create("static", "*").status().code(), ErrorCode::kResourceAlreadyExists);
  // Indexing stays on while a dynamic group lives on it (D69).
  UpdateIndexingConfigurationRequest req;
  req.things = jobs::ThingIndexingRequest{};
  req.things->thing_indexing_mode = "OFF";
  auto r = Write([&](auto& tx) { return transactions::UpdateIndexingConfiguration(tx, req, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
}

TEST_F(DynamicThingGroupsTest, StaticAndDynamicCallsDoNotCross) {
  ASSERT_TRUE(Create("dyn", "*").ok());
  MakeStatic("static");
  MakeThing("s1", {});
  EXPECT_EQ(AddStatic("dyn", "s1").status().code(), ErrorCode::kInvalidRequest);
  ThingGroupMembershipRequest remove;
  remove.thing_group_name = "dyn";
  remove.thing_name = "s1";
  EXPECT_EQ(Write([&](auto& tx) {
              return transactions::RemoveThingFromThingGroup(tx, remove, Op());
            }).status().code(),
            ErrorCode::kInvalidRequest);
  DeleteThingGroupRequest del{"dyn", std::nullopt};
  EXPECT_EQ(Write([&](auto& tx) { return transactions::DeleteThingGroup(tx, del, Op()); })
                .status().code(),
            ErrorCode::kInvalidRequest);
  UpdateThingGroupRequest update;
  update.thing_group_name = "dyn";
  EXPECT_EQ(Write([&](auto& tx) { return transactions::UpdateThingGroup(tx, update, Op()); })
                .status().code(),
            ErrorCode::kInvalidRequest);
  CreateThingGroupRequest child;
  child.thing_group_name = "child";
  child.parent_group_name = "dyn";
  EXPECT_EQ(Write([&](auto& tx) { return transactions::CreateThingGroup(tx, child, Op()); })
                .status().code(),
            ErrorCode::kInvalidRequest);
  EXPECT_EQ(Requery("static", "*").status().code(), ErrorCode::kInvalidRequest);
  DeleteThingGroupRequest del_static{"static", std::nullopt};
  EXPECT_EQ(Write([&](auto& tx) {
              return transactions::DeleteDynamicThingGroup(tx, del_static, Op());
            }).status().code(),
            ErrorCode::kInvalidRequest);
  EXPECT_TRUE(Write([&](auto& tx) { return transactions::DeleteDynamicThingGroup(tx, del, Op()); })
                  .ok());
  EXPECT_TRUE(Write([&](auto& tx) { return transactions::DeleteDynamicThingGroup(tx, del, Op()); })
                  .ok());  // absent: nothing to do
}

TEST_F(DynamicThingGroupsTest, ThingsMoveInAndOutAsTheyChange) {
  ASSERT_TRUE(Create("plant7-fw1").ok());
  MakeThing("s1", {{"site", "plant-7"}, {"fw", "1.2"}});
  EXPECT_EQ(Members("plant7-fw1"), (Names{"s1"}));
  ASSERT_TRUE(SetAttribute("s1", "fw", "2.0").ok());
  EXPECT_TRUE(Members("plant7-fw1").empty());
  ASSERT_TRUE(SetAttribute("s1", "fw", "1.9").ok());
  EXPECT_EQ(Members("plant7-fw1"), (Names{"s1"}));
  DeleteThingRequest del;
  del.thing_name = "s1";
  ASSERT_TRUE(Write([&](auto& tx) { return transactions::DeleteThing(tx, del, Op()); }).ok());
  EXPECT_TRUE(Members("plant7-fw1").empty());
}

TEST_F(DynamicThingGroupsTest, AQueryOnGroupsFollowsStaticMembership) {
  MakeStatic("canary");
  ASSERT_TRUE(Create("canaries", "thingGroupNames:canary").ok());
  MakeThing("s1", {});
  ASSERT_TRUE(AddStatic("canary", "s1").ok());
  EXPECT_EQ(Members("canaries"), (Names{"s1"}));
}

TEST_F(DynamicThingGroupsTest, AChangedQueryRebuildsTheMembers) {
  MakeThing("s1", {{"site", "plant-7"}, {"fw", "1.2"}});
  MakeThing("s2", {{"site", "plant-8"}, {"fw", "1.2"}});
  ASSERT_TRUE(Create("g").ok());
  auto version = Requery("g", "attributes.site:plant-8");
  ASSERT_TRUE(version.ok()) << version.status().message();
  EXPECT_EQ(*version, 2);
  EXPECT_EQ(GroupStatus("g"), "REBUILDING");
  FillAll("g");
  EXPECT_EQ(GroupStatus("g"), "ACTIVE");
  EXPECT_EQ(Members("g"), (Names{"s2"}));
}

TEST_F(DynamicThingGroupsTest, TheGroupLimitAndOverrideDynamicGroups) {
  MakeThing("s1", {{"site", "plant-7"}, {"fw", "1.2"}});
  ASSERT_TRUE(Create("dyn").ok());
  for (int i = 0; i < 9; ++i) {
    MakeStatic("g" + std::to_string(i));
    ASSERT_TRUE(AddStatic("g" + std::to_string(i), "s1").ok());
  }
  MakeStatic("tenth");
  EXPECT_EQ(AddStatic("tenth", "s1").status().code(), ErrorCode::kInvalidRequest);
  ASSERT_TRUE(AddStatic("tenth", "s1", /*override_dynamic=*/true).ok());
  EXPECT_TRUE(Members("dyn").empty());
  EXPECT_EQ(Members("tenth"), (Names{"s1"}));
  // At the limit, a matching thing joins no dynamic group (D67).
  ASSERT_TRUE(SetAttribute("s1", "fw", "1.3").ok());
  EXPECT_TRUE(Members("dyn").empty());
}

TEST_F(DynamicThingGroupsTest, AContinuousJobOnTheGroupReachesEveryThingThatJoins) {
  ASSERT_TRUE(Create("g").ok());
  InsertJob("fw", {GroupArn("g")}, jobs::TargetSelection::kContinuous);
  MakeThing("s1", {{"site", "plant-7"}, {"fw", "1.2"}});
  auto e = LatestExecution("fw", "s1");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, jobs::ExecutionStatus::kQueued);
  // Leaving the group keeps the queued execution (D70); joining again while it is pending
  // queues no second one.
  ASSERT_TRUE(SetAttribute("s1", "fw", "2.0").ok());
  EXPECT_TRUE(Members("g").empty());
  e = LatestExecution("fw", "s1");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, jobs::ExecutionStatus::kQueued);
  ASSERT_TRUE(SetAttribute("s1", "fw", "1.3").ok());
  EXPECT_EQ(Members("g"), (Names{"s1"}));
  EXPECT_EQ(LatestExecution("fw", "s1")->execution_number, 1);
}

TEST_F(DynamicThingGroupsTest, AFillQueuesTheContinuousJobsOfTheGroup) {
  MakeThing("s1", {{"site", "plant-7"}, {"fw", "1.2"}});
  ASSERT_TRUE(Create("g", "attributes.site:plant-9").ok());
  InsertJob("fw", {GroupArn("g")}, jobs::TargetSelection::kContinuous);
  ASSERT_TRUE(Requery("g", kQuery).ok());
  FillAll("g");
  EXPECT_TRUE(LatestExecution("fw", "s1"));
}

}  // namespace
}  // namespace iotjobs::service
