-- A webapp's optional test job, run in every committed image before it becomes READY: its
-- parameter string (NULL: no test job) and the names of its input files, kept on disk under
-- <data>/rw/webapp-tests/<docker name>/.
ALTER TABLE webapp ADD COLUMN test_param VARCHAR(4096);

CREATE TABLE webapp_test_file (
  webapp_id BIGINT       NOT NULL,
  name      VARCHAR(255) NOT NULL,
  PRIMARY KEY (webapp_id, name),
  CONSTRAINT fk_webapp_test_file_webapp FOREIGN KEY (webapp_id) REFERENCES webapp (id) ON DELETE CASCADE
);
