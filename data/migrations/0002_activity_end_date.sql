-- Training classes and investment trips often run several days; keep the
-- last day ('' for one-day activities).
ALTER TABLE activities ADD COLUMN end_date TEXT NOT NULL DEFAULT '';
