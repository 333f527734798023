#include "cli/python/utf8.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::python {
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
  EXPECT_EQ(DecodeUtf8(text), decoded);
  EXPECT_EQ(EncodeUtf8(decoded), text);
  EXPECT_EQ(CountCodePoints(text), 4u);
}

TEST(Utf8Test, MalformedBytesDecodeAsReplacementOneByteAtATime) {
  const std::string text = "\xff\xe6\x97";
  std::size_t pos = 0;
  EXPECT_EQ(NextCodePoint(text, &pos), 0xFFFDu);
  EXPECT_EQ(pos, 1u);
  EXPECT_EQ(NextCodePoint(text, &pos), 0xFFFDu);  // truncated sequence
  EXPECT_EQ(pos, 2u);
  EXPECT_EQ(FindInvalidUtf8("ok\xc0\x80"), 2u);  // overlong
  EXPECT_EQ(FindInvalidUtf8("ok"), std::string_view::npos);
}

TEST(Utf8Test, SurrogatesAreMalformedExceptToDecodeSequence) {
  const std::string surrogate = "\xed\xa0\xbd";  // U+D83D
  EXPECT_EQ(FindInvalidUtf8(surrogate), 0u);
  EXPECT_EQ(CountCodePoints(surrogate), 3u);
  char32_t cp = 0;
  EXPECT_EQ(DecodeSequence(surrogate, 0, &cp), 3u);
  EXPECT_EQ(cp, 0xD83Du);
  std::string out;
  AppendUtf8(0xD83D, &out);
  EXPECT_EQ(out, "\xef\xbf\xbd");
  out.clear();
  AppendWtf8(0xD83D, &out);
  EXPECT_EQ(out, surrogate);
}

}  // namespace
}  // namespace iotjobs::cli::python
