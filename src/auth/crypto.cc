#include "auth/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <array>
#include <cassert>
#include <cstring>

#include "common/encoding.h"

namespace iotjobs::auth {
namespace {

using Digest = std::array<unsigned char, 32>;
constexpr size_t kBlockSize = 64;  // SHA-256's block size, which HMAC pads the key to

// SHA-256 fetched once. EVP_sha256() with EVP_Digest or HMAC() makes OpenSSL 3 look the
// algorithm up, lock and allocate on every call; that was about a tenth of the server's CPU
// per request in the benchmark's profile (bench/analysis.md, [R1]).
const EVP_MD* Sha256() {
  static const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

// One digest context per thread, reused across calls.
class DigestContext {
 public:
  DigestContext() : ctx_(EVP_MD_CTX_new()) {}
  ~DigestContext() { EVP_MD_CTX_free(ctx_); }
  DigestContext(const DigestContext&) = delete;
  DigestContext& operator=(const DigestContext&) = delete;

  void Begin() { Check(EVP_DigestInit_ex2(ctx_, Sha256(), nullptr)); }
  void Add(const void* data, size_t size) { Check(EVP_DigestUpdate(ctx_, data, size)); }
  Digest Finish() {
    Digest out;
    unsigned int length = 0;
    Check(EVP_DigestFinal_ex(ctx_, out.data(), &length));
    assert(length == out.size());
    return out;
  }

 private:
  // These fail only on allocation failure inside OpenSSL, which it cannot report more
  // usefully than we could; treat it as a broken invariant.
  static void Check(int ok) {
    assert(ok == 1);
    (void)ok;
  }
  EVP_MD_CTX* ctx_;
};

Digest Sha256Of(std::string_view a, std::string_view b = {}) {
  thread_local DigestContext ctx;
  ctx.Begin();
  ctx.Add(a.data(), a.size());
  if (!b.empty()) ctx.Add(b.data(), b.size());
  return ctx.Finish();
}

std::string_view View(const Digest& d) {
  return std::string_view(reinterpret_cast<const char*>(d.data()), d.size());
}

}  // namespace

std::string Sha256Hex(std::string_view data) {
  // Every GET and DELETE the server verifies has an empty body: its hash is a constant.
  static constexpr std::string_view kEmpty =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  if (data.empty()) return std::string(kEmpty);
  return HexEncode(View(Sha256Of(data)));
}

// HMAC (RFC 2104) over the cached SHA-256: H((K ^ opad) || H((K ^ ipad) || data)).
std::string HmacSha256(std::string_view key, std::string_view data) {
  std::array<unsigned char, kBlockSize> block{};
  if (key.size() > kBlockSize) {
    Digest hashed = Sha256Of(key);
    std::memcpy(block.data(), hashed.data(), hashed.size());
  } else if (!key.empty()) {
    std::memcpy(block.data(), key.data(), key.size());
  }
  std::array<char, kBlockSize> inner_pad;
  std::array<char, kBlockSize> outer_pad;
  for (size_t i = 0; i < kBlockSize; ++i) {
    inner_pad[i] = static_cast<char>(block[i] ^ 0x36);
    outer_pad[i] = static_cast<char>(block[i] ^ 0x5c);
  }
  Digest inner = Sha256Of(std::string_view(inner_pad.data(), inner_pad.size()), data);
  Digest outer = Sha256Of(std::string_view(outer_pad.data(), outer_pad.size()), View(inner));
  OPENSSL_cleanse(block.data(), block.size());
  OPENSSL_cleanse(inner_pad.data(), inner_pad.size());
  OPENSSL_cleanse(outer_pad.data(), outer_pad.size());
  return std::string(View(outer));
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace iotjobs::auth
