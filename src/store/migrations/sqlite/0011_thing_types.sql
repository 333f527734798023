-- Thing types (CreateThingType), per account like everything else. `properties` holds
-- ThingTypeProperties as JSON (thingTypeDescription, searchableAttributes), which no query
-- filters on; deprecation_date is set while the type is deprecated.
CREATE TABLE thing_types (
  account_id       TEXT NOT NULL,
  thing_type_name  TEXT NOT NULL,
  thing_type_id    TEXT NOT NULL,
  creation_date    INTEGER NOT NULL,
  deprecation_date INTEGER,
  properties       TEXT NOT NULL,
  PRIMARY KEY (account_id, thing_type_name)
) WITHOUT ROWID;

-- The things of a type: ListThings' thingTypeName filter, and DeleteThingType's check that
-- no thing has the type any more.
CREATE INDEX things_by_type ON things (account_id, thing_type_name, thing_name)
  WHERE thing_type_name IS NOT NULL;
