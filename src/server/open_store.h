#pragma once

#include <memory>
#include <string>

#include "common/result.h"
#include "server/config.h"
#include "store/store.h"

namespace iotjobs::server {

// The store iotjobsd runs on, as chosen by its options.
struct OpenedStore {
  std::unique_ptr<store::Store> store;
  // Several instances may use this store at once (PostgreSQL): background work then goes by
  // lease, and the outbox is watched for other instances' messages.
  bool shared = false;
  std::string description;  // for the start-up log
};

// `--store postgresql://...` opens PostgreSQL; otherwise SQLite in `--data-dir` (or in
// memory). A SQLite data directory is locked for this process: a second iotjobsd on the same
// directory is refused rather than left to relay the same outbox twice.
Result<OpenedStore> OpenStore(const Config& config);

}  // namespace iotjobs::server
