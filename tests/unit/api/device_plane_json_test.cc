#include "codec/device_plane_json.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

namespace iotjobs::codec {
namespace {
namespace json = boost::json;

jobs::JobExecution Execution() {
  jobs::JobExecution e;
  e.job_id = "job-1";
  e.thing_name = "thing-1";
  e.status = jobs::ExecutionStatus::kInProgress;
  e.status_details = {{"step", "2"}};
  e.queued_at = 1'000'500;
  e.started_at = 2'000'000;
  e.last_updated_at = 3'000'999;
  e.version_number = 3;
  e.execution_number = 1;
  return e;
}

jobs::ExecutionSummary Summary() {
  jobs::ExecutionSummary s;
  s.job_id = "job-1";
  s.thing_name = "thing-1";
  s.status = jobs::ExecutionStatus::kQueued;
  s.queued_at = 1'000'500;
  s.last_updated_at = 1'000'500;
  s.version_number = 1;
  s.execution_number = 2;
  return s;
}

TEST(DevicePlaneJson, WholeSecondsRoundDown) {
  EXPECT_EQ(EpochWholeSeconds(1'999), 1);
  EXPECT_EQ(EpochWholeSeconds(0), 0);
  EXPECT_EQ(EpochWholeSeconds(-1), -1);
}

TEST(DevicePlaneJson, ExecutionHasTheModelsMembersInOrder) {
  json::object o = DeviceExecutionToJson(Execution(), 0);
  EXPECT_EQ(json::serialize(o),
            R"({"jobId":"job-1","thingName":"thing-1","status":"IN_PROGRESS",)"
            R"("statusDetails":{"step":"2"},"queuedAt":1000,"startedAt":2000,)"
            R"("lastUpdatedAt":3000,"versionNumber":3,"executionNumber":1})");
}

TEST(DevicePlaneJson, ASummarysExecutionLeavesOutWhatASummaryLacks) {
  EXPECT_EQ(json::serialize(DeviceExecutionToJson(Summary())),
            R"({"jobId":"job-1","status":"QUEUED","queuedAt":1000,"lastUpdatedAt":1000,)"
            R"("versionNumber":1,"executionNumber":2})");
}

TEST(DevicePlaneJson, PendingJobsListSummaries) {
  EXPECT_EQ(json::serialize(PendingJobsToJson({}, {Summary()})),
            R"({"inProgressJobs":[],"queuedJobs":[{"jobId":"job-1","queuedAt":1000,)"
            R"("lastUpdatedAt":1000,"versionNumber":1,"executionNumber":2}]})");
}

TEST(DevicePlaneJson, ExecutionState) {
  EXPECT_EQ(ExecutionStateToJson(Execution()),
            (json::object{{"status", "IN_PROGRESS"},
                          {"statusDetails", json::object{{"step", "2"}}},
                          {"versionNumber", 3}}));
}

}  // namespace
}  // namespace iotjobs::codec
