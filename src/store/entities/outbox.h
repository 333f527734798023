#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"

// The transactional outbox: messages to publish once the transaction that wrote them
// committed (see things.h for what every entity interface promises).
namespace iotjobs::store {

// A message waiting in the outbox to be published.
struct OutboxMessage {
  int64_t seq = 0;
  std::string account_id;
  std::string topic;
  std::string payload;
};

class OutboxReads {
 public:
  virtual ~OutboxReads() = default;
  // Outbox messages of EVERY account with seq > `after`, in seq order.
  virtual Result<std::vector<OutboxMessage>> ListOutbox(int64_t after, int limit) = 0;
};

class OutboxWrites {
 public:
  virtual ~OutboxWrites() = default;
  // Appends a message to publish once this transaction committed.
  virtual Status AppendOutbox(std::string_view topic, std::string_view payload,
                              EpochMillis now) = 0;
  // Removes published messages (any account): every seq in `seqs`.
  virtual Status DeleteOutbox(const std::vector<int64_t>& seqs) = 0;
};

}  // namespace iotjobs::store
