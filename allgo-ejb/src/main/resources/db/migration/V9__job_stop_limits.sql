-- A running job may also be stopped for printing, or writing, more than a job may.
ALTER TABLE job DROP CONSTRAINT ck_job_stop;
ALTER TABLE job ADD CONSTRAINT ck_job_stop
  CHECK (stop_request IS NULL OR stop_request IN ('ABORT', 'TIMEOUT', 'LOG_LIMIT', 'OUTPUT_LIMIT'));
