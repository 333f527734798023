#include "service/group_joins.h"

#include <algorithm>

#include "jobs/execution_status.h"
#include "jobs/job_rules.h"
#include "service/job_progress.h"
#include "service/targets.h"

namespace iotjobs::service {

Status QueueForContinuousJobs(store::WriteTransaction& tx, const std::string& thing,
                              const std::vector<std::string>& groups,
                              const std::set<std::string>& groups_before, EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(auto job_ids, tx.ListJobsTargetingGroups(groups));
  for (const auto& job_id : job_ids) {
    IOTJOBS_ASSIGN_OR_RETURN(auto job, tx.GetJob(job_id));
    // A job not started yet reaches the thing when its rollout walks the groups.
    if (!job || job->target_selection != jobs::TargetSelection::kContinuous ||
        !job->rollout_started ||
        (job->status != jobs::JobStatus::kInProgress && job->status != jobs::JobStatus::kScheduled)) {
      continue;
    }
    bool was_target = false;
    for (const auto& target : job->targets) {
      auto arn = jobs::ParseArn(target);
      if (!arn) continue;
      if ((arn->kind == jobs::ResourceKind::kThing && arn->name == thing) ||
          (arn->kind == jobs::ResourceKind::kThingGroup && groups_before.count(arn->name))) {
        was_target = true;
      }
    }
    if (was_target) continue;
    // A thing that left a dynamic group keeps its execution (D70): joining again while it is
    // pending gives no second one.
    IOTJOBS_ASSIGN_OR_RETURN(auto latest, tx.GetExecution(job_id, thing, std::nullopt));
    if (latest && jobs::IsPending(latest->status)) continue;
    if (job->status == jobs::JobStatus::kInProgress && jobs::InsideMaintenanceWindow(*job, now)) {
      IOTJOBS_RETURN_IF_ERROR(QueueExecution(tx, *job, thing, latest, now).status());
    } else {
      // Its maintenance windows are closed: the thing gets its execution when one opens.
      if (!job->rollout) job->rollout = jobs::StartRollout({}, {}, job->rollout_config, now);
      auto& joined = job->rollout->joined;
      if (std::find(joined.begin(), joined.end(), thing) == joined.end()) joined.push_back(thing);
    }
    IOTJOBS_RETURN_IF_ERROR(SaveJob(tx, *job, now));
  }
  return Status::Ok();
}

Result<std::set<std::string>> GroupsWithAncestors(store::ReadTransaction& tx,
                                                  const std::string& thing) {
  std::set<std::string> out;
  store::PageRequest page{"", 100};
  IOTJOBS_ASSIGN_OR_RETURN(auto direct, tx.ListGroupsOfThing(thing, page));
  for (const auto& g : direct.items) {
    out.insert(g);
    IOTJOBS_ASSIGN_OR_RETURN(auto ancestors, Ancestors(tx, g));
    out.insert(ancestors.begin(), ancestors.end());
  }
  return out;
}

}  // namespace iotjobs::service
