#pragma once

#include <optional>
#include <string>
#include <utility>

#include "common/result.h"
#include "service/requests.h"
#include "store/store.h"

namespace iotjobs::service {

// maxResults when the caller gives none.
inline constexpr int kDefaultMaxResults = 100;

// The store page request for a wire page input: the nextToken decoded (kInvalidRequest when
// it is not a token we made) and maxResults or the default.
Result<store::PageRequest> ToPageRequest(const PageInput& page);

// The wire nextToken for a store page's continuation key (absent on the last page).
std::optional<std::string> ToNextToken(const std::string& store_key);

// The wire page of a store page: its rows and the nextToken to continue after them.
template <typename T>
ListResult<T> ToListResult(store::Page<T> page) {
  return ListResult<T>{std::move(page.items), ToNextToken(page.next)};
}

}  // namespace iotjobs::service
