-- ChamberDesk schema, version 1: everything the mission needs, even where
-- screens come later. Dates are TEXT 'YYYY-MM-DD' ('' when unknown), times
-- are TEXT RFC 3339 in UTC, money is INTEGER fen (分) so sums are exact.

CREATE TABLE schema_migrations (
    version    INTEGER PRIMARY KEY,
    applied_at TEXT NOT NULL
);

-- The one organization this file belongs to (a chamber or a federation office).
CREATE TABLE organization (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    name              TEXT NOT NULL CHECK (name <> ''),
    short_name        TEXT NOT NULL DEFAULT '',
    org_type          TEXT NOT NULL,
    region            TEXT NOT NULL DEFAULT '',
    parent_federation TEXT NOT NULL DEFAULT '',
    credit_code       TEXT NOT NULL DEFAULT '',
    party_org         TEXT NOT NULL DEFAULT '',
    contact_person    TEXT NOT NULL DEFAULT '',
    contact_office    TEXT NOT NULL DEFAULT '',
    contact_phone     TEXT NOT NULL DEFAULT '',
    address           TEXT NOT NULL DEFAULT '',
    founded_date      TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE members (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('单位会员', '个人会员')),
    name             TEXT NOT NULL CHECK (name <> ''),
    company          TEXT NOT NULL DEFAULT '',
    credit_code      TEXT NOT NULL DEFAULT '',
    credit_code_flag TEXT NOT NULL DEFAULT '',
    industry         TEXT NOT NULL DEFAULT '',
    gender           TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', '男', '女')),
    phone            TEXT NOT NULL DEFAULT '',
    id_number        TEXT NOT NULL DEFAULT '',
    political_status TEXT NOT NULL DEFAULT '',
    office           TEXT NOT NULL DEFAULT '会员',
    join_date        TEXT NOT NULL DEFAULT '',
    leave_date       TEXT NOT NULL DEFAULT '',
    leave_reason     TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT '在会' CHECK (status IN ('在会', '退会')),
    notes            TEXT NOT NULL DEFAULT '',
    -- pinyin of name and company, kept for search; see data/pinyin.go
    name_pinyin      TEXT NOT NULL DEFAULT '',
    name_initials    TEXT NOT NULL DEFAULT '',
    company_pinyin   TEXT NOT NULL DEFAULT '',
    company_initials TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
);
CREATE INDEX members_credit_code ON members (credit_code) WHERE credit_code <> '';
CREATE INDEX members_name ON members (name);
CREATE INDEX members_status ON members (status);

