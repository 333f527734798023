#pragma once

#include <cstddef>

namespace iotjobs::server {

// Descriptors kept back from client connections: the store's files (the database, its WAL
// and shared memory, per connection), the broker connection, the log, the listening socket,
// the event loop's own, and the spare that lets the server answer 503 when it runs out.
inline constexpr size_t kReservedDescriptors = 128;

// Each client connection is a file descriptor. Raises the soft RLIMIT_NOFILE to the hard
// limit, then returns how many connections the server may hold at once: `wanted` (from
// --max-connections), or less when the descriptor limit does not leave room for that many,
// in which case it says so once in the log. Never returns less than 1.
size_t FitConnectionsToDescriptorLimit(size_t wanted);

}  // namespace iotjobs::server
