#include "jobs/job_policies.h"

namespace iotjobs::jobs {
namespace {
constexpr int kMaxRetriesPerThing = 10;
}  // namespace

bool ShouldRetry(const Job& job, const JobExecution& finished, const AttemptCounts& attempts) {
  if (!job.retry_config || job.status != JobStatus::kInProgress) return false;
  bool failed = finished.status == ExecutionStatus::kFailed;
  bool timed_out = finished.status == ExecutionStatus::kTimedOut;
  if (!failed && !timed_out) return false;
  if (finished.retry_attempt >= kMaxRetriesPerThing) return false;
  for (const RetryCriteria& c : job.retry_config->criteria_list) {
    int used;
    if (c.failure_type == "ALL") {
      used = attempts.failed + attempts.timed_out;
    } else if ((c.failure_type == "FAILED" && failed) || (c.failure_type == "TIMED_OUT" && timed_out)) {
      used = failed ? attempts.failed : attempts.timed_out;
    } else {
      continue;
    }
    // `used` counts this attempt too: retries left while used <= numberOfRetries.
    if (used <= c.number_of_retries) return true;
  }
  return false;
}

bool ShouldAbort(const Job& job) {
  // A job waiting between maintenance windows has started: its executions count as well.
  bool started = job.status == JobStatus::kInProgress ||
                 (job.status == JobStatus::kScheduled && job.rollout_started);
  if (!job.abort_config || !started) return false;
  const JobProcessDetails& d = job.process_details;
  int64_t executed = d.succeeded + d.failed + d.rejected + d.timed_out;
  for (const AbortCriteria& c : job.abort_config->criteria_list) {
    if (executed < c.min_number_of_executed_things || executed == 0) continue;
    int64_t failures = c.failure_type == "FAILED"      ? d.failed
                       : c.failure_type == "REJECTED"  ? d.rejected
                       : c.failure_type == "TIMED_OUT" ? d.timed_out
                                                       : d.failed + d.rejected + d.timed_out;
    if (static_cast<double>(failures) * 100.0 / static_cast<double>(executed) >=
        c.threshold_percentage) {
      return true;
    }
  }
  return false;
}

}  // namespace iotjobs::jobs
