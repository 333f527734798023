#pragma once

#include <string>
#include <utility>
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

// The page made of the rows of a query that asked for limit+1 of them to learn whether more
// exist: at most `limit` items, and when the extra row came, `next` is key_of(last item kept).
template <typename T, typename KeyOf>
Page<T> LimitPlusOnePage(std::vector<T> items, int limit, KeyOf key_of) {
  Page<T> out;
  out.items = std::move(items);
  if (static_cast<int>(out.items.size()) > limit) {
    out.items.pop_back();
    out.next = key_of(out.items.back());
  }
  return out;
}

}  // namespace iotjobs::store
