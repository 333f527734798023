#include "auth/signing_key_cache.h"

#include "auth/canonical_request.h"

namespace iotjobs::auth {

std::string SigningKeyCache::Get(std::string_view secret_access_key, std::string_view date,
                                 std::string_view region, std::string_view service) {
  // Length prefixes keep ("ab","c") and ("a","bc") apart whatever bytes the fields hold.
  std::string cache_key;
  cache_key.reserve(secret_access_key.size() + date.size() + region.size() + service.size() + 16);
  for (std::string_view part : {secret_access_key, date, region, service}) {
    cache_key += std::to_string(part.size());
    cache_key += ':';
    cache_key += part;
  }
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = keys_.find(cache_key);
    if (it != keys_.end()) return it->second;
  }
  std::string key = DeriveSigningKey(secret_access_key, date, region, service);
  std::lock_guard<std::mutex> lock(mu_);
  if (keys_.size() >= capacity_) keys_.clear();
  keys_.emplace(std::move(cache_key), key);
  return key;
}

size_t SigningKeyCache::size() const {
  std::lock_guard<std::mutex> lock(mu_);
  return keys_.size();
}

}  // namespace iotjobs::auth
