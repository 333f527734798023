#include "cli/output/east_asian_width.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::output {
namespace {

TEST(EastAsianWidthTest, WideFullwidthAndAmbiguousCountDouble) {
  EXPECT_TRUE(IsWideOrAmbiguous(U'日'));   // W
  EXPECT_TRUE(IsWideOrAmbiguous(U'ｆ'));   // F
  EXPECT_TRUE(IsWideOrAmbiguous(U'½'));    // A
  EXPECT_TRUE(IsWideOrAmbiguous(U'😀'));    // W
  EXPECT_TRUE(IsWideOrAmbiguous(U'é'));    // A: Latin-1 letters are ambiguous too
  EXPECT_TRUE(IsWideOrAmbiguous(0xE000));  // private use: A
}

TEST(EastAsianWidthTest, NarrowAndNeutralCountSingle) {
  EXPECT_FALSE(IsWideOrAmbiguous(U'a'));
  EXPECT_FALSE(IsWideOrAmbiguous(U'ñ'));
  EXPECT_FALSE(IsWideOrAmbiguous(0x2028));
  EXPECT_FALSE(IsWideOrAmbiguous(0));
}

}  // namespace
}  // namespace iotjobs::cli::output
