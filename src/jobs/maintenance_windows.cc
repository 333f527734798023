#include "jobs/maintenance_windows.h"

#include <algorithm>

#include "jobs/cron.h"

namespace iotjobs::jobs {
namespace {

constexpr int64_t kMinuteMillis = 60'000;
// Windows that chain into each other (an every-minute cron, say) are followed this far ahead
// at most: the job is looked at again then, and the window found open again.
constexpr int64_t kChainLimitMillis = 2 * 24 * 60 * kMinuteMillis;

struct Parsed {
  CronSchedule cron;
  int64_t duration_millis;
};

std::vector<Parsed> ParseAll(const std::vector<MaintenanceWindow>& windows) {
  std::vector<Parsed> out;
  for (const auto& w : windows) {
    // Windows were checked when the job was created; one that no longer parses is skipped.
    auto cron = CronSchedule::Parse(w.start_time);
    if (cron.ok()) out.push_back({std::move(cron).value(), w.duration_in_minutes * kMinuteMillis});
  }
  return out;
}

}  // namespace

Status CheckMaintenanceWindows(const std::vector<MaintenanceWindow>& windows, EpochMillis now) {
  for (size_t i = 0; i < windows.size(); ++i) {
    std::string name = "maintenanceWindows[" + std::to_string(i) + "].startTime";
    auto cron = CronSchedule::Parse(windows[i].start_time);
    if (!cron.ok()) {
      return InvalidRequest(name + " '" + windows[i].start_time +
                            "' is not a valid cron expression: " + cron.status().message() +
                            ". Example: cron(0 2 ? * SAT *).");
    }
    if (!cron.value().NextAfter(now)) {
      return InvalidRequest(name + " '" + windows[i].start_time + "' never occurs after now.");
    }
  }
  return Status::Ok();
}

std::optional<EpochMillis> OpenWindowEnd(const std::vector<MaintenanceWindow>& windows,
                                         EpochMillis now) {
  std::vector<Parsed> parsed = ParseAll(windows);
  std::optional<EpochMillis> end;
  // Occurrences that started in (now - duration, now] are open now; the latest one of each
  // window ends last.
  for (const auto& p : parsed) {
    std::optional<EpochMillis> s = p.cron.NextAfter(now - p.duration_millis);
    if (!s || *s > now) continue;
    for (auto next = p.cron.NextAfter(*s); next && *next <= now; next = p.cron.NextAfter(*s)) {
      s = next;
    }
    end = std::max(end.value_or(0), *s + p.duration_millis);
  }
  if (!end) return std::nullopt;
  // A window that opens before (or as) this one closes extends it. Each window's occurrences
  // are walked once, from `now`.
  std::vector<EpochMillis> cursor(parsed.size(), now);
  for (bool extended = true; extended && *end - now < kChainLimitMillis;) {
    extended = false;
    for (size_t i = 0; i < parsed.size(); ++i) {
      const Parsed& p = parsed[i];
      for (auto s = p.cron.NextAfter(cursor[i]); s && *s <= *end; s = p.cron.NextAfter(*s)) {
        cursor[i] = *s;
        if (*s + p.duration_millis > *end) {
          end = *s + p.duration_millis;
          extended = true;
        }
        if (*end - now >= kChainLimitMillis) break;
      }
    }
  }
  return end;
}

std::vector<EpochMillis> NextWindowStarts(const std::vector<MaintenanceWindow>& windows,
                                          EpochMillis after, std::optional<EpochMillis> before,
                                          size_t count) {
  std::vector<EpochMillis> out;
  for (const auto& p : ParseAll(windows)) {
    EpochMillis t = after;
    for (size_t i = 0; i < count; ++i) {
      auto s = p.cron.NextAfter(t);
      if (!s || (before && *s >= *before)) break;
      out.push_back(*s);
      t = *s;
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  if (out.size() > count) out.resize(count);
  return out;
}

}  // namespace iotjobs::jobs
