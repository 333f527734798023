#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"

// The keys of keyset pagination: the last row's key columns joined with '\n' (no name the
// models allow contains a newline). The API wraps them into opaque nextTokens.
namespace iotjobs::store {

std::string EncodePageKey(const std::vector<std::string>& parts);

// Splits a key into exactly `count` parts; kInvalidRequest when it is not such a key (a
// client sent a token that we did not make).
Result<std::vector<std::string>> DecodePageKey(std::string_view key, size_t count);

// Parses a decimal int64 key part; kInvalidRequest when it is not one.
Result<int64_t> PageKeyNumber(std::string_view part);

}  // namespace iotjobs::store
