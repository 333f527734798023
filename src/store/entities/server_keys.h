#pragma once

#include <string>
#include <string_view>

#include "common/result.h"

// Keys the server makes once and keeps (the pagination-token key), shared by every instance
// on one database. Not scoped to an account, and kept by a reset (see things.h for what every
// entity interface promises).
namespace iotjobs::store {

class ServerKeyWrites {
 public:
  virtual ~ServerKeyWrites() = default;
  // The value kept under `name`; when there is none yet, `candidate` is kept and returned.
  // Two instances starting at once both get the one value that was kept first.
  virtual Result<std::string> KeepServerKey(std::string_view name, std::string_view candidate) = 0;
};

}  // namespace iotjobs::store
