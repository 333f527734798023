-- Fleet indexing: the same table as SQLite migration 0012.
CREATE TABLE indexing_configurations (
  account_id          TEXT COLLATE "C" NOT NULL,
  thing_indexing_mode TEXT NOT NULL,
  custom_fields       TEXT NOT NULL,
  PRIMARY KEY (account_id)
);
