#include "cli/output/cli_timestamp.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include "golden.h"

namespace iotjobs::cli::output {
namespace {

namespace json = boost::json;

// Epoch values render in the local zone, so each test pins TZ.
class CliTimestampTest : public ::testing::Test {
 protected:
  void SetUp() override { SetZone("UTC"); }
  void TearDown() override { SetZone("UTC"); }
  static void SetZone(const char* zone) {
    setenv("TZ", zone, 1);
    tzset();
  }
};

// parse_timestamp(value).isoformat() run by make_golden.py in each zone, around DST changes
// and in years whose rules differ from today's.
TEST_F(CliTimestampTest, MatchesAwsCliGoldenInManyZones) {
  const json::value golden = golden::Load("timestamps.json");
  ASSERT_TRUE(golden.is_array());
  int passed = 0;
  for (const json::value& item : golden.get_array()) {
    const json::object& c = item.get_object();
    SetZone(c.at("tz").as_string().c_str());
    const std::optional<std::string> got = CliTimestamp(c.at("input"));
    const std::optional<std::string> expected =
        c.at("expected").is_null() ? std::nullopt
                                   : std::optional<std::string>(c.at("expected").as_string());
    if (got == expected) {
      ++passed;
    } else {
      ADD_FAILURE() << c.at("tz").as_string() << " " << json::serialize(c.at("input"))
                    << ": expected " << expected.value_or("(fails)") << ", got "
                    << got.value_or("(fails)");
    }
  }
  std::cout << "[ golden   ] timestamps.json: " << passed << "/" << golden.get_array().size()
            << " cases pass\n";
}

TEST_F(CliTimestampTest, EpochSecondsLikeDatetimeFromtimestamp) {
  EXPECT_EQ(CliTimestamp(json::value(1560787023.636)), "2019-06-17T15:57:03.636000+00:00");
  EXPECT_EQ(CliTimestamp(json::value(1560787023)), "2019-06-17T15:57:03+00:00");
  EXPECT_EQ(CliTimestamp(json::value(-1.5)), "1969-12-31T23:59:58.500000+00:00");
  EXPECT_EQ(CliTimestamp(json::value(1560787023.9999996)), "2019-06-17T15:57:04+00:00");
  EXPECT_EQ(CliTimestamp(json::value(true)), "1970-01-01T00:00:01+00:00");
}

TEST_F(CliTimestampTest, MicrosecondsRoundHalfToEven) {
  EXPECT_EQ(CliTimestamp(json::value(0.0000005)), "1970-01-01T00:00:00+00:00");
  EXPECT_EQ(CliTimestamp(json::value(0.0000015)), "1970-01-01T00:00:00.000002+00:00");
}

TEST_F(CliTimestampTest, NumericStringsAreEpochSeconds) {
  EXPECT_EQ(CliTimestamp(json::value(" 1_560_787_023.5 ")), "2019-06-17T15:57:03.500000+00:00");
}

TEST_F(CliTimestampTest, EpochUsesTheLocalZone) {
  SetZone("Europe/Paris");
  EXPECT_EQ(CliTimestamp(json::value(1560787023)), "2019-06-17T17:57:03+02:00");
  EXPECT_EQ(CliTimestamp(json::value(1547726223)), "2019-01-17T12:57:03+01:00");
  SetZone("Asia/Kolkata");
  EXPECT_EQ(CliTimestamp(json::value(0)), "1970-01-01T05:30:00+05:30");
  SetZone("America/St_Johns");
  EXPECT_EQ(CliTimestamp(json::value(1560787023)), "2019-06-17T13:27:03-02:30");
  SetZone("Europe/Moscow");  // +04:00 in 2012, but Python only knows today's +03:00
  EXPECT_EQ(CliTimestamp(json::value(1350000000)), "2012-10-12T03:00:00+03:00");
}

TEST_F(CliTimestampTest, IsoStringsKeepTheirOwnOffset) {
  SetZone("Europe/Paris");
  EXPECT_EQ(CliTimestamp(json::value("2019-06-17T15:57:03Z")), "2019-06-17T15:57:03+00:00");
  EXPECT_EQ(CliTimestamp(json::value("2019-06-17T15:57:03-0530")), "2019-06-17T15:57:03-05:30");
  EXPECT_EQ(CliTimestamp(json::value("2019-06-17T15:57:03.1234567Z")),
            "2019-06-17T15:57:03.123456+00:00");
  EXPECT_EQ(CliTimestamp(json::value("2019-06-17")), "2019-06-17T00:00:00");
  EXPECT_EQ(CliTimestamp(json::value("Mon, 17 Jun 2019 15:57:03 GMT")),
            "2019-06-17T15:57:03+00:00");
  EXPECT_EQ(CliTimestamp(json::value("20190617T155703Z")), "2019-06-17T15:57:03+00:00");
}

TEST_F(CliTimestampTest, WhatPythonRejectsIsNullopt) {
  EXPECT_EQ(CliTimestamp(json::value("tomorrow")), std::nullopt);
  EXPECT_EQ(CliTimestamp(json::value("2019-02-30")), std::nullopt);
  EXPECT_EQ(CliTimestamp(json::value(1e20)), std::nullopt);  // year > 9999
  EXPECT_EQ(CliTimestamp(json::value(nullptr)), std::nullopt);
  EXPECT_EQ(CliTimestamp(json::array{1}), std::nullopt);
}

}  // namespace
}  // namespace iotjobs::cli::output
