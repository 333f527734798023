#include "cli/python/upper.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::python {
namespace {

TEST(UpperTest, UpperUsesFullCaseMapping) {
  EXPECT_EQ(Upper("jobs"), "JOBS");
  EXPECT_EQ(Upper("ß"), "SS");
  EXPECT_EQ(Upper("ﬁx"), "FIX");
  EXPECT_EQ(Upper("ǆ"), "Ǆ");
}

}  // namespace
}  // namespace iotjobs::cli::python
