#include "api/mqtt/mqtt_request.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace iotjobs::api {
namespace {
namespace json = boost::json;
using notify::topics::Request;
using notify::topics::RequestKind;

TEST(MqttRequest, EachTopicIsADevicePlaneOperation) {
  EXPECT_EQ(ReadMqttRequest(Request{RequestKind::kGetPending, "t", "", {}}, "")->operation,
            "GetPendingJobExecutions");
  EXPECT_EQ(ReadMqttRequest(Request{RequestKind::kStartNext, "t", "", {}}, "")->operation,
            "StartNextPendingJobExecution");
  EXPECT_EQ(ReadMqttRequest(Request{RequestKind::kDescribe, "t", "$next", {}}, "")->operation,
            "DescribeJobExecution");
  EXPECT_EQ(ReadMqttRequest(Request{RequestKind::kUpdate, "t", "j", {}}, "{}")->operation,
            "UpdateJobExecution");
}

TEST(MqttRequest, TheTopicNamesTheThingAndTheJob) {
  auto r = ReadMqttRequest(Request{RequestKind::kUpdate, "thing-1", "job-1", "ns"},
                           R"({"status":"IN_PROGRESS","thingName":"other"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->input, (json::object{{"status", "IN_PROGRESS"},
                                    {"thingName", "thing-1"},
                                    {"jobId", "job-1"}}));

  auto get = ReadMqttRequest(Request{RequestKind::kGetPending, "thing-1", "", {}}, "");
  ASSERT_TRUE(get);
  EXPECT_EQ(get->input, (json::object{{"thingName", "thing-1"}}));
}

TEST(MqttRequest, TheClientTokenIsKeptApartFromTheInput) {
  auto r = ReadMqttRequest(Request{RequestKind::kGetPending, "t", "", {}},
                           R"({"clientToken":"abc"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->client_token, "abc");
  EXPECT_FALSE(r->input.contains("clientToken"));

  // A token that is no string is echoed by no one, and is no input either.
  auto odd = ReadMqttRequest(Request{RequestKind::kGetPending, "t", "", {}},
                             R"({"clientToken":5})");
  ASSERT_TRUE(odd);
  EXPECT_FALSE(odd->client_token);
  EXPECT_FALSE(odd->input.contains("clientToken"));
}

TEST(MqttRequest, NumericAndBooleanStringsBecomeJsonValues) {
  auto r = ReadMqttRequest(
      Request{RequestKind::kUpdate, "t", "j", {}},
      R"({"expectedVersion":"1","executionNumber":"2","stepTimeoutInMinutes":"30",)"
      R"("includeJobDocument":"true","includeJobExecutionState":"false"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->input.at("expectedVersion"), json::value(1));
  EXPECT_EQ(r->input.at("executionNumber"), json::value(2));
  EXPECT_EQ(r->input.at("stepTimeoutInMinutes"), json::value(30));
  EXPECT_EQ(r->input.at("includeJobDocument"), json::value(true));
  EXPECT_EQ(r->input.at("includeJobExecutionState"), json::value(false));
}

TEST(MqttRequest, StringsThatAreNoNumberOrBooleanStayForValidationToRefuse) {
  auto r = ReadMqttRequest(Request{RequestKind::kUpdate, "t", "j", {}},
                           R"({"expectedVersion":"1x","includeJobDocument":"yes","status":"7"})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->input.at("expectedVersion"), json::value("1x"));
  EXPECT_EQ(r->input.at("includeJobDocument"), json::value("yes"));
  EXPECT_EQ(r->input.at("status"), json::value("7"));  // not a member that is coerced
}

TEST(MqttRequest, APayloadThatIsNoJsonObjectIsRefused) {
  const Request get{RequestKind::kGetPending, "t", "", {}};
  EXPECT_FALSE(ReadMqttRequest(get, "{"));
  EXPECT_FALSE(ReadMqttRequest(get, "[]"));
  EXPECT_FALSE(ReadMqttRequest(get, "\"text\""));
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += R"({"a":)";
  deep += "1" + std::string(40, '}');
  EXPECT_FALSE(ReadMqttRequest(get, deep));
  EXPECT_TRUE(ReadMqttRequest(get, "  {}  "));
}

}  // namespace
}  // namespace iotjobs::api
