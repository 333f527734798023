#include "jobs/job.h"

#include <algorithm>
#include <cassert>

#include "common/time_format.h"
#include "jobs/arn.h"
#include "jobs/maintenance_windows.h"

namespace iotjobs::jobs {

std::string_view ToString(JobStatus status) {
  switch (status) {
    case JobStatus::kInProgress: return "IN_PROGRESS";
    case JobStatus::kCanceled: return "CANCELED";
    case JobStatus::kCompleted: return "COMPLETED";
    case JobStatus::kDeletionInProgress: return "DELETION_IN_PROGRESS";
    case JobStatus::kScheduled: return "SCHEDULED";
  }
  return "IN_PROGRESS";
}

std::optional<JobStatus> ParseJobStatus(std::string_view text) {
  for (JobStatus s : {JobStatus::kInProgress, JobStatus::kCanceled, JobStatus::kCompleted,
                      JobStatus::kDeletionInProgress, JobStatus::kScheduled}) {
    if (ToString(s) == text) return s;
  }
  return std::nullopt;
}

std::string_view ToString(TargetSelection selection) {
  return selection == TargetSelection::kContinuous ? "CONTINUOUS" : "SNAPSHOT";
}

std::optional<TargetSelection> ParseTargetSelection(std::string_view text) {
  if (text == "CONTINUOUS") return TargetSelection::kContinuous;
  if (text == "SNAPSHOT") return TargetSelection::kSnapshot;
  return std::nullopt;
}

int64_t& JobProcessDetails::For(ExecutionStatus status) {
  switch (status) {
    case ExecutionStatus::kQueued: return queued;
    case ExecutionStatus::kInProgress: return in_progress;
    case ExecutionStatus::kSucceeded: return succeeded;
    case ExecutionStatus::kFailed: return failed;
    case ExecutionStatus::kTimedOut: return timed_out;
    case ExecutionStatus::kRejected: return rejected;
    case ExecutionStatus::kRemoved: return removed;
    case ExecutionStatus::kCanceled: return canceled;
  }
  return queued;
}

int64_t JobProcessDetails::Total() const {
  return canceled + succeeded + failed + rejected + queued + in_progress + removed + timed_out;
}

void CountChange(JobProcessDetails& details, std::optional<ExecutionStatus> from,
                 std::optional<ExecutionStatus> to) {
  if (from) {
    int64_t& n = details.For(*from);
    assert(n > 0 && "counter would go negative");
    --n;
  }
  if (to) ++details.For(*to);
}

JobProcessDetails& operator+=(JobProcessDetails& a, const JobProcessDetails& b) {
  a.canceled += b.canceled;
  a.succeeded += b.succeeded;
  a.failed += b.failed;
  a.rejected += b.rejected;
  a.queued += b.queued;
  a.in_progress += b.in_progress;
  a.removed += b.removed;
  a.timed_out += b.timed_out;
  return a;
}

void CountChange(Job& job, std::optional<ExecutionStatus> from,
                 std::optional<ExecutionStatus> to) {
  if (from) --job.unsaved_counts.For(*from);
  if (to) ++job.unsaved_counts.For(*to);
  if (job.counts_known) CountChange(job.process_details, from, to);
}

bool ShouldComplete(const Job& job) {
  return job.status == JobStatus::kInProgress &&
         (job.target_selection == TargetSelection::kSnapshot || job.scheduled_end_applied) &&
         !job.rollout &&
         job.process_details.queued == 0 && job.process_details.in_progress == 0;
}

bool HasMaintenanceWindows(const Job& job) {
  return job.scheduling_config && !job.scheduling_config->maintenance_windows.empty();
}

bool InsideMaintenanceWindow(const Job& job, EpochMillis now) {
  return !HasMaintenanceWindows(job) ||
         OpenWindowEnd(job.scheduling_config->maintenance_windows, now).has_value();
}

std::vector<EpochMillis> ScheduledRollouts(const Job& job, EpochMillis now) {
  if (!HasMaintenanceWindows(job) ||
      (job.status != JobStatus::kScheduled && job.status != JobStatus::kInProgress) ||
      job.scheduled_end_applied) {
    return {};
  }
  const SchedulingConfig& c = *job.scheduling_config;
  EpochMillis after = now;
  if (c.start_time) {
    // A window that opens exactly at the start time is the first rollout.
    if (auto start = ParseIsoDateTime(*c.start_time)) after = std::max(after, *start - 1);
  }
  std::optional<EpochMillis> before;
  if (c.end_time) before = ParseIsoDateTime(*c.end_time);
  return NextWindowStarts(c.maintenance_windows, after, before, 7);
}

std::optional<EpochMillis> NextActionAt(const Job& job, EpochMillis now) {
  std::optional<EpochMillis> at;
  auto earliest = [&at](EpochMillis t) { at = at ? std::min(*at, t) : t; };
  const bool windows = HasMaintenanceWindows(job);
  switch (job.status) {
    case JobStatus::kScheduled: {
      std::optional<EpochMillis> start;
      if (job.scheduling_config && job.scheduling_config->start_time) {
        start = ParseIsoDateTime(*job.scheduling_config->start_time);
      }
      if (start && *start > now) {
        earliest(*start);
      } else if (windows) {
        // Started (or due to): it rolls out when a window is open.
        const auto& w = job.scheduling_config->maintenance_windows;
        if (OpenWindowEnd(w, now)) {
          earliest(now);
        } else if (auto next = NextWindowStarts(w, now, std::nullopt, 1); !next.empty()) {
          earliest(next.front());
        }
      } else if (start) {
        earliest(*start);
      }
      break;
    }
    case JobStatus::kInProgress:
      if (windows && (job.rollout || job.target_selection == TargetSelection::kContinuous)) {
        // It goes back to SCHEDULED when its window closes.
        auto end = OpenWindowEnd(job.scheduling_config->maintenance_windows, now);
        earliest(end.value_or(now));
        if (end && job.rollout) earliest(NextReleaseAt(*job.rollout, now));
      } else if (job.rollout) {
        earliest(NextReleaseAt(*job.rollout, now));
      }
      break;
    case JobStatus::kDeletionInProgress:
      earliest(now);
      break;
    case JobStatus::kCanceled:
    case JobStatus::kCompleted:
      break;
  }
  if ((job.status == JobStatus::kScheduled || job.status == JobStatus::kInProgress) &&
      !job.scheduled_end_applied && job.scheduling_config && job.scheduling_config->end_time) {
    if (auto end = ParseIsoDateTime(*job.scheduling_config->end_time)) earliest(*end);
  }
  return at;
}

bool FromManagedTemplate(const Job& job) {
  if (!job.job_template_arn) return false;
  auto arn = ParseArn(*job.job_template_arn);
  return arn && arn->kind == ResourceKind::kJobTemplate && arn->account_id.empty();
}

}  // namespace iotjobs::jobs
