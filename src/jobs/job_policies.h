#pragma once

#include <optional>

#include "jobs/job.h"
#include "jobs/job_execution.h"

// What a job's configurations decide when one of its executions finishes: whether to retry
// it (jobExecutionsRetryConfig) and whether the job must be aborted (abortConfig).
namespace iotjobs::jobs {

// Finished executions of one job on one thing, by outcome, this one included.
struct AttemptCounts {
  int failed = 0;
  int timed_out = 0;
};

// True when `finished` (FAILED or TIMED_OUT) gets another attempt: the job is still in
// progress and the retry criteria for its failure type (or ALL) allow more retries than the
// attempts of that type made so far; at most 10 retries per thing in all. REJECTED, REMOVED
// and CANCELED are never retried (docs/aws-behaviour.md, "Retries" and D13).
bool ShouldRetry(const Job& job, const JobExecution& finished, const AttemptCounts& attempts);

// True when one of the abort criteria is met: at least minNumberOfExecutedThings executions
// finished, and the share of them that failed in the criteria's way (FAILED, REJECTED,
// TIMED_OUT or ALL of these) reached thresholdPercentage.
bool ShouldAbort(const Job& job);

}  // namespace iotjobs::jobs
