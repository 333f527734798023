-- Leases on background work: of several iotjobsd instances on one database, only the holder
-- of a lease runs that work (the timer sweeps, the outbox relay, the MQTT request topics).
-- One SQLite file has one iotjobsd, which takes its leases at once; the table is here so that
-- every backend has the same schema and the same code path.
CREATE TABLE leases (
  name       TEXT PRIMARY KEY,
  holder     TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);
