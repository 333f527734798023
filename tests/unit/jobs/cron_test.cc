#include "jobs/cron.h"

#include <gtest/gtest.h>

#include "common/time_format.h"
#include "jobs/maintenance_windows.h"

namespace iotjobs::jobs {
namespace {

EpochMillis At(const char* iso) { return *ParseIsoDateTime(iso); }

// The next `n` occurrences of `expr` after `from`, as "YYYY-MM-DDTHH:MM".
std::vector<std::string> Next(const char* expr, const char* from, int n) {
  auto cron = CronSchedule::Parse(expr);
  EXPECT_TRUE(cron.ok()) << expr << ": " << cron.status().message();
  std::vector<std::string> out;
  if (!cron.ok()) return out;
  EpochMillis t = At(from);
  for (int i = 0; i < n; ++i) {
    auto next = cron.value().NextAfter(t);
    if (!next) break;
    out.push_back(FormatIsoDateTime(*next));
    t = *next;
  }
  return out;
}

using V = std::vector<std::string>;

// AWS's documented examples of scheduled expressions, and their meaning.
TEST(CronSchedule, AwsDocumentedExamples) {
  // 10:15 UTC every day.
  EXPECT_EQ(Next("cron(15 10 * * ? *)", "2026-12-06T10:15", 2),
            (V{"2026-12-07T10:15", "2026-12-08T10:15"}));
  // 18:00 Monday to Friday (2026-12-05 is a Saturday).
  EXPECT_EQ(Next("cron(0 18 ? * MON-FRI *)", "2026-12-05T00:00", 3),
            (V{"2026-12-07T18:00", "2026-12-08T18:00", "2026-12-09T18:00"}));
  // 08:00 on the first day of every month.
  EXPECT_EQ(Next("cron(0 8 1 * ? *)", "2026-12-06T00:00", 2),
            (V{"2027-01-01T08:00", "2027-02-01T08:00"}));
  // Every 10 minutes, Monday to Friday.
  EXPECT_EQ(Next("cron(0/10 * ? * MON-FRI *)", "2026-12-04T23:45", 3),
            (V{"2026-12-04T23:50", "2026-12-07T00:00", "2026-12-07T00:10"}));
  // Every 5 minutes between 08:00 and 17:55, Monday to Friday.
  EXPECT_EQ(Next("cron(0/5 8-17 ? * MON-FRI *)", "2026-12-07T17:52", 2),
            (V{"2026-12-07T17:55", "2026-12-08T08:00"}));
  // 09:00 on the first Monday of each month.
  EXPECT_EQ(Next("cron(0 9 ? * 2#1 *)", "2026-12-06T00:00", 2),
            (V{"2026-12-07T09:00", "2027-01-04T09:00"}));
}

TEST(CronSchedule, SpecialCharacters) {
  // The last day of the month, February of a leap year included.
  EXPECT_EQ(Next("cron(0 0 L * ? *)", "2028-01-31T00:00", 2),
            (V{"2028-02-29T00:00", "2028-03-31T00:00"}));
  // The last weekday of the month (2027-01-31 is a Sunday).
  EXPECT_EQ(Next("cron(0 0 LW * ? *)", "2027-01-01T00:00", 1), (V{"2027-01-29T00:00"}));
  // The weekday nearest the 1st: a Saturday 1st moves forward to Monday the 3rd.
  EXPECT_EQ(Next("cron(0 0 1W * ? *)", "2027-04-15T00:00", 1), (V{"2027-05-03T00:00"}));
  // The last Friday of the month.
  EXPECT_EQ(Next("cron(30 2 ? * 6L *)", "2026-12-01T00:00", 2),
            (V{"2026-12-25T02:30", "2027-01-29T02:30"}));
  // Lists, names in any case, a range that wraps past Saturday.
  EXPECT_EQ(Next("cron(0 6,18 ? * sat-sun *)", "2026-12-04T00:00", 4),
            (V{"2026-12-05T06:00", "2026-12-05T18:00", "2026-12-06T06:00", "2026-12-06T18:00"}));
  EXPECT_EQ(Next("cron(0 0 ? * FRI-MON *)", "2026-12-07T12:00", 2),
            (V{"2026-12-11T00:00", "2026-12-12T00:00"}));
  // Only in one year; none after it.
  EXPECT_EQ(Next("cron(0 0 1 JAN ? 2027)", "2026-06-01T00:00", 3), (V{"2027-01-01T00:00"}));
  // Strictly after: an occurrence at `after` itself is not the next one.
  EXPECT_EQ(Next("cron(0 12 * * ? *)", "2026-12-06T12:00", 1), (V{"2026-12-07T12:00"}));
}

TEST(CronSchedule, RefusesWhatAwsRefuses) {
  for (const char* bad : {
           "0 2 ? * SAT *",              // no cron( )
           "cron(0 2 ? * SAT)",          // five fields
           "cron(0 2 ? * SAT * *)",      // seven fields
           "cron(0 2 * * * *)",          // neither day field is ?
           "cron(0 2 ? * ? *)",          // both are
           "cron(60 2 ? * SAT *)",       // minute out of range
           "cron(0 24 ? * SAT *)",       // hour out of range
           "cron(0 2 32 * ? *)",         // day out of range
           "cron(0 2 ? 13 SAT *)",       // month out of range
           "cron(0 2 ? * 8 *)",          // weekday out of range
           "cron(0 2 ? * SAT 1969)",     // year out of range
           "cron(0 2 ? * FUN *)",        // not a name
           "cron(0/0 2 ? * SAT *)",      // step 0
           "cron(0 2 ? * SAT#6 *)",      // sixth Saturday
           "cron(0 2, ? * SAT *)",       // empty list item
           "cron(? 2 1 * ? *)",          // ? in minutes
           "rate(5 minutes)",
       }) {
    auto r = CronSchedule::Parse(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), ErrorCode::kInvalidRequest) << bad;
    }
  }
  auto r = CronSchedule::Parse("cron(61 2 ? * SAT *)");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("Minutes"), std::string::npos) << r.status().message();
}

