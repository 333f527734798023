-- The document parameters of a job made from an AWS managed template, beside its document:
-- devices get the document with its ${aws:iot:parameter:KEY} placeholders replaced by them,
-- and both are read in the one point read a device request already makes. A JSON object of
-- strings (documentParameters as given); NULL for every job not made from a managed template,
-- whose document is sent as it is.
ALTER TABLE job_documents ADD COLUMN parameters TEXT;
