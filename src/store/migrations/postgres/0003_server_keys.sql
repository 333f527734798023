-- Server keys: the same table as SQLite migration 0007.
CREATE TABLE server_keys (
  name  TEXT COLLATE "C" PRIMARY KEY,
  value TEXT NOT NULL
);
