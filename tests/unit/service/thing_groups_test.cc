// The thing group operations' transaction bodies (service/transactions/thing_groups.h).
#include "service/transactions/thing_groups.h"

#include <algorithm>

#include "jobs/arn.h"
#include "service/transactions/things.h"
#include "stored_jobs.h"
#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using transactions::AddThingToThingGroup;
using transactions::CreateThingGroup;
using transactions::DeleteThingGroup;
using transactions::DescribeThingGroup;
using transactions::ListThingGroups;
using transactions::ListThingGroupsForThing;
using transactions::ListThingsInThingGroup;
using transactions::RemoveThingFromThingGroup;
using transactions::UpdateThingGroup;
using Names = std::vector<std::string>;

class ThingGroupsTest : public TransactionTest {
 protected:
  static constexpr EpochMillis kLater = kT0 + 60'000;

  Result<jobs::ThingGroup> CreateGroup(const std::string& name,
                                       std::optional<std::string> parent = std::nullopt,
                                       std::optional<std::string> description = std::nullopt) {
    CreateThingGroupRequest req;
    req.thing_group_name = name;
    req.parent_group_name = std::move(parent);
    req.description = std::move(description);
    return Write([&](auto& tx) { return CreateThingGroup(tx, req, Op()); });
  }
  // Creates `names`, each a child of the one before it.
  void CreateChain(const Names& names) {
    std::optional<std::string> parent;
    for (const auto& name : names) {
      auto created = CreateGroup(name, parent);
      ASSERT_TRUE(created.ok()) << name << ": " << created.status().message();
      parent = name;
    }
  }
  void CreateThings(const Names& names) {
    for (const auto& name : names) {
      CreateThingRequest req;
      req.thing_name = name;
      auto created = Write([&](auto& tx) { return transactions::CreateThing(tx, req, Op()); });
      ASSERT_TRUE(created.ok()) << name << ": " << created.status().message();
    }
  }
  Result<ThingGroupView> Describe(const std::string& name) {
    return Read([&](auto& tx) { return DescribeThingGroup(tx, name, Op()); });
  }

  static ThingGroupMembershipRequest Membership(const std::string& group,
                                                const std::string& thing) {
    ThingGroupMembershipRequest req;
    req.thing_group_name = group;
    req.thing_name = thing;
    return req;
  }
  Result<Empty> Add(const ThingGroupMembershipRequest& req, EpochMillis now = kT0) {
    return Write([&](auto& tx) { return AddThingToThingGroup(tx, req, Op(now)); });
  }
  Result<Empty> Add(const std::string& group, const std::string& thing, EpochMillis now = kT0) {
    return Add(Membership(group, thing), now);
  }
  Result<Empty> Remove(const std::string& group, const std::string& thing, EpochMillis now = kT0) {
    auto req = Membership(group, thing);
    return Write([&](auto& tx) { return RemoveThingFromThingGroup(tx, req, Op(now)); });
  }

  // Every name a list operation gives, page by page (`req.page.max_results` per page).
  template <typename Request, typename Body>
  Names AllPages(Request req, Body list) {
    Names names;
    for (int pages = 0; pages < 100; ++pages) {
      auto page = Read([&](auto& tx) { return list(tx, req, Op()); });
      EXPECT_TRUE(page.ok()) << page.status().message();
      if (!page.ok()) break;
      if (req.page.max_results) {
        EXPECT_LE(static_cast<int>(page->items.size()), *req.page.max_results);
      }
      names.insert(names.end(), page->items.begin(), page->items.end());
      if (!page->next_token) break;
      req.page.next_token = page->next_token;
    }
    return names;
  }
  Names Groups(std::optional<std::string> parent = std::nullopt, bool recursive = false,
               std::optional<std::string> prefix = std::nullopt, int max_results = 2) {
    ListThingGroupsRequest req;
    req.parent_group = std::move(parent);
    req.recursive = recursive;
    req.name_prefix_filter = std::move(prefix);
    req.page.max_results = max_results;
    return AllPages(req, ListThingGroups);
  }
  Names ThingsIn(const std::string& group, bool recursive = false) {
    ListThingsInThingGroupRequest req;
    req.thing_group_name = group;
    req.recursive = recursive;
    req.page.max_results = 2;
    return AllPages(req, ListThingsInThingGroup);
  }
  Names GroupsOf(const std::string& thing) {
    ListThingGroupsForThingRequest req;
    req.thing_name = thing;
    req.page.max_results = 2;
    return AllPages(req, ListThingGroupsForThing);
  }

