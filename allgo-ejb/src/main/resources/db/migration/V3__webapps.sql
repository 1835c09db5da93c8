-- Webapps: published programs, their sandboxes and their versions (images in the registry).

-- Images a sandbox may start from, managed by superusers.
CREATE TABLE base_image (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  name       VARCHAR(100) NOT NULL,
  image      VARCHAR(255) NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  CONSTRAINT pk_base_image PRIMARY KEY (id),
  CONSTRAINT uq_base_image_name UNIQUE (name)
);
INSERT INTO base_image (name, image, created_at) VALUES ('busybox', 'allgo/busybox:latest', CURRENT_TIMESTAMP);
INSERT INTO base_image (name, image, created_at) VALUES ('Debian 12', 'allgo/debian:12', CURRENT_TIMESTAMP);

-- docker_name is the SSH login name and names the sandbox container <env>-user-<docker_name>.
CREATE TABLE webapp (
  id                   BIGINT        NOT NULL AUTO_INCREMENT,
  name                 VARCHAR(100)  NOT NULL,
  docker_name          VARCHAR(63)   NOT NULL,
  description          TEXT,
  documentation        TEXT,
  contact_email        VARCHAR(254),
  owner_id             BIGINT        NOT NULL,
  visibility           VARCHAR(16)   NOT NULL,
  default_queue_id     BIGINT,
  memory_mb            INT           NOT NULL,
  entrypoint           VARCHAR(255)  NOT NULL,
  input_patterns       VARCHAR(255)  NOT NULL DEFAULT '',
  network_allowed      BOOLEAN       NOT NULL DEFAULT FALSE,
  pinned_version_id    BIGINT,
  sandbox_state        VARCHAR(16)   NOT NULL DEFAULT 'IDLE',
  sandbox_reason       VARCHAR(1000),
  sandbox_image        VARCHAR(255),
  sandbox_started_at   DATETIME(3),
  created_at           DATETIME(3)   NOT NULL,
  CONSTRAINT pk_webapp PRIMARY KEY (id),
  CONSTRAINT uq_webapp_docker_name UNIQUE (docker_name),
  CONSTRAINT fk_webapp_owner FOREIGN KEY (owner_id) REFERENCES users (id),
  CONSTRAINT fk_webapp_queue FOREIGN KEY (default_queue_id) REFERENCES job_queue (id),
  CONSTRAINT ck_webapp_visibility CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
  CONSTRAINT ck_webapp_sandbox CHECK (sandbox_state IN ('IDLE', 'STARTING', 'RUNNING', 'STOPPING', 'ERROR'))
);
CREATE INDEX ix_webapp_owner ON webapp (owner_id);

-- A committed sandbox. The same number committed again REPLACES the earlier version.
CREATE TABLE webapp_version (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  webapp_id          BIGINT        NOT NULL,
  number             VARCHAR(32)   NOT NULL,
  description        VARCHAR(1000) NOT NULL DEFAULT '',
  state              VARCHAR(16)   NOT NULL,
  image              VARCHAR(255),
  size_bytes         BIGINT,
  error_reason       VARCHAR(1000),
  batch_execution_id BIGINT,
  created_at         DATETIME(3)   NOT NULL,
  CONSTRAINT pk_webapp_version PRIMARY KEY (id),
  CONSTRAINT fk_webapp_version_webapp FOREIGN KEY (webapp_id) REFERENCES webapp (id) ON DELETE CASCADE,
  CONSTRAINT ck_webapp_version_state CHECK (state IN ('SANDBOX', 'COMMITTED', 'READY', 'ERROR', 'REPLACED'))
);
CREATE INDEX ix_webapp_version_number ON webapp_version (webapp_id, number);

ALTER TABLE webapp ADD CONSTRAINT fk_webapp_pinned FOREIGN KEY (pinned_version_id) REFERENCES webapp_version (id) ON DELETE SET NULL;
