#include "cli/args/argparse.h"

#include <gtest/gtest.h>

namespace iotjobs::cli::args {
namespace {
TEST(ArgParse, Placeholder) { EXPECT_TRUE(true); }
}  // namespace
}  // namespace iotjobs::cli::args
