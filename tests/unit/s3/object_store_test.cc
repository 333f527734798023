#include "s3/object_store.h"

#include <gtest/gtest.h>


namespace iotjobs::s3 {
namespace {

StoreConfig Config(const std::string& public_endpoint) {
  StoreConfig c;
  c.endpoint = *net::ParseUrl("http://10.0.0.5:9000");
  c.public_endpoint = *net::ParseUrl(public_endpoint);
  c.region = "us-east-1";
  c.credentials = {"AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", ""};
  c.fetch_threads = 1;
  return c;
}

// 2026-12-06T05:59:20Z, the time the expected URLs were signed at.
constexpr EpochMillis kSignedAt = 1796536760000;

// The expected URLs are botocore's own (S3SigV4QueryAuth, expires=600, the same keys and
// time): a presigned URL of iotjobsd must be byte for byte what an AWS SDK would make.
TEST(ObjectStoreTest, PresignedUrlsAreBotocores) {
  ObjectStore store(Config("http://127.0.0.1:9000"));
  auto url = store.PresignGet({"firmware", "fw/2.0 final.bin"}, 600, kSignedAt);
  ASSERT_TRUE(url.ok()) << url.status().message();
  EXPECT_EQ(*url,
            "http://127.0.0.1:9000/firmware/fw/2.0%20final.bin?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            "&X-Amz-Credential=AKIDEXAMPLE%2F20261206%2Fus-east-1%2Fs3%2Faws4_request"
            "&X-Amz-Date=20261206T055920Z&X-Amz-SignedHeaders=host&X-Amz-Expires=600"
            "&X-Amz-Signature=c47c6fd7573705165ea8e839b76c16aa8aac0b932c2a1e6eeaf2ec7cbd40eb8c");
}

TEST(ObjectStoreTest, PresignedUrlsUseThePublicEndpoint) {
  ObjectStore store(Config("https://s3.example.com"));
  auto url = store.PresignGet({"b", "k"}, 600, kSignedAt);
  ASSERT_TRUE(url.ok());
  EXPECT_EQ(url->rfind("https://s3.example.com/b/k?", 0), 0u) << *url;
  EXPECT_NE(url->find("X-Amz-Signature=250279123ebe3ec1b2f3cc1949682e0fe66d6a3b693dd81a5dd345e04efb5c5a"),
            std::string::npos)
      << *url;
}

TEST(ObjectStoreTest, LocatesUrlsOnEitherEndpoint) {
  ObjectStore store(Config("https://s3.example.com"));
  EXPECT_TRUE(store.Locate("http://10.0.0.5:9000/b/k").ok());
  EXPECT_TRUE(store.Locate("https://s3.example.com/b/k").ok());
  EXPECT_TRUE(store.Locate("https://b.s3.amazonaws.com/k").ok());
  EXPECT_FALSE(store.Locate("https://elsewhere.example.com/b/k").ok());
}

TEST(ObjectStoreTest, ConfigChecks) {
  StoreConfig c = Config("http://127.0.0.1:9000");
  EXPECT_TRUE(CheckStoreConfig(c).ok());
  c.public_endpoint = *net::ParseUrl("https://proxy.example.com/s3");
  EXPECT_FALSE(CheckStoreConfig(c).ok());
  c = Config("http://127.0.0.1:9000");
  c.credentials.secret_access_key.clear();
  EXPECT_FALSE(CheckStoreConfig(c).ok());
}

// A store nobody listens on: the read fails with a reason, on time, never hangs.
TEST(ObjectStoreTest, AnUnreachableStoreFailsWithAReason) {
  StoreConfig c = Config("http://127.0.0.1:9");
  c.endpoint = *net::ParseUrl("http://127.0.0.1:9");
  c.timeout = std::chrono::milliseconds(2000);
  ObjectStore store(c);
  auto body = store.Read({"b", "k"}, 100);
  ASSERT_FALSE(body.ok());
  EXPECT_EQ(body.status().code(), ErrorCode::kInvalidRequest);
  EXPECT_NE(body.status().message().find("cannot be reached"), std::string::npos)
      << body.status().message();
}

}  // namespace
}  // namespace iotjobs::s3
