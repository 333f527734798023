#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "jobs/arn.h"
#include "service/notifying_transaction.h"
#include "service/transactions/device.h"
#include "service/transactions/jobs.h"
#include "service/transactions/operation.h"
#include "service/transactions/things.h"
#include "store/sqlite/sqlite_store.h"
#include "store/wait.h"

namespace iotjobs::jobs {
// jobProcessDetails as gtest prints it when a comparison fails.
inline void PrintTo(const JobProcessDetails& d, std::ostream* os) {
  *os << "{queued " << d.queued << ", in_progress " << d.in_progress << ", succeeded "
      << d.succeeded << ", failed " << d.failed << ", rejected " << d.rejected << ", canceled "
      << d.canceled << ", removed " << d.removed << ", timed_out " << d.timed_out << "}";
}
}  // namespace iotjobs::jobs

// The fixture of the service's unit tests: an operation's named transaction body
// (service/transactions/) run against the SQLite store in memory, committed as the server
// commits it, with the time of the request chosen by the test.
namespace iotjobs::service {

class TransactionTest : public ::testing::Test {
 protected:
  static constexpr const char* kAccount = "123456789012";
  static constexpr const char* kRegion = "us-east-1";
  // 2026-01-01T00:00:00Z: the time every operation runs at unless a test says otherwise.
  static constexpr EpochMillis kT0 = 1'767'225'600'000;

  void SetUp() override {
    store::sqlite::SqliteOptions options;
    options.data_dir = ":memory:";
    auto opened = store::sqlite::SqliteStore::Open(options);
    ASSERT_TRUE(opened.ok()) << opened.status().message();
    store_ = std::move(*opened);
  }

  // The context of an operation that arrives at `now`.
  OperationContext Op(EpochMillis now = kT0) const { return {{kRegion, kAccount}, now}; }

  // Runs `body(WriteTransaction&)` (returning Result<T>) as one write and returns its result:
  // its error when it failed (the transaction then rolled back), else its value once committed.
  template <typename Body>
  auto Write(Body body) {
    return Run<store::WriteTransaction>(std::move(body), [this](auto fn) {
      return store::WriteAndWait(*store_, kAccount, std::move(fn));
    });
  }

  // The same, through a NotifyingTransaction as the server runs writes with MQTT on: the
  // notifications the body causes are written to the outbox at `now` (read them with Outbox()).
  template <typename Body>
  auto WriteNotifying(Body body, EpochMillis now = kT0, bool events = false) {
    NotificationOptions options;
    options.enabled = true;
    options.job_events_by_default = events;
    options.region = kRegion;
    return Write([&](store::WriteTransaction& tx) {
      NotifyingTransaction notifying(tx, options);
      auto r = body(static_cast<store::WriteTransaction&>(notifying));
      if (r.ok()) {
        Result<bool> flushed = notifying.Flush(now);
        if (!flushed.ok()) return decltype(r)(flushed.status());
      }
      return r;
    });
  }

  // Runs `body(ReadTransaction&)` as one read.
  template <typename Body>
  auto Read(Body body) {
    return Run<store::ReadTransaction>(std::move(body), [this](auto fn) {
      return store::ReadAndWait(*store_, kAccount, std::move(fn));
    });
  }

