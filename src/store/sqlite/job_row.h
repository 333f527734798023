#pragma once

#include <string>

#include "jobs/job.h"

// The `details` JSON column of a job: every field that no query filters on.
namespace iotjobs::store::sqlite {

std::string JobDetailsToJson(const jobs::Job& job);
// Fills the detail fields of `job` from the column text.
void JobDetailsFromJson(std::string_view text, jobs::Job& job);

}  // namespace iotjobs::store::sqlite
