// The tagging operations' transaction bodies (service/transactions/tags.h), and the tags the
// create operations keep (docs/aws-behaviour.md, "Tags", D45-D49).
#include "service/transactions/tags.h"

#include "service/transactions/job_templates.h"
#include "service/transactions/thing_groups.h"
#include "service/transactions/timers.h"
#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using Tags = std::vector<jobs::Tag>;

constexpr const char* kJobArn = "arn:aws:iot:us-east-1:123456789012:job/j1";
constexpr const char* kTemplateArn = "arn:aws:iot:us-east-1:123456789012:jobtemplate/tpl";
constexpr const char* kGroupArn = "arn:aws:iot:us-east-1:123456789012:thinggroup/g1";

class TagsTest : public TransactionTest {
 protected:
  Result<Empty> Tag(const std::string& arn, Tags tags) {
    TagResourceRequest req{arn, std::move(tags)};
    return Write([&](auto& tx) { return transactions::TagResource(tx, req, Op()); });
  }
  Result<Empty> Untag(const std::string& arn, std::vector<std::string> keys) {
    UntagResourceRequest req{arn, std::move(keys)};
    return Write([&](auto& tx) { return transactions::UntagResource(tx, req, Op()); });
  }
  Result<ListResult<jobs::Tag>> ListPage(const std::string& arn,
                                         std::optional<std::string> token = std::nullopt) {
    ListTagsForResourceRequest req;
    req.resource_arn = arn;
    req.page.next_token = std::move(token);
    return Read([&](auto& tx) { return transactions::ListTagsForResource(tx, req, Op()); });
  }
  // Every tag, following nextToken; "key=value" (or "key" without a value), by key.
  std::vector<std::string> All(const std::string& arn) {
    std::vector<std::string> out;
    std::optional<std::string> token;
    do {
      auto page = ListPage(arn, token);
      EXPECT_TRUE(page.ok()) << page.status().ToString();
      if (!page.ok()) return out;
      EXPECT_LE(page->items.size(), static_cast<size_t>(transactions::kTagsPerPage));
      for (const auto& t : page->items) out.push_back(t.value ? t.key + "=" + *t.value : t.key);
      token = page->next_token;
    } while (token);
    return out;
  }
  void MakeGroup(const std::string& name, Tags tags = {}) {
    CreateThingGroupRequest req;
    req.thing_group_name = name;
    req.tags = std::move(tags);
    auto r = Write([&](auto& tx) { return transactions::CreateThingGroup(tx, req, Op()); });
    ASSERT_TRUE(r.ok()) << r.status().ToString();
  }
  static Tags Many(size_t n, const std::string& prefix = "k") {
    Tags tags;
    for (size_t i = 0; i < n; ++i) tags.push_back({prefix + std::to_string(100 + i), "v"});
    return tags;
  }
};

TEST_F(TagsTest, TagUntagAndListAJob) {
  AddThings({"t1"});
  JobOnThings("j1", {"t1"});
  EXPECT_TRUE(All(kJobArn).empty());
  ASSERT_TRUE(Tag(kJobArn, {{"team", "fleet"}, {"stage", std::nullopt}, {"empty", ""}}).ok());
  EXPECT_EQ(All(kJobArn), (std::vector<std::string>{"empty=", "stage", "team=fleet"}));
  // A key it has takes the new value; the others stay.
  ASSERT_TRUE(Tag(kJobArn, {{"team", "ops"}}).ok());
  EXPECT_EQ(All(kJobArn), (std::vector<std::string>{"empty=", "stage", "team=ops"}));
  // Removing keys it does not have is no error.
  ASSERT_TRUE(Untag(kJobArn, {"stage", "never-there"}).ok());
  EXPECT_EQ(All(kJobArn), (std::vector<std::string>{"empty=", "team=ops"}));
  // Tagging changes nothing about the job itself.
  EXPECT_EQ(StoredJob("j1").last_updated_at, kT0);
}

TEST_F(TagsTest, TemplatesAndGroupsAreTaggedToo) {
  MakeGroup("g1", {{"site", "north"}});
  CreateJobTemplateRequest req;
  req.job_template.job_template_id = "tpl";
  req.job_template.description = "d";
  req.document = "{}";
  req.tags = {{"team", "fleet"}};
  ASSERT_TRUE(Write([&](auto& tx) { return transactions::CreateJobTemplate(tx, req, Op()); }).ok());
  EXPECT_EQ(All(kGroupArn), std::vector<std::string>{"site=north"});
  EXPECT_EQ(All(kTemplateArn), std::vector<std::string>{"team=fleet"});
  ASSERT_TRUE(Tag(kGroupArn, {{"floor", "2"}}).ok());
  ASSERT_TRUE(Untag(kTemplateArn, {"team"}).ok());
  EXPECT_EQ(All(kGroupArn), (std::vector<std::string>{"floor=2", "site=north"}));
  EXPECT_TRUE(All(kTemplateArn).empty());
}

