-- Activities can be planned before they are held: a planned one counts in
-- no figure until it is marked held. start_time and agenda serve the
-- meeting notice (会议通知), whose other facts live in activity_notices.
ALTER TABLE activities ADD COLUMN planned INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1));
ALTER TABLE activities ADD COLUMN start_time TEXT NOT NULL DEFAULT '';
ALTER TABLE activities ADD COLUMN agenda TEXT NOT NULL DEFAULT '';
CREATE INDEX activities_planned ON activities (planned, date);

CREATE TABLE activity_notices (
    activity_id   INTEGER PRIMARY KEY REFERENCES activities (id) ON DELETE CASCADE,
    doc_no        TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    addressees    TEXT NOT NULL DEFAULT '',
    bring         TEXT NOT NULL DEFAULT '',
    reply_by      TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    contact_phone TEXT NOT NULL DEFAULT '',
    issued        TEXT NOT NULL DEFAULT ''
);
