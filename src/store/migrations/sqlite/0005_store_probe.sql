-- One row the store rewrites, while its writes are failing (a full disk, an I/O error), to
-- find out when it can commit again: see SqliteStore's write health. The PostgreSQL store
-- probes its connection instead and has no such table.
CREATE TABLE store_probe (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  probed_at INTEGER NOT NULL
);
