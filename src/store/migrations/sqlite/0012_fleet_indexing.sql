-- Fleet indexing's configuration (UpdateIndexingConfiguration), one row per account that set
-- one; an account without a row has indexing OFF, as a new AWS account does. The index itself
-- is the registry's own tables: SearchIndex reads things, their attributes and their group
-- memberships where they are kept.
CREATE TABLE indexing_configurations (
  account_id          TEXT NOT NULL,
  thing_indexing_mode TEXT NOT NULL,  -- OFF or REGISTRY
  custom_fields       TEXT NOT NULL,  -- JSON array of {"name", "type"}, as the model spells them
  PRIMARY KEY (account_id)
) WITHOUT ROWID;

-- thingName terms match case-insensitively: the things whose name starts with a term's text
-- are a range of this index instead of a walk over every thing of the account
-- (store/sql/fleet_query_sql.cc, NameRange).
CREATE INDEX things_by_lower_name ON things (account_id, lower(thing_name));
