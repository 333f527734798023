#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "common/status.h"

namespace iotjobs {

// A value or a failed Status. Construct from a T for success or from a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "Result needs a value or a failed Status");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace iotjobs

#define IOTJOBS_CONCAT_INNER_(a, b) a##b
#define IOTJOBS_CONCAT_(a, b) IOTJOBS_CONCAT_INNER_(a, b)

// `IOTJOBS_ASSIGN_OR_RETURN(auto x, F());` declares x from a Result or returns its Status.
#define IOTJOBS_ASSIGN_OR_RETURN(lhs, expr) \
  IOTJOBS_ASSIGN_OR_RETURN_IMPL_(IOTJOBS_CONCAT_(iotjobs_result_, __LINE__), lhs, expr)
#define IOTJOBS_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp.ok()) return tmp.status();                  \
  lhs = std::move(tmp).value()
