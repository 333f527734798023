#pragma once

#include <string>

#include "common/status.h"
#include "store/store.h"

// Runs one store operation and waits for its outcome, for the background threads that have
// nothing else to do meanwhile (the outbox relay, the lease keeper) and for tests. Never on an
// HTTP thread, nor on one of the store's own threads (it would wait for itself). What `fn`
// computes leaves through its captures, to be read once the call returned: a backend may run
// a write's `fn` more than once (PostgreSQL after a conflict), and only the last run counts.
namespace iotjobs::store {

Status WriteAndWait(Store& store, std::string account_id, Store::WriteFn fn);
Status ReadAndWait(Store& store, std::string account_id, Store::ReadFn fn);

}  // namespace iotjobs::store
