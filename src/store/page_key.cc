#include "store/page_key.h"

#include <charconv>

namespace iotjobs::store {
namespace {
Status BadToken() { return InvalidRequest("The pagination token is invalid."); }
}  // namespace

std::string EncodePageKey(const std::vector<std::string>& parts) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += '\n';
    out += parts[i];
  }
  return out;
}

Result<std::vector<std::string>> DecodePageKey(std::string_view key, size_t count) {
  std::vector<std::string> parts;
  size_t start = 0;
  for (;;) {
    size_t nl = key.find('\n', start);
    parts.emplace_back(key.substr(start, nl == std::string_view::npos ? nl : nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  if (parts.size() != count) return BadToken();
  return parts;
}

Result<int64_t> PageKeyNumber(std::string_view part) {
  int64_t value = 0;
  auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
  if (ec != std::errc() || ptr != part.data() + part.size()) return BadToken();
  return value;
}

}  // namespace iotjobs::store
