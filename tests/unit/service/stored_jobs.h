#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/result.h"
#include "jobs/job.h"
#include "jobs/job_execution.h"
#include "store/store.h"

// Jobs and executions written straight to the store, for the unit tests of operations that
// find them already there (a thing or group operation reaching a job's executions): the rows
// CreateJob would have written, without running CreateJob.
namespace iotjobs::service::testing {

// A job as CreateJob stores it before it has executions: IN_PROGRESS, created at `now`.
inline jobs::Job StoredJob(std::string job_id, std::vector<std::string> targets,
                           jobs::TargetSelection selection, EpochMillis now) {
  jobs::Job job;
  job.job_id = std::move(job_id);
  job.targets = std::move(targets);
  job.document = R"({"operation":"install"})";
  job.target_selection = selection;
  job.status = jobs::JobStatus::kInProgress;
  job.created_at = now;
  job.last_updated_at = now;
  return job;
}

// Inserts `job` with a QUEUED execution number 1 on each of `things`, queued at `now` and
// counted in the job's jobProcessDetails; answers the job as stored.
inline Result<jobs::Job> InsertJobWithQueued(store::WriteTransaction& tx, jobs::Job job,
                                             const std::vector<std::string>& things,
                                             EpochMillis now) {
  job.process_details.queued += static_cast<int64_t>(things.size());
  IOTJOBS_RETURN_IF_ERROR(tx.InsertJob(job));
  for (const auto& thing : things) {
    jobs::JobExecution e;
    e.job_id = job.job_id;
    e.thing_name = thing;
    e.queued_at = now;
    e.last_updated_at = now;
    e.namespace_id = job.namespace_id;
    IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(e));
  }
  return job;
}

}  // namespace iotjobs::service::testing
