#include "auth/signing_key_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "auth/canonical_request.h"

namespace iotjobs::auth {
namespace {

TEST(SigningKeyCacheTest, ReturnsTheDerivedKeyAndKeepsIt) {
  SigningKeyCache cache;
  std::string expected = DeriveSigningKey("secret", "20260115", "us-east-1", "iot");
  EXPECT_EQ(cache.Get("secret", "20260115", "us-east-1", "iot"), expected);
  EXPECT_EQ(cache.Get("secret", "20260115", "us-east-1", "iot"), expected);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(SigningKeyCacheTest, EachInputIsPartOfTheKey) {
  SigningKeyCache cache;
  std::string base = cache.Get("secret", "20260115", "us-east-1", "iot");
  EXPECT_NE(cache.Get("secret2", "20260115", "us-east-1", "iot"), base);
  EXPECT_NE(cache.Get("secret", "20260116", "us-east-1", "iot"), base);
  EXPECT_NE(cache.Get("secret", "20260115", "us-west-2", "iot"), base);
  EXPECT_NE(cache.Get("secret", "20260115", "us-east-1", "iot-jobs-data"), base);
  EXPECT_EQ(cache.size(), 5u);
}

TEST(SigningKeyCacheTest, FieldBoundariesDoNotCollide) {
  SigningKeyCache cache;
  std::string a = cache.Get("ab", "c", "r", "s");
  std::string b = cache.Get("a", "bc", "r", "s");
  EXPECT_EQ(a, DeriveSigningKey("ab", "c", "r", "s"));
  EXPECT_EQ(b, DeriveSigningKey("a", "bc", "r", "s"));
  EXPECT_EQ(cache.size(), 2u);
}

TEST(SigningKeyCacheTest, EmptiesWhenFull) {
  SigningKeyCache cache(2);
  (void)cache.Get("s1", "d", "r", "x");
  (void)cache.Get("s2", "d", "r", "x");
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(cache.Get("s3", "d", "r", "x"), DeriveSigningKey("s3", "d", "r", "x"));
  EXPECT_EQ(cache.size(), 1u);
}

TEST(SigningKeyCacheTest, ConcurrentGets) {
  SigningKeyCache cache(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 200; ++i) {
        std::string secret = "s" + std::to_string((i + t) % 6);
        ASSERT_EQ(cache.Get(secret, "d", "r", "x"), DeriveSigningKey(secret, "d", "r", "x"));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_LE(cache.size(), 4u);
}

}  // namespace
}  // namespace iotjobs::auth
