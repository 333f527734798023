// The model's constraints as the server enforces them: every name shape of the served
// operations, valid and invalid, from one table; and every pattern of both models compiles.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <cstdint>
#include <string>

#include "api/validation/pattern.h"
#include "api/validation/validator.h"
#include "api/wire/model.h"

namespace iotjobs::api::validation {
namespace {
namespace json = boost::json;

struct NameCase {
  std::string shape;
  std::string value;
  bool valid;
};

// Each identifier constraint of docs/aws-behaviour.md, "Identifiers and validation" (model:
// JobId, ThingName, ...).
const NameCase kNames[] = {
    {"JobId", "j", true},
    {"JobId", "job_1-A", true},
    {"JobId", std::string(64, 'a'), true},
    {"JobId", std::string(65, 'a'), false},
    {"JobId", "", false},
    {"JobId", "bad id", false},
    {"JobId", "job:1", false},
    {"JobId", "job/1", false},
    {"JobId", "j\xc3\xa9", false},
    {"ThingName", "thing:1_a-b", true},
    {"ThingName", std::string(128, 't'), true},
    {"ThingName", std::string(129, 't'), false},
    {"ThingName", "", false},
    {"ThingName", "a b", false},
    {"ThingName", "a.b", false},
    {"ThingGroupName", "group:1", true},
    {"ThingGroupName", std::string(129, 'g'), false},
    {"ThingGroupId", "0b9a8c2e-1f2d-4c3b-9a8b-7c6d5e4f3a2b", true},
    {"ThingGroupId", "under_score", false},
    {"NamespaceId", "aws-gg-deployment", true},
    {"NamespaceId", "ns_1", true},
    {"NamespaceId", std::string(500, 'n'), true},  // no length limit in the model
    {"NamespaceId", "x y", false},
    {"NamespaceId", "", false},
    {"ReasonCode", "FIRMWARE_1", true},
    {"ReasonCode", "lower", false},
    {"Comment", "any text, even ünïcödé", true},
    {"Comment", "tab\there", false},
    {"Comment", std::string(2028, 'c'), true},
    {"Comment", std::string(2029, 'c'), false},
    {"JobDescription", "line\nbreak", false},
    {"JobDescription", "zero\xe2\x80\x8bwidth", false},  // U+200B is a format character (Cf)
    {"AttributeName", "a_b.c,d@e/f:g#h-i", true},
    {"AttributeName", "a b", false},
    {"AttributeValue", "a=[b]", true},
    {"AttributeValue", "", true},
    {"AttributeValue", "a b", false},
    {"TagKey", "Team Name: 1", true},
    {"TagKey", "bad*key", false},
    {"JobTemplateArn", "arn:aws:iot:us-east-1:1:jobtemplate/t", true},
    {"JobTemplateArn", "arn:with space", false},
    {"DetailsKey", "progress:1", true},
    {"DetailsKey", "bad key", false},
};

TEST(Validation, NameConstraintsFromTheModel) {
  const auto& model = wire::ControlPlaneModel();
  for (const auto& c : kNames) {
    SCOPED_TRACE(c.shape + " = '" + c.value.substr(0, 40) + "'");
    auto it = model.shapes.find(c.shape);
    ASSERT_NE(it, model.shapes.end());
    // Wrap the shape in a one-member structure, as an operation input would.
    wire::Shape input;
    input.type = wire::ShapeType::kStructure;
    input.members.push_back({"value", &it->second, wire::Location::kBody, "value", true, ""});
    Status s = Validate(input, json::object{{"value", c.value}});
    EXPECT_EQ(s.ok(), c.valid) << s.ToString();
    if (!c.valid) {
      EXPECT_EQ(s.code(), ErrorCode::kInvalidRequest);
    }
  }
}

TEST(Validation, DeviceJobIdAcceptsNext) {
  const auto& model = wire::DevicePlaneModel();
  const wire::Shape& shape = model.shapes.at("DescribeJobExecutionJobId");
  auto p = Pattern::Compile(shape.pattern);
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->FullMatch("$next"));
  EXPECT_TRUE(p->FullMatch("job-1"));
  EXPECT_FALSE(p->FullMatch("x$next"));
  EXPECT_FALSE(p->FullMatch("$nex"));
}

TEST(Validation, EveryModelPatternCompiles) {
  for (const auto* model : {&wire::ControlPlaneModel(), &wire::DevicePlaneModel()}) {
    for (const auto& [name, shape] : model->shapes) {
      if (shape.pattern.empty()) continue;
      EXPECT_TRUE(Pattern::Compile(shape.pattern)) << name << ": " << shape.pattern;
    }
  }
}

TEST(Validation, AwsWordingForEachConstraint) {
  const auto& op = *wire::ControlPlaneModel().FindOperation("DeleteJobExecution");
  Status s = Validate(*op.input, json::object{{"jobId", "bad id"}, {"thingName", "t"},
                                              {"executionNumber", 1}});
  EXPECT_EQ(s.message(),
            "1 validation error detected: Value 'bad id' at 'jobId' failed to satisfy "
            "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+");
  s = Validate(*op.input, json::object{{"thingName", "t"}, {"executionNumber", 1}});
  EXPECT_EQ(s.message(),
            "1 validation error detected: Value null at 'jobId' failed to satisfy constraint: "
            "Member must not be null");
  s = Validate(*op.input, json::object{{"jobId", std::string(65, 'j')},
                                       {"thingName", std::string(129, 't')},
                                       {"executionNumber", 1}});
  EXPECT_NE(s.message().find("2 validation errors detected"), std::string::npos);
  EXPECT_NE(s.message().find("Member must have length less than or equal to 64"),
            std::string::npos);
  EXPECT_NE(s.message().find("Member must have length less than or equal to 128"),
            std::string::npos);
}

TEST(Validation, TypesRangesEnumsAndNesting) {
  const auto& create = *wire::ControlPlaneModel().FindOperation("CreateJob");
  json::object in{{"jobId", "j"}, {"targets", json::array{"arn:aws:iot:r:a:thing/t"}}};
  EXPECT_TRUE(Validate(*create.input, in).ok());
  in["targets"] = "not a list";
  EXPECT_NE(Validate(*create.input, in).message().find("Member must be a list"), std::string::npos);
  in["targets"] = json::array{};
  EXPECT_NE(Validate(*create.input, in).message().find("greater than or equal to 1"),
            std::string::npos);
  in["targets"] = json::array{"arn:aws:iot:r:a:thing/t"};
  in["targetSelection"] = "SOMETIMES";
  EXPECT_NE(Validate(*create.input, in).message().find("enum value set: [CONTINUOUS, SNAPSHOT]"),
            std::string::npos);
  in.erase("targetSelection");
  in["abortConfig"] = json::object{{"criteriaList", json::array{json::object{
                                        {"failureType", "FAILED"},
                                        {"action", "CANCEL"},
                                        {"thresholdPercentage", 101},
                                        {"minNumberOfExecutedThings", 0}}}}};
  Status s = Validate(*create.input, in);
  EXPECT_NE(s.message().find("at 'abortConfig.criteriaList.1.member.thresholdPercentage'"),
            std::string::npos);
  EXPECT_NE(s.message().find("Member must have value less than or equal to 100"), std::string::npos);
  EXPECT_NE(s.message().find("minNumberOfExecutedThings"), std::string::npos);
  in.erase("abortConfig");
  in["timeoutConfig"] = json::object{{"inProgressTimeoutInMinutes", "ten"}};
  EXPECT_NE(Validate(*create.input, in).message().find("Member must be a long"), std::string::npos);
  in["timeoutConfig"] = json::object{{"inProgressTimeoutInMinutes", 1.5}};
  EXPECT_FALSE(Validate(*create.input, in).ok());
}

// Ranges AWS documents beyond the model (documented_ranges.cc), checked before any timer
// arithmetic sees the value.
TEST(Validation, DocumentedRangesBeyondTheModel) {
  const auto& create = *wire::ControlPlaneModel().FindOperation("CreateJob");
  json::object in{{"jobId", "j"}, {"targets", json::array{"arn:aws:iot:r:a:thing/t"}}};
  for (int64_t minutes : {int64_t{0}, int64_t{-5}, int64_t{10081}, INT64_MAX}) {
    in["timeoutConfig"] = json::object{{"inProgressTimeoutInMinutes", minutes}};
    Status s = Validate(*create.input, in);
    EXPECT_NE(s.message().find("at 'timeoutConfig.inProgressTimeoutInMinutes'"), std::string::npos)
        << minutes << ": " << s.message();
  }
  for (int64_t minutes : {int64_t{1}, int64_t{10080}}) {
    in["timeoutConfig"] = json::object{{"inProgressTimeoutInMinutes", minutes}};
    EXPECT_TRUE(Validate(*create.input, in).ok()) << minutes;
  }
  in.erase("timeoutConfig");
  in["jobExecutionsRolloutConfig"] = json::object{{"maximumPerMinute", 1001}};
  EXPECT_NE(Validate(*create.input, in).message().find("less than or equal to 1000"),
            std::string::npos);

  const auto& update = *wire::DevicePlaneModel().FindOperation("UpdateJobExecution");
  json::object step{{"thingName", "t"}, {"jobId", "j"}, {"status", "IN_PROGRESS"}};
  for (int64_t minutes : {int64_t{-1}, int64_t{1}, int64_t{10080}}) {
    step["stepTimeoutInMinutes"] = minutes;
    EXPECT_TRUE(Validate(*update.input, step).ok()) << minutes;
  }
  for (int64_t minutes : {int64_t{0}, int64_t{-2}, int64_t{10081}}) {
    step["stepTimeoutInMinutes"] = minutes;
    Status s = Validate(*update.input, step);
    EXPECT_NE(s.message().find("(or -1 to cancel the step timer)"), std::string::npos)
        << minutes << ": " << s.message();
  }
}

TEST(Validation, NumbersMustBeFinite) {
  const auto& create = *wire::ControlPlaneModel().FindOperation("CreateJob");
  json::object in{{"jobId", "j"}, {"targets", json::array{"arn:aws:iot:r:a:thing/t"}}};
  in["abortConfig"] = json::object{{"criteriaList", json::array{json::object{
                                        {"failureType", "FAILED"},
                                        {"action", "CANCEL"},
                                        {"thresholdPercentage", -INFINITY},
                                        {"minNumberOfExecutedThings", 1}}}}};
  EXPECT_NE(Validate(*create.input, in).message().find("Member must be a finite number"),
            std::string::npos);
}

TEST(Pattern, JavaClassesAndFullMatch) {
  auto ascii = Pattern::Compile("[a-zA-Z0-9_-]+");
  ASSERT_TRUE(ascii);
  EXPECT_TRUE(ascii->FullMatch("a-b_C9"));
  EXPECT_FALSE(ascii->FullMatch(""));
  EXPECT_FALSE(ascii->FullMatch("ab "));
  auto upper = Pattern::Compile("[\\p{Upper}\\p{Digit}_]+");
  ASSERT_TRUE(upper);
  EXPECT_TRUE(upper->FullMatch("ABC_1"));
  EXPECT_FALSE(upper->FullMatch("\xc3\x89"));  // É is upper case but not ASCII: Java says no
  auto graph = Pattern::Compile("[\\p{Graph}\\x20]*");
  ASSERT_TRUE(graph);
  EXPECT_TRUE(graph->FullMatch("a b!~"));
  EXPECT_FALSE(graph->FullMatch("a\tb"));
  auto arn = Pattern::Compile("^arn:[!-~]+$");
  ASSERT_TRUE(arn);
  EXPECT_TRUE(arn->FullMatch("arn:x"));
  EXPECT_FALSE(arn->FullMatch("xarn:x"));
  auto any = Pattern::Compile("[\\s\\S]*");
  ASSERT_TRUE(any);
  EXPECT_TRUE(any->FullMatch(std::string(100000, 'x')));  // long values do not recurse deeply
  EXPECT_FALSE(Pattern::Compile("[unclosed"));
  EXPECT_FALSE(Pattern::Compile("\\p{NoSuchClass}"));
}

TEST(Pattern, InvalidUtf8NeverMatchesAClass) {
  auto text = Pattern::Compile("[^\\p{C}]+");
  ASSERT_TRUE(text);
  EXPECT_TRUE(text->FullMatch("ok"));
  EXPECT_FALSE(text->FullMatch("bad\xff"));
  EXPECT_FALSE(text->FullMatch("\xc3"));
}

}  // namespace
}  // namespace iotjobs::api::validation
