-- The first schema. Every table is keyed by account first: accounts never see each other's
-- rows. Times are INTEGER milliseconds since the epoch. Portable SQL only
-- (docs/architecture.md, "Schema"), so the same shapes serve PostgreSQL.

CREATE TABLE things (
  account_id         TEXT NOT NULL,
  thing_name         TEXT NOT NULL,
  thing_id           TEXT NOT NULL,
  thing_type_name    TEXT,
  billing_group_name TEXT,
  attributes         TEXT NOT NULL,  -- JSON object of strings
  version            INTEGER NOT NULL,
  PRIMARY KEY (account_id, thing_name)
) WITHOUT ROWID;

CREATE TABLE thing_groups (
  account_id        TEXT NOT NULL,
  thing_group_name  TEXT NOT NULL,
  thing_group_id    TEXT NOT NULL,
  parent_group_name TEXT,
  description       TEXT,
  attributes        TEXT NOT NULL,
  version           INTEGER NOT NULL,
  creation_date     INTEGER NOT NULL,
  PRIMARY KEY (account_id, thing_group_name)
) WITHOUT ROWID;
CREATE UNIQUE INDEX thing_groups_by_id ON thing_groups (account_id, thing_group_id);
CREATE INDEX thing_groups_by_parent ON thing_groups (account_id, parent_group_name, thing_group_name);

CREATE TABLE thing_group_members (
  account_id       TEXT NOT NULL,
  thing_group_name TEXT NOT NULL,
  thing_name       TEXT NOT NULL,
  PRIMARY KEY (account_id, thing_group_name, thing_name)
) WITHOUT ROWID;
CREATE INDEX thing_group_members_by_thing ON thing_group_members (account_id, thing_name, thing_group_name);

-- Counters live in integer columns so that an execution's status change updates a small row.
CREATE TABLE jobs (
  account_id       TEXT NOT NULL,
  job_id           TEXT NOT NULL,
  status           TEXT NOT NULL,
  target_selection TEXT NOT NULL,
  namespace_id     TEXT,
  created_at       INTEGER NOT NULL,
  last_updated_at  INTEGER NOT NULL,
  completed_at     INTEGER,
  n_canceled       INTEGER NOT NULL DEFAULT 0,
  n_succeeded      INTEGER NOT NULL DEFAULT 0,
  n_failed         INTEGER NOT NULL DEFAULT 0,
  n_rejected       INTEGER NOT NULL DEFAULT 0,
  n_queued         INTEGER NOT NULL DEFAULT 0,
  n_in_progress    INTEGER NOT NULL DEFAULT 0,
  n_removed        INTEGER NOT NULL DEFAULT 0,
  n_timed_out      INTEGER NOT NULL DEFAULT 0,
  next_action_at   INTEGER,        -- when the background worker must look at the job
  details          TEXT NOT NULL,  -- JSON: targets, description, configurations, ...
  PRIMARY KEY (account_id, job_id)
) WITHOUT ROWID;
CREATE INDEX jobs_due ON jobs (next_action_at) WHERE next_action_at IS NOT NULL;

-- Documents are up to 32 KB and never change: kept apart so counter updates stay small.
CREATE TABLE job_documents (
  account_id TEXT NOT NULL,
  job_id     TEXT NOT NULL,
  document   TEXT NOT NULL,
  PRIMARY KEY (account_id, job_id)
) WITHOUT ROWID;

-- Which jobs target which thing groups: ListJobs' thingGroupName filter, and continuous jobs
-- reaching things that join a group later.
CREATE TABLE job_group_targets (
  account_id       TEXT NOT NULL,
  thing_group_name TEXT NOT NULL,
  job_id           TEXT NOT NULL,
  PRIMARY KEY (account_id, thing_group_name, job_id)
) WITHOUT ROWID;
CREATE INDEX job_group_targets_by_job ON job_group_targets (account_id, job_id);

CREATE TABLE job_executions (
  account_id             TEXT NOT NULL,
  job_id                 TEXT NOT NULL,
  thing_name             TEXT NOT NULL,
  execution_number       INTEGER NOT NULL,
  status                 TEXT NOT NULL,
  force_canceled         INTEGER NOT NULL,
  status_details         TEXT NOT NULL,  -- JSON object of strings
  queued_at              INTEGER NOT NULL,
  started_at             INTEGER,
  last_updated_at        INTEGER NOT NULL,
  version_number         INTEGER NOT NULL,
  retry_attempt          INTEGER NOT NULL,
  namespace_id           TEXT,
  in_progress_timeout_at INTEGER,
  step_timeout_at        INTEGER,
  timeout_at             INTEGER,  -- the earlier of the two: when the timer worker acts
  PRIMARY KEY (account_id, job_id, thing_name, execution_number)
) WITHOUT ROWID;
CREATE INDEX job_executions_by_thing ON job_executions (account_id, thing_name, job_id, execution_number);
-- The device's queue: only pending executions are indexed, so it stays small.
CREATE INDEX job_executions_pending ON job_executions (account_id, thing_name, status, queued_at)
  WHERE status IN ('QUEUED', 'IN_PROGRESS');
-- Running timers, across accounts, for the timer worker.
CREATE INDEX job_executions_timers ON job_executions (timeout_at) WHERE timeout_at IS NOT NULL;
