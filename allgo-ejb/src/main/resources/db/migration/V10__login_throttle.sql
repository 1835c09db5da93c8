-- Failed sign-ins are counted per account and client address, and per client address (password
-- spraying), no longer per account alone: strangers cannot lock an account out any more.
DROP TABLE login_failure;
CREATE TABLE login_throttle (
  throttle_key  VARCHAR(400) NOT NULL,
  failures      INT          NOT NULL,
  last_failure  DATETIME(3),
  blocked_until DATETIME(3),
  CONSTRAINT pk_login_throttle PRIMARY KEY (throttle_key)
);

-- Setting a password ends the sessions signed in with the one before: a session keeps the
-- version it was signed in with.
ALTER TABLE users ADD COLUMN credentials_version INT NOT NULL DEFAULT 0;
