-- The transactional outbox: MQTT messages (job notifications and events) written in the same
-- transaction as the change that causes them, and deleted only after the broker acknowledged
-- them. `seq` orders them; a relay publishes in that order.
CREATE TABLE outbox (
  seq        INTEGER PRIMARY KEY AUTOINCREMENT,
  account_id TEXT NOT NULL,
  topic      TEXT NOT NULL,
  payload    TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
