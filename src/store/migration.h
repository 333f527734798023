#pragma once

#include <string_view>

#include "common/status.h"

// What the two backends' schema migrations (sqlite/migrations.h, postgres/migrations.h)
// have in common; how each records its version and applies a migration is its own.
namespace iotjobs::store {

// A schema migration: the version it brings the database to, and its SQL, embedded in the
// binary at build time (cmake/Embed.cmake).
struct Migration {
  int version;
  std::string_view (*sql)();
};

// The answer to a database whose schema is newer than this binary knows: it is refused
// (kServiceUnavailable) rather than touched.
Status RefuseNewerSchema(int current, int newest);

}  // namespace iotjobs::store
