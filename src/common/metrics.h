#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Counters, gauges and histograms, and their rendering in the Prometheus text exposition
// format 0.0.4 (GET /metrics). Updating a metric is a few relaxed atomic operations and never
// takes a lock, so request threads can count freely; the registry's mutex is taken only when
// a series is declared (at start-up) and when the registry is rendered (a scrape).
namespace iotjobs::metrics {

// Label names and values, in the order they are rendered.
using Labels = std::vector<std::pair<std::string, std::string>>;

// Only goes up (Prometheus computes rates from it and takes a drop for a restart).
class Counter {
 public:
  void Inc(uint64_t n = 1) { value_.fetch_add(n, std::memory_order_relaxed); }
  uint64_t Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<uint64_t> value_{0};
};

// A value that goes up and down.
class Gauge {
 public:
  void Set(double v) { value_.store(v, std::memory_order_relaxed); }
  void Add(double d) { value_.fetch_add(d, std::memory_order_relaxed); }
  double Value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0};
};

// Counts observations into buckets with fixed upper bounds (plus one above the last bound),
// and keeps their sum.
class Histogram {
 public:
  // `bounds`: the buckets' upper bounds (inclusive), ascending.
  explicit Histogram(std::vector<double> bounds);

  void Observe(double v);

  struct Snapshot {
    std::vector<uint64_t> cumulative;  // per bound, then +Inf (== count)
    uint64_t count = 0;
    double sum = 0;
  };
  // Each bucket is read once; the count is their total, so +Inf always equals _count even
  // while other threads observe.
  Snapshot Read() const;
  const std::vector<double>& bounds() const { return bounds_; }

 private:
  std::vector<double> bounds_;
  std::unique_ptr<std::atomic<uint64_t>[]> buckets_;  // bounds_.size() + 1, not cumulative
  std::atomic<double> sum_{0};
};

// Seconds from `start` to now, for the latency histograms.
inline double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Bucket bounds for latencies in seconds: 0.5 ms to 10 s.
std::vector<double> LatencyBuckets();

// A set of metric families, rendered in the order they were first declared. A family is a
// name, a help text and a type; each distinct set of labels is one series of it.
class Registry {
 public:
  // Declares a series (a family on its first series), or returns the one already declared
  // with that name and labels: declaring is idempotent. Metrics live as long as the registry.
  // A name declared before with another type or other histogram bounds is a programming
  // error (std::logic_error).
  Counter& GetCounter(std::string_view name, std::string_view help, const Labels& labels = {});
  Gauge& GetGauge(std::string_view name, std::string_view help, const Labels& labels = {});
  Histogram& GetHistogram(std::string_view name, std::string_view help,
                          const std::vector<double>& bounds, const Labels& labels = {});

  // The whole registry in the text exposition format 0.0.4.
  std::string Render() const;

 private:
  enum class Type { kCounter, kGauge, kHistogram };
  struct Series {
    Labels labels;
    std::unique_ptr<Counter> counter;
    std::unique_ptr<Gauge> gauge;
    std::unique_ptr<Histogram> histogram;
  };
  struct Family {
    std::string name;
    std::string help;
    Type type;
    std::deque<Series> series;
  };
  Series& Find(std::string_view name, std::string_view help, Type type, const Labels& labels);

  mutable std::mutex mu_;
  std::deque<Family> families_;  // GUARDED_BY(mu_)
};

// Text format helpers, exposed for tests.
// A sample value: integers without a fraction, others in the shortest form that reads back
// the same; NaN and the infinities as Prometheus spells them.
std::string FormatValue(double v);
// A label value with \ " and newline escaped.
std::string EscapeLabelValue(std::string_view v);

}  // namespace iotjobs::metrics
