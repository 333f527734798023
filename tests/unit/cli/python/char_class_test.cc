// Expectations are CPython 3.11's str.isspace() and str.isprintable().

#include "cli/python/char_class.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::python {
namespace {

TEST(CharClassTest, SpaceIsUnicodeAware) {
  EXPECT_TRUE(IsSpace(' '));
  EXPECT_TRUE(IsSpace(0x1C));
  EXPECT_TRUE(IsSpace(0xA0));
  EXPECT_TRUE(IsSpace(0x3000));
  EXPECT_FALSE(IsSpace(0x200B));
}

TEST(CharClassTest, Printable) {
  for (char32_t cp : {U' ', U'a', U'~', U'\u00e9', U'\u65e5', U'\U0001F600', U'\uFFFD'}) {
    EXPECT_TRUE(IsPrintable(cp)) << std::hex << static_cast<unsigned>(cp);
  }
  for (char32_t cp : {0x07u, 0x7Fu, 0x85u, 0xA0u, 0xADu, 0x600u, 0x1680u, 0x200Bu, 0x2028u, 0x2065u,
                      0xD800u, 0xE000u, 0xFEFFu, 0xFFFEu, 0xE0001u, 0x10FFFDu}) {
    EXPECT_FALSE(IsPrintable(cp)) << std::hex << static_cast<unsigned>(cp);
  }
}

}  // namespace
}  // namespace iotjobs::cli::python
