-- Event configurations (UpdateEventConfigurations): one row per account that set one.
-- `enabled` is a JSON object of EventType to boolean; the times are those of the first and
-- the latest update (DescribeEventConfigurations' creationDate and lastModifiedDate).
CREATE TABLE event_configurations (
  account_id       TEXT NOT NULL PRIMARY KEY,
  enabled          TEXT NOT NULL,
  created_at       INTEGER NOT NULL,
  last_modified_at INTEGER NOT NULL
) WITHOUT ROWID;
