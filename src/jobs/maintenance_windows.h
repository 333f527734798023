#pragma once

#include <optional>
#include <vector>

#include "common/clock.h"
#include "common/result.h"
#include "jobs/job_configs.h"

// When a job with schedulingConfig.maintenanceWindows may roll out: each window opens at every
// occurrence of its cron expression (jobs/cron.h) and stays open durationInMinutes; windows
// that overlap or touch make one longer window (docs/execution-state-machine.md, "Maintenance
// windows").
namespace iotjobs::jobs {

// kInvalidRequest naming the first window whose startTime is not a cron expression AWS
// accepts, or that never occurs after `now`.
Status CheckMaintenanceWindows(const std::vector<MaintenanceWindow>& windows, EpochMillis now);

// When the window open at `now` closes; nullopt when none is open. A window is open from its
// start (included) to its end (excluded).
std::optional<EpochMillis> OpenWindowEnd(const std::vector<MaintenanceWindow>& windows,
                                         EpochMillis now);

// The first `count` window starts strictly after `after` and before `before` (when given),
// in order, each once.
std::vector<EpochMillis> NextWindowStarts(const std::vector<MaintenanceWindow>& windows,
                                          EpochMillis after, std::optional<EpochMillis> before,
                                          size_t count);

}  // namespace iotjobs::jobs
