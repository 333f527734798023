#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "store/store.h"

// One sweep of the job counters that writers changed without deciding on the job
// (store::JobDecisions::kFolded, PostgreSQL): which jobs to decide on, and how far each
// writer's mark may then move. Service::DecideChangedJobs runs the decisions.
namespace iotjobs::service {

// Per writer (counter shard), the number of its last change already looked at.
using CountWatermarks = std::map<int64_t, int64_t>;

class CountSweep {
 public:
  using JobKey = std::pair<std::string, std::string>;  // account, job
  using Listed = std::vector<const store::JobCountChange*>;

  // `changes` as listed, at most `per_writer_limit` of each writer's.
  CountSweep(std::vector<store::JobCountChange> changes, int per_writer_limit);
  CountSweep(const CountSweep&) = delete;
  CountSweep& operator=(const CountSweep&) = delete;

  // One entry per job, however many writers changed it, with the changes that named it.
  const std::map<JobKey, Listed>& jobs() const { return jobs_; }
  // Whether a writer had as many changes as a sweep lists: more may be waiting.
  bool more() const { return more_; }

  // The decision on the job of `listed` failed: its changes are looked at again next time.
  void Failed(const Listed& listed);
  // Moves each writer's mark in `after` past its listed changes, or to just before its first
  // change whose job's decision failed; a mark never moves back. (Deciding twice on a job
  // changes nothing, so a change looked at again is harmless.)
  void Advance(CountWatermarks& after) const;

 private:
  std::vector<store::JobCountChange> changes_;
  std::map<JobKey, Listed> jobs_;
  std::map<int64_t, int64_t> listed_max_, failed_min_;
  bool more_ = false;
};

}  // namespace iotjobs::service
