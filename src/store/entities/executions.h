#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "jobs/job_execution.h"
#include "store/entities/page.h"

// Job executions (see things.h for what every entity interface promises).
namespace iotjobs::store {

struct ExecutionFilter {
  std::optional<jobs::ExecutionStatus> status;
  std::optional<std::string> namespace_id;
  std::optional<std::string> job_id;
};

// A running execution timer that is due, in any account (for the timer worker).
struct DueTimer {
  std::string account_id;
  std::string job_id;
  std::string thing_name;
  int64_t execution_number = 0;
};

class ExecutionReads {
 public:
  virtual ~ExecutionReads() = default;
  // The execution with that number, or the one with the highest number when absent.
  virtual Result<std::optional<jobs::JobExecution>> GetExecution(
      std::string_view job_id, std::string_view thing_name,
      std::optional<int64_t> execution_number) = 0;
  // Executions of one job, in (thing name, execution number) order.
  virtual Result<Page<jobs::JobExecution>> ListExecutionsForJob(
      std::string_view job_id, std::optional<jobs::ExecutionStatus> status,
      const PageRequest& page) = 0;
  // Executions on one thing, in (job id, execution number) order, as summaries: a page costs
  // index reads only, whatever the thing's history. GetExecution has the rest of a row.
  virtual Result<Page<jobs::ExecutionSummary>> ListExecutionsForThing(
      std::string_view thing_name, const ExecutionFilter& filter, const PageRequest& page) = 0;
  // QUEUED and IN_PROGRESS executions on one thing: IN_PROGRESS first, then oldest first. As
  // summaries, for the same reason.
  virtual Result<std::vector<jobs::ExecutionSummary>> ListPendingExecutionsForThing(
      std::string_view thing_name, int limit) = 0;
  // Executions of EVERY account whose in-progress or step timer is due at `now`, earliest
  // first. The one cross-account read of executions: background work uses it, then opens a
  // transaction in each account it names.
  virtual Result<std::vector<DueTimer>> ListDueTimers(EpochMillis now, int limit) = 0;
};

class ExecutionWrites {
 public:
  virtual ~ExecutionWrites() = default;
  virtual Status InsertExecution(const jobs::JobExecution& execution) = 0;
  virtual Status UpdateExecution(const jobs::JobExecution& execution) = 0;
  virtual Status DeleteExecution(std::string_view job_id, std::string_view thing_name,
                                 int64_t execution_number) = 0;
  // Deletes up to `limit` executions of a job; returns how many went.
  virtual Result<int64_t> DeleteExecutionsOfJob(std::string_view job_id, int64_t limit) = 0;
};

}  // namespace iotjobs::store
