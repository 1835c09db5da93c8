-- Job queues: each sets the timeout, CPU share and concurrency of the jobs sent to it.
-- 'standard' is the default queue, as on the original platform.
CREATE TABLE job_queue (
  id              BIGINT       NOT NULL AUTO_INCREMENT,
  name            VARCHAR(64)  NOT NULL,
  description     VARCHAR(255) NOT NULL DEFAULT '',
  timeout_seconds INT          NOT NULL,
  cpu_millis      INT          NOT NULL,
  max_jobs        INT          NOT NULL,
  retention_days  INT          NOT NULL,
  is_default      BOOLEAN      NOT NULL DEFAULT FALSE,
  CONSTRAINT pk_job_queue PRIMARY KEY (id),
  CONSTRAINT uq_job_queue_name UNIQUE (name)
);

INSERT INTO job_queue (name, description, timeout_seconds, cpu_millis, max_jobs, retention_days, is_default)
VALUES ('standard', 'Default queue', 3600, 1000, 2, 30, TRUE);
