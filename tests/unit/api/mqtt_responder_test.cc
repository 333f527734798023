#include "api/mqtt/mqtt_responder.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <vector>

namespace iotjobs::api {
namespace {
namespace json = boost::json;

constexpr EpochMillis kNow = 1'700'000'000'999;

json::value Parsed(const std::string& payload) { return json::parse(payload); }

TEST(MqttResponder, AcceptedAddsTimestampAndClientToken) {
  json::value out = Parsed(AcceptedPayload(json::object{{"inProgressJobs", json::array()}},
                                           std::string("tok"), kNow));
  EXPECT_EQ(out, (json::object{{"inProgressJobs", json::array()},
                               {"timestamp", 1'700'000'000},
                               {"clientToken", "tok"}}));
  EXPECT_EQ(Parsed(AcceptedPayload(json::object(), std::nullopt, kNow)),
            (json::object{{"timestamp", 1'700'000'000}}));
}

TEST(MqttResponder, AcceptedEmbedsTheJobDocument) {
  json::object update{{"jobDocument", R"({"op":"reboot"})"}};
  EXPECT_EQ(Parsed(AcceptedPayload(update, std::nullopt, kNow)).at("jobDocument"),
            (json::object{{"op", "reboot"}}));

  json::object describe{{"execution", json::object{{"jobId", "j"}, {"jobDocument", "[1,2]"}}}};
  EXPECT_EQ(Parsed(AcceptedPayload(describe, std::nullopt, kNow)).at("execution").at("jobDocument"),
            (json::array{1, 2}));
}

TEST(MqttResponder, RejectedCarriesCodeMessageAndState) {
  json::object state{{"status", "QUEUED"}, {"statusDetails", json::object()}, {"versionNumber", 1}};
  EXPECT_EQ(Parsed(RejectedPayload("VersionMismatch", "stale", std::string("tok"), kNow, state)),
            (json::object{{"code", "VersionMismatch"},
                          {"message", "stale"},
                          {"timestamp", 1'700'000'000},
                          {"clientToken", "tok"},
                          {"executionState", state}}));
  EXPECT_EQ(Parsed(RejectedPayload("InvalidJson", "bad", std::nullopt, kNow, std::nullopt)),
            (json::object{{"code", "InvalidJson"}, {"message", "bad"}, {"timestamp", 1'700'000'000}}));
}

TEST(MqttResponder, RejectionCodesAreTheMqttOnes) {
  EXPECT_EQ(MqttRejectionCode(ErrorCode::kInvalidRequest), "InvalidRequest");
  EXPECT_EQ(MqttRejectionCode(ErrorCode::kResourceNotFound), "ResourceNotFound");
  EXPECT_EQ(MqttRejectionCode(ErrorCode::kInvalidStateTransition), "InvalidStateTransition");
  EXPECT_EQ(MqttRejectionCode(ErrorCode::kVersionMismatch), "VersionMismatch");
  EXPECT_EQ(MqttRejectionCode(ErrorCode::kThrottling), "RequestThrottled");
  EXPECT_EQ(MqttRejectionCode(ErrorCode::kTerminalState), "TerminalStateReached");
  EXPECT_EQ(MqttRejectionCode(ErrorCode::kInternalFailure), "InternalError");
  EXPECT_TRUE(RejectionCarriesExecutionState(ErrorCode::kVersionMismatch));
  EXPECT_TRUE(RejectionCarriesExecutionState(ErrorCode::kInvalidStateTransition));
  EXPECT_FALSE(RejectionCarriesExecutionState(ErrorCode::kResourceNotFound));
}

TEST(MqttResponder, AnswersOnTheRequestsReplyTopics) {
  std::vector<std::pair<std::string, std::string>> sent;
  MqttResponder responder(
      [&sent](const std::string& topic, const std::string& payload) {
        sent.emplace_back(topic, payload);
      },
      "$aws/things/t/jobs/get", std::nullopt, [] { return kNow; });
  responder.Accept(json::object());
  responder.Reject("InvalidRequest", "no");
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].first, "$aws/things/t/jobs/get/accepted");
  EXPECT_EQ(sent[1].first, "$aws/things/t/jobs/get/rejected");
}

}  // namespace
}  // namespace iotjobs::api
