-- Fleet indexing's index of attribute values: one row per attribute of every thing, kept by
-- the thing writes in the same transaction (store/sql/thing_attributes_sql.h). A selective
-- attributes.NAME term, prefix or text range reads its things' names here instead of walking
-- every thing and extracting the member from its JSON (store/sql/fleet_query_sql.cc,
-- bench/analysis.md [F2]). lower_value is lower(value) as the query compares it: the index
-- then serves exactly the comparisons the search makes; no search reads the value as written.
CREATE TABLE thing_attributes (
  account_id  TEXT NOT NULL,
  thing_name  TEXT NOT NULL,
  name        TEXT NOT NULL,
  lower_value TEXT NOT NULL,
  PRIMARY KEY (account_id, thing_name, name)
) WITHOUT ROWID;
CREATE INDEX thing_attributes_by_value ON thing_attributes (account_id, name, lower_value,
                                                            thing_name);

-- The things written before this version.
INSERT INTO thing_attributes (account_id, thing_name, name, lower_value)
  SELECT t.account_id, t.thing_name, a.key, lower(a.value)
  FROM things t, json_each(t.attributes) a
  WHERE a.value IS NOT NULL;
