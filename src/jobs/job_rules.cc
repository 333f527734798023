#include "jobs/job_rules.h"

namespace iotjobs::jobs {

Status CheckCancelJob(const Job& job, bool force) {
  switch (job.status) {
    case JobStatus::kCompleted:
      return InvalidRequest("Job " + job.job_id + " is already completed and cannot be canceled.");
    case JobStatus::kDeletionInProgress:
      return InvalidRequest("Job " + job.job_id + " is being deleted and cannot be canceled.");
    case JobStatus::kCanceled:
      if (!force) {
        return InvalidRequest("Job " + job.job_id +
                              " is already canceled. Set force to true to cancel its "
                              "in-progress job executions.");
      }
      return Status::Ok();
    case JobStatus::kInProgress:
    case JobStatus::kScheduled:
      return Status::Ok();
  }
  return Status::Ok();
}

Status CheckDeleteJob(const Job& job, bool force) {
  if (job.status == JobStatus::kDeletionInProgress) {
    return InvalidStateTransition("Job " + job.job_id + " is already being deleted.");
  }
  if (!force && job.status != JobStatus::kCompleted && job.status != JobStatus::kCanceled) {
    return InvalidStateTransition("Cannot delete job " + job.job_id + " in status " +
                                  std::string(ToString(job.status)) +
                                  " without force. Set force to true to delete it.");
  }
  return Status::Ok();
}

Status CheckUpdateJob(const Job& job) {
  if (job.status == JobStatus::kDeletionInProgress) {
    return InvalidRequest("Job " + job.job_id + " is being deleted and cannot be updated.");
  }
  return Status::Ok();
}

Status CheckAssociateTargets(const Job& job) {
  if (job.target_selection != TargetSelection::kContinuous) {
    return InvalidRequest("Targets can only be associated with continuous jobs; job " +
                          job.job_id + " is a snapshot job.");
  }
  if (job.status != JobStatus::kInProgress) {
    return InvalidRequest("Targets can only be associated with jobs in status IN_PROGRESS; job " +
                          job.job_id + " is " + std::string(ToString(job.status)) + ".");
  }
  return Status::Ok();
}

bool NamespaceMatches(const Job& job, const std::optional<std::string>& namespace_id) {
  return !namespace_id || job.namespace_id == namespace_id;
}

void ApplyAttributePayload(std::map<std::string, std::string>& current,
                           const std::map<std::string, std::string>& given, bool merge) {
  if (!merge) current.clear();
  for (const auto& [name, value] : given) {
    if (value.empty()) {
      current.erase(name);
    } else {
      current[name] = value;
    }
  }
}

}  // namespace iotjobs::jobs
