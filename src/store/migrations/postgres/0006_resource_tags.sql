-- Resource tags: the same table as SQLite migration 0010, and the same move of the tags jobs
-- and job templates kept in their JSON `details`. jsonb cannot hold a NUL character: a row
-- whose details escape one (strpos finds the six characters \u0000) is left as it is; CASE
-- makes sure such a row is never cast.
CREATE TABLE resource_tags (
  account_id    TEXT COLLATE "C" NOT NULL,
  resource_type TEXT COLLATE "C" NOT NULL,
  resource_name TEXT COLLATE "C" NOT NULL,
  tag_key       TEXT COLLATE "C" NOT NULL,
  tag_value     TEXT,
  PRIMARY KEY (account_id, resource_type, resource_name, tag_key)
);

INSERT INTO resource_tags (account_id, resource_type, resource_name, tag_key, tag_value)
  SELECT j.account_id, 'job', j.job_id, t.value ->> 'Key', t.value ->> 'Value'
  FROM jobs j
  CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN strpos(j.details, '\u0000') <> 0 THEN '[]'::jsonb
           WHEN jsonb_typeof(j.details::jsonb -> 'tags') = 'array' THEN j.details::jsonb -> 'tags'
           ELSE '[]'::jsonb END) WITH ORDINALITY AS t(value, n)
  WHERE jsonb_typeof(t.value -> 'Key') = 'string'
  ORDER BY j.account_id, j.job_id, t.n
  ON CONFLICT DO NOTHING;
INSERT INTO resource_tags (account_id, resource_type, resource_name, tag_key, tag_value)
  SELECT jt.account_id, 'jobtemplate', jt.job_template_id, t.value ->> 'Key', t.value ->> 'Value'
  FROM job_templates jt
  CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN strpos(jt.details, '\u0000') <> 0 THEN '[]'::jsonb
           WHEN jsonb_typeof(jt.details::jsonb -> 'tags') = 'array' THEN jt.details::jsonb -> 'tags'
           ELSE '[]'::jsonb END) WITH ORDINALITY AS t(value, n)
  WHERE jsonb_typeof(t.value -> 'Key') = 'string'
  ORDER BY jt.account_id, jt.job_template_id, t.n
  ON CONFLICT DO NOTHING;
UPDATE jobs SET details = (details::jsonb - 'tags')::text
  WHERE CASE WHEN strpos(details, '\u0000') <> 0 THEN false
             ELSE details::jsonb -> 'tags' IS NOT NULL END;
UPDATE job_templates SET details = (details::jsonb - 'tags')::text
  WHERE CASE WHEN strpos(details, '\u0000') <> 0 THEN false
             ELSE details::jsonb -> 'tags' IS NOT NULL END;
