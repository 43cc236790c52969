//! Answers and what goes with them, each saved in one transaction (autosave): a respondent's
//! answers and notes, target overrides and the workshop's agreed (consensus) answers.

use crate::derived::{clear_derived_by_tx, clear_derived_tx};
use crate::{non_empty, time, touch, Result, Store, StoreError};
use csirt_model::assessment::{check_answer, check_other_text, check_target};
use csirt_model::{Answer, Questionnaire, StrictMap};
use rusqlite::{params, Transaction};

/// One item's note as stored: the item id, the comment and the evidence.
pub type ItemNote = (String, Option<String>, Option<String>);

impl Store {
    // ----------------------------------------------------------------- answers

    /// Saves one answer in one transaction (autosave). The answer is checked against the item
    /// first; a bad answer changes nothing.
    pub fn save_answer(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        respondent: Option<i64>,
        item_id: &str,
        answer: &Answer,
        other_text: Option<&str>,
    ) -> Result<()> {
        check_answer(q, item_id, answer).map_err(|message| StoreError::InvalidAnswer {
            item: item_id.to_string(),
            message,
        })?;
        csirt_model::limits::check_answer_texts(answer, other_text).map_err(|message| {
            StoreError::InvalidAnswer {
                item: item_id.to_string(),
                message,
            }
        })?;
        let other = non_empty(other_text);
        if other.is_some() {
            check_other_text(q, item_id, Some(answer)).map_err(|message| {
                StoreError::InvalidAnswer {
                    item: item_id.to_string(),
                    message,
                }
            })?;
        }
        self.check_questionnaire(assessment_id, q)?;
        let respondent_id = self.respondent_for(assessment_id, respondent)?;
        let value = serde_json::to_string(answer)?;
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO answer (respondent_id, item_id, value, other_text, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (respondent_id, item_id) DO UPDATE
             SET value = excluded.value, other_text = excluded.other_text,
                 updated_at = excluded.updated_at",
            params![respondent_id, item_id, value, other, now],
        )?;
        clear_derived_by_tx(&tx, assessment_id, respondent_id, item_id)?;
        touch(&tx, assessment_id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes an answer, so the item is "not answered yet" again.
    pub fn clear_answer(
        &mut self,
        assessment_id: i64,
        respondent: Option<i64>,
        item_id: &str,
    ) -> Result<()> {
        let respondent_id = self.respondent_for(assessment_id, respondent)?;
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM answer WHERE respondent_id = ?1 AND item_id = ?2",
            params![respondent_id, item_id],
        )?;
        clear_derived_by_tx(&tx, assessment_id, respondent_id, item_id)?;
        touch(&tx, assessment_id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Saves the comment and evidence note of one item; both empty removes the note.
    pub fn save_note(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        respondent: Option<i64>,
        item_id: &str,
        comment: Option<&str>,
        evidence: Option<&str>,
    ) -> Result<()> {
        if q.item(item_id).is_none() {
            return Err(StoreError::InvalidAnswer {
                item: item_id.to_string(),
                message: csirt_model::bi!("この項目はありません", "no such item"),
            });
        }
        csirt_model::limits::check_note(comment, evidence).map_err(|message| {
            StoreError::InvalidAnswer {
                item: item_id.to_string(),
                message,
            }
        })?;
        self.check_questionnaire(assessment_id, q)?;
        let respondent_id = self.respondent_for(assessment_id, respondent)?;
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        save_note_tx(&tx, respondent_id, item_id, comment, evidence, &now)?;
        touch(&tx, assessment_id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Sets or clears (None) the target override of a scored item.
    pub fn set_target(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        item_id: &str,
        key: Option<&str>,
    ) -> Result<()> {
        if let Some(k) = key {
            check_target(q, item_id, k).map_err(|message| StoreError::InvalidAnswer {
                item: item_id.to_string(),
                message,
            })?;
        }
        self.check_questionnaire(assessment_id, q)?;
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        match key {
            Some(k) => tx.execute(
                "INSERT INTO target_override (assessment_id, item_id, target_key, updated_at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (assessment_id, item_id) DO UPDATE
                 SET target_key = excluded.target_key, updated_at = excluded.updated_at",
                params![assessment_id, item_id, k, now],
            )?,
            None => tx.execute(
                "DELETE FROM target_override WHERE assessment_id = ?1 AND item_id = ?2",
                params![assessment_id, item_id],
            )?,
        };
        touch(&tx, assessment_id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Sets (or clears, with `None`) the consensus answer a workshop settled on.
    pub fn set_consensus(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        item_id: &str,
        answer: Option<&Answer>,
        other_text: Option<&str>,
        note: Option<&str>,
    ) -> Result<()> {
        csirt_model::limits::check_consensus_texts(answer, other_text, note).map_err(
            |message| StoreError::InvalidAnswer {
                item: item_id.to_string(),
                message,
            },
        )?;
        if let Some(a) = answer {
            check_answer(q, item_id, a).map_err(|message| StoreError::InvalidAnswer {
                item: item_id.to_string(),
                message,
            })?;
            // As for any answer; a stray text would also make the exported file unreadable.
            if non_empty(other_text).is_some() {
                check_other_text(q, item_id, Some(a)).map_err(|message| {
                    StoreError::InvalidAnswer {
                        item: item_id.to_string(),
                        message,
                    }
                })?;
            }
        }
        self.check_questionnaire(assessment_id, q)?;
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        match answer {
            Some(a) => tx.execute(
                "INSERT INTO consensus (assessment_id, item_id, value, other_text, note, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (assessment_id, item_id) DO UPDATE
                 SET value = excluded.value, other_text = excluded.other_text,
                     note = excluded.note, updated_at = excluded.updated_at",
                params![
                    assessment_id,
                    item_id,
                    serde_json::to_string(a)?,
                    non_empty(other_text),
                    non_empty(note),
                    now
                ],
            )?,
            None => tx.execute(
                "DELETE FROM consensus WHERE assessment_id = ?1 AND item_id = ?2",
                params![assessment_id, item_id],
            )?,
        };
        clear_derived_tx(&tx, assessment_id, item_id)?;
        touch(&tx, assessment_id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// The answers of one respondent (the default one when `None`), in storage order.
    pub fn respondent_answers(
        &self,
        assessment_id: i64,
        respondent: Option<i64>,
    ) -> Result<Vec<(String, Answer, Option<String>)>> {
        let respondent_id = self.respondent_for(assessment_id, respondent)?;
        let mut stmt = self
            .conn
            .prepare("SELECT item_id, value, other_text FROM answer WHERE respondent_id = ?1")?;
        let rows = stmt
            .query_map([respondent_id], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(item, value, other)| Ok((item, serde_json::from_str(&value)?, other)))
            .collect()
    }

    /// The comments and evidence of one respondent (the default one when `None`), by item.
    pub fn respondent_notes(
        &self,
        assessment_id: i64,
        respondent: Option<i64>,
    ) -> Result<Vec<ItemNote>> {
        let respondent_id = self.respondent_for(assessment_id, respondent)?;
        let mut stmt = self.conn.prepare(
            "SELECT item_id, comment, evidence FROM answer_note WHERE respondent_id = ?1
             ORDER BY item_id",
        )?;
        let rows = stmt
            .query_map([respondent_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// One respondent's answers and "other" texts (the default respondent's when `None`).
    pub(crate) fn own_answers(
        &self,
        assessment_id: i64,
        respondent: Option<i64>,
    ) -> Result<(StrictMap<Answer>, StrictMap<String>)> {
        let (mut answers, mut other) = (StrictMap::default(), StrictMap::default());
        for (item, answer, text) in self.respondent_answers(assessment_id, respondent)? {
            if let Some(t) = text {
                other.insert(item.clone(), t);
            }
            answers.insert(item, answer);
        }
        Ok((answers, other))
    }

    /// One respondent's comments and evidence (the default respondent's when `None`).
    pub(crate) fn own_notes(
        &self,
        assessment_id: i64,
        respondent: Option<i64>,
    ) -> Result<(StrictMap<String>, StrictMap<String>)> {
        let (mut comments, mut evidence) = (StrictMap::default(), StrictMap::default());
        for (item, comment, proof) in self.respondent_notes(assessment_id, respondent)? {
            if let Some(c) = comment {
                comments.insert(item.clone(), c);
            }
            if let Some(e) = proof {
                evidence.insert(item, e);
            }
        }
        Ok((comments, evidence))
    }

    /// The consensus notes of an assessment, by item.
    pub fn consensus_notes(&self, assessment_id: i64) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare(
            "SELECT item_id, note FROM consensus WHERE assessment_id = ?1 AND note IS NOT NULL
             ORDER BY item_id",
        )?;
        let rows = stmt
            .query_map([assessment_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

pub(crate) fn save_note_tx(
    tx: &Transaction,
    respondent_id: i64,
    item_id: &str,
    comment: Option<&str>,
    evidence: Option<&str>,
    now: &str,
) -> Result<()> {
    let (comment, evidence) = (non_empty(comment), non_empty(evidence));
    if comment.is_none() && evidence.is_none() {
        tx.execute(
            "DELETE FROM answer_note WHERE respondent_id = ?1 AND item_id = ?2",
            params![respondent_id, item_id],
        )?;
    } else {
        tx.execute(
            "INSERT INTO answer_note (respondent_id, item_id, comment, evidence, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (respondent_id, item_id) DO UPDATE
             SET comment = excluded.comment, evidence = excluded.evidence,
                 updated_at = excluded.updated_at",
            params![respondent_id, item_id, comment, evidence, now],
        )?;
    }
    Ok(())
}
