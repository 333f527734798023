#include "notify/outbox_relay.h"

#include "common/log.h"
#include "store/wait.h"

namespace iotjobs::notify {
namespace {
// Messages published and not yet acknowledged, at most.
constexpr size_t kWindow = 256;
constexpr int kBatch = 128;
}  // namespace

OutboxRelay::OutboxRelay(store::Store& store, MqttClient& client, std::chrono::milliseconds poll)
    : store_(store), client_(client), poll_(poll) {}

OutboxRelay::~OutboxRelay() { Stop(); }

// Looks at the outbox when woken, or every `poll_`. A look on the timer goes back to the
// oldest message (see the class comment); a wake-up after our own commit continues after
// what was sent.
void OutboxRelay::Start() {
  loop_.Start(
      [this](bool woken) {
        if (!woken) {
          std::lock_guard lock(mu_);
          sent_up_to_ = 0;
        }
        Step();
        return poll_;
      },
      poll_);
}

void OutboxRelay::Stop() { loop_.Stop(); }

void OutboxRelay::Wake() { loop_.Wake(); }

void OutboxRelay::Acknowledged(int mid) {
  {
    std::lock_guard lock(mu_);
    auto it = in_flight_.find(mid);
    if (it == in_flight_.end()) {
      // The PUBACK can beat Step() to recording the mid it got from Publish.
      early_acks_.insert(mid);
      return;
    }
    acknowledged_.insert(it->second);
    in_flight_seqs_.erase(it->second);
    in_flight_.erase(it);
  }
  loop_.Wake();
}

void OutboxRelay::ConnectionChanged(bool connected) {
  {
    std::lock_guard lock(mu_);
    // What was published but not acknowledged is sent again on the next connection.
    in_flight_.clear();
    in_flight_seqs_.clear();
    early_acks_.clear();
    sent_up_to_ = 0;
  }
  if (connected) loop_.Wake();
}

void OutboxRelay::SetActive(bool active) {
  {
    std::lock_guard lock(mu_);
    active_ = active;
    // A new holder starts from the oldest message: the last one may have died mid-way.
    sent_up_to_ = 0;
  }
  loop_.Wake();
}

void OutboxRelay::Step() {
  // Forget the acknowledged messages first: they are never sent again.
  std::vector<int64_t> done;
  {
    std::lock_guard lock(mu_);
    done.assign(acknowledged_.begin(), acknowledged_.end());
    deleting_.insert(acknowledged_.begin(), acknowledged_.end());
    acknowledged_.clear();
  }
  if (!done.empty()) {
    Status s = store::WriteAndWait(
        store_, "", [&done](store::WriteTransaction& tx) { return tx.DeleteOutbox(done); });
    std::lock_guard lock(mu_);
    for (int64_t seq : done) deleting_.erase(seq);
    if (!s.ok()) {
      IOTJOBS_LOG(kWarn) << "outbox: cannot delete published messages: " << s.ToString();
      acknowledged_.insert(done.begin(), done.end());  // try again next time
    }
  }
  if (!client_.connected()) return;
  for (;;) {
    int64_t after;
    {
      std::lock_guard lock(mu_);
      if (!active_ || in_flight_.size() >= kWindow) return;
      after = sent_up_to_;
    }
    std::vector<store::OutboxMessage> rows;
    Status listed =
        store::ReadAndWait(store_, "", [&rows, after](store::ReadTransaction& tx) -> Status {
          // A full batch even when the window is nearly full: after a rescan, most of the
          // first rows may be in flight already.
          IOTJOBS_ASSIGN_OR_RETURN(rows, tx.ListOutbox(after, kBatch));
          return Status::Ok();
        });
    if (!listed.ok()) {
      IOTJOBS_LOG(kWarn) << "outbox: cannot read: " << listed.ToString();
      return;
    }
    if (rows.empty()) return;
    for (const auto& m : rows) {
      {
        std::lock_guard lock(mu_);
        if (in_flight_.size() >= kWindow) return;  // the rest when acknowledgements come
        sent_up_to_ = std::max(sent_up_to_, m.seq);
        if (in_flight_seqs_.count(m.seq) || acknowledged_.count(m.seq) || deleting_.count(m.seq)) {
          continue;
        }
      }
      Result<int> mid = client_.Publish(m.topic, m.payload, /*qos=*/1);
      if (!mid.ok()) {
        // Disconnected meanwhile: ConnectionChanged restarts from the oldest unsent message.
        std::lock_guard lock(mu_);
        sent_up_to_ = 0;
        return;
      }
      bool acknowledged_already = false;
      {
        std::lock_guard lock(mu_);
        acknowledged_already = early_acks_.erase(*mid) > 0;
        if (acknowledged_already) {
          acknowledged_.insert(m.seq);
        } else {
          in_flight_[*mid] = m.seq;
          in_flight_seqs_.insert(m.seq);
        }
      }
      if (acknowledged_already) loop_.Wake();
    }
  }
}

}  // namespace iotjobs::notify
