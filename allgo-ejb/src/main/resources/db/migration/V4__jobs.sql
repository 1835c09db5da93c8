-- Jobs: a run of a webapp's version with the caller's files and parameters, in a queue.
-- The webapp and version columns keep their names, so that a job outlives its webapp.
CREATE TABLE job (
  id             BIGINT        NOT NULL AUTO_INCREMENT,
  user_id        BIGINT        NOT NULL,
  webapp_id      BIGINT,
  webapp_name    VARCHAR(63)   NOT NULL,
  version_id     BIGINT,
  version_number VARCHAR(32)   NOT NULL,
  image          VARCHAR(255)  NOT NULL,
  queue_id       BIGINT        NOT NULL,
  param          VARCHAR(4096) NOT NULL DEFAULT '',
  state          VARCHAR(16)   NOT NULL,
  result         VARCHAR(16)   NOT NULL DEFAULT 'NONE',
  reason         VARCHAR(1000),
  stop_request   VARCHAR(16),
  exit_code      INT,
  oom_killed     BOOLEAN       NOT NULL DEFAULT FALSE,
  notify         BOOLEAN       NOT NULL DEFAULT FALSE,
  input_bytes    BIGINT        NOT NULL DEFAULT 0,
  output_bytes   BIGINT,
  container_id   VARCHAR(80),
  docker_host    VARCHAR(255),
  claimed_by     VARCHAR(100),
  created_at     DATETIME(3)   NOT NULL,
  queued_at      DATETIME(3),
  started_at     DATETIME(3),
  finished_at    DATETIME(3),
  CONSTRAINT pk_job PRIMARY KEY (id),
  CONSTRAINT fk_job_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_job_webapp FOREIGN KEY (webapp_id) REFERENCES webapp (id) ON DELETE SET NULL,
  CONSTRAINT fk_job_version FOREIGN KEY (version_id) REFERENCES webapp_version (id) ON DELETE SET NULL,
  CONSTRAINT fk_job_queue FOREIGN KEY (queue_id) REFERENCES job_queue (id),
  CONSTRAINT ck_job_state CHECK (state IN ('NEW', 'WAITING', 'RUNNING', 'DONE', 'ARCHIVED', 'DELETED')),
  CONSTRAINT ck_job_result CHECK (result IN ('NONE', 'SUCCESS', 'ERROR', 'ABORTED', 'TIMEOUT')),
  CONSTRAINT ck_job_stop CHECK (stop_request IS NULL OR stop_request IN ('ABORT', 'TIMEOUT'))
);
-- The dispatcher's questions: what waits or runs in a queue, per user; a user's own jobs.
CREATE INDEX ix_job_queue_state ON job (queue_id, state, user_id, id);
CREATE INDEX ix_job_state_finished ON job (state, finished_at);
CREATE INDEX ix_job_user ON job (user_id, id);
CREATE INDEX ix_job_webapp_state ON job (webapp_id, state);
