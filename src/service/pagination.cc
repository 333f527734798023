#include "service/pagination.h"

#include "common/encoding.h"

namespace iotjobs::service {

Result<store::PageRequest> ToPageRequest(const PageInput& page) {
  store::PageRequest out;
  out.limit = page.max_results.value_or(kDefaultMaxResults);
  if (page.next_token && !page.next_token->empty()) {
    std::optional<std::string> key = Base64Decode(*page.next_token);
    if (!key || key->empty()) return InvalidRequest("The pagination token is invalid.");
    out.after = std::move(*key);
  }
  return out;
}

std::optional<std::string> ToNextToken(const std::string& store_key) {
  if (store_key.empty()) return std::nullopt;
  return Base64Encode(store_key);
}

}  // namespace iotjobs::service
