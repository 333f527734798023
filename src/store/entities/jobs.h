#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "jobs/job.h"
#include "store/entities/page.h"

// Jobs, their documents and their thing-group targets (see things.h for what every entity
// interface promises).
namespace iotjobs::store {

struct JobFilter {
  std::optional<jobs::JobStatus> status;
  std::optional<jobs::TargetSelection> target_selection;
  std::optional<std::string> namespace_id;
  std::optional<std::string> thing_group_name;  // jobs that target this group
};

// A job the background worker must act on (scheduled start or end, rollout, deletion).
struct DueJob {
  std::string account_id;
  std::string job_id;
};

// A job's document as stored, with the documentParameters of a job made from an AWS managed
// template (absent for every other job): what the devices get is made from both
// (service/job_documents.h).
struct JobDocument {
  std::string document;
  std::optional<std::map<std::string, std::string>> parameters;
};

// How a store keeps a job's counters (jobProcessDetails): the job row's own plus one counter
// row per writer, added to by execution changes so that no change rewrites the job's row.
// Whether a change may also decide on the summed counters (complete or abort the job) in its
// own transaction depends on how many write (docs/architecture.md, "Job counters"; D71).
enum class JobDecisions {
  // One writer (SQLite): a change reads the summed counters and decides at once.
  kInline,
  // Several instances (PostgreSQL): reading every instance's counter row would make their
  // transactions conflict, so a change adds to its own row only and the background worker
  // decides for the jobs whose counters changed (ListJobCountChanges).
  kFolded,
};

// A job whose counters a writer changed: `seq` orders one writer's (`shard`'s) changes.
struct JobCountChange {
  std::string account_id;
  std::string job_id;
  int64_t shard = 0;
  int64_t seq = 0;
};

class JobReads {
 public:
  virtual ~JobReads() = default;
  // The job with its counters summed.
  virtual Result<std::optional<jobs::Job>> GetJob(std::string_view job_id) = 0;
  // The job without its counters (counts_known false, process_details zero): reads no
  // counter row, so that writers changing the same job's executions do not conflict.
  virtual Result<std::optional<jobs::Job>> GetJobWithoutCounts(std::string_view job_id) = 0;
  virtual JobDecisions job_decisions() const = 0;
  // Says that the job is read next, as GetJob or GetJobWithoutCounts (whichever
  // job_decisions() calls for), with nothing written before: a store whose reads are round
  // trips sends that read along with the transaction's next statement.
  virtual Status PrefetchJob(std::string_view job_id) = 0;
  virtual Result<std::optional<JobDocument>> GetJobDocument(std::string_view job_id) = 0;
  virtual Result<Page<jobs::Job>> ListJobs(const JobFilter& filter, const PageRequest& page) = 0;
  // Ids of the jobs with a thing-group target among `groups` (each id once), for continuous
  // jobs reaching things that join a group.
  virtual Result<std::vector<std::string>> ListJobsTargetingGroups(
      const std::vector<std::string>& groups) = 0;
  // Jobs of EVERY account whose next action is due at `now`, earliest first.
  virtual Result<std::vector<DueJob>> ListDueJobs(EpochMillis now, int limit) = 0;
  // Jobs of EVERY account whose counters a writer changed after its seq in `after` (every
  // change of a writer not in it), each writer's in the order it wrote them, up to `limit` per
  // writer. Only kFolded stores number their changes; a kInline store lists none.
  virtual Result<std::vector<JobCountChange>> ListJobCountChanges(
      const std::map<int64_t, int64_t>& after, int limit) = 0;
};

class JobWrites {
 public:
  virtual ~JobWrites() = default;
  // Insert stores the document too, and the documentParameters beside it when the job was
  // made from an AWS managed template (jobs::FromManagedTemplate); Update leaves both alone
  // (they never change). Insert stores job.process_details as the job's counters; Update
  // adds job.unsaved_counts to them (the caller clears unsaved_counts after either).
  virtual Status InsertJob(const jobs::Job& job) = 0;
  virtual Status UpdateJob(const jobs::Job& job) = 0;
  // Adds `delta` to the job's counters without writing the job's row: to this writer's own
  // counter row.
  virtual Status AddJobCounts(std::string_view job_id, const jobs::JobProcessDetails& delta) = 0;
  virtual Status DeleteJob(std::string_view job_id) = 0;
};

}  // namespace iotjobs::store
