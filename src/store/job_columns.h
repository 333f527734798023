#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "jobs/job.h"

// What a job row stores besides its plain columns, the same on every backend: the `details`
// JSON column (every field that no query filters on), and the thing groups among its targets
// (the job_group_targets rows).
namespace iotjobs::store {

std::string JobDetailsToJson(const jobs::Job& job);
// Fills the detail fields of `job` from the column text.
void JobDetailsFromJson(std::string_view text, jobs::Job& job);

// The thing-group names among a job's targets (group ARNs of any account are kept as given;
// the service validated them).
std::vector<std::string> GroupTargets(const jobs::Job& job);

}  // namespace iotjobs::store
