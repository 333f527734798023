#include "cli/names.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace iotjobs::cli {
namespace {

// tests/testdata/cli-names.txt holds botocore.xform_name(name, '-') for every operation and
// member name of the served models, plus edge cases (made by a one-line python script).
TEST(CliName, MatchesBotocoreForEveryModelName) {
  std::ifstream in(IOTJOBS_TESTDATA_DIR "/cli-names.txt");
  ASSERT_TRUE(in) << "missing testdata";
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string name, expected;
    fields >> name >> expected;
    EXPECT_EQ(CliName(name), expected) << name;
    ++checked;
  }
  EXPECT_GT(checked, 150);
}

}  // namespace
}  // namespace iotjobs::cli
