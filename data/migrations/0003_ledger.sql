-- The chamber's accounts (收支账): categories, entries and the year's
-- opening balance and closing. Amounts are integer fen.

CREATE TABLE ledger_categories (
    kind     TEXT NOT NULL CHECK (kind IN ('收入', '支出')),
    name     TEXT NOT NULL,
    sort     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, name)
);

INSERT INTO ledger_categories (kind, name, sort) VALUES
    ('收入', '会费', 10), ('收入', '捐赠收入', 20), ('收入', '政府补助', 30),
    ('收入', '活动收入', 40), ('收入', '利息', 50), ('收入', '其他收入', 999),
    ('支出', '活动支出', 10), ('支出', '办公费', 20), ('支出', '人员费用', 30),
    ('支出', '公益支出', 40), ('支出', '会议费', 50), ('支出', '差旅费', 60),
    ('支出', '其他支出', 999);

-- One line of the journal. source says where it came from: typed in
-- (manual), imported from a 流水账 (import, with import_key so a second
-- import of the same file adds nothing), or a dues payment (dues, kept in
-- step with its dues row by the store in the same transaction).
CREATE TABLE ledger_entries (
    id          INTEGER PRIMARY KEY,
    date        TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('收入', '支出')),
    category    TEXT NOT NULL,
    amount_fen  INTEGER NOT NULL CHECK (amount_fen > 0),
    note        TEXT NOT NULL DEFAULT '',
    handler     TEXT NOT NULL DEFAULT '',
    voucher     TEXT NOT NULL DEFAULT '',
    member_id   INTEGER REFERENCES members (id),
    activity_id INTEGER REFERENCES activities (id) ON DELETE SET NULL,
    project     TEXT NOT NULL DEFAULT '',
    source      TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import', 'dues')),
    dues_id     INTEGER UNIQUE REFERENCES dues (id),
    import_key  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX ledger_entries_date ON ledger_entries (date, id);
CREATE INDEX ledger_entries_import ON ledger_entries (import_key) WHERE import_key <> '';

-- A year's opening balance when set by hand (NULL: carried from the year
-- before) and whether the year is closed (结账).
CREATE TABLE ledger_years (
    year        INTEGER PRIMARY KEY,
    opening_fen INTEGER,
    closed_at   TEXT NOT NULL DEFAULT '',
    closed_by   TEXT NOT NULL DEFAULT ''
);

-- Dues already paid become their 会费 entries, dated the day they were
-- paid, or 31 December of their year when no date was written down.
INSERT INTO ledger_entries (date, kind, category, amount_fen, note, voucher, member_id, source, dues_id)
SELECT CASE WHEN d.paid_date <> '' THEN d.paid_date ELSE printf('%04d-12-31', d.year) END,
       '收入', '会费', d.paid_fen, printf('%d年会费 ', d.year) || m.name, d.receipt_no, d.member_id, 'dues', d.id
FROM dues d JOIN members m ON m.id = d.member_id
WHERE d.paid_fen > 0
ORDER BY d.paid_date, d.id;
