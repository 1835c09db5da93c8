-- Job mails only for jobs that ran long enough to be waited for: each account says from how many
-- seconds a finished job is worth a mail (0: every job). Three minutes unless the user chose.
ALTER TABLE users ADD COLUMN notify_after_seconds INT NOT NULL DEFAULT 180;
