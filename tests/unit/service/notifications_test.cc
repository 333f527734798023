// The MQTT messages the operations decide (service/notifying_transaction.h), written to the
// outbox in the operation's transaction: `notify` when the listed pending executions of a
// thing change, `notify-next` when the head of its queue changes, per namespace, and the
// $aws/events job and execution events when they are on (docs/aws-behaviour.md,
// "Notifications").
#include <boost/json.hpp>

#include "service/transactions/device.h"
#include "service/transactions/executions.h"
#include "service/transactions/jobs.h"
#include "service/transactions/timers.h"
#include "transaction_test.h"

namespace iotjobs::service {
namespace json = boost::json;
namespace {

using jobs::ExecutionStatus;

struct Message {
  std::string topic;
  json::object payload;
};

class NotificationsTest : public TransactionTest {
 protected:
  static constexpr int64_t kT0Seconds = kT0 / 1000;  // payload timestamps are whole seconds

  // The outbox, payloads parsed, then emptied.
  std::vector<Message> Take() {
    std::vector<Message> out;
    for (const auto& m : Outbox()) out.push_back({m.topic, json::parse(m.payload).as_object()});
    ClearOutbox();
    return out;
  }
  static std::vector<std::string> Topics(const std::vector<Message>& messages) {
    std::vector<std::string> topics;
    for (const auto& m : messages) topics.push_back(m.topic);
    return topics;
  }
  // A job on the things, created with notifications on; the outbox is emptied after it.
  void NotifiedJob(const std::string& job_id, const std::vector<std::string>& things,
                   EpochMillis now = kT0, std::optional<std::string> ns = std::nullopt) {
    std::vector<std::string> arns;
    for (const auto& t : things) arns.push_back(ThingArn(t));
    CreateJobRequest req = JobRequest(job_id, arns);
    req.job.namespace_id = std::move(ns);
    auto r = WriteNotifying([&](auto& tx) { return transactions::CreateJob(tx, req, Op(now)); },
                            now);
    ASSERT_TRUE(r.ok()) << r.status().message();
    ClearOutbox();
  }
  // The device's UpdateJobExecution with notifications (and events when `events`).
  void DeviceReports(const std::string& job_id, const std::string& thing, ExecutionStatus status,
                     bool events = false) {
    UpdateJobExecutionRequest req;
    req.job_id = job_id;
    req.thing_name = thing;
    req.status = status;
    auto r = WriteNotifying(
        [&](auto& tx) { return transactions::UpdateJobExecution(tx, req, Op()); }, kT0, events);
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
};

TEST_F(NotificationsTest, ANewJobNotifiesEachThingWithItsListAndNextExecution) {
  AddThings({"t1"});
  CreateJobRequest req = JobRequest("job-1", {ThingArn("t1")});
  ASSERT_TRUE(
      WriteNotifying([&](auto& tx) { return transactions::CreateJob(tx, req, Op()); }).ok());
  auto messages = Take();
  ASSERT_EQ(Topics(messages), (std::vector<std::string>{"$aws/things/t1/jobs/notify",
                                                        "$aws/things/t1/jobs/notify-next"}));
  const json::object& notify = messages[0].payload;
  EXPECT_EQ(notify.at("timestamp"), kT0Seconds);
  const json::object& lists = notify.at("jobs").as_object();
  EXPECT_FALSE(lists.contains("IN_PROGRESS"));
  const json::array& queued = lists.at("QUEUED").as_array();
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0].at("jobId"), "job-1");
  EXPECT_EQ(queued[0].at("queuedAt"), kT0Seconds);
  EXPECT_EQ(queued[0].at("versionNumber"), 1);
  EXPECT_EQ(queued[0].at("executionNumber"), 1);
  EXPECT_FALSE(queued[0].as_object().contains("status"));  // a summary has none

