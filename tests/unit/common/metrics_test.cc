#include "common/metrics.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <thread>
#include <vector>

namespace iotjobs::metrics {
namespace {

TEST(MetricsTest, CounterAndGaugeRenderWithHelpTypeAndLabels) {
  Registry r;
  r.GetCounter("things_total", "Things counted.", {{"kind", "a"}}).Inc(3);
  r.GetCounter("things_total", "Things counted.", {{"kind", "b"}}).Inc();
  r.GetGauge("level", "A level.").Set(2.5);
  EXPECT_EQ(r.Render(),
            "# HELP things_total Things counted.\n"
            "# TYPE things_total counter\n"
            "things_total{kind=\"a\"} 3\n"
            "things_total{kind=\"b\"} 1\n"
            "# HELP level A level.\n"
            "# TYPE level gauge\n"
            "level 2.5\n");
}

TEST(MetricsTest, DeclaringTwiceReturnsTheSameSeries) {
  Registry r;
  Counter& a = r.GetCounter("c_total", "C.", {{"x", "1"}});
  Counter& b = r.GetCounter("c_total", "C.", {{"x", "1"}});
  EXPECT_EQ(&a, &b);
  EXPECT_NE(&a, &r.GetCounter("c_total", "C.", {{"x", "2"}}));
  EXPECT_THROW(r.GetGauge("c_total", "C."), std::logic_error);
}

TEST(MetricsTest, HistogramBucketsAreCumulativeWithInfSumAndCount) {
  Registry r;
  Histogram& h = r.GetHistogram("latency_seconds", "Latency.", {0.5, 1}, {{"plane", "iot"}});
  h.Observe(0.25);
  h.Observe(0.5);  // a bound is inclusive (le)
  h.Observe(0.75);
  h.Observe(7);
  EXPECT_EQ(r.Render(),
            "# HELP latency_seconds Latency.\n"
            "# TYPE latency_seconds histogram\n"
            "latency_seconds_bucket{plane=\"iot\",le=\"0.5\"} 2\n"
            "latency_seconds_bucket{plane=\"iot\",le=\"1\"} 3\n"
            "latency_seconds_bucket{plane=\"iot\",le=\"+Inf\"} 4\n"
            "latency_seconds_sum{plane=\"iot\"} 8.5\n"
            "latency_seconds_count{plane=\"iot\"} 4\n");
}

TEST(MetricsTest, EmptyHistogramWithoutLabels) {
  Registry r;
  r.GetHistogram("size", "Size.", {1, 2});
  EXPECT_EQ(r.Render(),
            "# HELP size Size.\n"
            "# TYPE size histogram\n"
            "size_bucket{le=\"1\"} 0\n"
            "size_bucket{le=\"2\"} 0\n"
            "size_bucket{le=\"+Inf\"} 0\n"
            "size_sum 0\n"
            "size_count 0\n");
}

TEST(MetricsTest, EscapesLabelValuesAndHelp) {
  EXPECT_EQ(EscapeLabelValue("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
  Registry r;
  r.GetGauge("g", "Line one\nback\\slash", {{"v", "q\""}}).Set(1);
  EXPECT_EQ(r.Render(),
            "# HELP g Line one\\nback\\\\slash\n"
            "# TYPE g gauge\n"
            "g{v=\"q\\\"\"} 1\n");
}

TEST(MetricsTest, FormatsValues) {
  EXPECT_EQ(FormatValue(0), "0");
  EXPECT_EQ(FormatValue(-3), "-3");
  EXPECT_EQ(FormatValue(0.0005), "0.0005");
  EXPECT_EQ(FormatValue(1e20), "1e+20");
  EXPECT_EQ(FormatValue(1.0 / 0.0), "+Inf");
  EXPECT_EQ(FormatValue(-1.0 / 0.0), "-Inf");
  EXPECT_EQ(FormatValue(0.0 / 0.0), "NaN");
}

TEST(MetricsTest, ConcurrentUpdatesAreNotLost) {
  Registry r;
  Counter& c = r.GetCounter("n_total", "N.");
  Gauge& g = r.GetGauge("g", "G.");
  Histogram& h = r.GetHistogram("h", "H.", {10});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        c.Inc();
        g.Add(1);
        h.Observe(1);
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(c.Value(), 40000u);
  EXPECT_EQ(g.Value(), 40000);
  Histogram::Snapshot s = h.Read();
  EXPECT_EQ(s.count, 40000u);
  EXPECT_EQ(s.cumulative[0], 40000u);
  EXPECT_EQ(s.sum, 40000);
}

}  // namespace
}  // namespace iotjobs::metrics
