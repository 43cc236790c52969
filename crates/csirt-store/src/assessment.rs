//! Assessments: creating and deleting them, their status, date, language and remembered
//! benchmark, and listing them newest first by the calendar.

use crate::{time, Result, Store, StoreError};
use csirt_model::date::{parse_date, Date};
use csirt_model::{Lang, Questionnaire, Status};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct AssessmentRow {
    pub id: i64,
    pub organisation_id: i64,
    pub organisation_name: String,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    pub date: String,
    pub status: Status,
    pub language: Lang,
    /// Items with an effective answer (consensus, or the default respondent's).
    pub answered: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// The benchmark an assessment is compared with: `None` for the questionnaire's default.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct BenchmarkChoice {
    pub benchmark: Option<String>,
    pub segment: Option<String>,
}

fn status_str(s: Status) -> &'static str {
    match s {
        Status::Draft => "draft",
        Status::Final => "final",
    }
}

fn parse_status(s: &str) -> Status {
    if s == "final" {
        Status::Final
    } else {
        Status::Draft
    }
}

fn parse_lang(s: &str) -> Lang {
    if s == "en" {
        Lang::En
    } else {
        Lang::Ja
    }
}

impl Store {
    // ----------------------------------------------------------------- assessments

    /// Creates a draft assessment with its default respondent.
    pub fn create_assessment(
        &mut self,
        organisation_id: i64,
        q: &Questionnaire,
        date: Option<&str>,
        language: Lang,
    ) -> Result<i64> {
        let tx = self.conn.transaction()?;
        let id = insert_assessment(&tx, organisation_id, q, date, language, Status::Draft)?;
        tx.commit()?;
        Ok(id)
    }

    pub fn delete_assessment(&self, id: i64) -> Result<()> {
        if self
            .conn
            .execute("DELETE FROM assessment WHERE id = ?1", [id])?
            == 0
        {
            return Err(StoreError::NoAssessment(id));
        }
        Ok(())
    }

