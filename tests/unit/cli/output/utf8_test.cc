#include "cli/output/utf8.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::output {
namespace {

TEST(Utf8Test, DecodesAndEncodesEveryLength) {
  const std::string text = "a\u00e9\u65e5\U0001F600";
  std::size_t pos = 0;
  std::u32string decoded;
  while (pos < text.size()) decoded.push_back(NextCodePoint(text, &pos));
  EXPECT_EQ(decoded, U"a\u00e9\u65e5\U0001F600");
  std::string encoded;
  for (char32_t cp : decoded) AppendUtf8(cp, &encoded);
  EXPECT_EQ(encoded, text);
}

TEST(Utf8Test, MalformedBytesDecodeAsReplacementOneByteAtATime) {
  const std::string text = "\xff\xe6\x97";
  std::size_t pos = 0;
  EXPECT_EQ(NextCodePoint(text, &pos), 0xFFFDu);
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(NextCodePoint(text, &pos), 0xFFFDu);  // truncated sequence
  EXPECT_EQ(pos, 2u);
}

}  // namespace
}  // namespace iotjobs::cli::output
