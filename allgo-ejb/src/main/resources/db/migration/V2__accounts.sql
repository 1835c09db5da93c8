-- Accounts: users, single-use links sent by mail, SSH public keys, failed sign-ins.
-- Times are UTC instants (DATETIME(3): no time-zone conversion, no implicit defaults).

CREATE TABLE users (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  email               VARCHAR(254) NOT NULL,
  name                VARCHAR(100) NOT NULL,
  password_hash       VARCHAR(255) NOT NULL,
  role                VARCHAR(16)  NOT NULL,
  state               VARCHAR(16)  NOT NULL,
  api_token_hash      CHAR(64),
  notify_job_finished BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at          DATETIME(3)  NOT NULL,
  CONSTRAINT pk_users PRIMARY KEY (id),
  CONSTRAINT uq_users_email UNIQUE (email),
  CONSTRAINT uq_users_api_token UNIQUE (api_token_hash),
  CONSTRAINT ck_users_role CHECK (role IN ('USER', 'SUPERUSER')),
  CONSTRAINT ck_users_state CHECK (state IN ('UNCONFIRMED', 'ACTIVE', 'LOCKED'))
);

-- Confirmation and password-reset links: only the SHA-256 of the secret is kept.
CREATE TABLE mail_token (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  user_id    BIGINT       NOT NULL,
  purpose    VARCHAR(16)  NOT NULL,
  token_hash CHAR(64)     NOT NULL,
  email      VARCHAR(254) NOT NULL,
  created_at DATETIME(3)  NOT NULL,
  expires_at DATETIME(3)  NOT NULL,
  used_at    DATETIME(3),
  CONSTRAINT pk_mail_token PRIMARY KEY (id),
  CONSTRAINT uq_mail_token_hash UNIQUE (token_hash),
  CONSTRAINT fk_mail_token_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);

-- Read by the SSH front end with a read-only account.
CREATE TABLE ssh_key (
  id          BIGINT        NOT NULL AUTO_INCREMENT,
  user_id     BIGINT        NOT NULL,
  key_type    VARCHAR(64)   NOT NULL,
  public_key  VARCHAR(8192) NOT NULL,
  fingerprint VARCHAR(64)   NOT NULL,
  comment     VARCHAR(255)  NOT NULL DEFAULT '',
  created_at  DATETIME(3)   NOT NULL,
  CONSTRAINT pk_ssh_key PRIMARY KEY (id),
  CONSTRAINT uq_ssh_key_fingerprint UNIQUE (fingerprint),
  CONSTRAINT fk_ssh_key_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
);
CREATE INDEX ix_ssh_key_user ON ssh_key (user_id);

-- Failed sign-ins per e-mail address (known or not), for throttling.
CREATE TABLE login_failure (
  email         VARCHAR(254) NOT NULL,
  failures      INT          NOT NULL,
  window_start  DATETIME(3)  NOT NULL,
  blocked_until DATETIME(3),
  CONSTRAINT pk_login_failure PRIMARY KEY (email)
);