    pub fn set_status(&self, id: i64, status: Status) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE assessment SET status = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, status_str(status), time::now_rfc3339()],
        )?;
        if n == 0 {
            return Err(StoreError::NoAssessment(id));
        }
        Ok(())
    }

    /// Changes the date of an assessment; it must be a real calendar day `YYYY-MM-DD`.
    pub fn set_date(&self, id: i64, date: &str) -> Result<()> {
        let date = checked_date(date)?.to_string();
        let n = self.conn.execute(
            "UPDATE assessment SET date = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, date, time::now_rfc3339()],
        )?;
        if n == 0 {
            return Err(StoreError::NoAssessment(id));
        }
        Ok(())
    }

    pub fn set_language(&self, id: i64, language: Lang) -> Result<()> {
        let n = self.conn.execute(
            "UPDATE assessment SET language = ?2, updated_at = ?3 WHERE id = ?1",
            params![id, language.code(), time::now_rfc3339()],
        )?;
        if n == 0 {
            return Err(StoreError::NoAssessment(id));
        }
        Ok(())
    }

    /// The benchmark an assessment is compared with, as remembered: its id (`None`: the
    /// questionnaire's default) and segment.
    pub fn benchmark_choice(&self, id: i64) -> Result<BenchmarkChoice> {
        self.conn
            .query_row(
                "SELECT benchmark_id, benchmark_segment FROM assessment WHERE id = ?1",
                [id],
                |r| {
                    Ok(BenchmarkChoice {
                        benchmark: r.get(0)?,
                        segment: r.get(1)?,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NoAssessment(id))
    }

    /// Remembers the benchmark (and segment) an assessment is compared with, after checking
    /// that the questionnaire has it: a benchmark or segment that does not exist is refused by
    /// name and nothing changes.
    pub fn set_benchmark_choice(
        &self,
        set: &csirt_model::QuestionnaireSet,
        id: i64,
        choice: &BenchmarkChoice,
    ) -> Result<()> {
        let row = self.assessment(id)?;
        if row.questionnaire_id != set.questionnaire.id {
            return Err(StoreError::Model(
                csirt_model::ModelError::UnknownQuestionnaire(row.questionnaire_id),
            ));
        }
        set.choose(choice.benchmark.as_deref(), choice.segment.as_deref())?;
        self.conn.execute(
            "UPDATE assessment SET benchmark_id = ?2, benchmark_segment = ?3, updated_at = ?4
             WHERE id = ?1",
            params![id, choice.benchmark, choice.segment, time::now_rfc3339()],
        )?;
        Ok(())
    }

    pub fn assessment(&self, id: i64) -> Result<AssessmentRow> {
        self.assessments_where("WHERE a.id = ?1", [id])?
            .pop()
            .ok_or(StoreError::NoAssessment(id))
    }

    /// Assessments, newest first; of one organisation when given.
    pub fn list_assessments(&self, organisation_id: Option<i64>) -> Result<Vec<AssessmentRow>> {
        match organisation_id {
            Some(o) => self.assessments_where("WHERE a.organisation_id = ?1", [o]),
            None => self.assessments_where("", []),
        }
    }

    fn assessments_where<P: rusqlite::Params>(
        &self,
        filter: &str,
        p: P,
    ) -> Result<Vec<AssessmentRow>> {
        let sql = format!(
            "SELECT a.id, a.organisation_id, o.name, a.questionnaire_id, a.questionnaire_version,
                    a.date, a.status, a.language,
                    (SELECT count(*) FROM (
                        SELECT item_id FROM consensus c WHERE c.assessment_id = a.id
                        UNION
                        SELECT ans.item_id FROM answer ans JOIN respondent r ON r.id = ans.respondent_id
                        WHERE r.assessment_id = a.id AND r.is_default = 1)),
                    a.created_at, a.updated_at
             FROM assessment a JOIN organisation o ON o.id = a.organisation_id
             {filter}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(p, |r| {
            Ok(AssessmentRow {
                id: r.get(0)?,
                organisation_id: r.get(1)?,
                organisation_name: r.get(2)?,
                questionnaire_id: r.get(3)?,
                questionnaire_version: r.get(4)?,
                date: r.get(5)?,
                status: parse_status(&r.get::<_, String>(6)?),
                language: parse_lang(&r.get::<_, String>(7)?),
                answered: r.get(8)?,
                created_at: r.get(9)?,
                updated_at: r.get(10)?,
            })
        })?;
        let mut rows = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        newest_first(&mut rows);
        Ok(rows)
    }

    pub(crate) fn check_questionnaire(&self, assessment_id: i64, q: &Questionnaire) -> Result<()> {
        let found: Option<String> = self
            .conn
            .query_row(
                "SELECT questionnaire_id FROM assessment WHERE id = ?1",
                [assessment_id],
                |r| r.get(0),
            )
            .optional()?;
        match found {
            None => Err(StoreError::NoAssessment(assessment_id)),
            Some(id) if id != q.id => Err(StoreError::UnknownQuestionnaire(id)),
            Some(_) => Ok(()),
        }
    }
}

pub(crate) fn insert_assessment(
    tx: &Transaction,
    organisation_id: i64,
    q: &Questionnaire,
    date: Option<&str>,
    language: Lang,
    status: Status,
) -> Result<i64> {
    let exists: Option<i64> = tx
        .query_row(
            "SELECT id FROM organisation WHERE id = ?1",
            [organisation_id],
            |r| r.get(0),
        )
        .optional()?;
    if exists.is_none() {
        return Err(StoreError::NoOrganisation(organisation_id));
    }
    let now = time::now_rfc3339();
    let date = match date {
        Some(d) => checked_date(d)?.to_string(),
        None => time::today(),
    };
    tx.execute(
        "INSERT INTO assessment (organisation_id, questionnaire_id, questionnaire_version, date,
                                 status, language, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            organisation_id,
            q.id,
            q.version,
            date,
            status_str(status),
            language.code(),
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO respondent (assessment_id, name, role, is_default, created_at)
         VALUES (?1, '', NULL, 1, ?2)",
        params![id, now],
    )?;
    // A new assessment of the organisation takes over its open actions.
    crate::action::carry_forward_tx(tx, organisation_id, id, &date)?;
    Ok(id)
}

/// A date the store accepts: a real calendar day `YYYY-MM-DD` (the model's one check).
fn checked_date(d: &str) -> Result<Date> {
    parse_date(d).map_err(StoreError::InvalidDate)
}

/// Newest first by the calendar; an assessment whose stored date is not a real day (written
/// before dates were checked) comes after every dated one, newest row first among them.
fn newest_first(rows: &mut [AssessmentRow]) {
    rows.sort_by(|a, b| {
        match (parse_date(&a.date).ok(), parse_date(&b.date).ok()) {
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        }
        .then(b.id.cmp(&a.id))
    });
}
