-- Fleet indexing's index of attribute values: the same table as SQLite migration 0015. The
-- search compares lower(value) COLLATE "C" (bytewise), so lower_value is kept in that
-- collation and the key serves the same comparisons.
CREATE TABLE thing_attributes (
  account_id  TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  lower_value TEXT COLLATE "C" NOT NULL,
  thing_name  TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, name, lower_value, thing_name)
);

-- The things written before this version.
INSERT INTO thing_attributes (account_id, name, lower_value, thing_name)
  SELECT t.account_id, a.key, lower(a.value), t.thing_name
  FROM things t, jsonb_each_text(CAST(t.attributes AS jsonb)) a
  WHERE a.value IS NOT NULL;
