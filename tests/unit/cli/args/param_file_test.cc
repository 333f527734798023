#include "cli/args/param_file.h"

#include <gtest/gtest.h>
#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace iotjobs::cli::args {
namespace {

namespace fs = std::filesystem;

class ParamFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("param-file-" + std::to_string(::getpid()));
    fs::create_directories(dir_ / "sub");
    Write("text.txt", "a\r\nb\rc\n");
    Write("bad.txt", "\xff");
    Write("bin.dat", std::string("\x00\x01'", 3));
    Write("sub/x.txt", "nested");
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const std::string& name, const std::string& data) {
    std::ofstream(dir_ / name, std::ios::binary) << data;
  }
  std::string Path(const std::string& name) { return (dir_ / name).string(); }
  fs::path dir_;
};

TEST_F(ParamFileTest, TextWithUniversalNewlines) {
  auto r = LoadParamFile("file://" + Path("text.txt"));
  ASSERT_TRUE(r.ok());
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->text, "a\nb\nc\n");
}

TEST_F(ParamFileTest, BytesAsTheyAre) {
  auto r = LoadParamFile("fileb://" + Path("bin.dat"));
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->raw, std::string("\x00\x01'", 3));
  EXPECT_EQ(python::PyStr(**r), "b\"\\x00\\x01'\"");
}

TEST_F(ParamFileTest, OtherValuesAreNotFiles) {
  for (const char* v : {"https://example.com/x", "File://x", "file:/x", ""}) {
    auto r = LoadParamFile(v);
    ASSERT_TRUE(r.ok());
    EXPECT_FALSE(r->has_value()) << v;
  }
}

TEST_F(ParamFileTest, ErrorsInTheCliWording) {
  auto missing = LoadParamFile("file://" + Path("nope.txt"));
  EXPECT_EQ(missing.status().message(), "Unable to load paramfile file://" + Path("nope.txt") +
                                            ": [Errno 2] No such file or directory: '" +
                                            Path("nope.txt") + "'");
  auto dir = LoadParamFile("file://" + Path("sub"));
  EXPECT_EQ(dir.status().message(), "Unable to load paramfile file://" + Path("sub") +
                                        ": [Errno 21] Is a directory: '" + Path("sub") + "'");
  auto bad = LoadParamFile("file://" + Path("bad.txt"));
  EXPECT_EQ(bad.status().message(),
            "Unable to load paramfile (" + Path("bad.txt") +
                "), text contents could not be decoded.  If this is a binary file, please use "
                "the fileb:// prefix instead of the file:// prefix.");
}

TEST_F(ParamFileTest, ExpandsUserAndVariables) {
  ::setenv("PARAM_FILE_TEST_DIR", dir_.c_str(), 1);
  EXPECT_EQ(ExpandPath("$PARAM_FILE_TEST_DIR/sub/x.txt"), Path("sub/x.txt"));
  EXPECT_EQ(ExpandPath("${PARAM_FILE_TEST_DIR}/x"), Path("x"));
  EXPECT_EQ(ExpandPath("$NO_SUCH_VAR_HERE/x"), "$NO_SUCH_VAR_HERE/x");
  EXPECT_EQ(ExpandPath("a$/b${"), "a$/b${");
  std::string home = ::getenv("HOME") ? ::getenv("HOME") : "";
  ::setenv("HOME", (dir_.string() + "/").c_str(), 1);
  EXPECT_EQ(ExpandPath("~/sub"), Path("sub"));
  EXPECT_EQ(ExpandPath("~nosuchuser12345/x"), "~nosuchuser12345/x");
  ::setenv("HOME", home.c_str(), 1);
  auto r = LoadParamFile("file://$PARAM_FILE_TEST_DIR/sub/x.txt");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->text, "nested");
}

}  // namespace
}  // namespace iotjobs::cli::args
