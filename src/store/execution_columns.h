#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "common/result.h"
#include "jobs/job_execution.h"
#include "store/store.h"

// What every backend derives the same way for job_executions rows: the timer column, and the
// (name, execution number) page keys of the per-job and per-thing lists.
namespace iotjobs::store {

// The earlier running timer, stored as timeout_at for the timer index.
std::optional<int64_t> TimeoutAt(const jobs::JobExecution& e);

// The page key after a row: its thing name (per-job lists) or job id (per-thing lists), and
// its execution number.
std::string ExecutionPageKey(std::string_view name, int64_t execution_number);

// The (name, number) position after which a page starts: ("", 0) for the first page;
// kInvalidRequest for a key that ExecutionPageKey did not make.
Result<std::pair<std::string, int64_t>> ExecutionPageAfter(const PageRequest& page);

// A per-thing list filtered by one job reads only that job's rows, so its (job id, number)
// cursor becomes a number: 0 before the job's rows, the cursor's own within them, and
// nullopt once the cursor is past the job (nothing is left).
std::optional<int64_t> ExecutionNumberAfterWithinJob(const std::pair<std::string, int64_t>& after,
                                                      std::string_view job_id);

}  // namespace iotjobs::store
