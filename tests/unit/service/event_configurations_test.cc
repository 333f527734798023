// The account's event configuration (service/transactions/event_configurations.h) and the
// events it lets NotifyingTransaction write (docs/aws-behaviour.md, "Event configurations",
// D42-D44).
#include "service/transactions/event_configurations.h"

#include <boost/json.hpp>

#include "service/transactions/device.h"
#include "transaction_test.h"

namespace iotjobs::service {
namespace {

using jobs::EventType;
using jobs::ExecutionStatus;

constexpr EventPublishing kBroker{/*broker=*/true, /*job_events_by_default=*/false};
constexpr EventPublishing kBrokerWithEvents{/*broker=*/true, /*job_events_by_default=*/true};
constexpr EventPublishing kNoBroker{/*broker=*/false, /*job_events_by_default=*/false};

class EventConfigurationsTest : public TransactionTest {
 protected:
  Result<Empty> Update(std::map<EventType, bool> changes, EpochMillis now = kT0,
                       EventPublishing publishing = kBroker) {
    UpdateEventConfigurationsRequest req{std::move(changes), publishing};
    return Write([&](auto& tx) { return transactions::UpdateEventConfigurations(tx, req, Op(now)); });
  }
  jobs::EventConfigurations Describe(EventPublishing publishing = kBroker) {
    auto r = Read([&](auto& tx) {
      return transactions::DescribeEventConfigurations(tx, {publishing}, Op());
    });
    EXPECT_TRUE(r.ok()) << r.status().message();
    return r.ok() ? *r : jobs::EventConfigurations{};
  }
  // The names of the types that are on.
  static std::vector<std::string> On(const jobs::EventConfigurations& c) {
    std::vector<std::string> out;
    for (const auto& [type, on] : c.enabled) {
      if (on) out.emplace_back(jobs::ToString(type));
    }
    return out;
  }
  // The $aws/events topics in the outbox, which is then emptied.
  std::vector<std::string> EventTopics() {
    std::vector<std::string> out;
    for (const auto& m : Outbox()) {
      if (m.topic.rfind("$aws/events/", 0) == 0) out.push_back(m.topic);
    }
    ClearOutbox();
    return out;
  }
  // The device finishes its execution of the job, with notifications on as on a server with
  // a broker and without --mqtt-events.
  void Finish(const std::string& job_id, const std::string& thing, ExecutionStatus status) {
    UpdateJobExecutionRequest req;
    req.job_id = job_id;
    req.thing_name = thing;
    req.status = status;
    auto r = WriteNotifying(
        [&](auto& tx) { return transactions::UpdateJobExecution(tx, req, Op()); });
    ASSERT_TRUE(r.ok()) << r.status().message();
  }
};

TEST_F(EventConfigurationsTest, ANewAccountHasEveryTypeOffAndNoDates) {
  jobs::EventConfigurations c = Describe();
  EXPECT_EQ(c.enabled.size(), std::size(jobs::kAllEventTypes));
  EXPECT_TRUE(On(c).empty());
  EXPECT_EQ(c.created_at, 0);
  EXPECT_EQ(c.last_modified_at, 0);
}

TEST_F(EventConfigurationsTest, MqttEventsStartsNewAccountsWithTheJobEventsOn) {
  EXPECT_EQ(On(Describe(kBrokerWithEvents)), (std::vector<std::string>{"JOB", "JOB_EXECUTION"}));
  // Without a broker nothing is published, whatever the flag says.
  EXPECT_TRUE(On(Describe({false, true})).empty());
  // The first update starts from that configuration: it changes only what it names.
  ASSERT_TRUE(Update({{EventType::kJob, false}}, kT0, kBrokerWithEvents).ok());
  EXPECT_EQ(On(Describe(kBrokerWithEvents)), std::vector<std::string>{"JOB_EXECUTION"});
  // Once stored, the configuration is the account's, whatever the flag says later.
  EXPECT_EQ(On(Describe(kBroker)), std::vector<std::string>{"JOB_EXECUTION"});
}

TEST_F(EventConfigurationsTest, UpdatesChangeWhatTheyNameAndKeepTheCreationDate) {
  ASSERT_TRUE(Update({{EventType::kJob, true}}).ok());
  ASSERT_TRUE(Update({{EventType::kJobExecution, true}, {EventType::kThing, false}},
                     kT0 + 5000)
                  .ok());
  jobs::EventConfigurations c = Describe();
  EXPECT_EQ(On(c), (std::vector<std::string>{"JOB", "JOB_EXECUTION"}));
  EXPECT_EQ(c.created_at, kT0);
  EXPECT_EQ(c.last_modified_at, kT0 + 5000);
  // An update that names nothing still counts as one.
  ASSERT_TRUE(Update({}, kT0 + 9000).ok());
  c = Describe();
  EXPECT_EQ(On(c).size(), 2u);
  EXPECT_EQ(c.last_modified_at, kT0 + 9000);
}

TEST_F(EventConfigurationsTest, EnablingATypeIotjobsdDoesNotPublishIsRefusedWhole) {
  auto r = Update({{EventType::kJob, true}, {EventType::kThing, true},
                   {EventType::kCaCertificate, true}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_NE(r.status().message().find("THING and CA_CERTIFICATE"), std::string::npos)
      << r.status().message();
  // Nothing of the request was kept, JOB included.
  EXPECT_TRUE(On(Describe()).empty());
  EXPECT_EQ(Describe().created_at, 0);
  // Switching such a type off is honest (it is off) and is kept.
  ASSERT_TRUE(Update({{EventType::kThingTypeAssociation, false}, {EventType::kPolicy, false}})
                  .ok());
  EXPECT_EQ(Describe().created_at, kT0);
}

TEST_F(EventConfigurationsTest, WithoutABrokerNothingCanBeSwitchedOn) {
  auto r = Update({{EventType::kJobExecution, true}}, kT0, kNoBroker);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_NE(r.status().message().find("--mqtt"), std::string::npos) << r.status().message();
  EXPECT_NE(r.status().message().find("JOB_EXECUTION"), std::string::npos);
  EXPECT_TRUE(Update({{EventType::kJobExecution, false}}, kT0, kNoBroker).ok());
}

TEST_F(EventConfigurationsTest, EventsFollowTheStoredConfigurationPerType) {
  AddThings({"t1", "t2", "t3"});
  JobOnThings("job-1", {"t1", "t2", "t3"});
  Finish("job-1", "t1", ExecutionStatus::kSucceeded);
  EXPECT_TRUE(EventTopics().empty());  // off by default

  ASSERT_TRUE(Update({{EventType::kJobExecution, true}}).ok());
  Finish("job-1", "t2", ExecutionStatus::kFailed);
  EXPECT_EQ(EventTopics(), std::vector<std::string>{"$aws/events/jobExecution/job-1/failed"});

  ASSERT_TRUE(Update({{EventType::kJobExecution, false}, {EventType::kJob, true}}).ok());
  Finish("job-1", "t3", ExecutionStatus::kSucceeded);  // the job completes
  EXPECT_EQ(EventTopics(), std::vector<std::string>{"$aws/events/job/job-1/completed"});
}

// The server runs the operations of one batch in one store transaction: a switch-off earlier
// in the same transaction already silences the change after it, because the events read the
// configuration through that transaction and not from a copy taken before.
TEST_F(EventConfigurationsTest, ASwitchOffSilencesTheNextOperationOfTheSameTransaction) {
  AddThings({"t1", "t2"});
  JobOnThings("job-1", {"t1", "t2"});
  ASSERT_TRUE(Update({{EventType::kJobExecution, true}}).ok());
  NotificationOptions options;
  options.enabled = true;
  options.region = kRegion;
  auto finish = [&](store::WriteTransaction& tx, const std::string& thing) -> Result<Empty> {
    NotifyingTransaction notifying(tx, options);
    UpdateJobExecutionRequest req;
    req.job_id = "job-1";
    req.thing_name = thing;
    req.status = ExecutionStatus::kSucceeded;
    IOTJOBS_RETURN_IF_ERROR(transactions::UpdateJobExecution(notifying, req, Op()).status());
    IOTJOBS_RETURN_IF_ERROR(notifying.Flush(kT0).status());
    return Empty{};
  };
  auto r = Write([&](store::WriteTransaction& tx) -> Result<Empty> {
    IOTJOBS_RETURN_IF_ERROR(finish(tx, "t1").status());  // on: an event
    NotifyingTransaction notifying(tx, options);
    UpdateEventConfigurationsRequest off{{{EventType::kJobExecution, false}}, kBroker};
    IOTJOBS_RETURN_IF_ERROR(transactions::UpdateEventConfigurations(notifying, off, Op()).status());
    IOTJOBS_RETURN_IF_ERROR(notifying.Flush(kT0).status());
    return finish(tx, "t2");  // off: none
  });
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(EventTopics(), std::vector<std::string>{"$aws/events/jobExecution/job-1/succeeded"});
}

}  // namespace
}  // namespace iotjobs::service
