//! Respondents of an assessment: the default one (the facilitator) and the named workshop
//! participants, added, listed, renamed and removed.

use crate::error::NameOf;
use crate::{names, non_empty, time, touch, Result, Store, StoreError};
use csirt_model::bi;
use csirt_model::limits::TextKind;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RespondentRow {
    pub id: i64,
    pub name: String,
    pub role: Option<String>,
    pub is_default: bool,
}

impl Store {
    // ----------------------------------------------------------------- respondents

    pub fn add_respondent(
        &self,
        assessment_id: i64,
        name: &str,
        role: Option<&str>,
    ) -> Result<i64> {
        self.assessment(assessment_id)?;
        let name = names::clean(NameOf::Respondent, name)?;
        names::details(&[role], TextKind::RespondentRole)?;
        names::unique_respondent(&self.conn, assessment_id, &name, None)?;
        self.conn.execute(
            "INSERT INTO respondent (assessment_id, name, role, is_default, created_at)
             VALUES (?1, ?2, ?3, 0, ?4)",
            params![assessment_id, name, non_empty(role), time::now_rfc3339()],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn list_respondents(&self, assessment_id: i64) -> Result<Vec<RespondentRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, role, is_default FROM respondent WHERE assessment_id = ?1
             ORDER BY is_default DESC, id",
        )?;
        let rows = stmt.query_map([assessment_id], |r| {
            Ok(RespondentRow {
                id: r.get(0)?,
                name: r.get(1)?,
                role: r.get(2)?,
                is_default: r.get::<_, i64>(3)? == 1,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Corrects a respondent's name and role. The default respondent (the facilitator) has no
    /// name of its own, so it cannot be renamed.
    pub fn update_respondent(
        &mut self,
        assessment_id: i64,
        respondent_id: i64,
        name: &str,
        role: Option<&str>,
    ) -> Result<()> {
        let name = names::clean(NameOf::Respondent, name)?;
        names::details(&[role], TextKind::RespondentRole)?;
        self.named_respondent(assessment_id, respondent_id)?;
        names::unique_respondent(&self.conn, assessment_id, &name, Some(respondent_id))?;
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE respondent SET name = ?2, role = ?3 WHERE id = ?1",
            params![respondent_id, name, non_empty(role)],
        )?;
        touch(&tx, assessment_id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Removes a respondent with their answers and notes, in one transaction. The consensus
    /// answers stay: the facilitator set them. The default respondent cannot be removed.
    pub fn delete_respondent(&mut self, assessment_id: i64, respondent_id: i64) -> Result<()> {
        self.named_respondent(assessment_id, respondent_id)?;
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM respondent WHERE id = ?1", [respondent_id])?;
        touch(&tx, assessment_id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Checks that `respondent_id` is a named (not the default) respondent of the assessment.
    fn named_respondent(&self, assessment_id: i64, respondent_id: i64) -> Result<()> {
        let is_default: Option<i64> = self
            .conn
            .query_row(
                "SELECT is_default FROM respondent WHERE id = ?1 AND assessment_id = ?2",
                params![respondent_id, assessment_id],
                |r| r.get(0),
            )
            .optional()?;
        match is_default {
            None => {
                self.assessment(assessment_id)?;
                Err(StoreError::NoRespondent(respondent_id))
            }
            Some(1) => Err(StoreError::InvalidInput(bi!(
                "進行役自身の回答は、名前を変えることも削除することもできません",
                "the facilitator's own answers cannot be renamed or removed"
            ))),
            Some(_) => Ok(()),
        }
    }

    pub(crate) fn respondent_for(
        &self,
        assessment_id: i64,
        respondent: Option<i64>,
    ) -> Result<i64> {
        let found: Option<i64> = match respondent {
            Some(r) => self
                .conn
                .query_row(
                    "SELECT id FROM respondent WHERE id = ?1 AND assessment_id = ?2",
                    params![r, assessment_id],
                    |row| row.get(0),
                )
                .optional()?,
            None => self
                .conn
                .query_row(
                    "SELECT id FROM respondent WHERE assessment_id = ?1 AND is_default = 1",
                    [assessment_id],
                    |row| row.get(0),
                )
                .optional()?,
        };
        match (found, respondent) {
            (Some(id), _) => Ok(id),
            (None, Some(r)) => {
                self.assessment(assessment_id)?;
                Err(StoreError::NoRespondent(r))
            }
            (None, None) => Err(StoreError::NoAssessment(assessment_id)),
        }
    }
}
