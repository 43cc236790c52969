-- The benchmark (and segment of a pooled benchmark) each assessment is compared with.
-- NULL benchmark: the questionnaire's default (for jpcert-2015, the JPCERT/CC 2015 survey).
ALTER TABLE assessment ADD COLUMN benchmark_id TEXT;
ALTER TABLE assessment ADD COLUMN benchmark_segment TEXT;
