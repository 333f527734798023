#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "jobs/job.h"
#include "jobs/job_execution.h"
#include "jobs/thing.h"
#include "store/execution_columns.h"
#include "store/job_columns.h"
#include "store/json_columns.h"
#include "store/store.h"

// The SELECT column lists of each entity and the one decoder of a row in that order, shared
// by every backend. A Row is whatever the backend reads a result row through (sqlite::
// Statement, postgres::Rows): it needs Text(i), Int(i), OptText(i), OptInt(i) and IsNull(i)
// with 0-based column numbers, in the order of the column list next to the decoder.
//
// The lists are macros because the backends build their SQL by string-literal concatenation
// ("SELECT " IOTJOBS_JOB_COLUMNS " FROM jobs ..."), and the INSERTs name the same columns.
namespace iotjobs::store {

#define IOTJOBS_EXECUTION_COLUMNS                                                         \
  "job_id, thing_name, execution_number, status, force_canceled, status_details, "        \
  "queued_at, started_at, last_updated_at, version_number, retry_attempt, namespace_id, " \
  "in_progress_timeout_at, step_timeout_at"

template <typename Row>
jobs::JobExecution ReadExecution(const Row& r) {
  jobs::JobExecution e;
  e.job_id = r.Text(0);
  e.thing_name = r.Text(1);
  e.execution_number = r.Int(2);
  e.status = jobs::ParseExecutionStatus(r.Text(3)).value_or(jobs::ExecutionStatus::kQueued);
  e.force_canceled = r.Int(4) != 0;
  e.status_details = StringMapFromJson(r.Text(5));
  e.queued_at = r.Int(6);
  e.started_at = r.OptInt(7);
  e.last_updated_at = r.Int(8);
  e.version_number = r.Int(9);
  e.retry_attempt = static_cast<int32_t>(r.Int(10));
  e.namespace_id = r.OptText(11);
  e.in_progress_timeout_at = r.OptInt(12);
  e.step_timeout_at = r.OptInt(13);
  return e;
}

// Exactly the columns of the covering indexes job_executions_by_thing and
// job_executions_pending (SQLite migration 0003, PostgreSQL 0001), so the per-thing page and
// the pending queue are answered from the index alone (the SQLite plans test checks it): add
// a column here only together with those indexes.
#define IOTJOBS_SUMMARY_COLUMNS                                           \
  "job_id, thing_name, execution_number, status, queued_at, started_at, " \
  "last_updated_at, version_number, retry_attempt, namespace_id"

template <typename Row>
jobs::ExecutionSummary ReadSummary(const Row& r) {
  jobs::ExecutionSummary e;
  e.job_id = r.Text(0);
  e.thing_name = r.Text(1);
  e.execution_number = r.Int(2);
  e.status = jobs::ParseExecutionStatus(r.Text(3)).value_or(jobs::ExecutionStatus::kQueued);
  e.queued_at = r.Int(4);
  e.started_at = r.OptInt(5);
  e.last_updated_at = r.Int(6);
  e.version_number = r.Int(7);
  e.retry_attempt = static_cast<int32_t>(r.Int(8));
  e.namespace_id = r.OptText(9);
  return e;
}

#define IOTJOBS_JOB_COLUMNS                                                                     \
  "job_id, status, target_selection, namespace_id, created_at, last_updated_at, completed_at, " \
  "n_canceled, n_succeeded, n_failed, n_rejected, n_queued, n_in_progress, n_removed, "         \
  "n_timed_out, details, next_action_at"

template <typename Row>
jobs::Job ReadJob(const Row& r) {
  jobs::Job job;
  job.job_id = r.Text(0);
  job.status = jobs::ParseJobStatus(r.Text(1)).value_or(jobs::JobStatus::kInProgress);
  job.target_selection =
      jobs::ParseTargetSelection(r.Text(2)).value_or(jobs::TargetSelection::kSnapshot);
  job.namespace_id = r.OptText(3);
  job.created_at = r.Int(4);
  job.last_updated_at = r.Int(5);
  if (!r.IsNull(6)) job.completed_at = r.Int(6);
  auto& d = job.process_details;
  d.canceled = r.Int(7);
  d.succeeded = r.Int(8);
  d.failed = r.Int(9);
  d.rejected = r.Int(10);
  d.queued = r.Int(11);
  d.in_progress = r.Int(12);
  d.removed = r.Int(13);
  d.timed_out = r.Int(14);
  JobDetailsFromJson(r.Text(15), job);
  job.next_action_at = r.OptInt(16);
  return job;
}

#define IOTJOBS_THING_COLUMNS \
  "thing_name, thing_id, thing_type_name, billing_group_name, attributes, version"

template <typename Row>
jobs::Thing ReadThing(const Row& r) {
  jobs::Thing t;
  t.thing_name = r.Text(0);
  t.thing_id = r.Text(1);
  t.thing_type_name = r.OptText(2);
  t.billing_group_name = r.OptText(3);
  t.attributes = StringMapFromJson(r.Text(4));
  t.version = r.Int(5);
  return t;
}

#define IOTJOBS_GROUP_COLUMNS                                                               \
  "thing_group_name, thing_group_id, parent_group_name, description, attributes, version, " \
  "creation_date, query_string, query_version, index_name, dynamic_status, fill_phase, "   \
  "fill_after"

template <typename Row>
jobs::ThingGroup ReadGroup(const Row& r) {
  jobs::ThingGroup g;
  g.thing_group_name = r.Text(0);
  g.thing_group_id = r.Text(1);
  g.parent_group_name = r.OptText(2);
  g.description = r.OptText(3);
  g.attributes = StringMapFromJson(r.Text(4));
  g.version = r.Int(5);
  g.creation_date = r.Int(6);
  if (auto query = r.OptText(7)) {
    g.dynamic = jobs::DynamicGroupQuery{*query,         r.Text(8),    r.Text(9), r.Text(10),
                                        r.OptText(11), r.OptText(12).value_or("")};
  }
  return g;
}

// The same for executions and summaries, keyed on (thing name, number) in the per-job lists
// and (job id, number) in the per-thing lists.
template <typename T>
Page<T> ExecutionLimitPlusOnePage(std::vector<T> items, int limit, bool key_is_thing) {
  return LimitPlusOnePage(std::move(items), limit, [key_is_thing](const T& last) {
    return ExecutionPageKey(key_is_thing ? last.thing_name : last.job_id, last.execution_number);
  });
}

}  // namespace iotjobs::store
