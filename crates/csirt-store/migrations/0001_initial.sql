-- 0001: organisations, assessments, respondents, answers, consensus, notes and targets.

CREATE TABLE organisation (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    sector      TEXT,
    size        TEXT,
    csirt_form  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

CREATE TABLE assessment (
    id                    INTEGER PRIMARY KEY,
    organisation_id       INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    questionnaire_id      TEXT NOT NULL,
    questionnaire_version TEXT NOT NULL,
    date                  TEXT NOT NULL,
    status                TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
    language              TEXT NOT NULL DEFAULT 'ja' CHECK (language IN ('ja', 'en')),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);
CREATE INDEX assessment_by_organisation ON assessment(organisation_id, date);

-- Self-assessments have one default respondent; workshops add more.
CREATE TABLE respondent (
    id             INTEGER PRIMARY KEY,
    assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    name           TEXT NOT NULL,
    role           TEXT,
    is_default     INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
    created_at     TEXT NOT NULL
);
CREATE UNIQUE INDEX one_default_respondent ON respondent(assessment_id) WHERE is_default = 1;

-- value is the answer in the interchange file's JSON notation ("b", ["a","h"], 7, "in-house").
CREATE TABLE answer (
    respondent_id  INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
    item_id        TEXT NOT NULL,
    value          TEXT NOT NULL CHECK (json_valid(value)),
    other_text     TEXT,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (respondent_id, item_id)
) WITHOUT ROWID;

-- The answer a workshop settles on; scoring uses it before any respondent's answer.
CREATE TABLE consensus (
    assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    item_id        TEXT NOT NULL,
    value          TEXT NOT NULL CHECK (json_valid(value)),
    other_text     TEXT,
    note           TEXT,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_id)
) WITHOUT ROWID;

-- Comments and evidence per respondent and item; they may exist before the item is answered.
CREATE TABLE answer_note (
    respondent_id  INTEGER NOT NULL REFERENCES respondent(id) ON DELETE CASCADE,
    item_id        TEXT NOT NULL,
    comment        TEXT,
    evidence       TEXT,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (respondent_id, item_id)
) WITHOUT ROWID;

CREATE TABLE target_override (
    assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    item_id        TEXT NOT NULL,
    target_key     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_id)
) WITHOUT ROWID;

CREATE TABLE setting (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
) WITHOUT ROWID;