-- Office held over time, so a member's history shows each change.
CREATE TABLE member_offices (
    id         INTEGER PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    office     TEXT NOT NULL,
    from_date  TEXT NOT NULL DEFAULT '',
    to_date    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX member_offices_member ON member_offices (member_id);

-- Dues standard per year and office tier (会长/副会长/理事/会员 …).
CREATE TABLE dues_standards (
    year       INTEGER NOT NULL,
    office     TEXT NOT NULL,
    amount_fen INTEGER NOT NULL CHECK (amount_fen >= 0),
    PRIMARY KEY (year, office)
);

CREATE TABLE dues (
    id          INTEGER PRIMARY KEY,
    member_id   INTEGER NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    due_fen     INTEGER NOT NULL DEFAULT 0 CHECK (due_fen >= 0),
    paid_fen    INTEGER NOT NULL DEFAULT 0 CHECK (paid_fen >= 0),
    paid_date   TEXT NOT NULL DEFAULT '',
    receipt_no  TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    UNIQUE (member_id, year)
);
CREATE INDEX dues_year ON dues (year);

CREATE TABLE activity_types (
    name TEXT PRIMARY KEY,
    sort INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE activities (
    id             INTEGER PRIMARY KEY,
    title          TEXT NOT NULL CHECK (title <> ''),
    type           TEXT NOT NULL REFERENCES activity_types (name) ON UPDATE CASCADE,
    date           TEXT NOT NULL CHECK (date <> ''),
    place          TEXT NOT NULL DEFAULT '',
    organizer      TEXT NOT NULL DEFAULT '',
    partners       TEXT NOT NULL DEFAULT '',
    content        TEXT NOT NULL DEFAULT '',
    outside_count  INTEGER NOT NULL DEFAULT 0 CHECK (outside_count >= 0),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
);
CREATE INDEX activities_date ON activities (date);

CREATE TABLE attendance (
    activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    member_id   INTEGER NOT NULL REFERENCES members (id),
    PRIMARY KEY (activity_id, member_id)
) WITHOUT ROWID;
CREATE INDEX attendance_member ON attendance (member_id);

-- Photos and other files. The file itself lives in the data folder under its
-- SHA-256, so the same photo added twice is stored once.
CREATE TABLE attachments (
    id            INTEGER PRIMARY KEY,
    activity_id   INTEGER REFERENCES activities (id) ON DELETE CASCADE,
    sha256        TEXT NOT NULL CHECK (length(sha256) = 64),
    ext           TEXT NOT NULL,
    original_name TEXT NOT NULL DEFAULT '',
    size          INTEGER NOT NULL DEFAULT 0,
    width         INTEGER NOT NULL DEFAULT 0,
    height        INTEGER NOT NULL DEFAULT 0,
    caption       TEXT NOT NULL DEFAULT '',
    taken_date    TEXT NOT NULL DEFAULT '',
    sort          INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL
);
CREATE INDEX attachments_activity ON attachments (activity_id);
CREATE INDEX attachments_sha ON attachments (sha256);

CREATE TABLE metrics (
    key      TEXT PRIMARY KEY,
    name     TEXT NOT NULL,
    unit     TEXT NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('derived', 'manual', 'outcome')),
    rule     TEXT NOT NULL DEFAULT '',
    sort     INTEGER NOT NULL DEFAULT 0,
    builtin  INTEGER NOT NULL DEFAULT 0,
    note     TEXT NOT NULL DEFAULT ''
);

-- Figures an activity produced: projects signed, investment, donations.
CREATE TABLE activity_outcomes (
    activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    metric_key  TEXT NOT NULL REFERENCES metrics (key) ON UPDATE CASCADE,
    value       REAL NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (activity_id, metric_key)
);

-- Yearly figures entered by hand.
CREATE TABLE metric_values (
    year       INTEGER NOT NULL,
    metric_key TEXT NOT NULL REFERENCES metrics (key) ON UPDATE CASCADE,
    value      REAL NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL,
    PRIMARY KEY (year, metric_key)
);

CREATE TABLE award_categories (
    name TEXT PRIMARY KEY,
    sort INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE cases (
    id                  INTEGER PRIMARY KEY,
    year                INTEGER NOT NULL,
    category            TEXT NOT NULL REFERENCES award_categories (name) ON UPDATE CASCADE,
    level               TEXT NOT NULL DEFAULT '优秀案例' CHECK (level IN ('最佳案例', '优秀案例')),
    title               TEXT NOT NULL DEFAULT '',
    lead                TEXT NOT NULL DEFAULT '',
    practices           TEXT NOT NULL DEFAULT '',
    results             TEXT NOT NULL DEFAULT '',
    contact_person      TEXT NOT NULL DEFAULT '',
    contact_office      TEXT NOT NULL DEFAULT '',
    contact_phone       TEXT NOT NULL DEFAULT '',
    recommender         TEXT NOT NULL DEFAULT '',
    recommender_opinion TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT '草稿' CHECK (status IN ('草稿', '已定稿', '已报送')),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL
);

CREATE TABLE case_activities (
    case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    activity_id INTEGER NOT NULL REFERENCES activities (id) ON DELETE CASCADE,
    PRIMARY KEY (case_id, activity_id)
) WITHOUT ROWID;

CREATE TABLE case_photos (
    case_id       INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    attachment_id INTEGER NOT NULL REFERENCES attachments (id) ON DELETE CASCADE,
    caption       TEXT NOT NULL DEFAULT '',
    sort          INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (case_id, attachment_id)
) WITHOUT ROWID;

-- A figure quoted in a case text, with the exact value it came from so a
-- stale or untraced figure can be shown.
CREATE TABLE case_figures (
    id          INTEGER PRIMARY KEY,
    case_id     INTEGER NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    section     TEXT NOT NULL DEFAULT '' CHECK (section IN ('', 'lead', 'practices', 'results')),
    metric_key  TEXT REFERENCES metrics (key) ON UPDATE CASCADE,
    year_from   INTEGER NOT NULL DEFAULT 0,
    year_to     INTEGER NOT NULL DEFAULT 0,
    value       REAL NOT NULL,
    unit        TEXT NOT NULL DEFAULT '',
    phrasing    TEXT NOT NULL DEFAULT '',
    untraced    INTEGER NOT NULL DEFAULT 0,
    sort        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX case_figures_case ON case_figures (case_id);

-- Who changed what, when: every insert, update and delete of members, dues,
-- activities and cases. detail is JSON; personal values in it are masked.
CREATE TABLE change_log (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    actor     TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL,
    action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),
    detail    TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX change_log_entity ON change_log (entity, entity_id);

INSERT INTO activity_types (name, sort) VALUES
    ('政治学习/理想信念教育', 10), ('党建活动', 20), ('红色教育', 30), ('培训办班', 40),
    ('招商引资/考察', 50), ('政企座谈', 60), ('会长办公会', 70), ('理事会', 80),
    ('会员大会', 90), ('法律服务', 100), ('健康服务', 110), ('公益慈善', 120),
    ('乡村振兴', 130), ('其他', 999);

INSERT INTO award_categories (name, sort) VALUES
    ('省级工商联工作', 10), ('副省级城市和地市级工商联工作', 20), ('区县级工商联工作', 30),
    ('综合性商会工作', 40), ('行业商会工作', 50), ('异地商会工作', 60), ('镇街商会工作', 70);

-- The figures a chamber reports. kind: derived (computed from members and
-- attendance), outcome (summed from activity outcomes), manual (entered).
INSERT INTO metrics (key, name, unit, kind, rule, sort, builtin) VALUES
    ('members_total',        '会员数',           '家',   'derived', 'members.active_at_year_end', 10, 1),
    ('members_new',          '新增会员',         '家',   'derived', 'members.joined_in_year', 20, 1),
    ('members_party',        '党员会员数',       '人',   'derived', 'members.party_at_year_end', 30, 1),
    ('activities_total',     '活动场次',         '场',   'derived', 'activities.count', 40, 1),
    ('person_times',         '参与人次',         '人次', 'derived', 'activities.person_times', 50, 1),
    ('training_sessions',    '办班期数',         '期',   'derived', 'activities.count:培训办班', 60, 1),
    ('training_person_times','培训覆盖人次',     '人次', 'derived', 'activities.person_times:培训办班', 70, 1),
    ('red_edu_person_times', '红色教育参与人次', '人次', 'derived', 'activities.person_times:红色教育', 80, 1),
    ('visits_companies',     '招商考察来访家数', '家',   'outcome', '', 90, 1),
    ('project_leads',        '项目信息条数',     '条',   'outcome', '', 100, 1),
    ('projects_signed',      '签约项目数',       '个',   'outcome', '', 110, 1),
    ('investment',           '投资额',           '亿元', 'outcome', '', 120, 1),
    ('donations',            '捐款捐物金额',     '万元', 'outcome', '', 130, 1),
    ('companies_served',     '服务企业户数',     '户',   'outcome', '', 140, 1),
    ('remote_chambers',      '异地商会数',       '个',   'manual',  '', 150, 1),
    ('friendly_chambers',    '友好商会数',       '个',   'manual',  '', 160, 1),
    ('jobs_created',         '吸纳就业人数',     '人',   'manual',  '', 170, 1);
