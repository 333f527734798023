// IAM evaluation rules from a table of named cases: default deny, explicit deny wins,
// wildcards, string-or-list, NotAction and NotResource.
#include "auth/policy.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace iotjobs::auth {
namespace {

Policy Parse(const char* text) {
  auto p = ParsePolicy(boost::json::parse(text));
  EXPECT_TRUE(p.ok()) << p.status().ToString();
  return p.ok() ? *p : Policy{};
}

struct Case {
  const char* name;
  const char* policy;
  const char* action;
  const char* resource;
  Decision expected;
};

const Case kCases[] = {
    {"no statement matches: default deny",
     R"({"Statement":[{"Effect":"Allow","Action":"iot:ListJobs","Resource":"*"}]})",
     "iot:DeleteJob", "arn:aws:iot:r:1:job/j", Decision::kImplicitDeny},
    {"exact allow", R"({"Statement":{"Effect":"Allow","Action":"iot:DeleteJob","Resource":"*"}})",
     "iot:DeleteJob", "arn:aws:iot:r:1:job/j", Decision::kAllow},
    {"action wildcard", R"({"Statement":[{"Effect":"Allow","Action":"iot:Describe*","Resource":"*"}]})",
     "iot:DescribeJobExecution", "x", Decision::kAllow},
    {"actions are case-insensitive",
     R"({"Statement":[{"Effect":"Allow","Action":"IOT:deletejob","Resource":"*"}]})", "iot:DeleteJob",
     "x", Decision::kAllow},
    {"resources are case-sensitive",
     R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:iot:r:1:job/J"}]})",
     "iot:DeleteJob", "arn:aws:iot:r:1:job/j", Decision::kImplicitDeny},
    {"question mark is one character",
     R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:iot:r:1:thing/t?"}]})",
     "iot:DescribeThing", "arn:aws:iot:r:1:thing/t1", Decision::kAllow},
    {"question mark is not two",
     R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"arn:aws:iot:r:1:thing/t?"}]})",
     "iot:DescribeThing", "arn:aws:iot:r:1:thing/t12", Decision::kImplicitDeny},
    {"list of resources",
     R"({"Statement":[{"Effect":"Allow","Action":["iot:A","iot:DeleteJobExecution"],
         "Resource":["arn:aws:iot:r:1:job/fleet-*","arn:aws:iot:r:1:thing/*"]}]})",
     "iot:DeleteJobExecution", "arn:aws:iot:r:1:job/fleet-7", Decision::kAllow},
    {"explicit deny wins",
     R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
                      {"Effect":"Deny","Action":"iot:DeleteJob","Resource":"*"}]})",
     "iot:DeleteJob", "x", Decision::kExplicitDeny},
    {"NotAction allows the rest",
     R"({"Statement":[{"Effect":"Allow","NotAction":"iot:Delete*","Resource":"*"}]})",
     "iot:CreateJob", "x", Decision::kAllow},
    {"NotAction does not allow the listed",
     R"({"Statement":[{"Effect":"Allow","NotAction":"iot:Delete*","Resource":"*"}]})",
     "iot:DeleteJob", "x", Decision::kImplicitDeny},
    {"Deny with NotResource",
     R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
                      {"Effect":"Deny","Action":"*","NotResource":"arn:aws:iot:r:1:thing/ok"}]})",
     "iot:DescribeThing", "arn:aws:iot:r:1:thing/other", Decision::kExplicitDeny},
    {"NotResource spares the listed",
     R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},
                      {"Effect":"Deny","Action":"*","NotResource":"arn:aws:iot:r:1:thing/ok"}]})",
     "iot:DescribeThing", "arn:aws:iot:r:1:thing/ok", Decision::kAllow},
};

TEST(Policy, EvaluationTable) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(Evaluate({Parse(c.policy)}, c.action, c.resource), c.expected);
  }
}

TEST(Policy, DenyInAnyPolicyWins) {
  Policy allow = Parse(R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]})");
  Policy deny = Parse(R"({"Statement":[{"Effect":"Deny","Action":"iot:*","Resource":"*"}]})");
  EXPECT_EQ(Evaluate({allow, deny}, "iot:ListJobs", "*"), Decision::kExplicitDeny);
  EXPECT_EQ(Evaluate({}, "iot:ListJobs", "*"), Decision::kImplicitDeny);
}

TEST(Policy, MalformedDocumentsAreRefused) {
  for (const char* bad : {
           R"([])", R"({})", R"({"Statement":[{"Action":"*","Resource":"*"}]})",
           R"({"Statement":[{"Effect":"Maybe","Action":"*","Resource":"*"}]})",
           R"({"Statement":[{"Effect":"Allow","Resource":"*"}]})",
           R"({"Statement":[{"Effect":"Allow","Action":"*","NotAction":"x","Resource":"*"}]})",
           R"({"Statement":[{"Effect":"Allow","Action":"*"}]})",
           R"({"Statement":[{"Effect":"Allow","Action":[],"Resource":"*"}]})",
           R"({"Statement":[{"Effect":"Allow","Action":[1],"Resource":"*"}]})",
           R"({"Statement":[{"Effect":"Allow","Action":"*","Resource":"*","Condition":{}}]})",
       }) {
    EXPECT_FALSE(ParsePolicy(boost::json::parse(bad)).ok()) << bad;
  }
}

TEST(Policy, WildcardMatchIsLinearAndExact) {
  EXPECT_TRUE(WildcardMatch("*", "", false));
  EXPECT_TRUE(WildcardMatch("a*b*c", "axxbyyc", false));
  EXPECT_FALSE(WildcardMatch("a*b*c", "axxbyy", false));
  EXPECT_TRUE(WildcardMatch("**?", "x", false));
  EXPECT_FALSE(WildcardMatch("", "x", false));
  std::string long_text(20000, 'a');
  EXPECT_FALSE(WildcardMatch("*a*a*a*a*a*b", long_text, false));
}

}  // namespace
}  // namespace iotjobs::auth
