#include "auth/crypto.h"

#include <gtest/gtest.h>

#include <string>

#include "common/encoding.h"

namespace iotjobs::auth {
namespace {

TEST(Sha256HexTest, KnownDigests) {
  // The empty-body hash every unsigned GET carries in its canonical request.
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("Param1=value1"),
            "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e");
}

TEST(Sha256HexTest, BinaryInput) {
  std::string bytes("\0\xff\x80", 3);
  EXPECT_EQ(Sha256Hex(bytes).size(), 64u);
  EXPECT_NE(Sha256Hex(bytes), Sha256Hex(std::string("\0\xff", 2)));
}

// RFC 4231, test cases 1 and 2.
TEST(HmacSha256Test, Rfc4231) {
  EXPECT_EQ(HexEncode(HmacSha256(std::string(20, '\x0b'), "Hi There")),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  EXPECT_EQ(HexEncode(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

// RFC 4231, test case 6: a key longer than SHA-256's 64-byte block is hashed first.
TEST(HmacSha256Test, KeyLongerThanBlock) {
  EXPECT_EQ(HexEncode(HmacSha256(std::string(131, '\xaa'),
                                 "Test Using Larger Than Block-Size Key - Hash Key First")),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  // Exactly one block: used as is, not hashed.
  EXPECT_EQ(HmacSha256(std::string(64, 'k'), "x").size(), 32u);
  EXPECT_NE(HmacSha256(std::string(64, 'k'), "x"), HmacSha256(std::string(65, 'k'), "x"));
}

TEST(HmacSha256Test, EmptyKeyAndData) {
  EXPECT_EQ(HexEncode(HmacSha256("", "")),
            "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad");
  EXPECT_EQ(HmacSha256("k", "").size(), 32u);
}

TEST(ConstantTimeEqualsTest, ComparesBytes) {
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "ab"));
  EXPECT_FALSE(ConstantTimeEquals("", "a"));
  EXPECT_TRUE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0b", 3)));
  EXPECT_FALSE(ConstantTimeEquals(std::string("a\0b", 3), std::string("a\0c", 3)));
}

}  // namespace
}  // namespace iotjobs::auth
