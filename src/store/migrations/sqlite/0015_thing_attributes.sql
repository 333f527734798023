-- Fleet indexing's index of attribute values: one row per attribute of every thing, kept by
-- the thing writes in the same transaction (store/sql/thing_attributes_sql.h). A selective
-- attributes.NAME term, prefix or text range reads its things' names here instead of walking
-- every thing and extracting the member from its JSON (store/sql/fleet_query_sql.cc,
-- bench/analysis.md [F2]). lower_value is lower(value) as the query compares it: the index
-- then serves exactly the comparisons the search makes; no search reads the value as written.
--
-- The key is the search's order, (account, name, value, thing), and there is no second
-- index: the writes find a thing's rows by the values its JSON column holds (the rows are
-- exactly those), so one B-tree serves both, at a third less time and space for the writes
-- than a key by thing with an index by value.
CREATE TABLE thing_attributes (
  account_id  TEXT NOT NULL,
  name        TEXT NOT NULL,
  lower_value TEXT NOT NULL,
  thing_name  TEXT NOT NULL,
  PRIMARY KEY (account_id, name, lower_value, thing_name)
) WITHOUT ROWID;

-- The things written before this version.
INSERT INTO thing_attributes (account_id, name, lower_value, thing_name)
  SELECT t.account_id, a.key, lower(a.value), t.thing_name
  FROM things t, json_each(t.attributes) a
  WHERE a.value IS NOT NULL;
