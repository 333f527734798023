#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

// Derived SigV4 signing keys, kept so that verifying a request costs one HMAC for the key
// instead of four. A key depends only on (secret, date, region, service), so in steady state
// there is one entry per access key per day.
namespace iotjobs::auth {

class SigningKeyCache {
 public:
  // REQUIRES: capacity > 0.
  explicit SigningKeyCache(size_t capacity = 256) : capacity_(capacity) {}
  SigningKeyCache(const SigningKeyCache&) = delete;
  SigningKeyCache& operator=(const SigningKeyCache&) = delete;

  // The signing key for these inputs (DeriveSigningKey's result), computed on a miss. When
  // the cache is full it is emptied before the insert: the entries of older days then
  // disappear without any per-entry bookkeeping. Thread-safe; the derivation runs outside
  // the lock.
  std::string Get(std::string_view secret_access_key, std::string_view date,
                  std::string_view region, std::string_view service);

  // Entries held now (for tests).
  size_t size() const;

 private:
  const size_t capacity_;
  mutable std::mutex mu_;
  // Key: the four inputs, each prefixed with its length, so no two tuples collide whatever
  // bytes they hold. Value: the 32-byte signing key. Guarded by mu_.
  std::unordered_map<std::string, std::string> keys_;
};

}  // namespace iotjobs::auth
