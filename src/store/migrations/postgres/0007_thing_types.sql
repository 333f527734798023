-- Thing types: the same table and index as SQLite migration 0011.
CREATE TABLE thing_types (
  account_id       TEXT COLLATE "C" NOT NULL,
  thing_type_name  TEXT COLLATE "C" NOT NULL,
  thing_type_id    TEXT NOT NULL,
  creation_date    BIGINT NOT NULL,
  deprecation_date BIGINT,
  properties       TEXT NOT NULL,
  PRIMARY KEY (account_id, thing_type_name)
);

CREATE INDEX things_by_type ON things (account_id, thing_type_name, thing_name)
  WHERE thing_type_name IS NOT NULL;
