// What a user's policies must allow for a request (api/middleware/authorizer.h): the tagging
// operations on their resourceArn, and iot:TagResource on the new resource for tags given at
// create time (docs/aws-behaviour.md, "Tags").
#include "api/middleware/authorizer.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace iotjobs::api {
namespace {

const jobs::ArnContext kArns{"us-east-1", "111111111111"};
constexpr const char* kJobArn = "arn:aws:iot:us-east-1:111111111111:job/j1";

auth::Principal User(const char* policy_json) {
  auth::Principal user;
  user.account_id = "111111111111";
  user.user_name = "ops";
  auto policy = auth::ParsePolicy(boost::json::parse(policy_json));
  EXPECT_TRUE(policy.ok()) << policy.status().ToString();
  if (policy.ok()) user.policies.push_back(*policy);
  return user;
}

boost::json::object Input(const char* json) { return boost::json::parse(json).as_object(); }

const Route& RouteOf(const char* operation) {
  const Route* route = FindRoute(wire::Plane::kControl, operation);
  EXPECT_NE(route, nullptr) << operation;
  return *route;
}

TEST(Authorizer, TaggingIsCheckedOnTheResourceArn) {
  const auto input = Input(R"({"resourceArn": "arn:aws:iot:us-east-1:111111111111:job/j1"})");
  EXPECT_EQ(ResourceArns(Resources::kResourceArn, input, kArns), std::vector<std::string>{kJobArn});
  auto user = User(R"({"Statement": [{"Effect": "Allow", "Action": "iot:*Tag*",
                       "Resource": "arn:aws:iot:us-east-1:111111111111:job/j*"}]})");
  for (const char* op : {"TagResource", "UntagResource", "ListTagsForResource"}) {
    EXPECT_TRUE(Authorize(user, RouteOf(op), input, kArns).ok()) << op;
    Status other =
        Authorize(user, RouteOf(op),
                  Input(R"({"resourceArn": "arn:aws:iot:us-east-1:111111111111:job/x"})"), kArns);
    EXPECT_EQ(other.code(), ErrorCode::kAccessDenied) << op;
    EXPECT_NE(other.message().find("iot:" + std::string(op) + " on resource: "), std::string::npos)
        << other.message();
  }
}

// SearchIndex and DescribeIndex on the index's ARN (AWS_Things when SearchIndex names none);
// the configuration operations and ListIndices on "*" (docs/aws-behaviour.md, "Fleet
// indexing").
TEST(Authorizer, FleetIndexingIsCheckedOnTheIndexArn) {
  const std::string things = "arn:aws:iot:us-east-1:111111111111:index/AWS_Things";
  EXPECT_EQ(ResourceArns(Resources::kIndex, Input(R"({"queryString": "*"})"), kArns),
            std::vector<std::string>{things});
  EXPECT_EQ(ResourceArns(Resources::kIndex, Input(R"({"indexName": "AWS_ThingGroups"})"), kArns),
            std::vector<std::string>{"arn:aws:iot:us-east-1:111111111111:index/AWS_ThingGroups"});
  auto user = User(R"({"Statement": [{"Effect": "Allow", "Action": "iot:*Index",
                       "Resource": "arn:aws:iot:us-east-1:111111111111:index/AWS_Things"}]})");
  EXPECT_TRUE(Authorize(user, RouteOf("SearchIndex"), Input(R"({"queryString": "*"})"), kArns).ok());
  EXPECT_TRUE(Authorize(user, RouteOf("DescribeIndex"), Input(R"({"indexName": "AWS_Things"})"),
                        kArns)
                  .ok());
  EXPECT_EQ(Authorize(user, RouteOf("SearchIndex"),
                      Input(R"({"indexName": "AWS_ThingGroups", "queryString": "*"})"), kArns)
                .code(),
            ErrorCode::kAccessDenied);
  for (const char* op : {"GetIndexingConfiguration", "UpdateIndexingConfiguration", "ListIndices"}) {
    EXPECT_EQ(RouteOf(op).resources, Resources::kAny) << op;
  }
}

TEST(Authorizer, TagsAtCreateNeedTagResourceOnTheNewResource) {
  auto may_create_only = User(R"({"Statement": [{"Effect": "Allow", "Action": "iot:Create*",
                                  "Resource": "*"}]})");
  const auto with_tags = Input(R"({"jobId": "j1", "targets": [], "tags": [{"Key": "k"}]})");
  const auto without_tags = Input(R"({"jobId": "j1", "targets": [], "tags": []})");
  EXPECT_TRUE(Authorize(may_create_only, RouteOf("CreateJob"), without_tags, kArns).ok());
  Status refused = Authorize(may_create_only, RouteOf("CreateJob"), with_tags, kArns);
  EXPECT_EQ(refused.code(), ErrorCode::kAccessDenied);
  EXPECT_NE(refused.message().find(std::string("iot:TagResource on resource: ") + kJobArn),
            std::string::npos)
      << refused.message();
  EXPECT_EQ(Authorize(may_create_only, RouteOf("CreateThingGroup"),
                      Input(R"({"thingGroupName": "g", "tags": [{"Key": "k"}]})"), kArns)
                .code(),
            ErrorCode::kAccessDenied);
  EXPECT_EQ(Authorize(may_create_only, RouteOf("CreateJobTemplate"),
                      Input(R"({"jobTemplateId": "t", "tags": [{"Key": "k"}]})"), kArns)
                .code(),
            ErrorCode::kAccessDenied);
  auto may_tag_jobs = User(R"({"Statement": [{"Effect": "Allow", "Action": "iot:Create*",
                               "Resource": "*"},
                              {"Effect": "Allow", "Action": "iot:TagResource",
                               "Resource": "arn:aws:iot:us-east-1:111111111111:job/*"}]})");
  EXPECT_TRUE(Authorize(may_tag_jobs, RouteOf("CreateJob"), with_tags, kArns).ok());
  // Other operations that carry no tags of a new resource need nothing more.
  EXPECT_FALSE(RouteOf("UpdateJob").tags_at_create);
  EXPECT_FALSE(RouteOf("TagResource").tags_at_create);
  // The root of an account may do everything.
  auth::Principal root;
  root.account_id = "111111111111";
  root.root = true;
  EXPECT_TRUE(Authorize(root, RouteOf("CreateJob"), with_tags, kArns).ok());
}

}  // namespace
}  // namespace iotjobs::api
