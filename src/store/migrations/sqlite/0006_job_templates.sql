-- Custom job templates (CreateJobTemplate), per account like everything else. The document
-- (up to 32 KB) is a column of its own; `details` holds the description, configurations and
-- tags as JSON (codec/job_template_json.h), none of which a query filters on.
CREATE TABLE job_templates (
  account_id      TEXT NOT NULL,
  job_template_id TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  document        TEXT NOT NULL,
  details         TEXT NOT NULL,
  PRIMARY KEY (account_id, job_template_id)
) WITHOUT ROWID;
