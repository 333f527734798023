-- The document parameters of jobs made from AWS managed templates: the same column as SQLite
-- migration 0008.
ALTER TABLE job_documents ADD COLUMN parameters TEXT;