TEST_F(TagsTest, PagesHoldTenTagsByKey) {
  MakeGroup("g1", Many(50));
  auto first = ListPage(kGroupArn);
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->items.size(), 10u);
  EXPECT_EQ(first->items.front().key, "k100");
  ASSERT_TRUE(first->next_token);
  auto second = ListPage(kGroupArn, first->next_token);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->items.front().key, "k110");
  std::vector<std::string> all = All(kGroupArn);
  ASSERT_EQ(all.size(), 50u);
  EXPECT_EQ(all.back(), "k149=v");
  // Exactly full pages: the last one says there is no more.
  auto last = ListPage(kGroupArn, first->next_token);
  for (int i = 0; i < 3; ++i) last = ListPage(kGroupArn, last->next_token);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->items.size(), 10u);
  EXPECT_FALSE(last->next_token);
}

TEST_F(TagsTest, FiftyTagsAtMostCountingWhatTheResourceHas) {
  MakeGroup("g1", Many(45));
  EXPECT_EQ(Tag(kGroupArn, Many(6, "new")).status().code(), ErrorCode::kLimitExceeded);
  EXPECT_EQ(All(kGroupArn).size(), 45u);  // nothing of a refused request is kept
  // Replacing values does not count; five new keys reach the limit.
  Tags five = Many(5, "new");
  five.push_back({"k100", "changed"});
  ASSERT_TRUE(Tag(kGroupArn, five).ok());
  EXPECT_EQ(All(kGroupArn).size(), 50u);
  EXPECT_EQ(Tag(kGroupArn, {{"one-more", "v"}}).status().code(), ErrorCode::kLimitExceeded);
  ASSERT_TRUE(Untag(kGroupArn, {"k101"}).ok());
  EXPECT_TRUE(Tag(kGroupArn, {{"one-more", "v"}}).ok());
}

TEST_F(TagsTest, CreateOperationsKeepTheLimitsAndCreateNothingWhenRefused) {
  AddThings({"t1"});
  CreateJobRequest job = JobRequest("j1", {ThingArn("t1")});
  job.tags = Many(51);
  EXPECT_EQ(Write([&](auto& tx) { return transactions::CreateJob(tx, job, Op()); }).status().code(),
            ErrorCode::kLimitExceeded);
  job.tags = {{"aws:cloudformation:stack-name", "s"}};
  EXPECT_EQ(Write([&](auto& tx) { return transactions::CreateJob(tx, job, Op()); }).status().code(),
            ErrorCode::kInvalidRequest);
  EXPECT_FALSE(Read([](auto& tx) { return tx.GetJob("j1"); })->has_value());

  CreateJobTemplateRequest tpl;
  tpl.job_template.job_template_id = "tpl";
  tpl.job_template.description = "d";
  tpl.document = "{}";
  tpl.tags = {{"k", "1"}, {"k", "2"}};
  EXPECT_EQ(Write([&](auto& tx) { return transactions::CreateJobTemplate(tx, tpl, Op()); })
                .status()
                .code(),
            ErrorCode::kInvalidRequest);
  tpl.tags = Many(51);
  EXPECT_EQ(Write([&](auto& tx) { return transactions::CreateJobTemplate(tx, tpl, Op()); })
                .status()
                .code(),
            ErrorCode::kLimitExceeded);

  // CreateThingGroup models no LimitExceededException: too many is a bad request there.
  CreateThingGroupRequest group;
  group.thing_group_name = "g1";
  group.tags = Many(51);
  EXPECT_EQ(Write([&](auto& tx) { return transactions::CreateThingGroup(tx, group, Op()); })
                .status()
                .code(),
            ErrorCode::kInvalidRequest);
  EXPECT_FALSE(Read([](auto& tx) { return tx.GetThingGroup("g1"); })->has_value());
}

TEST_F(TagsTest, CreatingTheSameGroupAgainLeavesItsTags) {
  MakeGroup("g1", {{"site", "north"}});
  MakeGroup("g1", {{"site", "south"}, {"floor", "2"}});
  EXPECT_EQ(All(kGroupArn), std::vector<std::string>{"site=north"});
}

