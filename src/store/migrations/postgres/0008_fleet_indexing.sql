-- Fleet indexing: the same table and index as SQLite migration 0012.
CREATE TABLE indexing_configurations (
  account_id          TEXT COLLATE "C" NOT NULL,
  thing_indexing_mode TEXT NOT NULL,
  custom_fields       TEXT NOT NULL,
  PRIMARY KEY (account_id)
);

CREATE INDEX things_by_lower_name ON things (account_id, (lower(thing_name) COLLATE "C"));
