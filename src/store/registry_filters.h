#pragma once

#include <functional>
#include <string>
#include <vector>

#include "common/result.h"
#include "jobs/thing.h"
#include "store/store.h"

// The filters of ListThings and ListThingGroups that only C++ applies (attribute values in a
// JSON column, name prefixes), and the scan that fills a page through them. Every backend
// uses these, so the same rows match and the same page keys come out.
namespace iotjobs::store {

// Rows per chunk of a filtered scan: the backends' chunk queries say LIMIT 256.
inline constexpr int kScanChunk = 256;

bool MatchesThingFilter(const ThingFilter& filter, const jobs::Thing& thing);
bool MatchesThingGroupFilter(const ThingGroupFilter& filter, const jobs::ThingGroup& group);

// Fills a page from a keyset scan whose rows some filters only C++ can apply: reads chunks
// (kScanChunk rows after a key) until `limit` matching rows and one more were seen, or the
// rows ran out.
template <typename T>
Result<Page<T>> FilteredScan(const PageRequest& page,
                             const std::function<Result<std::vector<T>>(const std::string&)>& chunk,
                             const std::function<bool(const T&)>& keep,
                             const std::function<std::string(const T&)>& key_of) {
  Page<T> out;
  std::string after = page.after;
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(std::vector<T> rows, chunk(after));
    for (T& row : rows) {
      if (!keep(row)) continue;
      if (static_cast<int>(out.items.size()) == page.limit) {
        out.next = key_of(out.items.back());
        return out;
      }
      out.items.push_back(std::move(row));
    }
    if (static_cast<int>(rows.size()) < kScanChunk) return out;
    after = key_of(rows.back());
  }
}

}  // namespace iotjobs::store
