#include "cli/output/python_upper.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::output {
namespace {

TEST(PythonUpperTest, UpperUsesFullCaseMapping) {
  EXPECT_EQ(PythonUpper("jobs"), "JOBS");
  EXPECT_EQ(PythonUpper("ß"), "SS");
  EXPECT_EQ(PythonUpper("ﬁx"), "FIX");
  EXPECT_EQ(PythonUpper("ǆ"), "Ǆ");
}

}  // namespace
}  // namespace iotjobs::cli::output
