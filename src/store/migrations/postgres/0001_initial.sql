-- The PostgreSQL schema: the end state of SQLite migrations 0001-0004, the same tables,
-- columns and indexes, so that both backends answer every query with the same rows in the
-- same order. Portable SQL (docs/architecture.md, "Schema"): no PostgreSQL-only types; JSON
-- is TEXT, times are BIGINT milliseconds since the epoch, booleans are 0/1 integers as in
-- SQLite.
--
-- Text that is compared or ordered is COLLATE "C": SQLite compares text bytewise, while
-- PostgreSQL would use the database's locale ('B' < 'a' in bytes, 'a' < 'B' in en_US), and
-- keyset pages ("name > last") must follow the one order the SQLite backend follows.

CREATE TABLE things (
  account_id         TEXT COLLATE "C" NOT NULL,
  thing_name         TEXT COLLATE "C" NOT NULL,
  thing_id           TEXT COLLATE "C" NOT NULL,
  thing_type_name    TEXT COLLATE "C",
  billing_group_name TEXT COLLATE "C",
  attributes         TEXT NOT NULL,  -- JSON object of strings
  version            BIGINT NOT NULL,
  PRIMARY KEY (account_id, thing_name)
);

CREATE TABLE thing_groups (
  account_id        TEXT COLLATE "C" NOT NULL,
  thing_group_name  TEXT COLLATE "C" NOT NULL,
  thing_group_id    TEXT COLLATE "C" NOT NULL,
  parent_group_name TEXT COLLATE "C",
  description       TEXT,
  attributes        TEXT NOT NULL,
  version           BIGINT NOT NULL,
  creation_date     BIGINT NOT NULL,
  PRIMARY KEY (account_id, thing_group_name)
);
CREATE UNIQUE INDEX thing_groups_by_id ON thing_groups (account_id, thing_group_id);
CREATE INDEX thing_groups_by_parent ON thing_groups (account_id, parent_group_name, thing_group_name);

CREATE TABLE thing_group_members (
  account_id       TEXT COLLATE "C" NOT NULL,
  thing_group_name TEXT COLLATE "C" NOT NULL,
  thing_name       TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, thing_group_name, thing_name)
);
CREATE INDEX thing_group_members_by_thing ON thing_group_members (account_id, thing_name, thing_group_name);

-- Counters live in integer columns so that an execution's status change updates a small row.
CREATE TABLE jobs (
  account_id       TEXT COLLATE "C" NOT NULL,
  job_id           TEXT COLLATE "C" NOT NULL,
  status           TEXT COLLATE "C" NOT NULL,
  target_selection TEXT COLLATE "C" NOT NULL,
  namespace_id     TEXT COLLATE "C",
  created_at       BIGINT NOT NULL,
  last_updated_at  BIGINT NOT NULL,
  completed_at     BIGINT,
  n_canceled       BIGINT NOT NULL DEFAULT 0,
  n_succeeded      BIGINT NOT NULL DEFAULT 0,
  n_failed         BIGINT NOT NULL DEFAULT 0,
  n_rejected       BIGINT NOT NULL DEFAULT 0,
  n_queued         BIGINT NOT NULL DEFAULT 0,
  n_in_progress    BIGINT NOT NULL DEFAULT 0,
  n_removed        BIGINT NOT NULL DEFAULT 0,
  n_timed_out      BIGINT NOT NULL DEFAULT 0,
  next_action_at   BIGINT,         -- when the background worker must look at the job
  details          TEXT NOT NULL,  -- JSON: targets, description, configurations, ...
  PRIMARY KEY (account_id, job_id)
);
-- The key columns follow the time, as in SQLite's index (whose entries end with the key):
-- ListDueJobs breaks ties in time by key.
CREATE INDEX jobs_due ON jobs (next_action_at, account_id, job_id) WHERE next_action_at IS NOT NULL;

-- Documents are up to 32 KB and never change: kept apart so counter updates stay small.
CREATE TABLE job_documents (
  account_id TEXT COLLATE "C" NOT NULL,
  job_id     TEXT COLLATE "C" NOT NULL,
  document   TEXT NOT NULL,
  PRIMARY KEY (account_id, job_id)
);

-- Which jobs target which thing groups: ListJobs' thingGroupName filter, and continuous jobs
-- reaching things that join a group later.
CREATE TABLE job_group_targets (
  account_id       TEXT COLLATE "C" NOT NULL,
  thing_group_name TEXT COLLATE "C" NOT NULL,
  job_id           TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, thing_group_name, job_id)
);
CREATE INDEX job_group_targets_by_job ON job_group_targets (account_id, job_id);

CREATE TABLE job_executions (
  account_id             TEXT COLLATE "C" NOT NULL,
  job_id                 TEXT COLLATE "C" NOT NULL,
  thing_name             TEXT COLLATE "C" NOT NULL,
  execution_number       BIGINT NOT NULL,
  status                 TEXT COLLATE "C" NOT NULL,
  force_canceled         INTEGER NOT NULL,
  status_details         TEXT NOT NULL,  -- JSON object of strings
  queued_at              BIGINT NOT NULL,
  started_at             BIGINT,
  last_updated_at        BIGINT NOT NULL,
  version_number         BIGINT NOT NULL,
  retry_attempt          BIGINT NOT NULL,
  namespace_id           TEXT COLLATE "C",
  in_progress_timeout_at BIGINT,
  step_timeout_at        BIGINT,
  timeout_at             BIGINT,  -- the earlier of the two: when the timer worker acts
  PRIMARY KEY (account_id, job_id, thing_name, execution_number)
);
-- Execution summaries from an index alone (SQLite 0003): both indexes hold what a summary
-- shows (jobs::ExecutionSummary), so ListJobExecutionsForThing and the device's pending queue
-- can be index-only scans. The extra columns are plain key columns rather than INCLUDE, which
-- is PostgreSQL-only.
CREATE INDEX job_executions_by_thing ON job_executions (
  account_id, thing_name, job_id, execution_number,
  status, queued_at, started_at, last_updated_at, version_number, retry_attempt, namespace_id);
-- The device's queue: only pending executions are indexed, so it stays small.
CREATE INDEX job_executions_pending ON job_executions (
  account_id, thing_name, status, queued_at, job_id, execution_number,
  started_at, last_updated_at, version_number, retry_attempt, namespace_id)
  WHERE status IN ('QUEUED', 'IN_PROGRESS');
-- Running timers, across accounts, for the timer worker; ties in time by key, as jobs_due.
CREATE INDEX job_executions_timers ON job_executions (
  timeout_at, account_id, job_id, thing_name, execution_number)
  WHERE timeout_at IS NOT NULL;

-- The transactional outbox: MQTT messages (job notifications and events) written in the same
-- transaction as the change that causes them, and deleted only after the broker acknowledged
-- them. `seq` orders them; a relay publishes in that order. Unlike SQLite's single writer,
-- concurrent transactions may commit their seqs out of order: the relay rescans for that.
CREATE TABLE outbox (
  seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id TEXT COLLATE "C" NOT NULL,
  topic      TEXT NOT NULL,
  payload    TEXT NOT NULL,
  created_at BIGINT NOT NULL
);

-- Leases on background work: of several iotjobsd instances on one database, only the holder
-- of a lease runs that work (the timer sweeps, the outbox relay, the MQTT request topics).
CREATE TABLE leases (
  name       TEXT COLLATE "C" PRIMARY KEY,
  holder     TEXT COLLATE "C" NOT NULL,
  expires_at BIGINT NOT NULL
);
