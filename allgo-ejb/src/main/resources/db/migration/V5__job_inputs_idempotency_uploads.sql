-- The files a job was submitted with, in order, so that it can run again with the same inputs
-- (its directory mixes them with its outputs). Jobs submitted before this migration have none.
CREATE TABLE job_input (
  job_id     BIGINT       NOT NULL,
  file_index INT          NOT NULL,
  name       VARCHAR(255) NOT NULL,
  CONSTRAINT pk_job_input PRIMARY KEY (job_id, file_index),
  CONSTRAINT fk_job_input_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
);

-- Idempotency keys of job submissions (the Idempotency-Key header), per caller, kept a day. The
-- key is stored as its SHA-256 in hex, compared exactly whatever the database's collation; the
-- fingerprint is the SHA-256 of the request, set with the job once the first request succeeded.
CREATE TABLE idempotency_key (
  id          BIGINT      NOT NULL AUTO_INCREMENT,
  user_id     BIGINT      NOT NULL,
  key_hash    CHAR(64)    NOT NULL,
  fingerprint CHAR(64),
  job_id      BIGINT,
  created_at  DATETIME(3) NOT NULL,
  CONSTRAINT pk_idempotency_key PRIMARY KEY (id),
  CONSTRAINT uq_idempotency_key UNIQUE (user_id, key_hash),
  CONSTRAINT fk_idempotency_key_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_idempotency_key_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
);
CREATE INDEX ix_idempotency_key_created ON idempotency_key (created_at);

-- Files uploaded ahead of a JSON job submission, named by a random id (lower-case hex). They
-- expire after a few hours; job_id is set when a job took the file.
CREATE TABLE job_upload (
  id         CHAR(32)     NOT NULL,
  user_id    BIGINT       NOT NULL,
  name       VARCHAR(255) NOT NULL,
  size_bytes BIGINT       NOT NULL,
  job_id     BIGINT,
  created_at DATETIME(3)  NOT NULL,
  expires_at DATETIME(3)  NOT NULL,
  CONSTRAINT pk_job_upload PRIMARY KEY (id),
  CONSTRAINT fk_job_upload_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
  CONSTRAINT fk_job_upload_job FOREIGN KEY (job_id) REFERENCES job (id) ON DELETE CASCADE
);
CREATE INDEX ix_job_upload_user ON job_upload (user_id, job_id);
CREATE INDEX ix_job_upload_expires ON job_upload (expires_at);
