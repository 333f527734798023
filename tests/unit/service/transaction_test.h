#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "service/notifying_transaction.h"
#include "service/transactions/operation.h"
#include "store/sqlite/sqlite_store.h"
#include "store/wait.h"

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
    options.events = events;
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

 private:
  template <typename Tx, typename Body, typename Submit>
  auto Run(Body body, Submit submit) {
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
