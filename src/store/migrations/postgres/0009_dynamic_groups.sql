-- Dynamic thing groups: the same columns and indexes as SQLite migration 0013.
ALTER TABLE thing_groups ADD COLUMN query_string TEXT;
ALTER TABLE thing_groups ADD COLUMN query_version TEXT;
ALTER TABLE thing_groups ADD COLUMN index_name TEXT;
ALTER TABLE thing_groups ADD COLUMN dynamic_status TEXT;
ALTER TABLE thing_groups ADD COLUMN fill_phase TEXT;
ALTER TABLE thing_groups ADD COLUMN fill_after TEXT COLLATE "C";

CREATE INDEX thing_groups_dynamic ON thing_groups (account_id, thing_group_name)
  WHERE query_string IS NOT NULL;
CREATE INDEX thing_groups_filling ON thing_groups (account_id, thing_group_name)
  WHERE fill_phase IS NOT NULL;
