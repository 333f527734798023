-- Event configurations: the same table as SQLite migration 0009.
CREATE TABLE event_configurations (
  account_id       TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  enabled          TEXT NOT NULL,
  created_at       BIGINT NOT NULL,
  last_modified_at BIGINT NOT NULL
);
