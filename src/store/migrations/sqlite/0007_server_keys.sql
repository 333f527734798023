-- Secrets the server makes once and keeps, shared by every instance on one database: the key
-- that authenticates pagination tokens (api/page_tokens.h), so that a token one instance gave
-- out is accepted by another, and after a restart. Not account data: a reset keeps them.
CREATE TABLE server_keys (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
