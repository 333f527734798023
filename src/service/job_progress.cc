#include "service/job_progress.h"

#include <algorithm>
#include <set>

#include "common/log.h"
#include "common/time_format.h"
#include "jobs/job_policies.h"
#include "service/targets.h"

namespace iotjobs::service {
namespace {

// Another attempt for a FAILED or TIMED_OUT execution, when the retry config allows it.
Status RetryIfAllowed(store::WriteTransaction& tx, jobs::Job& job,
                      const jobs::JobExecution& finished, EpochMillis now) {
  if (!job.retry_config) return Status::Ok();
  jobs::AttemptCounts attempts;
  store::ExecutionFilter filter{std::nullopt, std::nullopt, job.job_id};
  store::PageRequest page{"", 100};
  for (;;) {
    IOTJOBS_ASSIGN_OR_RETURN(auto rows, tx.ListExecutionsForThing(finished.thing_name, filter, page));
    for (const auto& e : rows.items) {
      attempts.failed += e.status == jobs::ExecutionStatus::kFailed;
      attempts.timed_out += e.status == jobs::ExecutionStatus::kTimedOut;
    }
    if (rows.next.empty()) break;
    page.after = rows.next;
  }
  if (!jobs::ShouldRetry(job, finished, attempts)) return Status::Ok();
  // `finished` is the thing's latest execution of the job: another is queued only once the
  // one before it is over.
  return QueueExecution(tx, job, finished.thing_name, finished, now, finished.retry_attempt + 1)
      .status();
}

// abortConfig met: the job is canceled and its QUEUED executions with it; IN_PROGRESS ones
// keep running (docs/aws-behaviour.md, "Abort criteria").
Status AbortIfCriteriaMet(store::WriteTransaction& tx, jobs::Job& job, EpochMillis now) {
  if (!jobs::ShouldAbort(job)) return Status::Ok();
  IOTJOBS_LOG(kInfo) << "job " << job.job_id << " of account " << tx.account_id()
                     << " met its abort criteria and is canceled";
  job.status = jobs::JobStatus::kCanceled;
  job.last_updated_at = now;
  return CancelPendingExecutions(tx, job, /*force=*/false, now);
}

// Executions deleted per step of a job's deletion, and released per worker step.
constexpr int64_t kDeleteChunk = 5000;
constexpr int64_t kReleaseChunk = 5000;

}  // namespace

Result<jobs::JobExecution> ExecutionOf(store::ReadTransaction& tx,
                                       const jobs::ExecutionSummary& summary) {
  IOTJOBS_ASSIGN_OR_RETURN(auto e, tx.GetExecution(summary.job_id, summary.thing_name,
                                                   summary.execution_number));
  if (!e) {
    IOTJOBS_LOG(kError) << "service: execution " << summary.job_id << "/" << summary.thing_name
                        << "/" << summary.execution_number << " of account " << tx.account_id()
                        << " was listed but is gone in the same transaction";
    return Internal("The execution could not be read.");
  }
  return std::move(*e);
}

Status SaveJob(store::WriteTransaction& tx, jobs::Job& job, EpochMillis now) {
  job.next_action_at = jobs::NextActionAt(job, now);
  IOTJOBS_RETURN_IF_ERROR(tx.UpdateJob(job));
  job.unsaved_counts = {};
  return Status::Ok();
}

Status SaveCounts(store::WriteTransaction& tx, jobs::Job& job) {
  IOTJOBS_RETURN_IF_ERROR(tx.AddJobCounts(job.job_id, job.unsaved_counts));
  job.unsaved_counts = {};
  return Status::Ok();
}

Result<std::optional<jobs::Job>> JobForExecutionChange(store::ReadTransaction& tx,
                                                       std::string_view job_id) {
  if (tx.job_decisions() == store::JobDecisions::kInline) return tx.GetJob(job_id);
  return tx.GetJobWithoutCounts(job_id);
}

Result<bool> DecideJob(store::WriteTransaction& tx, const std::string& job_id, EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(auto loaded, tx.GetJob(job_id));
  if (!loaded) return false;
  jobs::Job& job = *loaded;
  jobs::JobStatus before = job.status;
  IOTJOBS_RETURN_IF_ERROR(AbortIfCriteriaMet(tx, job, now));
  CompleteIfDone(job, now);
  if (job.status == before) return false;
  IOTJOBS_RETURN_IF_ERROR(SaveJob(tx, job, now));
  return true;
}

Result<jobs::RolloutState> PlanRollout(store::ReadTransaction& tx, const jobs::Job& job,
                                       EpochMillis now) {
  std::vector<std::string> things, groups;
  std::set<std::string> seen_groups;
  for (const Target& t : ParseTargets(job.targets)) {
    if (t.kind == jobs::ResourceKind::kThing) {
      if (std::find(things.begin(), things.end(), t.name) == things.end()) things.push_back(t.name);
      continue;
    }
    IOTJOBS_ASSIGN_OR_RETURN(auto tree, GroupTree(tx, t.name));
    for (auto& g : tree) {
      if (seen_groups.insert(g).second) groups.push_back(std::move(g));
    }
  }
  return jobs::StartRollout(std::move(things), std::move(groups), job.rollout_config, now);
}

Status ReleaseExecutions(store::WriteTransaction& tx, jobs::Job& job, EpochMillis now,
                         int64_t limit, JobAge age) {
  if (!job.rollout || job.status != jobs::JobStatus::kInProgress ||
      !jobs::InsideMaintenanceWindow(job, now)) {
    return Status::Ok();
  }
  jobs::RolloutState& r = *job.rollout;
  int64_t budget = std::min(limit, jobs::ReleaseAllowance(r, job.rollout_config,
                                                          job.process_details.succeeded, now));
  int64_t released = 0;
  std::set<std::string> released_things;  // a new job's: the executions it has
  auto release = [&](const std::string& thing) -> Status {
    // Passed over when reached through another target already.
    if (age == JobAge::kNew) {
      if (!released_things.insert(thing).second) return Status::Ok();
    } else {
      IOTJOBS_ASSIGN_OR_RETURN(auto existing, tx.GetExecution(job.job_id, thing, std::nullopt));
      if (existing) return Status::Ok();
    }
    IOTJOBS_RETURN_IF_ERROR(QueueExecution(tx, job, thing, std::nullopt, now).status());
    ++released;
    return Status::Ok();
  };
  // Things that joined a continuous job's groups while its windows were closed, if they are
  // still targets and have nothing pending of the job (they may have joined, left and joined).
  while (released < budget && !r.joined.empty()) {
    std::string thing = r.joined.front();
    r.joined.erase(r.joined.begin());
    IOTJOBS_ASSIGN_OR_RETURN(bool targeted, IsTargeted(tx, ParseTargets(job.targets), thing));
    if (!targeted) continue;
    IOTJOBS_ASSIGN_OR_RETURN(auto latest, tx.GetExecution(job.job_id, thing, std::nullopt));
    if (latest && !jobs::IsTerminal(latest->status)) continue;
    IOTJOBS_RETURN_IF_ERROR(QueueExecution(tx, job, thing, latest, now).status());
    ++released;
  }
  while (released < budget && !r.things.empty()) {
    std::string thing = r.things.front();
    r.things.erase(r.things.begin());
    IOTJOBS_RETURN_IF_ERROR(release(thing));
  }
  while (released < budget && r.group_index < r.groups.size()) {
    int page_size = static_cast<int>(std::min<int64_t>(budget - released, 1000));
    IOTJOBS_ASSIGN_OR_RETURN(
        auto members, tx.ListThingsInGroup(r.groups[r.group_index], {r.after_thing, page_size}));
    for (const auto& thing : members.items) {
      IOTJOBS_RETURN_IF_ERROR(release(thing));
      r.after_thing = thing;
    }
    if (members.next.empty()) {
      // This group is walked to its end.
      ++r.group_index;
      r.after_thing.clear();
    }
  }
  jobs::RecordReleases(r, released);
  if (r.Done()) job.rollout.reset();
  return Status::Ok();
}

Status CancelPendingExecutions(store::WriteTransaction& tx, jobs::Job& job, bool force,
                               EpochMillis now) {
  job.rollout.reset();  // nothing more is released for a canceled job
  jobs::ExecutionEvent event = force ? jobs::ExecutionEvent::kForceCancel
                                     : jobs::ExecutionEvent::kCancel;
  for (jobs::ExecutionStatus status :
       {jobs::ExecutionStatus::kQueued, jobs::ExecutionStatus::kInProgress}) {
    if (status == jobs::ExecutionStatus::kInProgress && !force) continue;
    store::PageRequest page{"", 500};
    for (;;) {
      IOTJOBS_ASSIGN_OR_RETURN(auto rows, tx.ListExecutionsForJob(job.job_id, status, page));
      for (auto& e : rows.items) {
        jobs::ExecutionStatus from = e.status;
        IOTJOBS_ASSIGN_OR_RETURN(jobs::Transition t, jobs::ApplyEvent(from, event));
        jobs::ApplyTransition(e, t.to, now);
        if (force) e.force_canceled = true;
        IOTJOBS_RETURN_IF_ERROR(tx.UpdateExecution(e));
        jobs::CountChange(job, from, t.to);
      }
      if (rows.next.empty()) break;
      page.after = rows.next;
    }
  }
  return Status::Ok();
}

Status ProgressJob(store::WriteTransaction& tx, const std::string& job_id, EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(auto loaded, tx.GetJob(job_id));
  if (!loaded) return Status::Ok();
  jobs::Job& job = *loaded;
  if (job.status == jobs::JobStatus::kDeletionInProgress) {
    IOTJOBS_ASSIGN_OR_RETURN(int64_t deleted, tx.DeleteExecutionsOfJob(job_id, kDeleteChunk));
    if (deleted == 0) return tx.DeleteJob(job_id);
    return SaveJob(tx, job, now);
  }
  const auto& sched = job.scheduling_config;
  if (job.status == jobs::JobStatus::kScheduled) {
    // Due at its start time, or (started, with maintenance windows) when a window opens.
    std::optional<EpochMillis> start;
    if (sched && sched->start_time) start = ParseIsoDateTime(*sched->start_time);
    bool start_reached = !start || *start <= now;
    if (start_reached && jobs::InsideMaintenanceWindow(job, now)) {
      job.status = jobs::JobStatus::kInProgress;
      job.last_updated_at = now;
      if (!job.rollout_started) {
        IOTJOBS_ASSIGN_OR_RETURN(job.rollout, PlanRollout(tx, job, now));
        job.rollout_started = true;
      }
    }
  }
  IOTJOBS_RETURN_IF_ERROR(ReleaseExecutions(tx, job, now, kReleaseChunk));
  if (job.status == jobs::JobStatus::kInProgress && !jobs::InsideMaintenanceWindow(job, now) &&
      (job.rollout || job.target_selection == jobs::TargetSelection::kContinuous)) {
    // The window closed with targets left (a continuous job always has): the rollout waits
    // for the next one (docs/execution-state-machine.md, "Maintenance windows").
    job.status = jobs::JobStatus::kScheduled;
    job.last_updated_at = now;
  }
  if (!job.scheduled_end_applied && sched && sched->end_time &&
      (job.status == jobs::JobStatus::kInProgress || job.status == jobs::JobStatus::kScheduled)) {
    auto end = ParseIsoDateTime(*sched->end_time);
    if (end && *end <= now) {
      // The scheduled end: the rollout stops; CANCEL and FORCE_CANCEL cancel the job as
      // CancelJob would; STOP_ROLLOUT lets what was released finish. A job that never
      // started is canceled; one waiting between windows is IN_PROGRESS again, to finish.
      job.scheduled_end_applied = true;
      job.rollout.reset();
      job.last_updated_at = now;
      std::string behavior = sched->end_behavior.value_or("STOP_ROLLOUT");
      if (behavior == "CANCEL" || behavior == "FORCE_CANCEL" || !job.rollout_started) {
        job.status = jobs::JobStatus::kCanceled;
        if (behavior == "FORCE_CANCEL") job.force_canceled = true;
        IOTJOBS_RETURN_IF_ERROR(
            CancelPendingExecutions(tx, job, behavior == "FORCE_CANCEL", now));
      } else {
        job.status = jobs::JobStatus::kInProgress;
      }
    }
  }
  CompleteIfDone(job, now);
  return SaveJob(tx, job, now);
}

void CompleteIfDone(jobs::Job& job, EpochMillis now) {
  if (jobs::ShouldComplete(job)) {
    job.status = jobs::JobStatus::kCompleted;
    job.completed_at = now;
    job.last_updated_at = now;
  }
}

Result<jobs::JobExecution> QueueExecution(store::WriteTransaction& tx, jobs::Job& job,
                                          const std::string& thing,
                                          const std::optional<jobs::JobExecution>& latest,
                                          EpochMillis now, int32_t retry_attempt) {
  jobs::JobExecution e;
  e.job_id = job.job_id;
  e.thing_name = thing;
  e.execution_number = latest ? latest->execution_number + 1 : 1;
  e.status = jobs::ExecutionStatus::kQueued;
  e.queued_at = now;
  e.last_updated_at = now;
  e.version_number = 1;
  e.retry_attempt = retry_attempt;
  e.namespace_id = job.namespace_id;
  IOTJOBS_RETURN_IF_ERROR(tx.InsertExecution(e));
  jobs::CountChange(job, std::nullopt, jobs::ExecutionStatus::kQueued);
  return e;
}

Status ApplyExecutionEvent(store::WriteTransaction& tx, jobs::Job& job,
                           jobs::JobExecution& execution, jobs::ExecutionEvent event,
                           EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(jobs::Transition t, jobs::ApplyEvent(execution.status, event));
  jobs::ExecutionStatus from = execution.status;
  const jobs::JobStatus job_before = job.status;
  if (t.deletes) {
    IOTJOBS_RETURN_IF_ERROR(
        tx.DeleteExecution(execution.job_id, execution.thing_name, execution.execution_number));
    jobs::CountChange(job, from, std::nullopt);
  } else {
    jobs::ApplyTransition(execution, t.to, now);
    // The in-progress timer starts when the execution first enters IN_PROGRESS; a timeout
    // changed later (UpdateJob) applies to executions that start after it
    // (docs/aws-behaviour.md, D17).
    if (from == jobs::ExecutionStatus::kQueued && t.to == jobs::ExecutionStatus::kInProgress &&
        job.timeout_config && job.timeout_config->in_progress_timeout_in_minutes) {
      execution.in_progress_timeout_at =
          AddMinutes(now, *job.timeout_config->in_progress_timeout_in_minutes);
    }
    if (event == jobs::ExecutionEvent::kForceCancel) execution.force_canceled = true;
    IOTJOBS_RETURN_IF_ERROR(tx.UpdateExecution(execution));
    jobs::CountChange(job, from, t.to);
    if (jobs::IsTerminal(t.to)) {
      // A change that aborts the job queues no retry: it would only be canceled with the
      // other queued executions (abort drops pending retries). Without the summed counters
      // (JobDecisions::kFolded) the background worker decides on the abort (DecideJob).
      if (job.counts_known && jobs::ShouldAbort(job)) {
        IOTJOBS_RETURN_IF_ERROR(AbortIfCriteriaMet(tx, job, now));
      } else {
        IOTJOBS_RETURN_IF_ERROR(RetryIfAllowed(tx, job, execution, now));
      }
    }
  }
  if (job.counts_known) CompleteIfDone(job, now);
  // The job's row is written only when the job itself changed (aborted, completed); an
  // execution's change alone adds to the counters (docs/architecture.md, "Job counters").
  if (job.status != job_before) return SaveJob(tx, job, now);
  return SaveCounts(tx, job);
}

Status RemovePendingExecutions(store::WriteTransaction& tx, const std::string& thing,
                               const std::optional<std::string>& only_job, EpochMillis now) {
  IOTJOBS_ASSIGN_OR_RETURN(auto pending, tx.ListPendingExecutionsForThing(thing, 1 << 30));
  for (const auto& summary : pending) {
    if (only_job && summary.job_id != *only_job) continue;
    IOTJOBS_ASSIGN_OR_RETURN(auto job, JobForExecutionChange(tx, summary.job_id));
    if (!job) {
      IOTJOBS_LOG(kWarn) << "service: execution of missing job " << summary.job_id << " on "
                         << thing;
      continue;
    }
    IOTJOBS_ASSIGN_OR_RETURN(jobs::JobExecution e, ExecutionOf(tx, summary));
    IOTJOBS_RETURN_IF_ERROR(ApplyExecutionEvent(tx, *job, e, jobs::ExecutionEvent::kRemove, now));
  }
  return Status::Ok();
}

}  // namespace iotjobs::service
