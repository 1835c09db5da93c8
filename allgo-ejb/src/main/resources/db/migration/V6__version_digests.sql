-- The digest of the manifest a version's push wrote and the registry holds: jobs and sandboxes run
-- the version by it, so that a later commit of the same number (which moves the tag) never changes it.
ALTER TABLE webapp_version ADD COLUMN digest VARCHAR(71);
