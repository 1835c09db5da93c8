-- The job lists of the pages: a user's jobs by state (counted from the index alone), and every
-- user's jobs of one webapp for superusers, both newest first.
CREATE INDEX ix_job_user_state ON job (user_id, state, id);
CREATE INDEX ix_job_webapp_name ON job (webapp_name, id);
