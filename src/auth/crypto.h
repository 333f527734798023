#pragma once

#include <string>
#include <string_view>

// The three primitives SigV4 needs, over OpenSSL's libcrypto. Everything here is pure and
// thread-safe; none of it fails for any input.
namespace iotjobs::auth {

// Lower-case hex of the SHA-256 digest of `data` (64 characters): the payload hash and the
// hash of the canonical request.
std::string Sha256Hex(std::string_view data);

// The raw 32-byte HMAC-SHA256 of `data` under `key`: one step of the signing-key chain.
std::string HmacSha256(std::string_view key, std::string_view data);

// True when `a` and `b` hold the same bytes. The time taken depends only on the lengths,
// never on where the first difference is, so comparing a signature leaks nothing about it.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

}  // namespace iotjobs::auth