  // Every message in the outbox, oldest first.
  std::vector<store::OutboxMessage> Outbox() {
    std::vector<store::OutboxMessage> messages;
    Status s = store::ReadAndWait(*store_, kAccount, [&](store::ReadTransaction& tx) {
      auto listed = tx.ListOutbox(0, 100000);
      if (!listed.ok()) return listed.status();
      messages = std::move(*listed);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.message();
    return messages;
  }

  // Empties the outbox, so a test can look at what one operation wrote.
  void ClearOutbox() {
    std::vector<int64_t> seqs;
    for (const auto& m : Outbox()) seqs.push_back(m.seq);
    if (seqs.empty()) return;
    Status s = store::WriteAndWait(*store_, kAccount, [&](store::WriteTransaction& tx) {
      return tx.DeleteOutbox(seqs);
    });
    EXPECT_TRUE(s.ok()) << s.message();
  }

  store::Store& store() { return *store_; }

  // ---- jobs, executions, device plane, background work (helpers of their tests) ----
  static std::string ThingArn(const std::string& name) {
    return jobs::MakeArn({kRegion, kAccount}, jobs::ResourceKind::kThing, name);
  }
  static std::string GroupArn(const std::string& name) {
    return jobs::MakeArn({kRegion, kAccount}, jobs::ResourceKind::kThingGroup, name);
  }

  // Registers things, in one transaction.
  void AddThings(const std::vector<std::string>& names) {
    Status s = store::WriteAndWait(*store_, kAccount, [&](store::WriteTransaction& tx) {
      for (const auto& name : names) {
        CreateThingRequest req;
        req.thing_name = name;
        IOTJOBS_RETURN_IF_ERROR(transactions::CreateThing(tx, req, Op()).status());
      }
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }

  // A thing group (id "id-NAME") under `parent`, with registered things as direct members.
  void AddGroup(const std::string& name, const std::vector<std::string>& members,
                std::optional<std::string> parent = std::nullopt) {
    Status s = store::WriteAndWait(*store_, kAccount, [&](store::WriteTransaction& tx) {
      jobs::ThingGroup group;
      group.thing_group_name = name;
      group.thing_group_id = "id-" + name;
      group.parent_group_name = parent;
      group.creation_date = kT0;
      IOTJOBS_RETURN_IF_ERROR(tx.InsertThingGroup(group));
      for (const auto& thing : members) IOTJOBS_RETURN_IF_ERROR(tx.AddThingToGroup(name, thing));
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }

  // A CreateJob request with a small document.
  static CreateJobRequest JobRequest(
      const std::string& job_id, std::vector<std::string> target_arns,
      jobs::TargetSelection selection = jobs::TargetSelection::kSnapshot) {
    CreateJobRequest req;
    req.job.job_id = job_id;
    req.job.targets = std::move(target_arns);
    req.job.document = R"({"operation":"update"})";
    req.job.target_selection = selection;
    return req;
  }

  // Runs CreateJob at `now`, expecting success; returns the job as created.
  jobs::Job CreateJobOk(const CreateJobRequest& req, EpochMillis now = kT0) {
    auto job = Write([&](auto& tx) { return transactions::CreateJob(tx, req, Op(now)); });
    EXPECT_TRUE(job.ok()) << job.status().message();
    return job.ok() ? *job : jobs::Job{};
  }

  // A snapshot job on registered things, created at `now`.
  jobs::Job JobOnThings(const std::string& job_id, const std::vector<std::string>& things,
                        EpochMillis now = kT0) {
    std::vector<std::string> arns;
    for (const auto& t : things) arns.push_back(ThingArn(t));
    return CreateJobOk(JobRequest(job_id, std::move(arns)), now);
  }

  // The job as stored now.
  jobs::Job StoredJob(const std::string& job_id) {
    auto job = Read([&](store::ReadTransaction& tx) { return tx.GetJob(job_id); });
    EXPECT_TRUE(job.ok() && job->has_value()) << "job " << job_id;
    return job.ok() && job->has_value() ? **job : jobs::Job{};
  }

  // The execution as stored now (the latest of the job on the thing without a number).
  std::optional<jobs::JobExecution> StoredExecution(
      const std::string& job_id, const std::string& thing,
      std::optional<int64_t> number = std::nullopt) {
    auto e = Read([&](store::ReadTransaction& tx) {
      return tx.GetExecution(job_id, thing, number);
    });
    EXPECT_TRUE(e.ok()) << e.status().message();
    return e.ok() ? *e : std::nullopt;
  }

  // The device reports `status` for the latest execution of the job on the thing
  // (UpdateJobExecution at `now`).
  Result<UpdateJobExecutionResult> Report(const std::string& job_id, const std::string& thing,
                                          jobs::ExecutionStatus status, EpochMillis now = kT0) {
    UpdateJobExecutionRequest req;
    req.job_id = job_id;
    req.thing_name = thing;
    req.status = status;
    return Write([&](auto& tx) { return transactions::UpdateJobExecution(tx, req, Op(now)); });
  }

 private:
  template <typename Tx, typename Body, typename Submit>
  auto Run(Body body, Submit submit) -> std::invoke_result_t<Body&, Tx&> {
    using R = std::invoke_result_t<Body&, Tx&>;
    std::optional<R> out;
    Status s = submit([&](Tx& tx) -> Status {
      out.emplace(body(tx));  // the last run is the one that counts
      return out->ok() ? Status::Ok() : out->status();
    });
    if (!s.ok()) return R(s);
    return std::move(*out);
  }

  std::unique_ptr<store::Store> store_;
};

}  // namespace iotjobs::service