  std::string GroupArn(const std::string& name) const {
    return jobs::MakeArn(Op().arns, jobs::ResourceKind::kThingGroup, name);
  }
  std::string ThingArn(const std::string& name) const {
    return jobs::MakeArn(Op().arns, jobs::ResourceKind::kThing, name);
  }

  // A job on `targets` as CreateJob stores it, with a QUEUED execution on each of `queued`.
  void InsertJob(const std::string& job_id, Names targets, jobs::TargetSelection selection,
                 const Names& queued = {}, jobs::JobStatus status = jobs::JobStatus::kInProgress) {
    jobs::Job job = testing::StoredJob(job_id, std::move(targets), selection, kT0);
    job.status = status;
    auto inserted =
        Write([&](auto& tx) { return testing::InsertJobWithQueued(tx, job, queued, kT0); });
    ASSERT_TRUE(inserted.ok()) << inserted.status().message();
  }
  jobs::Job JobRow(const std::string& job_id) {
    auto job = Read([&](auto& tx) { return tx.GetJob(job_id); });
    EXPECT_TRUE(job.ok() && job->has_value()) << job_id;
    return job.ok() && job->has_value() ? **job : jobs::Job{};
  }
  // The thing's latest execution of the job, if any.
  std::optional<jobs::JobExecution> LatestExecution(const std::string& job_id,
                                                    const std::string& thing) {
    auto e = Read([&](auto& tx) { return tx.GetExecution(job_id, thing, std::nullopt); });
    EXPECT_TRUE(e.ok()) << e.status().message();
    if (!e.ok()) return std::nullopt;
    return *e;
  }
};

// ---- CreateThingGroup, DescribeThingGroup ----

TEST_F(ThingGroupsTest, CreateGivesAnIdVersionOneAndTheRequestTime) {
  auto group = CreateGroup("fleet", std::nullopt, "all devices");
  ASSERT_TRUE(group.ok()) << group.status().message();
  EXPECT_FALSE(group->thing_group_id.empty());
  EXPECT_EQ(group->version, 1);
  EXPECT_EQ(group->creation_date, kT0);
  auto described = Describe("fleet");
  ASSERT_TRUE(described.ok()) << described.status().message();
  EXPECT_EQ(described->group.thing_group_id, group->thing_group_id);
  EXPECT_EQ(described->group.description, "all devices");
  EXPECT_FALSE(described->group.parent_group_name);
  EXPECT_TRUE(described->root_to_parent.empty());
}

TEST_F(ThingGroupsTest, CreatingTheSameGroupAgainAnswersTheExistingOne) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  auto first = CreateGroup("line-1", "fleet", "first line");
  auto again = CreateGroup("line-1", "fleet", "first line");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(again->thing_group_id, first->thing_group_id);
}

TEST_F(ThingGroupsTest, CreatingItWithOtherPropertiesConflicts) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  ASSERT_TRUE(CreateGroup("line-1", "fleet", "first line").ok());
  EXPECT_EQ(CreateGroup("line-1", "fleet", "other").status().code(),
            ErrorCode::kResourceAlreadyExists);
  EXPECT_EQ(CreateGroup("line-1", std::nullopt, "first line").status().code(),
            ErrorCode::kResourceAlreadyExists);
}

