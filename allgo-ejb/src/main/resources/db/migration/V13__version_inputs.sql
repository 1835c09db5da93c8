-- Typed inputs: a webapp's draft description (a Boutiques descriptor, JSON), the description each
-- version was committed with, and the values a job was given by name (JSON).
ALTER TABLE webapp ADD COLUMN inputs TEXT;
ALTER TABLE webapp_version ADD COLUMN inputs TEXT;
ALTER TABLE job ADD COLUMN input_values TEXT;