TEST(MaintenanceWindows, OpenWindowAndNextStarts) {
  // Every day 02:00-03:00, and Saturdays 12:00-12:30.
  std::vector<MaintenanceWindow> w{{"cron(0 2 * * ? *)", 60}, {"cron(0 12 ? * SAT *)", 30}};
  EXPECT_FALSE(OpenWindowEnd(w, At("2026-12-06T01:59")));
  EXPECT_EQ(OpenWindowEnd(w, At("2026-12-06T02:00")), At("2026-12-06T03:00"));
  EXPECT_EQ(OpenWindowEnd(w, At("2026-12-06T02:59")), At("2026-12-06T03:00"));
  EXPECT_FALSE(OpenWindowEnd(w, At("2026-12-06T03:00")));  // the end is not in the window
  EXPECT_EQ(OpenWindowEnd(w, At("2026-12-12T12:10")), At("2026-12-12T12:30"));
  auto starts = NextWindowStarts(w, At("2026-12-10T05:00"), std::nullopt, 4);
  std::vector<std::string> text;
  for (auto t : starts) text.push_back(FormatIsoDateTime(t));
  EXPECT_EQ(text, (V{"2026-12-11T02:00", "2026-12-12T02:00", "2026-12-12T12:00",
                     "2026-12-13T02:00"}));
  // Before a limit (the job's endTime).
  EXPECT_EQ(NextWindowStarts(w, At("2026-12-10T05:00"), At("2026-12-12T02:00"), 7).size(), 1u);
}

TEST(MaintenanceWindows, OverlappingWindowsMakeOne) {
  // Every hour for 90 minutes: always open once started, followed up to the chain limit.
  std::vector<MaintenanceWindow> w{{"cron(0 * * * ? *)", 90}};
  auto end = OpenWindowEnd(w, At("2026-12-06T10:30"));
  ASSERT_TRUE(end);
  EXPECT_GE(*end - At("2026-12-06T10:30"), 2 * 24 * 3600 * 1000LL);
  // Two windows that touch.
  std::vector<MaintenanceWindow> touching{{"cron(0 1 * * ? *)", 60}, {"cron(0 2 * * ? *)", 30}};
  EXPECT_EQ(OpenWindowEnd(touching, At("2026-12-06T01:15")), At("2026-12-06T02:30"));
}

TEST(MaintenanceWindows, CheckNamesTheWindow) {
  std::vector<MaintenanceWindow> w{{"cron(0 2 * * ? *)", 60}, {"cron(0 2 * * * *)", 60}};
  Status s = CheckMaintenanceWindows(w, At("2026-12-06T00:00"));
  EXPECT_EQ(s.code(), ErrorCode::kInvalidRequest);
  EXPECT_NE(s.message().find("maintenanceWindows[1].startTime"), std::string::npos) << s.message();
  std::vector<MaintenanceWindow> past{{"cron(0 2 1 1 ? 2020)", 60}};
  EXPECT_NE(CheckMaintenanceWindows(past, At("2026-12-06T00:00")).message().find("never occurs"),
            std::string::npos);
  EXPECT_TRUE(CheckMaintenanceWindows({{"cron(0 2 * * ? *)", 60}}, At("2026-12-06T00:00")).ok());
}

}  // namespace
}  // namespace iotjobs::jobs
