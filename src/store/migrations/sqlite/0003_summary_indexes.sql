-- Execution summaries from an index alone. job_executions is WITHOUT ROWID, so an index holds
-- only its columns and the primary key: ListJobExecutionsForThing and the device's pending
-- queue (GetPendingJobExecutions, the MQTT get, notify) read every other column with a second
-- descent of the primary key per row, and at 10^7 executions that is ~2 disk reads per row.
-- Both indexes now hold what a summary shows (jobs::ExecutionSummary): a page is a range of
-- one index, O(page) reads whatever the table's size. The price: an execution's update now
-- rewrites its entry in both indexes (status, lastUpdatedAt and versionNumber are in them).
-- Key order is unchanged, so both lists keep their order without a sort.
DROP INDEX job_executions_by_thing;
CREATE INDEX job_executions_by_thing ON job_executions (
  account_id, thing_name, job_id, execution_number,
  status, queued_at, started_at, last_updated_at, version_number, retry_attempt, namespace_id);

DROP INDEX job_executions_pending;
CREATE INDEX job_executions_pending ON job_executions (
  account_id, thing_name, status, queued_at, job_id, execution_number,
  started_at, last_updated_at, version_number, retry_attempt, namespace_id)
  WHERE status IN ('QUEUED', 'IN_PROGRESS');
