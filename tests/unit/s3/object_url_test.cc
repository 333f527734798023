#include "s3/object_url.h"

#include <gtest/gtest.h>

namespace iotjobs::s3 {
namespace {

const std::vector<std::string> kOwn = {"127.0.0.1:9000", "files.example.com"};

ObjectLocation Parsed(std::string_view url) {
  auto r = ParseObjectUrl(url, kOwn);
  EXPECT_TRUE(r.ok()) << url << ": " << r.status().message();
  return r.ok() ? *r : ObjectLocation{};
}

// Every URL form the issue and AWS's "Methods for accessing a bucket" name.
TEST(ObjectUrlTest, AwsFormsNameBucketAndKey) {
  const ObjectLocation fw{"example-firmware", "device-firmware.1.0"};
  EXPECT_EQ(Parsed("https://example-firmware.s3.us-west-2.amazonaws.com/device-firmware.1.0"), fw);
  EXPECT_EQ(Parsed("https://example-firmware.s3.amazonaws.com/device-firmware.1.0"), fw);
  EXPECT_EQ(Parsed("https://example-firmware.s3-us-west-2.amazonaws.com/device-firmware.1.0"), fw);
  EXPECT_EQ(Parsed("https://s3.us-west-2.amazonaws.com/example-firmware/device-firmware.1.0"), fw);
  EXPECT_EQ(Parsed("https://s3-us-west-2.amazonaws.com/example-firmware/device-firmware.1.0"), fw);
  EXPECT_EQ(Parsed("https://s3.amazonaws.com/example-firmware/device-firmware.1.0"), fw);
  EXPECT_EQ(Parsed("HTTPS://S3.AMAZONAWS.COM/example-firmware/device-firmware.1.0"), fw);
}

TEST(ObjectUrlTest, BucketWithDotsAndNestedKeys) {
  EXPECT_EQ(Parsed("https://fw.example.org.s3.eu-west-1.amazonaws.com/a/b/c.bin"),
            (ObjectLocation{"fw.example.org", "a/b/c.bin"}));
  // A bucket whose name holds "s3" is not taken for the endpoint.
  EXPECT_EQ(Parsed("https://my.s3data.s3.amazonaws.com/k"), (ObjectLocation{"my.s3data", "k"}));
}

TEST(ObjectUrlTest, KeysArePercentDecoded) {
  EXPECT_EQ(Parsed("https://s3.amazonaws.com/b/fw%202.0%2Bfinal.bin"),
            (ObjectLocation{"b", "fw 2.0+final.bin"}));
  EXPECT_EQ(Parsed("https://s3.amazonaws.com/b/a+b"), (ObjectLocation{"b", "a+b"}));
}

TEST(ObjectUrlTest, TheStoresOwnEndpointsArePathStyle) {
  EXPECT_EQ(Parsed("http://127.0.0.1:9000/firmware/fw.bin"), (ObjectLocation{"firmware", "fw.bin"}));
  EXPECT_EQ(Parsed("https://files.example.com/firmware/x/y"), (ObjectLocation{"firmware", "x/y"}));
}

TEST(ObjectUrlTest, RefusesWhatNamesNoObject) {
  for (std::string_view url : {
           "s3://bucket/key",                              // not http(s)
           "https://example.com/bucket/key",               // neither AWS nor the store
           "http://127.0.0.1:9001/bucket/key",             // the store's host, another port
           "https://s3.amazonaws.com/bucket",              // no key
           "https://s3.amazonaws.com/bucket/",             // empty key
           "https://bucket.s3.amazonaws.com/",             // empty key
           "https://s3.amazonaws.com/b/k?versionId=3",     // a query
           "https://s3.amazonaws.com/b/k#frag",            // a fragment
           "https://s3.amazonaws.com/b/%zz",               // a broken escape
           "https://s3.amazonaws.com//k",                  // no bucket
           "https://amazonaws.com/b/k",                    // no S3 label
           "https://s3.us_west.amazonaws.com/b/k",         // not a region
           "no url at all",
       }) {
    auto r = ParseObjectUrl(url, kOwn);
    EXPECT_FALSE(r.ok()) << url;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest);
      EXPECT_NE(r.status().message().find(std::string(url)), std::string::npos)
          << r.status().message();
    }
  }
}

}  // namespace
}  // namespace iotjobs::s3
