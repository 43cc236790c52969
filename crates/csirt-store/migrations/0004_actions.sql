-- 0004: the action plan. Actions belong to the organisation (so a later assessment sees them)
-- and remember the assessment they were made in (the baseline for "did the answers move").
-- action_plan links each assessment to the actions in its plan: its own, and the open actions
-- it took over when it was created or imported.

CREATE TABLE action (
    id                    INTEGER PRIMARY KEY,
    uid                   TEXT NOT NULL CHECK (length(uid) BETWEEN 1 AND 64),
    organisation_id       INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    origin_assessment_id  INTEGER REFERENCES assessment(id) ON DELETE SET NULL,
    title                 TEXT NOT NULL CHECK (length(trim(title)) > 0),
    owner                 TEXT NOT NULL CHECK (length(trim(owner)) > 0),
    due                   TEXT NOT NULL,
    status                TEXT NOT NULL DEFAULT 'planned'
                          CHECK (status IN ('planned', 'in-progress', 'done', 'dropped')),
    created               TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    UNIQUE (organisation_id, uid)
);
CREATE INDEX action_by_uid ON action(uid);

-- The linked items in order, each with the option key it aims for.
CREATE TABLE action_item (
    action_id   INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    item_id     TEXT NOT NULL,
    target_key  TEXT NOT NULL,
    PRIMARY KEY (action_id, item_id)
) WITHOUT ROWID;

-- Notes, oldest first; status is the status the action moved to that day, if it changed.
CREATE TABLE action_note (
    id         INTEGER PRIMARY KEY,
    action_id  INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
    date       TEXT NOT NULL,
    text       TEXT NOT NULL DEFAULT '',
    status     TEXT CHECK (status IN ('planned', 'in-progress', 'done', 'dropped'))
);
CREATE INDEX action_note_by_action ON action_note(action_id, id);

CREATE TABLE action_plan (
    assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    action_id      INTEGER NOT NULL REFERENCES action(id) ON DELETE CASCADE,
    PRIMARY KEY (assessment_id, action_id)
) WITHOUT ROWID;
CREATE INDEX action_plan_by_action ON action_plan(action_id);
