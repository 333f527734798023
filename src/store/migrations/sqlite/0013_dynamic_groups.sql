-- Dynamic thing groups (CreateDynamicThingGroup): a thing group with a fleet indexing query.
-- Their members are rows of thing_group_members like a static group's, kept to the query by
-- the writes that change a thing and by the background fill (jobs/thing.h,
-- DynamicGroupQuery). query_string is NULL for a static group.
ALTER TABLE thing_groups ADD COLUMN query_string TEXT;
ALTER TABLE thing_groups ADD COLUMN query_version TEXT;
ALTER TABLE thing_groups ADD COLUMN index_name TEXT;
ALTER TABLE thing_groups ADD COLUMN dynamic_status TEXT;
ALTER TABLE thing_groups ADD COLUMN fill_phase TEXT;
ALTER TABLE thing_groups ADD COLUMN fill_after TEXT;

-- Every write that changes a thing reads the account's dynamic groups: a few rows of an
-- index instead of a walk over every group.
CREATE INDEX thing_groups_dynamic ON thing_groups (account_id, thing_group_name)
  WHERE query_string IS NOT NULL;
-- The background worker's list of groups being filled, in every account.
CREATE INDEX thing_groups_filling ON thing_groups (account_id, thing_group_name)
  WHERE fill_phase IS NOT NULL;
