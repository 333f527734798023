-- Custom job templates: the same table as SQLite migration 0006.
CREATE TABLE job_templates (
  account_id      TEXT COLLATE "C" NOT NULL,
  job_template_id TEXT COLLATE "C" NOT NULL,
  created_at      BIGINT NOT NULL,
  document        TEXT NOT NULL,
  details         TEXT NOT NULL,
  PRIMARY KEY (account_id, job_template_id)
);
