-- 0003: the assessor's own words on an assessment (issue 13): the executive message, the key
-- findings in the assessor's order, and a note on any gap ("why it matters here"). Blank text is
-- never stored: clearing a part deletes its row. Deleting the assessment deletes them all.

CREATE TABLE narrative_message (
    assessment_id  INTEGER PRIMARY KEY REFERENCES assessment(id) ON DELETE CASCADE,
    message        TEXT NOT NULL CHECK (length(message) > 0),
    updated_at     TEXT NOT NULL
);

-- position is 0-based and dense: 0, 1, 2… in the order the findings are shown.
CREATE TABLE narrative_finding (
    assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    position       INTEGER NOT NULL CHECK (position >= 0),
    finding        TEXT NOT NULL CHECK (length(finding) > 0),
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (assessment_id, position)
) WITHOUT ROWID;

CREATE TABLE gap_note (
    assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
    item_id        TEXT NOT NULL,
    note           TEXT NOT NULL CHECK (length(note) > 0),
    updated_at     TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_id)
) WITHOUT ROWID;
