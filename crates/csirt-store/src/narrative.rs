//! The assessor's narrative on an assessment (the executive message, the key findings in order,
//! a note on any gap), saved as typed: each change is checked first, then written in its own
//! transaction, so a bad change saves nothing. Blank text clears a part.

use crate::{time, touch, Result, Store, StoreError};
use csirt_model::narrative::{check_findings, check_gap_note, check_message};
use csirt_model::{bi, Narrative, Questionnaire, StrictMap};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

/// A change to an assessment's narrative, applied whole or not at all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NarrativeEdit {
    /// Remove every part first, then apply the rest.
    pub clear: bool,
    /// The new executive message; blank clears it.
    pub message: Option<String>,
    /// The new list of key findings, replacing the stored one; blank findings are dropped.
    pub findings: Option<Vec<String>>,
    /// Notes on gaps, by item; a blank note clears that item's note.
    pub gap_notes: Vec<(String, String)>,
}

fn blank(s: &str) -> bool {
    s.trim().is_empty()
}

/// The findings that are kept: every one that is not blank, in order.
fn kept(findings: &[String]) -> Vec<String> {
    findings.iter().filter(|f| !blank(f)).cloned().collect()
}

fn findings_of(conn: &Connection, assessment_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT finding FROM narrative_finding WHERE assessment_id = ?1 ORDER BY position",
    )?;
    let rows = stmt
        .query_map([assessment_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(rows)
}

fn write_message_tx(tx: &Transaction, assessment_id: i64, message: &str, now: &str) -> Result<()> {
    if blank(message) {
        tx.execute(
            "DELETE FROM narrative_message WHERE assessment_id = ?1",
            [assessment_id],
        )?;
    } else {
        tx.execute(
            "INSERT INTO narrative_message (assessment_id, message, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (assessment_id) DO UPDATE
             SET message = excluded.message, updated_at = excluded.updated_at",
            params![assessment_id, message, now],
        )?;
    }
    Ok(())
}

fn write_findings_tx(
    tx: &Transaction,
    assessment_id: i64,
    findings: &[String],
    now: &str,
) -> Result<()> {
    tx.execute(
        "DELETE FROM narrative_finding WHERE assessment_id = ?1",
        [assessment_id],
    )?;
    for (position, finding) in findings.iter().filter(|f| !blank(f)).enumerate() {
        tx.execute(
            "INSERT INTO narrative_finding (assessment_id, position, finding, updated_at)
             VALUES (?1, ?2, ?3, ?4)",
            params![assessment_id, position as i64, finding, now],
        )?;
    }
    Ok(())
}

fn write_gap_note_tx(
    tx: &Transaction,
    assessment_id: i64,
    item: &str,
    note: &str,
    now: &str,
) -> Result<()> {
    if blank(note) {
        tx.execute(
            "DELETE FROM gap_note WHERE assessment_id = ?1 AND item_id = ?2",
            params![assessment_id, item],
        )?;
    } else {
        tx.execute(
            "INSERT INTO gap_note (assessment_id, item_id, note, updated_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (assessment_id, item_id) DO UPDATE
             SET note = excluded.note, updated_at = excluded.updated_at",
            params![assessment_id, item, note, now],
        )?;
    }
    Ok(())
}

/// Writes a whole narrative (an imported file's) inside the caller's transaction, which holds a
/// new assessment; the narrative was validated with the file.
pub(crate) fn insert_narrative_tx(
    tx: &Transaction,
    assessment_id: i64,
    n: &Narrative,
    now: &str,
) -> Result<()> {
    write_message_tx(tx, assessment_id, &n.message, now)?;
    write_findings_tx(tx, assessment_id, &n.findings, now)?;
    for (item, note) in n.gap_notes.iter() {
        write_gap_note_tx(tx, assessment_id, item, note, now)?;
    }
    Ok(())
}

fn no_finding(index: usize, count: usize) -> StoreError {
    let n = index + 1;
    StoreError::InvalidInput(bi!(
        "主な所見 {n} はありません（{count} 件あります）",
        "there is no key finding {n} ({count} recorded)"
    ))
}

impl Store {
    /// Everything stored of an assessment's narrative (empty when nothing was written), gap
    /// notes in item-id order; [`Store::load_assessment`] gives it fitted to the questionnaire.
    pub fn narrative(&self, assessment_id: i64) -> Result<Narrative> {
        self.assessment(assessment_id)?;
        let message: Option<String> = self
            .conn
            .query_row(
                "SELECT message FROM narrative_message WHERE assessment_id = ?1",
                [assessment_id],
                |r| r.get(0),
            )
            .optional()?;
        let mut stmt = self.conn.prepare(
            "SELECT item_id, note FROM gap_note WHERE assessment_id = ?1 ORDER BY item_id",
        )?;
        let notes = stmt
            .query_map([assessment_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(String, String)>>>()?;
        Ok(Narrative {
            message: message.unwrap_or_default(),
            findings: findings_of(&self.conn, assessment_id)?,
            gap_notes: StrictMap(notes),
        })
    }

    /// Applies `edit` to the narrative of an assessment of questionnaire `q`: everything is
    /// checked first (lengths, the number of findings, each gap note's item), then written in
    /// one transaction. Returns the narrative as stored after it.
    pub fn edit_narrative(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        edit: &NarrativeEdit,
    ) -> Result<Narrative> {
        self.check_questionnaire(assessment_id, q)?;
        if let Some(m) = &edit.message {
            check_message(m).map_err(StoreError::InvalidInput)?;
        }
        let findings = edit.findings.as_deref().map(kept);
        if let Some(f) = &findings {
            check_findings(f).map_err(StoreError::InvalidInput)?;
        }
        for (item, note) in &edit.gap_notes {
            // Clearing is always allowed, so a note on an item a newer version lacks can go.
            if !blank(note) {
                check_gap_note(q, item, note).map_err(|message| StoreError::InvalidAnswer {
                    item: item.clone(),
                    message,
                })?;
            }
        }
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        if edit.clear {
            for table in ["narrative_message", "narrative_finding", "gap_note"] {
                tx.execute(
                    &format!("DELETE FROM {table} WHERE assessment_id = ?1"),
                    [assessment_id],
                )?;
            }
        }
        if let Some(m) = &edit.message {
            write_message_tx(&tx, assessment_id, m, &now)?;
        }
        if let Some(f) = &findings {
            write_findings_tx(&tx, assessment_id, f, &now)?;
        }
        for (item, note) in &edit.gap_notes {
            write_gap_note_tx(&tx, assessment_id, item, note, &now)?;
        }
        touch(&tx, assessment_id, &now)?;
        tx.commit()?;
        self.narrative(assessment_id)
    }

    /// Saves the executive message (autosave); blank clears it.
    pub fn set_message(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        message: &str,
    ) -> Result<()> {
        let edit = NarrativeEdit {
            message: Some(message.to_string()),
            ..NarrativeEdit::default()
        };
        self.edit_narrative(q, assessment_id, &edit).map(|_| ())
    }

    /// Replaces the list of key findings (autosave); blank findings are dropped.
    pub fn set_findings(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        findings: &[String],
    ) -> Result<()> {
        let edit = NarrativeEdit {
            findings: Some(findings.to_vec()),
            ..NarrativeEdit::default()
        };
        self.edit_narrative(q, assessment_id, &edit).map(|_| ())
    }

    /// Saves the note on one gap (autosave); blank clears it.
    pub fn set_gap_note(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        item: &str,
        note: &str,
    ) -> Result<()> {
        let edit = NarrativeEdit {
            gap_notes: vec![(item.to_string(), note.to_string())],
            ..NarrativeEdit::default()
        };
        self.edit_narrative(q, assessment_id, &edit).map(|_| ())
    }

    /// Appends a key finding; returns its 0-based position. A blank finding is refused.
    pub fn add_finding(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        finding: &str,
    ) -> Result<usize> {
        if blank(finding) {
            return Err(StoreError::InvalidInput(bi!(
                "主な所見が空です",
                "the key finding is empty"
            )));
        }
        self.check_questionnaire(assessment_id, q)?;
        let mut findings = findings_of(&self.conn, assessment_id)?;
        findings.push(finding.to_string());
        let at = findings.len() - 1;
        self.set_findings(q, assessment_id, &findings)?;
        Ok(at)
    }

    /// Replaces the key finding at 0-based `index`; blank text removes it.
    pub fn edit_finding(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        index: usize,
        finding: &str,
    ) -> Result<()> {
        self.check_questionnaire(assessment_id, q)?;
        let mut findings = findings_of(&self.conn, assessment_id)?;
        let count = findings.len();
        let slot = findings
            .get_mut(index)
            .ok_or_else(|| no_finding(index, count))?;
        *slot = finding.to_string();
        self.set_findings(q, assessment_id, &findings)
    }

    /// Removes the key finding at 0-based `index`; the later ones move up.
    pub fn remove_finding(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        index: usize,
    ) -> Result<()> {
        self.check_questionnaire(assessment_id, q)?;
        let mut findings = findings_of(&self.conn, assessment_id)?;
        if index >= findings.len() {
            return Err(no_finding(index, findings.len()));
        }
        findings.remove(index);
        self.set_findings(q, assessment_id, &findings)
    }
}
