#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace iotjobs::store {

// The nullable reads of a result row, for each backend's row type (Row, by CRTP), from its
// IsNull, Text and Int: NULL reads as nullopt.
template <typename Row>
class OptionalColumns {
 public:
  std::optional<std::string> OptText(int column) const {
    if (row().IsNull(column)) return std::nullopt;
    return row().Text(column);
  }
  std::optional<int64_t> OptInt(int column) const {
    if (row().IsNull(column)) return std::nullopt;
    return row().Int(column);
  }

 private:
  const Row& row() const { return static_cast<const Row&>(*this); }
};

}  // namespace iotjobs::store
