-- The application server whose batch job commits a version. The job dies with its server: when
-- that server starts again, or when its lease runs out, the commit is over (the version ERROR,
-- its number free to be committed again). Versions committed before this column are null.
ALTER TABLE webapp_version ADD COLUMN committed_by VARCHAR(100);
