#pragma once

#include <map>
#include <string>

#include "common/status.h"
#include "jobs/job.h"

// May this happen to a job? One function per control-plane operation that changes a job's
// state; each returns OK or the AWS error with its wording.
namespace iotjobs::jobs {

// CancelJob: a COMPLETED job or one being deleted cannot be canceled (400); a CANCELED job
// only again with force, to force-cancel what still runs (docs/aws-behaviour.md, D15).
Status CheckCancelJob(const Job& job, bool force);

// DeleteJob: without force only COMPLETED or CANCELED jobs (409 InvalidStateTransition);
// a job already being deleted is refused either way (docs/aws-behaviour.md, "DeleteJob", D22).
Status CheckDeleteJob(const Job& job, bool force);

// UpdateJob: anything but a job being deleted.
Status CheckUpdateJob(const Job& job);

// AssociateTargetsWithJob: only CONTINUOUS jobs that are IN_PROGRESS (400 otherwise).
Status CheckAssociateTargets(const Job& job);

// The optional namespaceId of a request acts as a filter (docs/aws-behaviour.md, D23):
// absent matches every job; present must equal the job's.
bool NamespaceMatches(const Job& job, const std::optional<std::string>& namespace_id);

// UpdateThing/UpdateThingGroup attributePayload: with merge, given attributes are added or
// replaced and an empty value removes one; without merge, the given map replaces the old.
void ApplyAttributePayload(std::map<std::string, std::string>& current,
                           const std::map<std::string, std::string>& given, bool merge);

}  // namespace iotjobs::jobs
