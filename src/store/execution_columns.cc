#include "store/execution_columns.h"

#include <algorithm>

#include "store/page_key.h"

namespace iotjobs::store {

std::optional<int64_t> TimeoutAt(const jobs::JobExecution& e) {
  if (e.in_progress_timeout_at && e.step_timeout_at) {
    return std::min(*e.in_progress_timeout_at, *e.step_timeout_at);
  }
  return e.in_progress_timeout_at ? e.in_progress_timeout_at : e.step_timeout_at;
}

std::string ExecutionPageKey(std::string_view name, int64_t execution_number) {
  return EncodePageKey({std::string(name), std::to_string(execution_number)});
}

Result<std::pair<std::string, int64_t>> ExecutionPageAfter(const PageRequest& page) {
  if (page.after.empty()) return std::pair<std::string, int64_t>("", 0);
  IOTJOBS_ASSIGN_OR_RETURN(auto parts, DecodePageKey(page.after, 2));
  IOTJOBS_ASSIGN_OR_RETURN(int64_t number, PageKeyNumber(parts[1]));
  return std::pair<std::string, int64_t>(parts[0], number);
}

std::optional<int64_t> ExecutionNumberAfterWithinJob(const std::pair<std::string, int64_t>& after,
                                                      std::string_view job_id) {
  if (after.first > job_id) return std::nullopt;
  return after.first == job_id ? after.second : 0;
}

}  // namespace iotjobs::store