  const json::object& next = messages[1].payload.at("execution").as_object();
  EXPECT_EQ(next.at("jobId"), "job-1");
  EXPECT_EQ(next.at("status"), "QUEUED");
  EXPECT_EQ(next.at("jobDocument"), json::parse(R"({"operation":"update"})"));
}

TEST_F(NotificationsTest, StartingTheOnlyPendingExecutionNotifiesNobody) {
  AddThings({"t1"});
  NotifiedJob("job-1", {"t1"});
  StartNextPendingJobExecutionRequest req;
  req.thing_name = "t1";
  ASSERT_TRUE(WriteNotifying([&](auto& tx) {
                return transactions::StartNextPendingJobExecution(tx, req, Op());
              }).ok());
  EXPECT_TRUE(Take().empty());
}

TEST_F(NotificationsTest, StartingALaterJobFirstChangesOnlyTheNextExecution) {
  AddThings({"t1"});
  NotifiedJob("job-1", {"t1"}, kT0);
  NotifiedJob("job-2", {"t1"}, kT0 + 1000);
  DeviceReports("job-2", "t1", ExecutionStatus::kInProgress);
  auto messages = Take();
  ASSERT_EQ(Topics(messages), (std::vector<std::string>{"$aws/things/t1/jobs/notify-next"}));
  const json::object& next = messages[0].payload.at("execution").as_object();
  EXPECT_EQ(next.at("jobId"), "job-2");
  EXPECT_EQ(next.at("status"), "IN_PROGRESS");
  EXPECT_EQ(next.at("versionNumber"), 2);
}

TEST_F(NotificationsTest, FinishingTheLastExecutionEmptiesBothMessages) {
  AddThings({"t1"});
  NotifiedJob("job-1", {"t1"});
  DeviceReports("job-1", "t1", ExecutionStatus::kSucceeded);
  auto messages = Take();
  ASSERT_EQ(Topics(messages), (std::vector<std::string>{"$aws/things/t1/jobs/notify",
                                                        "$aws/things/t1/jobs/notify-next"}));
  EXPECT_TRUE(messages[0].payload.at("jobs").as_object().empty());
  EXPECT_FALSE(messages[1].payload.contains("execution"));
  EXPECT_EQ(messages[1].payload.at("timestamp"), kT0Seconds);
}

TEST_F(NotificationsTest, AChangeBeyondTheTenListedNotifiesNobody) {
  AddThings({"t1"});
  for (int i = 0; i < 11; ++i) NotifiedJob("job-" + std::to_string(i), {"t1"}, kT0 + i);
  CancelJobExecutionRequest req;
  req.job_id = "job-10";
  req.thing_name = "t1";
  ASSERT_TRUE(WriteNotifying([&](auto& tx) {
                return transactions::CancelJobExecution(tx, req, Op());
              }).ok());
  EXPECT_TRUE(Take().empty());
}

TEST_F(NotificationsTest, ANamespacedJobNotifiesOnTheNamespacesTopics) {
  AddThings({"t1"});
  CreateJobRequest req = JobRequest("job-1", {ThingArn("t1")});
  req.job.namespace_id = "ns1";
  ASSERT_TRUE(
      WriteNotifying([&](auto& tx) { return transactions::CreateJob(tx, req, Op()); }).ok());
  EXPECT_EQ(Topics(Take()),
            (std::vector<std::string>{"$aws/things/t1/jobs/notify-namespace-ns1",
                                      "$aws/things/t1/jobs/job-1/notify-namespace-ns1/",
                                      "$aws/things/t1/jobs/notify-next-namespace-ns1"}));
}

TEST_F(NotificationsTest, EventsAreWrittenOnlyWhenOn) {
  AddThings({"t1", "t2"});
  NotifiedJob("job-1", {"t1", "t2"});
  DeviceReports("job-1", "t1", ExecutionStatus::kSucceeded, /*events=*/false);
  for (const auto& m : Take()) EXPECT_EQ(m.topic.rfind("$aws/events/", 0), std::string::npos);

  DeviceReports("job-1", "t2", ExecutionStatus::kFailed, /*events=*/true);
  auto messages = Take();
  ASSERT_EQ(Topics(messages), (std::vector<std::string>{"$aws/things/t2/jobs/notify",
                                                        "$aws/things/t2/jobs/notify-next",
                                                        "$aws/events/jobExecution/job-1/failed",
                                                        "$aws/events/job/job-1/completed"}));
  const json::object& execution = messages[2].payload;
  EXPECT_EQ(execution.at("eventType"), "JOB_EXECUTION");
  EXPECT_EQ(execution.at("operation"), "failed");
  EXPECT_EQ(execution.at("jobId"), "job-1");
  EXPECT_EQ(execution.at("thingArn").as_string(), ThingArn("t2"));
  EXPECT_EQ(execution.at("status"), "FAILED");
  const json::object& job = messages[3].payload;
  EXPECT_EQ(job.at("eventType"), "JOB");
  EXPECT_EQ(job.at("operation"), "completed");
  EXPECT_EQ(job.at("status"), "COMPLETED");
  EXPECT_EQ(job.at("completedAt"), kT0Seconds);
  const json::object& counts = job.at("jobProcessDetails").as_object();
  EXPECT_EQ(counts.at("numberOfSucceededThings"), 1);
  EXPECT_EQ(counts.at("numberOfFailedThings"), 1);
  EXPECT_EQ(counts.at("numberOfQueuedThings"), 0);
}

TEST_F(NotificationsTest, CancelJobSendsTheJobAndExecutionEvents) {
  AddThings({"t1"});
  NotifiedJob("job-1", {"t1"});
  CancelJobRequest req;
  req.job_id = "job-1";
  ASSERT_TRUE(WriteNotifying([&](auto& tx) { return transactions::CancelJob(tx, req, Op()); },
                             kT0, /*events=*/true)
                  .ok());
  auto messages = Take();
  ASSERT_EQ(Topics(messages), (std::vector<std::string>{"$aws/things/t1/jobs/notify",
                                                        "$aws/things/t1/jobs/notify-next",
                                                        "$aws/events/jobExecution/job-1/canceled",
                                                        "$aws/events/job/job-1/canceled"}));
  EXPECT_EQ(messages[3].payload.at("jobProcessDetails").at("numberOfCanceledThings"), 1);
}

TEST_F(NotificationsTest, DeletingAnExecutionOrAJobSendsDeletedEvents) {
  AddThings({"t1", "t2"});
  NotifiedJob("job-1", {"t1", "t2"});
  DeleteJobExecutionRequest del{"job-1", "t1", 1, false, std::nullopt};
  ASSERT_TRUE(WriteNotifying(
                  [&](auto& tx) { return transactions::DeleteJobExecution(tx, del, Op()); }, kT0,
                  /*events=*/true)
                  .ok());
  EXPECT_EQ(Topics(Take()), (std::vector<std::string>{"$aws/things/t1/jobs/notify",
                                                      "$aws/things/t1/jobs/notify-next",
                                                      "$aws/events/jobExecution/job-1/deleted"}));
  DeleteJobRequest delete_job{"job-1", /*force=*/true, std::nullopt};
  ASSERT_TRUE(WriteNotifying(
                  [&](auto& tx) { return transactions::DeleteJob(tx, delete_job, Op()); }, kT0,
                  /*events=*/true)
                  .ok());
  EXPECT_EQ(Topics(Take()), (std::vector<std::string>{"$aws/things/t2/jobs/notify",
                                                      "$aws/things/t2/jobs/notify-next",
                                                      "$aws/events/job/job-1/deleted"}));
}

TEST_F(NotificationsTest, ATimeoutNotifiesTheThingAndSendsTheTimedOutEvent) {
  AddThings({"t1"});
  CreateJobRequest req = JobRequest("job-1", {ThingArn("t1")});
  req.job.timeout_config = jobs::TimeoutConfig{1};
  CreateJobOk(req);
  DeviceReports("job-1", "t1", ExecutionStatus::kInProgress);
  ClearOutbox();
  EpochMillis later = kT0 + 60'000;
  store::DueTimer timer{kAccount, "job-1", "t1", 1};
  auto r = WriteNotifying(
      [&](auto& tx) { return transactions::TimeOutExecution(tx, timer, Op(later)); }, later,
      /*events=*/true);
  ASSERT_TRUE(r.ok() && *r);
  auto messages = Take();
  ASSERT_EQ(Topics(messages), (std::vector<std::string>{"$aws/things/t1/jobs/notify",
                                                        "$aws/things/t1/jobs/notify-next",
                                                        "$aws/events/jobExecution/job-1/timed_out",
                                                        "$aws/events/job/job-1/completed"}));
  EXPECT_EQ(messages[0].payload.at("timestamp"), later / 1000);
  EXPECT_EQ(messages[2].payload.at("status"), "TIMED_OUT");
}

}  // namespace
}  // namespace iotjobs::service
