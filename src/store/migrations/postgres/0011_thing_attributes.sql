-- Fleet indexing's index of attribute values: the same table as SQLite migration 0015. The
-- search compares lower(value) COLLATE "C" (bytewise), so lower_value is kept in that
-- collation and the index serves the same comparisons.
CREATE TABLE thing_attributes (
  account_id  TEXT COLLATE "C" NOT NULL,
  thing_name  TEXT COLLATE "C" NOT NULL,
  name        TEXT COLLATE "C" NOT NULL,
  lower_value TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account_id, thing_name, name)
);
CREATE INDEX thing_attributes_by_value ON thing_attributes (account_id, name, lower_value,
                                                            thing_name);

-- The things written before this version.
INSERT INTO thing_attributes (account_id, thing_name, name, lower_value)
  SELECT t.account_id, t.thing_name, a.key, lower(a.value)
  FROM things t, jsonb_each_text(CAST(t.attributes AS jsonb)) a
  WHERE a.value IS NOT NULL;
