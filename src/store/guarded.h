#pragma once

#include <exception>

#include "common/log.h"
#include "common/status.h"

namespace iotjobs::store {

// Runs a caller's function, turning a stray exception (a library that throws) into an
// internal failure instead of taking the store thread down.
template <typename Fn>
Status Guarded(Fn&& fn) {
  try {
    return fn();
  } catch (const std::exception& e) {
    IOTJOBS_LOG(kError) << "store: operation threw: " << e.what();
  } catch (...) {
    IOTJOBS_LOG(kError) << "store: operation threw a non-standard exception";
  }
  return Internal("An internal error occurred.");
}

}  // namespace iotjobs::store