TEST_F(TagsTest, JobsMadeFromTemplatesHaveOnlyTheirOwnTags) {
  AddThings({"t1"});
  CreateJobTemplateRequest tpl;
  tpl.job_template.job_template_id = "tpl";
  tpl.job_template.description = "d";
  tpl.document = "{}";
  tpl.tags = {{"from", "template"}};
  ASSERT_TRUE(Write([&](auto& tx) { return transactions::CreateJobTemplate(tx, tpl, Op()); }).ok());
  CreateJobRequest job = JobRequest("j1", {ThingArn("t1")});
  job.job.document.clear();
  job.job_template_arn = kTemplateArn;
  job.tags = {{"from", "job"}};
  CreateJobOk(job);
  EXPECT_EQ(All(kJobArn), std::vector<std::string>{"from=job"});
  // A template made from that job takes the request's tags, not the job's.
  CreateJobTemplateRequest copy;
  copy.job_template.job_template_id = "copy";
  copy.job_template.description = "d";
  copy.job_arn = kJobArn;
  ASSERT_TRUE(
      Write([&](auto& tx) { return transactions::CreateJobTemplate(tx, copy, Op()); }).ok());
  EXPECT_TRUE(All("arn:aws:iot:us-east-1:123456789012:jobtemplate/copy").empty());
}

TEST_F(TagsTest, UnknownAndUntaggableResources) {
  AddThings({"t1"});
  const std::pair<const char*, ErrorCode> cases[] = {
      {kJobArn, ErrorCode::kResourceNotFound},
      {kTemplateArn, ErrorCode::kResourceNotFound},
      {kGroupArn, ErrorCode::kResourceNotFound},
      {"arn:aws:iot:us-east-1:123456789012:thing/t1", ErrorCode::kInvalidRequest},
      {"arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0", ErrorCode::kInvalidRequest},
      {"not-an-arn", ErrorCode::kInvalidRequest},
      {"arn:aws:iot:us-east-1:111111111111:job/j1", ErrorCode::kResourceNotFound},
  };
  for (const auto& [arn, code] : cases) {
    EXPECT_EQ(Tag(arn, {{"k", "v"}}).status().code(), code) << arn;
    EXPECT_EQ(Untag(arn, {"k"}).status().code(), code) << arn;
    EXPECT_EQ(ListPage(arn).status().code(), code) << arn;
  }
  // A malformed ARN is a bad request before the tags are looked at.
  EXPECT_EQ(Tag("not-an-arn", Many(51)).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Untag(kJobArn, {"aws:x"}).status().code(), ErrorCode::kInvalidRequest);
}

TEST_F(TagsTest, DeletingTheResourceDeletesItsTags) {
  AddThings({"t1"});
  JobOnThings("j1", {"t1"});
  MakeGroup("g1", {{"site", "north"}});
  ASSERT_TRUE(Tag(kJobArn, {{"team", "fleet"}}).ok());
  ASSERT_TRUE(
      Write([this](auto& tx) {
        return transactions::DeleteJob(tx, DeleteJobRequest{"j1", true, std::nullopt}, Op());
      }).ok());
  ASSERT_TRUE(Write([this](auto& tx) {
                return transactions::DeleteThingGroup(tx, DeleteThingGroupRequest{"g1", {}}, Op());
              }).ok());
  // A job and a group of the same names, created again, start without tags.
  JobOnThings("j1", {"t1"});
  MakeGroup("g1");
  EXPECT_TRUE(All(kJobArn).empty());
  EXPECT_TRUE(All(kGroupArn).empty());
}

// A job being deleted lists its tags but refuses changes, as UpdateJob does; its tags go with
// it when the background work deletes it.
TEST_F(TagsTest, AJobBeingDeletedListsButKeepsItsTags) {
  AddThings({"t1"});
  jobs::Job job = JobOnThings("j1", {"t1"});
  ASSERT_TRUE(Tag(kJobArn, {{"team", "fleet"}}).ok());
  job.status = jobs::JobStatus::kDeletionInProgress;
  job.next_action_at = kT0;
  ASSERT_TRUE(Write([&](store::WriteTransaction& tx) -> Result<Empty> {
                IOTJOBS_RETURN_IF_ERROR(tx.UpdateJob(job));
                return Empty{};
              }).ok());
  EXPECT_EQ(Tag(kJobArn, {{"k", "v"}}).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(Untag(kJobArn, {"team"}).status().code(), ErrorCode::kInvalidRequest);
  EXPECT_EQ(All(kJobArn), std::vector<std::string>{"team=fleet"});
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(Write([this](auto& tx) {
                  return transactions::ProgressDueJob(tx, store::DueJob{kAccount, "j1"}, Op());
                }).ok());
  }
  EXPECT_FALSE(Read([](auto& tx) { return tx.GetJob("j1"); })->has_value());
  EXPECT_EQ(ListPage(kJobArn).status().code(), ErrorCode::kResourceNotFound);
  JobOnThings("j1", {"t1"});
  EXPECT_TRUE(All(kJobArn).empty());
}

}  // namespace
}  // namespace iotjobs::service
