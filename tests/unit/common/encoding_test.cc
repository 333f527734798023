#include "common/encoding.h"

#include <gtest/gtest.h>

#include <string>

namespace iotjobs {
namespace {

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD

TEST(ToValidUtf8, KeepsWellFormedText) {
  for (std::string s : {std::string(), std::string("plain ascii"), std::string("caf\xC3\xA9"),
                        std::string("\xF0\x9F\x9A\x80 rocket"), std::string("nul\0byte", 8)}) {
    EXPECT_TRUE(IsValidUtf8(s)) << s;
    EXPECT_EQ(ToValidUtf8(s), s);
  }
}

// The sequences of the defect (an overlong '/', a lone 0xFF, an encoded surrogate) and a
// truncated one, each replaced by U+FFFD per maximal subpart, the ASCII around them kept.
TEST(ToValidUtf8, ReplacesIllFormedSequences) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
  EXPECT_EQ(ToValidUtf8("a\xC0\xAF" "b"), "a" + kReplacement + kReplacement + "b");
  EXPECT_EQ(ToValidUtf8("\xFF"), kReplacement);
  EXPECT_EQ(ToValidUtf8("\xED\xA0\x80"), kReplacement + kReplacement + kReplacement);
  EXPECT_EQ(ToValidUtf8("x\xE2\x82"), "x" + kReplacement);
  EXPECT_TRUE(IsValidUtf8(ToValidUtf8("\x80\x80\xF5\xC1")));
}

TEST(ToValidUtf8, KeepsJsonStructure) {
  // ASCII is never swallowed into an ill-formed sequence: quotes and braces stay.
  EXPECT_EQ(ToValidUtf8("{\"m\":\"\xC3\"}"), "{\"m\":\"" + kReplacement + "\"}");
}

TEST(CodePoints, CountsCharactersNotBytes) {
  EXPECT_EQ(CodePoints(""), 0u);
  EXPECT_EQ(CodePoints("abc"), 3u);
  EXPECT_EQ(CodePoints("\xC3\xA9t\xC3\xA9"), 3u);                 // été
  EXPECT_EQ(CodePoints("\xE2\x82\xAC\xF0\x9F\x98\x80"), 2u);  // € and an emoji
}

}  // namespace
}  // namespace iotjobs
