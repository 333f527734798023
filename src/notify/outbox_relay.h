#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <set>

#include "common/background_loop.h"
#include "notify/mqtt_client.h"
#include "store/store.h"

namespace iotjobs::notify {

// Publishes what the outbox holds (notifications written in the same transaction as the
// change that caused them), in order, with QoS 1, and deletes a message only after the broker
// acknowledged it. While the broker is away, messages wait in the outbox — delayed, never
// lost, and never blocking an API call; after a restart, whatever was not acknowledged is
// sent again (at least once, as QoS 1 promises). Runs on its own thread.
//
// Of several instances on one database, only the one holding the background lease relays
// (SetActive). It learns of messages other instances committed by looking at the outbox every
// `poll`; each such look starts from the oldest message, because on a database with
// concurrent writers a message can commit after one with a higher seq was already relayed.
class OutboxRelay {
 public:
  OutboxRelay(store::Store& store, MqttClient& client,
              std::chrono::milliseconds poll = std::chrono::seconds(1));
  ~OutboxRelay();
  OutboxRelay(const OutboxRelay&) = delete;
  OutboxRelay& operator=(const OutboxRelay&) = delete;

  void Start();
  void Stop();

  // New messages were committed (or the connection changed): look at the outbox now.
  void Wake();
  // The broker acknowledged publication `mid` (from MqttClient's handler).
  void Acknowledged(int mid);
  // The connection went down or came up (from MqttClient's handler).
  void ConnectionChanged(bool connected);
  // Relay or stop relaying (this instance took or lost the background lease). Inactive, it
  // still deletes what the broker acknowledged.
  void SetActive(bool active);

 private:
  void Step();

  store::Store& store_;
  MqttClient& client_;
  const std::chrono::milliseconds poll_;
  std::mutex mu_;
  bool active_ = true;                  // GUARDED_BY(mu_)
  std::map<int, int64_t> in_flight_;    // mid -> seq, GUARDED_BY(mu_)
  std::set<int64_t> in_flight_seqs_;    // the values of in_flight_, GUARDED_BY(mu_)
  std::set<int> early_acks_;            // PUBACKs seen before their mid was recorded
  std::set<int64_t> acknowledged_;      // seqs to delete, GUARDED_BY(mu_)
  std::set<int64_t> deleting_;          // acknowledged seqs being deleted, GUARDED_BY(mu_)
  int64_t sent_up_to_ = 0;              // highest seq published this connection, GUARDED_BY(mu_)
  BackgroundLoop loop_;
};

}  // namespace iotjobs::notify
