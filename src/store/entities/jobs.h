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

class JobReads {
 public:
  virtual ~JobReads() = default;
  virtual Result<std::optional<jobs::Job>> GetJob(std::string_view job_id) = 0;
  virtual Result<std::optional<JobDocument>> GetJobDocument(std::string_view job_id) = 0;
  virtual Result<Page<jobs::Job>> ListJobs(const JobFilter& filter, const PageRequest& page) = 0;
  // Ids of the jobs with a thing-group target among `groups` (each id once), for continuous
  // jobs reaching things that join a group.
  virtual Result<std::vector<std::string>> ListJobsTargetingGroups(
      const std::vector<std::string>& groups) = 0;
  // Jobs of EVERY account whose next action is due at `now`, earliest first.
  virtual Result<std::vector<DueJob>> ListDueJobs(EpochMillis now, int limit) = 0;
};

class JobWrites {
 public:
  virtual ~JobWrites() = default;
  // Insert stores the document too, and the documentParameters beside it when the job was
  // made from an AWS managed template (jobs::FromManagedTemplate); Update leaves both alone
  // (they never change).
  virtual Status InsertJob(const jobs::Job& job) = 0;
  virtual Status UpdateJob(const jobs::Job& job) = 0;
  virtual Status DeleteJob(std::string_view job_id) = 0;
};

}  // namespace iotjobs::store
