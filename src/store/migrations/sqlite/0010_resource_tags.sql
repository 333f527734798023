-- Resource tags (TagResource, UntagResource, ListTagsForResource, and the tags CreateJob,
-- CreateJobTemplate and CreateThingGroup take): a table of their own, so that tagging never
-- rewrites a job's row (docs/architecture.md, "Schema"). A resource is named as its ARN names
-- it, by type ("job", "jobtemplate", "thinggroup") and name: the ARN's region is a server
-- option, not data. tag_value is NULL for a tag given without a Value.
CREATE TABLE resource_tags (
  account_id    TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_name TEXT NOT NULL,
  tag_key       TEXT NOT NULL,
  tag_value     TEXT,
  PRIMARY KEY (account_id, resource_type, resource_name, tag_key)
) WITHOUT ROWID;

-- Jobs and job templates kept the tags they were created with in their JSON `details`, where
-- nothing could read them back: they move here (the first of a key given twice wins).
INSERT OR IGNORE INTO resource_tags (account_id, resource_type, resource_name, tag_key, tag_value)
  SELECT j.account_id, 'job', j.job_id, json_extract(t.value, '$.Key'),
         json_extract(t.value, '$.Value')
  FROM jobs j, json_each(j.details, '$.tags') t
  WHERE json_valid(j.details) AND json_type(t.value, '$.Key') = 'text';
INSERT OR IGNORE INTO resource_tags (account_id, resource_type, resource_name, tag_key, tag_value)
  SELECT jt.account_id, 'jobtemplate', jt.job_template_id, json_extract(t.value, '$.Key'),
         json_extract(t.value, '$.Value')
  FROM job_templates jt, json_each(jt.details, '$.tags') t
  WHERE json_valid(jt.details) AND json_type(t.value, '$.Key') = 'text';
UPDATE jobs SET details = json_remove(details, '$.tags')
  WHERE json_valid(details) AND json_type(details, '$.tags') IS NOT NULL;
UPDATE job_templates SET details = json_remove(details, '$.tags')
  WHERE json_valid(details) AND json_type(details, '$.tags') IS NOT NULL;
