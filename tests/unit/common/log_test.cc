#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "common/log.h"
#include "common/log_format.h"

namespace iotjobs::log {
namespace {

class LogTest : public ::testing::Test {
 protected:
  void TearDown() override { SetFormat(Format::kText); }

  // The one line `write` leaves on stderr, without its newline.
  template <typename Fn>
  static std::string Captured(Fn write) {
    ::testing::internal::CaptureStderr();
    write();
    std::string out = ::testing::internal::GetCapturedStderr();
    EXPECT_EQ(out.back(), '\n');
    EXPECT_EQ(out.find('\n'), out.size() - 1) << "one line: " << out;
    out.pop_back();
    return out;
  }
};

TEST_F(LogTest, JsonLinesEscapeEverythingAMessageHolds) {
  SetFormat(Format::kJson);
  std::string line = Captured([] { Write(Level::kWarn, "say \"hi\"\n\tback\\slash \xff end"); });
  boost::json::object o = boost::json::parse(line).as_object();
  EXPECT_EQ(o.at("level"), "WARN");
  EXPECT_EQ(o.at("message"), "say \"hi\"\n\tback\\slash \xEF\xBF\xBD end");  // U+FFFD
  EXPECT_EQ(o.at("time").as_string().size(), 24u);  // 2026-11-26T06:07:15.123Z
}

TEST_F(LogTest, JsonRequestLinesCarryTheirFields) {
  SetFormat(Format::kJson);
  std::string line = Captured([] {
    WriteRequest(Level::kInfo, {"rid-1", "PUT", "/jobs/j\"1", "CreateJob", "123456789012", 201,
                                2.5});
  });
  boost::json::object o = boost::json::parse(line).as_object();
  EXPECT_EQ(o.at("message"), "PUT /jobs/j\"1 201");
  EXPECT_EQ(o.at("requestId"), "rid-1");
  EXPECT_EQ(o.at("operation"), "CreateJob");
  EXPECT_EQ(o.at("account"), "123456789012");
  EXPECT_EQ(o.at("status"), 201);
  EXPECT_EQ(o.at("latencyMs").to_number<double>(), 2.5);

  line = Captured([] { WriteRequest(Level::kInfo, {"rid-2", "GET", "/x", "Unknown", "", 403, 0}); });
  EXPECT_TRUE(boost::json::parse(line).as_object().at("account").is_null());
}

TEST_F(LogTest, TextRequestLinesAreOneLine) {
  std::string line = Captured([] {
    WriteRequest(Level::kInfo, {"rid-1", "GET", "/things/a\nb", "DescribeThing", "", 404, 1.23456});
  });
  EXPECT_NE(line.find(" INFO request rid-1 DescribeThing account=- status=404 latencyMs=1.235 "
                      "GET /things/a?b"),
            std::string::npos)
      << line;
}

TEST_F(LogTest, FatalLinesKeepTheirTextFormAndBecomeJson) {
  EXPECT_EQ(Captured([] { WriteFatal("iotjobsd", "cannot listen"); }), "iotjobsd: cannot listen");
  SetFormat(Format::kJson);
  boost::json::object o =
      boost::json::parse(Captured([] { WriteFatal("iotjobsd", "cannot listen"); })).as_object();
  EXPECT_EQ(o.at("level"), "ERROR");
  EXPECT_EQ(o.at("message"), "iotjobsd: cannot listen");
}

}  // namespace
}  // namespace iotjobs::log
