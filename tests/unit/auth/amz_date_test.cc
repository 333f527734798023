#include "auth/amz_date.h"

#include <gtest/gtest.h>

namespace iotjobs::auth {
namespace {

constexpr EpochMillis kSuiteTime = 1440938160000;  // 2015-08-30T12:36:00Z, the suite's

TEST(AmzDateTest, Formats) {
  EXPECT_EQ(FormatAmzDate(kSuiteTime), "20150830T123600Z");
  EXPECT_EQ(FormatAmzDate(kSuiteTime + 999), "20150830T123600Z");  // milliseconds dropped
  EXPECT_EQ(FormatAmzDate(0), "19700101T000000Z");
  EXPECT_EQ(FormatAmzDate(951782400000), "20000229T000000Z");  // leap day
  EXPECT_EQ(FormatAmzDate(-1), "19691231T235959Z");
}

TEST(AmzDateTest, ParsesWhatItFormats) {
  EXPECT_EQ(ParseAmzDate("20150830T123600Z"), kSuiteTime);
  for (EpochMillis t : {EpochMillis{0}, kSuiteTime, EpochMillis{4102444799000}}) {
    EXPECT_EQ(ParseAmzDate(FormatAmzDate(t)), t);
  }
}

TEST(AmzDateTest, RefusesMalformedDates) {
  for (const char* bad :
       {"", "20150830", "20150830T123600", "20150830T123600ZZ", "20150830t123600Z",
        "2015083OT123600Z", "20151330T123600Z", "20150230T123600Z", "20150830T243600Z",
        "20150830T126000Z", "20150830T123660Z", "-0150830T123600Z", "20150830 123600Z",
        "2015-08-30T12:36:00Z"}) {
    EXPECT_FALSE(ParseAmzDate(bad).has_value()) << bad;
  }
}

TEST(HttpDateTest, ParsesImfFixdate) {
  EXPECT_EQ(ParseHttpDate("Sun, 30 Aug 2015 12:36:00 GMT"), kSuiteTime);
  EXPECT_EQ(ParseHttpDate("Tue, 01 Jan 1980 00:00:00 GMT"), 315532800000);
}

TEST(HttpDateTest, RefusesMalformedDates) {
  for (const char* bad : {"", "Sun, 30 Aug 2015 12:36:00", "Sun, 30 Foo 2015 12:36:00 GMT",
                          "Sun, 31 Sep 2015 12:36:00 GMT", "Sun, 30 Aug 2015 12:36:00 UTC",
                          "Sun 30 Aug 2015 12:36:00 GMT ", "Sunday, 30-Aug-15 12:36:00 GMT",
                          "Sun, 30 Aug 2015 12:36:0x GMT"}) {
    EXPECT_FALSE(ParseHttpDate(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace iotjobs::auth
