#pragma once

#include <map>
#include <vector>

#include "common/result.h"
#include "service/requests.h"
#include "service/transactions/operation.h"
#include "store/store.h"

// The background work on time as transaction bodies: execution timers (an IN_PROGRESS
// execution whose in-progress or step timer ran out becomes TIMED_OUT) and due jobs
// (scheduled starts and ends, rollouts, deletions), through the same state machine and rules
// as any other change. A sweep first lists what is due in every account (one read), then runs
// one write per item in that item's account; op.now is the time of the sweep.
namespace iotjobs::service::transactions {

// How many due items one sweep takes on.
struct SweepRequest {
  int limit = 0;
};

// The executions of every account whose in-progress or step timer is due at op.now.
Result<std::vector<store::DueTimer>> DueTimers(store::ReadTransaction& tx,
                                               const SweepRequest& req,
                                               const OperationContext& op);
// Times one due execution out; true when it timed out, false when it no longer can (deleted
// meanwhile, or not IN_PROGRESS any more: its leftover timer is stopped).
Result<bool> TimeOutExecution(store::WriteTransaction& tx, const store::DueTimer& timer,
                              const OperationContext& op);

// The jobs of every account whose next action is due at op.now.
Result<std::vector<store::DueJob>> DueJobs(store::ReadTransaction& tx, const SweepRequest& req,
                                           const OperationContext& op);
// Moves one due job along (service/job_progress.h, ProgressJob).
Result<Empty> ProgressDueJob(store::WriteTransaction& tx, const store::DueJob& job,
                             const OperationContext& op);

// Jobs of every account whose counters a writer changed after `after` (per writer), for the
// stores whose execution changes leave the decisions to the worker (store::JobDecisions).
Result<std::vector<store::JobCountChange>> ChangedJobCounts(
    store::ReadTransaction& tx, const std::map<int64_t, int64_t>& after,
    const SweepRequest& req, const OperationContext& op);
// Decides on one such job (service/job_progress.h, DecideJob); true when the job changed.
Result<bool> DecideChangedJob(store::WriteTransaction& tx, const std::string& job_id,
                              const OperationContext& op);

}  // namespace iotjobs::service::transactions
