-- 0005: answers derived from another questionnaire's assessment (a SIM3 assessment started from
-- the organisation's JPCERT assessment), kept provisional until the user confirms or changes
-- them. derived_source names where they came from, once per assessment; derived_answer marks
-- each answer still unconfirmed, with the source items it was derived from. Saving an answer
-- on the item, or confirming it, deletes its row in the same transaction.

CREATE TABLE derived_source (
    assessment_id  INTEGER PRIMARY KEY REFERENCES assessment(id) ON DELETE CASCADE,
    questionnaire  TEXT NOT NULL,
    title_ja       TEXT NOT NULL,
    title_en       TEXT NOT NULL,
    date           TEXT
);

CREATE TABLE derived_answer (
    assessment_id  INTEGER NOT NULL REFERENCES derived_source(assessment_id) ON DELETE CASCADE,
    item_id        TEXT NOT NULL,
    -- The source item ids, as a JSON array of strings, in the source questionnaire's order.
    from_items     TEXT NOT NULL,
    PRIMARY KEY (assessment_id, item_id)
) WITHOUT ROWID;
