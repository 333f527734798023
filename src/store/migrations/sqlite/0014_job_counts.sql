-- Job counters apart from the job's row (store/sql/sql_job_counts.cc): a job's
-- jobProcessDetails are its jobs row's n_* columns plus its rows here, one per writer
-- (shard). An execution change adds to its writer's row instead of rewriting the job's row.
-- SQLite has one writer, shard 0, and does not number its changes (seq stays 0).
CREATE TABLE job_counts (
  account_id    TEXT NOT NULL,
  job_id        TEXT NOT NULL,
  shard         INTEGER NOT NULL,
  n_canceled    INTEGER NOT NULL DEFAULT 0,
  n_succeeded   INTEGER NOT NULL DEFAULT 0,
  n_failed      INTEGER NOT NULL DEFAULT 0,
  n_rejected    INTEGER NOT NULL DEFAULT 0,
  n_queued      INTEGER NOT NULL DEFAULT 0,
  n_in_progress INTEGER NOT NULL DEFAULT 0,
  n_removed     INTEGER NOT NULL DEFAULT 0,
  n_timed_out   INTEGER NOT NULL DEFAULT 0,
  seq           INTEGER NOT NULL DEFAULT 0,  -- the writer's number of its latest change here
  PRIMARY KEY (account_id, job_id, shard)
) WITHOUT ROWID;
-- The background worker finds the jobs a writer changed since it last looked.
CREATE INDEX job_counts_changes ON job_counts (shard, seq);

-- The writers that number their changes (one per PostgreSQL instance); none on SQLite.
CREATE TABLE job_count_shards (
  shard      INTEGER PRIMARY KEY,
  created_at INTEGER NOT NULL
);
