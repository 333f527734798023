#pragma once

#include <string>
#include <vector>

namespace iotjobs::store {

// Keyset pagination: rows strictly after `after` (the encoded key of the last row of the
// previous page, empty for the first page), at most `limit` of them.
struct PageRequest {
  std::string after;
  int limit = 100;
};

// Page of rows plus the key to continue after (empty when this was the last page).
template <typename T>
struct Page {
  std::vector<T> items;
  std::string next;
};

}  // namespace iotjobs::store