TEST_F(ThingGroupsTest, CreateUnderAnUnknownParentIsNotFound) {
  EXPECT_EQ(CreateGroup("line-1", "nope").status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(Describe("line-1").status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(ThingGroupsTest, DescribeShowsTheAncestorsRootFirst) {
  CreateChain({"fleet", "site", "line"});
  auto line = Describe("line");
  ASSERT_TRUE(line.ok()) << line.status().message();
  EXPECT_EQ(line->group.parent_group_name, "site");
  EXPECT_EQ(line->root_to_parent, (Names{"fleet", "site"}));
  EXPECT_EQ(Describe("site")->root_to_parent, (Names{"fleet"}));
}

TEST_F(ThingGroupsTest, AHierarchyIsAtMostSevenLevelsDeep) {
  CreateChain({"l1", "l2", "l3", "l4", "l5", "l6", "l7"});
  EXPECT_EQ(Describe("l7")->root_to_parent.size(), 6u);
  EXPECT_EQ(CreateGroup("l8", "l7").status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Describe("l8").status().code(), ErrorCode::kResourceNotFound);
  // A sibling at the seventh level is still allowed.
  EXPECT_TRUE(CreateGroup("l7b", "l6").ok());
}

TEST_F(ThingGroupsTest, DescribeOfAnUnknownGroupIsNotFound) {
  EXPECT_EQ(Describe("nope").status().code(), ErrorCode::kResourceNotFound);
}

// ---- ListThingGroups ----

class ListThingGroupsTest : public ThingGroupsTest {
 protected:
  // fleet > {line-a > {cell-1, cell-2}, line-b}; spare
  void SetUp() override {
    ThingGroupsTest::SetUp();
    CreateChain({"fleet", "line-a", "cell-1"});
    ASSERT_TRUE(CreateGroup("cell-2", "line-a").ok());
    ASSERT_TRUE(CreateGroup("line-b", "fleet").ok());
    ASSERT_TRUE(CreateGroup("spare").ok());
  }
};

TEST_F(ListThingGroupsTest, PagesThroughEveryGroupInNameOrder) {
  EXPECT_EQ(Groups(), (Names{"cell-1", "cell-2", "fleet", "line-a", "line-b", "spare"}));
}

TEST_F(ListThingGroupsTest, AParentGivesItsDirectChildren) {
  EXPECT_EQ(Groups("fleet"), (Names{"line-a", "line-b"}));
  EXPECT_EQ(Groups("cell-1"), Names{});
}

TEST_F(ListThingGroupsTest, RecursiveGivesEveryGroupBelowTheParent) {
  EXPECT_EQ(Groups("fleet", /*recursive=*/true), (Names{"cell-1", "cell-2", "line-a", "line-b"}));
  EXPECT_EQ(Groups("fleet", /*recursive=*/true, std::nullopt, /*max_results=*/1),
            (Names{"cell-1", "cell-2", "line-a", "line-b"}));
  EXPECT_EQ(Groups("line-a", /*recursive=*/true), (Names{"cell-1", "cell-2"}));
}

TEST_F(ListThingGroupsTest, ThePrefixFiltersEveryListing) {
  EXPECT_EQ(Groups(std::nullopt, false, "line-"), (Names{"line-a", "line-b"}));
  EXPECT_EQ(Groups("fleet", false, "line-b"), (Names{"line-b"}));
  EXPECT_EQ(Groups("fleet", /*recursive=*/true, "cell-"), (Names{"cell-1", "cell-2"}));
}

TEST_F(ListThingGroupsTest, ATokenWeDidNotMakeIsInvalid) {
  ListThingGroupsRequest req;
  req.page.next_token = "not base64!";
  auto r = Read([&](auto& tx) { return ListThingGroups(tx, req, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
}

// ---- UpdateThingGroup ----

TEST_F(ThingGroupsTest, UpdateMergesAttributesAndAnswersTheNewVersion) {
  CreateThingGroupRequest create;
  create.thing_group_name = "fleet";
  create.attribute_payload = AttributePayload{{{"a", "1"}, {"b", "2"}}};
  ASSERT_TRUE(Write([&](auto& tx) { return CreateThingGroup(tx, create, Op()); }).ok());
  UpdateThingGroupRequest req;
  req.thing_group_name = "fleet";
  req.expected_version = 1;
  req.description = "every device";
  req.attribute_payload = AttributePayload{{{"b", ""}, {"c", "3"}}, /*merge=*/true};
  auto version = Write([&](auto& tx) { return UpdateThingGroup(tx, req, Op()); });
  ASSERT_TRUE(version.ok()) << version.status().message();
  EXPECT_EQ(*version, 2);
  auto group = Describe("fleet")->group;
  EXPECT_EQ(group.version, 2);
  EXPECT_EQ(group.description, "every device");
  EXPECT_EQ(group.attributes, (std::map<std::string, std::string>{{"a", "1"}, {"c", "3"}}));
}

TEST_F(ThingGroupsTest, UpdateWithoutMergeReplacesTheAttributes) {
  CreateThingGroupRequest create;
  create.thing_group_name = "fleet";
  create.attribute_payload = AttributePayload{{{"a", "1"}}};
  ASSERT_TRUE(Write([&](auto& tx) { return CreateThingGroup(tx, create, Op()); }).ok());
  UpdateThingGroupRequest req;
  req.thing_group_name = "fleet";
  req.attribute_payload = AttributePayload{{{"c", "3"}}};
  ASSERT_TRUE(Write([&](auto& tx) { return UpdateThingGroup(tx, req, Op()); }).ok());
  EXPECT_EQ(Describe("fleet")->group.attributes, (std::map<std::string, std::string>{{"c", "3"}}));
}

TEST_F(ThingGroupsTest, UpdateWithAStaleVersionConflictsAndChangesNothing) {
  ASSERT_TRUE(CreateGroup("fleet", std::nullopt, "before").ok());
  UpdateThingGroupRequest req;
  req.thing_group_name = "fleet";
  req.expected_version = 3;
  req.description = "after";
  auto r = Write([&](auto& tx) { return UpdateThingGroup(tx, req, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kVersionConflict);
  auto group = Describe("fleet")->group;
  EXPECT_EQ(group.version, 1);
  EXPECT_EQ(group.description, "before");
}

TEST_F(ThingGroupsTest, UpdateOfAnUnknownGroupIsNotFound) {
  UpdateThingGroupRequest req;
  req.thing_group_name = "nope";
  auto r = Write([&](auto& tx) { return UpdateThingGroup(tx, req, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kResourceNotFound);
}

// ---- DeleteThingGroup ----

Result<Empty> DeleteGroupBody(store::WriteTransaction& tx, const std::string& name,
                              std::optional<int64_t> expected_version, const OperationContext& op) {
  DeleteThingGroupRequest req;
  req.thing_group_name = name;
  req.expected_version = expected_version;
  return DeleteThingGroup(tx, req, op);
}

TEST_F(ThingGroupsTest, DeletingAnUnknownGroupSucceeds) {
  EXPECT_TRUE(
      Write([&](auto& tx) { return DeleteGroupBody(tx, "nope", std::nullopt, Op()); }).ok());
}

TEST_F(ThingGroupsTest, DeleteChecksTheVersionThenRemovesTheGroupAndItsMemberships) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  ASSERT_TRUE(Add("fleet", "sensor-1").ok());
  EXPECT_EQ(Write([&](auto& tx) { return DeleteGroupBody(tx, "fleet", 2, Op()); }).status().code(),
            ErrorCode::kVersionConflict);
  EXPECT_TRUE(Describe("fleet").ok());
  EXPECT_TRUE(Write([&](auto& tx) { return DeleteGroupBody(tx, "fleet", 1, Op()); }).ok());
  EXPECT_EQ(Describe("fleet").status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(GroupsOf("sensor-1"), Names{});
}

TEST_F(ThingGroupsTest, AGroupWithChildGroupsCannotBeDeleted) {
  CreateChain({"fleet", "line-1"});
  auto r = Write([&](auto& tx) { return DeleteGroupBody(tx, "fleet", std::nullopt, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_TRUE(Describe("fleet").ok());
  // Once its children are gone, it can.
  ASSERT_TRUE(
      Write([&](auto& tx) { return DeleteGroupBody(tx, "line-1", std::nullopt, Op()); }).ok());
  EXPECT_TRUE(
      Write([&](auto& tx) { return DeleteGroupBody(tx, "fleet", std::nullopt, Op()); }).ok());
  EXPECT_EQ(Describe("fleet").status().code(), ErrorCode::kResourceNotFound);
}

// ---- AddThingToThingGroup, RemoveThingFromThingGroup ----

TEST_F(ThingGroupsTest, AddThenRemoveAMember) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  ASSERT_TRUE(Add("fleet", "sensor-1").ok());
  EXPECT_EQ(ThingsIn("fleet"), (Names{"sensor-1"}));
  EXPECT_EQ(GroupsOf("sensor-1"), (Names{"fleet"}));
  ASSERT_TRUE(Remove("fleet", "sensor-1").ok());
  EXPECT_EQ(ThingsIn("fleet"), Names{});
  EXPECT_EQ(GroupsOf("sensor-1"), Names{});
}

TEST_F(ThingGroupsTest, AddingAMemberAgainOrRemovingANonMemberDoesNothing) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  ASSERT_TRUE(Add("fleet", "sensor-1").ok());
  EXPECT_TRUE(Add("fleet", "sensor-1").ok());
  EXPECT_EQ(ThingsIn("fleet"), (Names{"sensor-1"}));
  ASSERT_TRUE(Remove("fleet", "sensor-1").ok());
  EXPECT_TRUE(Remove("fleet", "sensor-1").ok());
  EXPECT_EQ(ThingsIn("fleet"), Names{});
}

TEST_F(ThingGroupsTest, MembershipNamesEachSideByNameOrByArn) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  ThingGroupMembershipRequest req;
  req.thing_group_arn = GroupArn("fleet");
  req.thing_arn = ThingArn("sensor-1");
  ASSERT_TRUE(Add(req).ok());
  EXPECT_EQ(ThingsIn("fleet"), (Names{"sensor-1"}));
  // A name wins over an ARN given beside it.
  req.thing_group_name = "fleet";
  req.thing_group_arn = GroupArn("other");
  auto removed = Write([&](auto& tx) { return RemoveThingFromThingGroup(tx, req, Op()); });
  ASSERT_TRUE(removed.ok()) << removed.status().message();
  EXPECT_EQ(ThingsIn("fleet"), Names{});
}

TEST_F(ThingGroupsTest, MembershipRefusesAMissingSideOrAForeignArn) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  ThingGroupMembershipRequest no_group;
  no_group.thing_name = "sensor-1";
  ThingGroupMembershipRequest no_thing;
  no_thing.thing_group_name = "fleet";
  ThingGroupMembershipRequest wrong_kind = Membership("fleet", "sensor-1");
  wrong_kind.thing_name.reset();
  wrong_kind.thing_arn = GroupArn("sensor-1");  // a group's ARN where a thing's belongs
  ThingGroupMembershipRequest other_account = Membership("fleet", "sensor-1");
  other_account.thing_group_name.reset();
  other_account.thing_group_arn =
      jobs::MakeArn({kRegion, "210987654321"}, jobs::ResourceKind::kThingGroup, "fleet");
  ThingGroupMembershipRequest other_region = Membership("fleet", "sensor-1");
  other_region.thing_name.reset();
  other_region.thing_arn =
      jobs::MakeArn({"eu-west-1", kAccount}, jobs::ResourceKind::kThing, "sensor-1");
  for (const auto* req : {&no_group, &no_thing, &wrong_kind, &other_account, &other_region}) {
    EXPECT_EQ(Add(*req).status().code(), ErrorCode::kInvalidRequest);
    auto removed = Write([&](auto& tx) { return RemoveThingFromThingGroup(tx, *req, Op()); });
    EXPECT_EQ(removed.status().code(), ErrorCode::kInvalidRequest);
  }
  EXPECT_EQ(ThingsIn("fleet"), Names{});
}

TEST_F(ThingGroupsTest, MembershipOfAnUnknownGroupOrThingIsNotFound) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  EXPECT_EQ(Add("nope", "sensor-1").status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(Add("fleet", "nope").status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(Remove("nope", "sensor-1").status().code(), ErrorCode::kResourceNotFound);
  EXPECT_EQ(Remove("fleet", "nope").status().code(), ErrorCode::kResourceNotFound);
}

TEST_F(ThingGroupsTest, AThingIsInAtMostTenGroups) {
  CreateThings({"sensor-1"});
  Names ten;
  for (int i = 0; i < 10; ++i) {
    std::string group = "g" + std::to_string(i);
    ASSERT_TRUE(CreateGroup(group).ok());
    ASSERT_TRUE(Add(group, "sensor-1").ok()) << group;
    ten.push_back(group);
  }
  ASSERT_TRUE(CreateGroup("g10").ok());
  EXPECT_EQ(Add("g10", "sensor-1").status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(GroupsOf("sensor-1"), ten);
  // Adding it again to a group it is in is still fine, and leaving one makes room.
  EXPECT_TRUE(Add("g3", "sensor-1").ok());
  ASSERT_TRUE(Remove("g3", "sensor-1").ok());
  EXPECT_TRUE(Add("g10", "sensor-1").ok());
}

// ---- ListThingsInThingGroup, ListThingGroupsForThing ----

TEST_F(ThingGroupsTest, ListThingsInAGroupDirectOrRecursive) {
  CreateChain({"fleet", "line-1", "cell-1"});
  CreateThings({"a", "b", "c", "d", "e"});
  ASSERT_TRUE(Add("fleet", "e").ok());
  ASSERT_TRUE(Add("line-1", "b").ok());
  ASSERT_TRUE(Add("line-1", "d").ok());
  ASSERT_TRUE(Add("cell-1", "a").ok());
  ASSERT_TRUE(Add("cell-1", "d").ok());  // in two groups of the tree, listed once
  EXPECT_EQ(ThingsIn("fleet"), (Names{"e"}));
  EXPECT_EQ(ThingsIn("line-1"), (Names{"b", "d"}));
  EXPECT_EQ(ThingsIn("fleet", /*recursive=*/true), (Names{"a", "b", "d", "e"}));
  EXPECT_EQ(ThingsIn("line-1", /*recursive=*/true), (Names{"a", "b", "d"}));
}

// ListThingGroups under an unknown parent, ListThingsInThingGroup of an unknown group.
TEST_F(ThingGroupsTest, ListingsOfAnUnknownGroupAreNotFound) {
  for (bool recursive : {false, true}) {
    ListThingGroupsRequest groups;
    groups.parent_group = "nope";
    groups.recursive = recursive;
    ListThingsInThingGroupRequest things;
    things.thing_group_name = "nope";
    things.recursive = recursive;
    EXPECT_EQ(Read([&](auto& tx) { return ListThingGroups(tx, groups, Op()); }).status().code(),
              ErrorCode::kResourceNotFound)
        << recursive;
    EXPECT_EQ(
        Read([&](auto& tx) { return ListThingsInThingGroup(tx, things, Op()); }).status().code(),
        ErrorCode::kResourceNotFound)
        << recursive;
  }
}

TEST_F(ThingGroupsTest, ListGroupsForAThingGivesItsDirectGroupsInNameOrder) {
  CreateChain({"fleet", "line-1"});
  ASSERT_TRUE(CreateGroup("canary").ok());
  ASSERT_TRUE(CreateGroup("beta").ok());
  CreateThings({"sensor-1"});
  for (const char* group : {"line-1", "canary", "beta"}) {
    ASSERT_TRUE(Add(group, "sensor-1").ok()) << group;
  }
  EXPECT_EQ(GroupsOf("sensor-1"), (Names{"beta", "canary", "line-1"}));
}

TEST_F(ThingGroupsTest, ListGroupsForAnUnknownThingIsNotFound) {
  ListThingGroupsForThingRequest req;
  req.thing_name = "nope";
  auto r = Read([&](auto& tx) { return ListThingGroupsForThing(tx, req, Op()); });
  EXPECT_EQ(r.status().code(), ErrorCode::kResourceNotFound);
}

// ---- membership and the jobs that target groups ----

constexpr auto kContinuous = jobs::TargetSelection::kContinuous;
constexpr auto kSnapshot = jobs::TargetSelection::kSnapshot;

TEST_F(ThingGroupsTest, JoiningAGroupQueuesAnExecutionOfAContinuousJobOnIt) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  InsertJob("fw", {GroupArn("fleet")}, kContinuous);
  ASSERT_TRUE(Add("fleet", "sensor-1", kLater).ok());
  auto e = LatestExecution("fw", "sensor-1");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->execution_number, 1);
  EXPECT_EQ(e->status, jobs::ExecutionStatus::kQueued);
  EXPECT_EQ(e->queued_at, kLater);
  EXPECT_EQ(JobRow("fw").process_details.queued, 1);
}

TEST_F(ThingGroupsTest, JoiningAChildGroupReachesAContinuousJobOnAnAncestor) {
  CreateChain({"fleet", "line-1", "cell-1"});
  CreateThings({"sensor-1"});
  InsertJob("fw", {GroupArn("fleet")}, kContinuous);
  ASSERT_TRUE(Add("cell-1", "sensor-1").ok());
  ASSERT_TRUE(LatestExecution("fw", "sensor-1"));
  EXPECT_EQ(JobRow("fw").process_details.queued, 1);
}

TEST_F(ThingGroupsTest, AThingTheJobAlreadyTargetedGetsNoSecondExecution) {
  CreateChain({"fleet", "line-1"});
  ASSERT_TRUE(CreateGroup("line-2", "fleet").ok());
  CreateThings({"sensor-1", "sensor-2"});
  // sensor-1 is reached through line-1 already; sensor-2 is a target by name.
  ASSERT_TRUE(Add("line-1", "sensor-1").ok());
  InsertJob("fw", {GroupArn("fleet"), ThingArn("sensor-2")}, kContinuous, {"sensor-1", "sensor-2"});
  ASSERT_TRUE(Add("line-2", "sensor-1").ok());
  ASSERT_TRUE(Add("line-2", "sensor-2").ok());
  EXPECT_EQ(LatestExecution("fw", "sensor-1")->execution_number, 1);
  EXPECT_EQ(LatestExecution("fw", "sensor-2")->execution_number, 1);
  EXPECT_EQ(JobRow("fw").process_details.queued, 2);
}

TEST_F(ThingGroupsTest, JoiningQueuesNothingForSnapshotOrFinishedJobs) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  InsertJob("snap", {GroupArn("fleet")}, kSnapshot);
  InsertJob("canceled", {GroupArn("fleet")}, kContinuous, {}, jobs::JobStatus::kCanceled);
  InsertJob("scheduled", {GroupArn("fleet")}, kContinuous, {}, jobs::JobStatus::kScheduled);
  ASSERT_TRUE(Add("fleet", "sensor-1").ok());
  for (const char* job : {"snap", "canceled", "scheduled"}) {
    EXPECT_FALSE(LatestExecution(job, "sensor-1")) << job;
    EXPECT_EQ(JobRow(job).process_details.queued, 0) << job;
  }
}

TEST_F(ThingGroupsTest, LeavingTheTargetGroupRemovesThePendingExecution) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  InsertJob("fw", {GroupArn("fleet")}, kContinuous);
  ASSERT_TRUE(Add("fleet", "sensor-1").ok());
  ASSERT_TRUE(Remove("fleet", "sensor-1", kLater).ok());
  auto e = LatestExecution("fw", "sensor-1");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->status, jobs::ExecutionStatus::kRemoved);
  EXPECT_EQ(e->last_updated_at, kLater);
  auto details = JobRow("fw").process_details;
  EXPECT_EQ(details.queued, 0);
  EXPECT_EQ(details.removed, 1);
}

TEST_F(ThingGroupsTest, LeavingOneGroupKeepsAnExecutionTheJobStillTargets) {
  CreateChain({"fleet", "line-1"});
  ASSERT_TRUE(CreateGroup("line-2", "fleet").ok());
  ASSERT_TRUE(CreateGroup("unrelated").ok());
  CreateThings({"sensor-1"});
  ASSERT_TRUE(Add("line-1", "sensor-1").ok());
  ASSERT_TRUE(Add("line-2", "sensor-1").ok());
  ASSERT_TRUE(Add("unrelated", "sensor-1").ok());
  InsertJob("fw", {GroupArn("fleet")}, kSnapshot, {"sensor-1"});
  ASSERT_TRUE(Remove("line-1", "sensor-1").ok());
  ASSERT_TRUE(Remove("unrelated", "sensor-1").ok());
  EXPECT_EQ(LatestExecution("fw", "sensor-1")->status, jobs::ExecutionStatus::kQueued);
  EXPECT_EQ(JobRow("fw").process_details.queued, 1);
  // Out of the job's last group, it goes.
  ASSERT_TRUE(Remove("line-2", "sensor-1").ok());
  EXPECT_EQ(LatestExecution("fw", "sensor-1")->status, jobs::ExecutionStatus::kRemoved);
  EXPECT_EQ(JobRow("fw").process_details.removed, 1);
}

TEST_F(ThingGroupsTest, RejoiningQueuesTheNextExecutionNumber) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  InsertJob("fw", {GroupArn("fleet")}, kContinuous);
  ASSERT_TRUE(Add("fleet", "sensor-1").ok());
  ASSERT_TRUE(Remove("fleet", "sensor-1").ok());
  ASSERT_TRUE(Add("fleet", "sensor-1", kLater).ok());
  auto e = LatestExecution("fw", "sensor-1");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->execution_number, 2);
  EXPECT_EQ(e->status, jobs::ExecutionStatus::kQueued);
  auto details = JobRow("fw").process_details;
  EXPECT_EQ(details.queued, 1);
  EXPECT_EQ(details.removed, 1);
}

TEST_F(ThingGroupsTest, JoiningNotifiesTheThingOfItsNewExecution) {
  ASSERT_TRUE(CreateGroup("fleet").ok());
  CreateThings({"sensor-1"});
  InsertJob("fw", {GroupArn("fleet")}, kContinuous);
  ClearOutbox();
  auto req = Membership("fleet", "sensor-1");
  ASSERT_TRUE(WriteNotifying([&](auto& tx) { return AddThingToThingGroup(tx, req, Op()); }).ok());
  Names topics;
  for (const auto& m : Outbox()) topics.push_back(m.topic);
  EXPECT_NE(std::find(topics.begin(), topics.end(), "$aws/things/sensor-1/jobs/notify"),
            topics.end());
}

}  // namespace
}  // namespace iotjobs::service
