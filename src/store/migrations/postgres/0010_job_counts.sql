-- Job counters apart from the job's row: the same tables as SQLite migration 0014. Each
-- iotjobsd instance writes its own shard (registered in job_count_shards when it starts) and
-- numbers its changes, so that the lease holder's background worker finds the jobs whose
-- counters changed and decides on them (completion, abort) without any instance reading
-- another's row in its own transactions.
CREATE TABLE job_counts (
  account_id    TEXT COLLATE "C" NOT NULL,
  job_id        TEXT COLLATE "C" NOT NULL,
  shard         BIGINT NOT NULL,
  n_canceled    BIGINT NOT NULL DEFAULT 0,
  n_succeeded   BIGINT NOT NULL DEFAULT 0,
  n_failed      BIGINT NOT NULL DEFAULT 0,
  n_rejected    BIGINT NOT NULL DEFAULT 0,
  n_queued      BIGINT NOT NULL DEFAULT 0,
  n_in_progress BIGINT NOT NULL DEFAULT 0,
  n_removed     BIGINT NOT NULL DEFAULT 0,
  n_timed_out   BIGINT NOT NULL DEFAULT 0,
  seq           BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (account_id, job_id, shard)
);
CREATE INDEX job_counts_changes ON job_counts (shard, seq);

CREATE TABLE job_count_shards (
  shard      BIGINT PRIMARY KEY,
  created_at BIGINT NOT NULL
);
