-- The platform's secret that keys the anonymous labels of job candidates (jobs/find.h): made
-- once here, so that every server reads the same and none has to write at start-up.
@sqlite INSERT INTO settings (key, value) VALUES ('jobs_label_key', lower(hex(randomblob(32))));
@postgresql INSERT INTO settings (key, value) VALUES ('jobs_label_key', md5(random()::text || clock_timestamp()::text) || md5(random()::text || clock_timestamp()::text));
