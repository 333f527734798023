#include "service/notifying_transaction.h"

#include "notify/payloads.h"
#include "notify/topics.h"
#include "service/job_documents.h"
#include "service/transactions/event_configurations.h"

namespace iotjobs::service {
namespace {

// The notify message lists at most 10 executions (AWS quota); a change beyond them shows
// nowhere, so it notifies nobody.
constexpr size_t kListed = 10;
// Enough to see every pending execution of a thing.
constexpr int kAllPending = 1 << 20;

using Key = std::pair<std::string, int64_t>;  // job id, execution number

std::map<std::optional<std::string>, std::vector<jobs::ExecutionSummary>> ByNamespace(
    const std::vector<jobs::ExecutionSummary>& pending) {
  std::map<std::optional<std::string>, std::vector<jobs::ExecutionSummary>> out;
  for (const auto& e : pending) out[e.namespace_id].push_back(e);
  return out;
}

// The executions the notify message lists, as a set: `notify` fires when this membership
// changes, not when an execution moves from QUEUED to IN_PROGRESS and the order changes (the
// walk-through: "job3 started before job2" sends notify-next only).
std::set<Key> Listed(const std::vector<jobs::ExecutionSummary>& pending) {
  std::set<Key> keys;
  for (size_t i = 0; i < pending.size() && i < kListed; ++i) {
    keys.emplace(pending[i].job_id, pending[i].execution_number);
  }
  return keys;
}

std::string_view TerminalOperation(jobs::ExecutionStatus s) {
  switch (s) {
    case jobs::ExecutionStatus::kSucceeded: return "succeeded";
    case jobs::ExecutionStatus::kFailed: return "failed";
    case jobs::ExecutionStatus::kRejected: return "rejected";
    case jobs::ExecutionStatus::kCanceled: return "canceled";
    case jobs::ExecutionStatus::kTimedOut: return "timed_out";
    case jobs::ExecutionStatus::kRemoved: return "removed";
    default: return "";
  }
}

std::string_view JobOperation(jobs::JobStatus s) {
  switch (s) {
    case jobs::JobStatus::kCompleted: return "completed";
    case jobs::JobStatus::kCanceled: return "canceled";
    case jobs::JobStatus::kDeletionInProgress: return "deletion_in_progress";
    default: return "";
  }
}

}  // namespace

Result<bool> NotifyingTransaction::EventsOn(jobs::EventType type) {
  if (!event_configurations_) {
    IOTJOBS_ASSIGN_OR_RETURN(
        event_configurations_,
        transactions::EffectiveEventConfigurations(
            inner(), {options_.enabled, options_.job_events_by_default}));
  }
  return event_configurations_->IsEnabled(type);
}

Status NotifyingTransaction::Watch(std::string_view thing, std::string_view job_id) {
  changed_jobs_[std::string(thing)].insert(std::string(job_id));
  if (before_.find(thing) != before_.end()) return Status::Ok();
  IOTJOBS_ASSIGN_OR_RETURN(auto pending, inner().ListPendingExecutionsForThing(thing, kAllPending));
  before_.emplace(std::string(thing), std::move(pending));
  return Status::Ok();
}

Status NotifyingTransaction::InsertExecution(const jobs::JobExecution& e) {
  IOTJOBS_RETURN_IF_ERROR(Watch(e.thing_name, e.job_id));
  return inner().InsertExecution(e);
}

Status NotifyingTransaction::UpdateExecution(const jobs::JobExecution& e) {
  IOTJOBS_RETURN_IF_ERROR(Watch(e.thing_name, e.job_id));
  if (jobs::IsTerminal(e.status)) {
    IOTJOBS_ASSIGN_OR_RETURN(bool on, EventsOn(jobs::EventType::kJobExecution));
    std::optional<jobs::JobExecution> old;
    if (on) {
      IOTJOBS_ASSIGN_OR_RETURN(old, inner().GetExecution(e.job_id, e.thing_name, e.execution_number));
    }
    if (old && old->status != e.status) {
      jobs::ArnContext arns{options_.region, account_id()};
      std::string_view op = TerminalOperation(e.status);
      events_.emplace_back(notify::topics::JobExecutionEvent(e.job_id, op),
                           notify::payloads::JobExecutionEvent(e, op, arns, e.last_updated_at));
    }
  }
  return inner().UpdateExecution(e);
}

Status NotifyingTransaction::DeleteExecution(std::string_view job_id, std::string_view thing_name,
                                             int64_t execution_number) {
  IOTJOBS_RETURN_IF_ERROR(Watch(thing_name, job_id));
  IOTJOBS_ASSIGN_OR_RETURN(bool on, EventsOn(jobs::EventType::kJobExecution));
  if (on) {
    IOTJOBS_ASSIGN_OR_RETURN(auto old, inner().GetExecution(job_id, thing_name, execution_number));
    if (old) {
      jobs::ArnContext arns{options_.region, account_id()};
      events_.emplace_back(notify::topics::JobExecutionEvent(job_id, "deleted"),
                           notify::payloads::JobExecutionEvent(*old, "deleted", arns,
                                                               old->last_updated_at));
    }
  }
  return inner().DeleteExecution(job_id, thing_name, execution_number);
}

Result<int64_t> NotifyingTransaction::DeleteExecutionsOfJob(std::string_view job_id,
                                                            int64_t limit) {
  // The things that may lose a pending execution: watch them all before the bulk delete.
  for (jobs::ExecutionStatus status :
       {jobs::ExecutionStatus::kQueued, jobs::ExecutionStatus::kInProgress}) {
    store::PageRequest page{"", 1000};
    for (;;) {
      IOTJOBS_ASSIGN_OR_RETURN(auto rows, inner().ListExecutionsForJob(job_id, status, page));
      for (const auto& e : rows.items) IOTJOBS_RETURN_IF_ERROR(Watch(e.thing_name, job_id));
      if (rows.next.empty()) break;
      page.after = rows.next;
    }
  }
  return inner().DeleteExecutionsOfJob(job_id, limit);
}

Status NotifyingTransaction::UpdateJob(const jobs::Job& job) {
  std::string_view op = JobOperation(job.status);
  if (!op.empty()) {
    IOTJOBS_ASSIGN_OR_RETURN(bool on, EventsOn(jobs::EventType::kJob));
    std::optional<jobs::Job> old;
    if (on) {
      IOTJOBS_ASSIGN_OR_RETURN(old, inner().GetJob(job.job_id));
    }
    if (old && old->status != job.status) {
      events_.emplace_back(notify::topics::JobEvent(job.job_id, op),
                           notify::payloads::JobEvent(job, op, job.last_updated_at));
    }
  }
  return inner().UpdateJob(job);
}

Status NotifyingTransaction::DeleteJob(std::string_view job_id) {
  IOTJOBS_ASSIGN_OR_RETURN(bool on, EventsOn(jobs::EventType::kJob));
  if (on) {
    IOTJOBS_ASSIGN_OR_RETURN(auto old, inner().GetJob(job_id));
    if (old) {
      events_.emplace_back(notify::topics::JobEvent(job_id, "deleted"),
                           notify::payloads::JobEvent(*old, "deleted", old->last_updated_at));
    }
  }
  return inner().DeleteJob(job_id);
}

Result<bool> NotifyingTransaction::Flush(EpochMillis now) {
  bool wrote = false;
  for (const auto& [thing, before_list] : before_) {
    IOTJOBS_ASSIGN_OR_RETURN(auto after_list,
                             inner().ListPendingExecutionsForThing(thing, kAllPending));
    auto before = ByNamespace(before_list);
    auto after = ByNamespace(after_list);
    std::set<std::optional<std::string>> namespaces;
    for (const auto& [ns, _] : before) namespaces.insert(ns);
    for (const auto& [ns, _] : after) namespaces.insert(ns);
    for (const auto& ns : namespaces) {
      const std::vector<jobs::ExecutionSummary> empty;
      const auto& b = before.count(ns) ? before.at(ns) : empty;
      const auto& a = after.count(ns) ? after.at(ns) : empty;
      std::set<Key> listed_before = Listed(b), listed_after = Listed(a);
      if (listed_before != listed_after) {
        std::vector<jobs::ExecutionSummary> shown(a.begin(),
                                                  a.begin() + std::min(a.size(), kListed));
        std::string payload = notify::payloads::Notify(shown, now);
        IOTJOBS_RETURN_IF_ERROR(inner().AppendOutbox(notify::topics::Notify(thing, ns), payload, now));
        if (ns) {
          // The per-job form of the AWS CLI's documentation, for the jobs that changed.
          for (const auto& job_id : changed_jobs_[thing]) {
            IOTJOBS_RETURN_IF_ERROR(
                inner().AppendOutbox(notify::topics::NotifyForJob(thing, job_id, *ns), payload, now));
          }
        }
        wrote = true;
      }
      std::optional<Key> head_before, head_after;
      if (!b.empty()) head_before = Key(b.front().job_id, b.front().execution_number);
      if (!a.empty()) head_after = Key(a.front().job_id, a.front().execution_number);
      if (head_before != head_after) {
        std::optional<std::string> document;
        if (!a.empty()) {
          IOTJOBS_ASSIGN_OR_RETURN(document,
                                   LoadDocumentForDelivery(inner(), a.front().job_id,
                                                           options_.object_store, now));
        }
        std::optional<jobs::ExecutionSummary> head;
        if (!a.empty()) head = a.front();
        IOTJOBS_RETURN_IF_ERROR(inner().AppendOutbox(notify::topics::NotifyNext(thing, ns),
                                                    notify::payloads::NotifyNext(head, document, now),
                                                    now));
        wrote = true;
      }
    }
  }
  for (const auto& [topic, payload] : events_) {
    IOTJOBS_RETURN_IF_ERROR(inner().AppendOutbox(topic, payload, now));
    wrote = true;
  }
  before_.clear();
  events_.clear();
  return wrote;
}

}  // namespace iotjobs::service
