#include "common/metrics.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace iotjobs::metrics {

Histogram::Histogram(std::vector<double> bounds)
    : bounds_(std::move(bounds)),
      buckets_(std::make_unique<std::atomic<uint64_t>[]>(bounds_.size() + 1)) {
  for (size_t i = 0; i <= bounds_.size(); ++i) buckets_[i].store(0, std::memory_order_relaxed);
}

void Histogram::Observe(double v) {
  // The first bound >= v: buckets are "less than or equal" (le) in Prometheus.
  size_t i = std::lower_bound(bounds_.begin(), bounds_.end(), v) - bounds_.begin();
  buckets_[i].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(v, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::Read() const {
  Snapshot s;
  s.cumulative.reserve(bounds_.size() + 1);
  uint64_t total = 0;
  for (size_t i = 0; i <= bounds_.size(); ++i) {
    total += buckets_[i].load(std::memory_order_relaxed);
    s.cumulative.push_back(total);
  }
  s.count = total;
  s.sum = sum_.load(std::memory_order_relaxed);
  return s;
}

std::vector<double> LatencyBuckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

Registry::Series& Registry::Find(std::string_view name, std::string_view help, Type type,
                                 const Labels& labels) {
  auto family = std::find_if(families_.begin(), families_.end(),
                             [&](const Family& f) { return f.name == name; });
  if (family == families_.end()) {
    families_.push_back(Family{std::string(name), std::string(help), type, {}});
    family = families_.end() - 1;
  } else if (family->type != type) {
    throw std::logic_error("metric " + std::string(name) + " declared with two types");
  }
  for (Series& s : family->series) {
    if (s.labels == labels) return s;
  }
  family->series.push_back(Series{labels, nullptr, nullptr, nullptr});
  return family->series.back();
}

Counter& Registry::GetCounter(std::string_view name, std::string_view help,
                              const Labels& labels) {
  std::lock_guard lock(mu_);
  Series& s = Find(name, help, Type::kCounter, labels);
  if (!s.counter) s.counter = std::make_unique<Counter>();
  return *s.counter;
}

Gauge& Registry::GetGauge(std::string_view name, std::string_view help, const Labels& labels) {
  std::lock_guard lock(mu_);
  Series& s = Find(name, help, Type::kGauge, labels);
  if (!s.gauge) s.gauge = std::make_unique<Gauge>();
  return *s.gauge;
}

Histogram& Registry::GetHistogram(std::string_view name, std::string_view help,
                                  const std::vector<double>& bounds, const Labels& labels) {
  std::lock_guard lock(mu_);
  Series& s = Find(name, help, Type::kHistogram, labels);
  if (!s.histogram) {
    s.histogram = std::make_unique<Histogram>(bounds);
  } else if (s.histogram->bounds() != bounds) {
    throw std::logic_error("histogram " + std::string(name) + " declared with two bucket sets");
  }
  return *s.histogram;
}

std::string FormatValue(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[64];
  // Whole numbers (counts, most gauges) without an exponent, up to 2^53 where doubles stay exact.
  if (v == std::trunc(v) && std::fabs(v) < 9007199254740992.0) {
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, static_cast<int64_t>(v));
    return std::string(buf, end);
  }
  // Bucket bounds and latencies read better as 0.0005 than as 5e-04: plain decimals (still
  // the shortest that reads back the same) across the usual range, exponents beyond it.
  const double a = std::fabs(v);
  auto [end, ec] = a >= 1e-6 && a < 1e15
                       ? std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed)
                       : std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

std::string EscapeLabelValue(std::string_view v) {
  std::string out;
  out.reserve(v.size());
  for (char c : v) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '"') {
      out += "\\\"";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// HELP text escapes only \ and newline.
std::string EscapeHelp(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

// {a="x",b="y"} with `extra` (le="...") last; empty when there are no labels at all.
std::string LabelSet(const Labels& labels, std::string_view extra_name = {},
                     std::string_view extra_value = {}) {
  if (labels.empty() && extra_name.empty()) return "";
  std::string out = "{";
  bool first = true;
  for (const auto& [k, v] : labels) {
    if (!first) out += ',';
    first = false;
    out += k;
    out += "=\"";
    out += EscapeLabelValue(v);
    out += '"';
  }
  if (!extra_name.empty()) {
    if (!first) out += ',';
    out += extra_name;
    out += "=\"";
    out += extra_value;
    out += '"';
  }
  return out + "}";
}

void Sample(std::string& out, std::string_view name, std::string_view suffix,
            const std::string& labels, const std::string& value) {
  out += name;
  out += suffix;
  out += labels;
  out += ' ';
  out += value;
  out += '\n';
}

}  // namespace

std::string Registry::Render() const {
  std::lock_guard lock(mu_);
  std::string out;
  for (const Family& f : families_) {
    const char* type = f.type == Type::kCounter ? "counter"
                       : f.type == Type::kGauge ? "gauge"
                                                : "histogram";
    out += "# HELP " + f.name + " " + EscapeHelp(f.help) + "\n";
    out += "# TYPE " + f.name + " " + type + "\n";
    for (const Series& s : f.series) {
      if (s.counter) {
        Sample(out, f.name, "", LabelSet(s.labels), std::to_string(s.counter->Value()));
      } else if (s.gauge) {
        Sample(out, f.name, "", LabelSet(s.labels), FormatValue(s.gauge->Value()));
      } else if (s.histogram) {
        Histogram::Snapshot snap = s.histogram->Read();
        const std::vector<double>& bounds = s.histogram->bounds();
        for (size_t i = 0; i < bounds.size(); ++i) {
          Sample(out, f.name, "_bucket", LabelSet(s.labels, "le", FormatValue(bounds[i])),
                 std::to_string(snap.cumulative[i]));
        }
        Sample(out, f.name, "_bucket", LabelSet(s.labels, "le", "+Inf"),
               std::to_string(snap.count));
        Sample(out, f.name, "_sum", LabelSet(s.labels), FormatValue(snap.sum));
        Sample(out, f.name, "_count", LabelSet(s.labels), std::to_string(snap.count));
      }
    }
  }
  return out;
}

}  // namespace iotjobs::metrics
