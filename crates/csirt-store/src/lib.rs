//! Embedded SQLite storage: organisations, assessments, respondents, answers, consensus, notes
//! and target overrides. Every save is one small transaction, so the UI can save on each change.

mod error;
pub mod migrate;
mod names;
pub mod time;
mod version;
mod workshop;

pub use error::{NameOf, StoreError};
pub use version::{Fit, Misfit};
pub use workshop::{AssessmentSummary, ReportContext, RespondentNote};

use csirt_model::assessment::{check_answer, check_target, chooses_other, validate_against};
use csirt_model::assessment::{Consensus, Workshop, WorkshopRespondent};
use csirt_model::date::{parse_date, Date};
use csirt_model::limits::TextKind;
use csirt_model::{bi, Answer, Assessment, Lang, Organisation, Questionnaire, Status, StrictMap};
use rusqlite::{params, Connection, OpenFlags, OptionalExtension, Transaction};
use serde::Serialize;
use std::path::{Path, PathBuf};

pub type Result<T> = std::result::Result<T, StoreError>;

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct OrganisationRow {
    pub id: i64,
    pub name: String,
    pub sector: Option<String>,
    pub size: Option<String>,
    pub csirt_form: Option<String>,
    pub assessments: i64,
    pub created_at: String,
    pub updated_at: String,
}

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

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RespondentRow {
    pub id: i64,
    pub name: String,
    pub role: Option<String>,
    pub is_default: bool,
}

/// The benchmark an assessment is compared with: `None` for the questionnaire's default.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct BenchmarkChoice {
    pub benchmark: Option<String>,
    pub segment: Option<String>,
}

/// One item's note as stored: the item id, the comment and the evidence.
pub type ItemNote = (String, Option<String>, Option<String>);

/// A handle on one database file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
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

fn non_empty(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

impl Store {
    /// Opens (or creates) the database at `path`. A file that is not ours, is damaged, or was
    /// written by a newer version is refused and left untouched. Before a migration of an
    /// existing database, a backup is written beside it.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_unclassified(path).map_err(|e| classify_open_error(e, path))
    }

    fn open_unclassified(path: &Path) -> Result<Store> {
        let existed = path.exists();
        if existed {
            check_header(path)?;
        }
        if !existed {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                    path: dir.to_path_buf(),
                    source,
                })?;
            }
        }
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let (app_id, version, tables) = migrate::inspect(&conn, path)?;
        if tables > 0 && app_id != migrate::APPLICATION_ID {
            return Err(StoreError::ForeignDatabase {
                path: path.to_path_buf(),
            });
        }
        if version > migrate::latest_version() {
            return Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found: version,
                known: migrate::latest_version(),
            });
        }
        if tables > 0 {
            migrate::quick_check(&conn, path)?;
        }
        // Only now, with the file known to be ours and readable, may anything be written.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if tables > 0 && version < migrate::latest_version() {
            let backup = backup_path(path, version);
            migrate::backup(&conn, &backup).map_err(|e| StoreError::Backup(e.to_string()))?;
        }
        migrate::migrate(&mut conn, version)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// `PRAGMA integrity_check`; "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Writes a consistent copy of the database to `dest` (SQLite online backup).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        migrate::backup(&self.conn, dest)
    }

    // ----------------------------------------------------------------- organisations

    /// Adds an organisation. Its name must be on one line and differ from every other
    /// organisation's, ignoring case, width and extra spaces.
    pub fn add_organisation(&self, org: &Organisation) -> Result<i64> {
        let name = names::clean(NameOf::Organisation, &org.name)?;
        names::details(&organisation_details(org), TextKind::OrganisationDetail)?;
        names::unique_organisation(&self.conn, &name, None)?;
        let now = time::now_rfc3339();
        self.conn.execute(
            "INSERT INTO organisation (name, sector, size, csirt_form, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
            params![
                name,
                non_empty(org.sector.as_deref()),
                non_empty(org.size.as_deref()),
                non_empty(org.csirt_form.as_deref()),
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Corrects an organisation's details; the name follows the rules of
    /// [`Store::add_organisation`] (it may keep its own name).
    pub fn update_organisation(&self, id: i64, org: &Organisation) -> Result<()> {
        let name = names::clean(NameOf::Organisation, &org.name)?;
        names::details(&organisation_details(org), TextKind::OrganisationDetail)?;
        self.organisation(id)?;
        names::unique_organisation(&self.conn, &name, Some(id))?;
        let n = self.conn.execute(
            "UPDATE organisation SET name = ?2, sector = ?3, size = ?4, csirt_form = ?5,
             updated_at = ?6 WHERE id = ?1",
            params![
                id,
                name,
                non_empty(org.sector.as_deref()),
                non_empty(org.size.as_deref()),
                non_empty(org.csirt_form.as_deref()),
                time::now_rfc3339()
            ],
        )?;
        if n == 0 {
            return Err(StoreError::NoOrganisation(id));
        }
        Ok(())
    }

    /// Deletes an organisation with all its assessments.
    pub fn delete_organisation(&self, id: i64) -> Result<()> {
        if self
            .conn
            .execute("DELETE FROM organisation WHERE id = ?1", [id])?
            == 0
        {
            return Err(StoreError::NoOrganisation(id));
        }
        Ok(())
    }

    pub fn organisation(&self, id: i64) -> Result<OrganisationRow> {
        self.organisations_where("WHERE o.id = ?1", [id])?
            .pop()
            .ok_or(StoreError::NoOrganisation(id))
    }

    pub fn list_organisations(&self) -> Result<Vec<OrganisationRow>> {
        self.organisations_where("", [])
    }

    fn organisations_where<P: rusqlite::Params>(
        &self,
        filter: &str,
        p: P,
    ) -> Result<Vec<OrganisationRow>> {
        let sql = format!(
            "SELECT o.id, o.name, o.sector, o.size, o.csirt_form,
                    (SELECT count(*) FROM assessment a WHERE a.organisation_id = o.id),
                    o.created_at, o.updated_at
             FROM organisation o {filter} ORDER BY o.name COLLATE NOCASE, o.id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(p, |r| {
            Ok(OrganisationRow {
                id: r.get(0)?,
                name: r.get(1)?,
                sector: r.get(2)?,
                size: r.get(3)?,
                csirt_form: r.get(4)?,
                assessments: r.get(5)?,
                created_at: r.get(6)?,
                updated_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

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
        if other.is_some() && !chooses_other(q, item_id, answer) {
            return Err(StoreError::InvalidAnswer {
                item: item_id.to_string(),
                message: csirt_model::bi!(
                    "自由記述がありますが、「その他」の選択肢が選ばれていません",
                    "free text is given but no \"other\" option is chosen"
                ),
            });
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
            if non_empty(other_text).is_some() && !chooses_other(q, item_id, a) {
                return Err(StoreError::InvalidAnswer {
                    item: item_id.to_string(),
                    message: csirt_model::bi!(
                        "自由記述がありますが、「その他」の選択肢が選ばれていません",
                        "free text is given but no \"other\" option is chosen"
                    ),
                });
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

    /// The assessment as one respondent answered it: its details with only their own answers,
    /// comments and evidence (no facilitator answers or consensus), so their progress is their own.
    pub fn load_respondent_assessment(
        &self,
        q: &Questionnaire,
        assessment_id: i64,
        respondent: i64,
    ) -> Result<Assessment> {
        let mut a = self.load_assessment(q, assessment_id)?;
        (a.answers, a.other) = self.own_answers(assessment_id, Some(respondent))?;
        (a.comments, a.evidence) = self.own_notes(assessment_id, Some(respondent))?;
        // As for the whole assessment, only what the loaded questionnaire can take; `fit`
        // names the rest, which stays stored.
        let mut misfits = Vec::new();
        version::fit_answers(
            q,
            respondent,
            None,
            &mut a.answers,
            &mut a.other,
            &mut misfits,
        );
        version::fit_notes(
            q,
            respondent,
            None,
            &mut a.comments,
            &mut a.evidence,
            &mut misfits,
        );
        a.sort_by_questionnaire(q);
        Ok(a)
    }

    /// One respondent's answers and "other" texts (the default respondent's when `None`).
    fn own_answers(
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

    /// Adds the answers of an interchange file as a new respondent of an existing assessment
    /// (a workshop participant who answered on their own machine). Validated first; one
    /// transaction. A respondent of the same name (ignoring case, width and extra spaces) is
    /// refused, so nobody is counted twice; [`Store::import_respondent`] can replace them.
    pub fn import_as_respondent(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        name: &str,
        role: Option<&str>,
        a: &Assessment,
    ) -> Result<i64> {
        self.import_respondent(q, assessment_id, name, role, a, false)
    }

    /// [`Store::import_as_respondent`], and with `replace` a respondent of the same name is
    /// replaced: their earlier answers and notes give way to the file's (their role is kept
    /// unless one is given), in the same transaction.
    pub fn import_respondent(
        &mut self,
        q: &Questionnaire,
        assessment_id: i64,
        name: &str,
        role: Option<&str>,
        a: &Assessment,
        replace: bool,
    ) -> Result<i64> {
        validate_against(a, q)?;
        self.check_questionnaire(assessment_id, q)?;
        let name = names::clean(NameOf::Respondent, name)?;
        names::details(&[role], TextKind::RespondentRole)?;
        // Its answers are several people's, merged: taking them as one person's would
        // misstate the divergence.
        if let Some(w) = a.workshop.as_ref().filter(|w| !w.is_trivial()) {
            let n = w.respondents.len();
            return Err(StoreError::InvalidInput(bi!(
                "このファイルはワークショップ全体（回答者 {n} 人）を含んでいます。1 人の回答者としてではなく、評価として取り込んでください",
                "this file carries a whole workshop ({n} respondents); import it as an \
                 assessment, not as one respondent"
            )));
        }
        let earlier = names::respondent_named(&self.conn, assessment_id, &name, None)?;
        let mut role = non_empty(role).map(str::to_string);
        match earlier {
            Some(id) if !replace => {
                return Err(StoreError::DuplicateName {
                    what: NameOf::Respondent,
                    name,
                    id,
                })
            }
            Some(id) if role.is_none() => {
                role = self.conn.query_row(
                    "SELECT role FROM respondent WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
            }
            _ => {}
        }
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        if let (Some(id), true) = (earlier, replace) {
            tx.execute("DELETE FROM respondent WHERE id = ?1", [id])?;
        }
        tx.execute(
            "INSERT INTO respondent (assessment_id, name, role, is_default, created_at)
             VALUES (?1, ?2, ?3, 0, ?4)",
            params![assessment_id, name, role, now],
        )?;
        let respondent_id = tx.last_insert_rowid();
        insert_answers_tx(&tx, respondent_id, &AnswerSet::of(a), &now)?;
        touch(&tx, assessment_id, &now)?;
        tx.commit()?;
        Ok(respondent_id)
    }

    /// The workshop of an assessment: the facilitator's own answers, each named respondent's
    /// answers (and, with `with_notes`, their comments and evidence) and the agreed answers.
    pub fn load_workshop(&self, assessment_id: i64, with_notes: bool) -> Result<Workshop> {
        let mut w = Workshop::default();
        (w.facilitator_answers, w.facilitator_other) = self.own_answers(assessment_id, None)?;
        for r in self.list_respondents(assessment_id)? {
            if r.is_default {
                continue;
            }
            let (answers, other) = self.own_answers(assessment_id, Some(r.id))?;
            let (comments, evidence) = if with_notes {
                self.own_notes(assessment_id, Some(r.id))?
            } else {
                Default::default()
            };
            w.respondents.push(WorkshopRespondent {
                name: r.name,
                role: r.role,
                answers,
                other,
                comments,
                evidence,
            });
        }
        let mut stmt = self.conn.prepare(
            "SELECT item_id, value, other_text, note FROM consensus WHERE assessment_id = ?1
             ORDER BY item_id",
        )?;
        let rows = stmt
            .query_map([assessment_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    r.get::<_, Option<String>>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (item, value, other, note) in rows {
            w.consensus.insert(
                item,
                Consensus {
                    answer: serde_json::from_str(&value)?,
                    other,
                    note,
                },
            );
        }
        Ok(w)
    }

    /// The assessment as a file to carry elsewhere: [`Store::load_assessment`] plus, when
    /// several people answered or answers were agreed, the whole workshop, so that importing
    /// the file keeps who answered what, their notes and the agreement notes.
    ///
    /// The file must import again: an assessment whose date is not a real day, or holding
    /// stored values the loaded questionnaire cannot take ([`Store::fit`]), is refused with the
    /// date or every such value named; otherwise the file says the loaded version, which all
    /// its answers fit.
    pub fn export_assessment(&self, q: &Questionnaire, assessment_id: i64) -> Result<Assessment> {
        let (mut a, fit) = self.file_form(q, assessment_id)?;
        if !fit.misfits.is_empty() {
            return Err(StoreError::Misfits {
                id: assessment_id,
                questionnaire: fit.questionnaire,
                stored: fit.stored_version,
                loaded: fit.loaded_version,
                misfits: fit.misfits,
            });
        }
        if let Some(d) = a.date.as_deref().filter(|d| parse_date(d).is_err()) {
            return Err(StoreError::StoredDateInvalid {
                id: assessment_id,
                date: d.to_string(),
            });
        }
        a.questionnaire_version = Some(q.version.clone());
        Ok(a)
    }

    /// The assessment in file form (with its workshop, when there is one) as far as it fits
    /// `q`, and how it fits, without the export's refusals: for the report.
    pub(crate) fn file_form(
        &self,
        q: &Questionnaire,
        assessment_id: i64,
    ) -> Result<(Assessment, Fit)> {
        let (mut a, w, fit) = self.load_parts(q, assessment_id)?;
        if !w.is_trivial() {
            a.workshop = Some(w);
            a.sort_by_questionnaire(q);
        }
        Ok((a, fit))
    }

    /// The assessment in interchange form: the consensus answer where one is set, else the
    /// default respondent's, with comments, evidence and target overrides.
    ///
    /// Only what the loaded questionnaire `q` can take is in it; [`Store::fit`] names the rest,
    /// which stays stored.
    pub fn load_assessment(&self, q: &Questionnaire, assessment_id: i64) -> Result<Assessment> {
        Ok(self.load_parts(q, assessment_id)?.0)
    }

    /// The assessment as [`Store::load_assessment`] gives it, its workshop with every note, and
    /// how it fits `q`.
    fn load_parts(
        &self,
        q: &Questionnaire,
        assessment_id: i64,
    ) -> Result<(Assessment, Workshop, Fit)> {
        let row = self.assessment(assessment_id)?;
        let org = self.organisation(row.organisation_id)?;
        let mut a = Assessment::new(
            q,
            Organisation {
                name: org.name,
                sector: org.sector,
                size: org.size,
                csirt_form: org.csirt_form,
            },
        );
        a.questionnaire = row.questionnaire_id.clone();
        a.questionnaire_version = Some(row.questionnaire_version.clone());
        a.date = Some(row.date.clone());
        a.language = Some(row.language);
        a.status = row.status;

        let fitted = self.fitted(q, assessment_id)?;
        // One rule, the model's, turns the workshop into the answers that are scored.
        let (answers, other) = fitted.workshop.agreed();
        a.answers = answers;
        a.other = other;
        a.comments = fitted.comments;
        a.evidence = fitted.evidence;
        a.targets = fitted.targets;
        a.sort_by_questionnaire(q);
        Ok((a, fitted.workshop, fitted.fit))
    }

    /// Imports an interchange file as a new assessment. Everything is validated first; then all
    /// rows are written in one transaction, so a failure leaves the store unchanged. The
    /// assessment joins `organisation_id`, or the organisation of the same name, or a new one.
    pub fn import(
        &mut self,
        q: &Questionnaire,
        a: &Assessment,
        organisation_id: Option<i64>,
    ) -> Result<i64> {
        validate_against(a, q)?;
        if let Some(o) = organisation_id {
            self.organisation(o)?;
        }
        let org_name = names::clean(NameOf::Organisation, &a.organisation.name)?;
        if let Some(w) = &a.workshop {
            for r in &w.respondents {
                names::clean(NameOf::Respondent, &r.name)?;
            }
        }
        let now = time::now_rfc3339();
        let tx = self.conn.transaction()?;
        let org_id = match organisation_id {
            Some(o) => o,
            None => {
                // The same organisation however its name is cased, spaced or wide.
                let existing = names::organisation_named(&tx, &org_name, None)?;
                match existing {
                    Some(id) => id,
                    None => {
                        tx.execute(
                            "INSERT INTO organisation (name, sector, size, csirt_form, created_at, updated_at)
                             VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                            params![
                                org_name,
                                non_empty(a.organisation.sector.as_deref()),
                                non_empty(a.organisation.size.as_deref()),
                                non_empty(a.organisation.csirt_form.as_deref()),
                                now
                            ],
                        )?;
                        tx.last_insert_rowid()
                    }
                }
            }
        };
        let id = insert_assessment(
            &tx,
            org_id,
            q,
            a.date.as_deref(),
            a.language.unwrap_or_default(),
            a.status,
        )?;
        let respondent_id: i64 = tx.query_row(
            "SELECT id FROM respondent WHERE assessment_id = ?1 AND is_default = 1",
            [id],
            |r| r.get(0),
        )?;
        match &a.workshop {
            None => insert_answers_tx(&tx, respondent_id, &AnswerSet::of(a), &now)?,
            Some(w) => insert_workshop_tx(&tx, id, respondent_id, a, w, &now)?,
        }
        for (item, key) in a.targets.iter() {
            tx.execute(
                "INSERT INTO target_override (assessment_id, item_id, target_key, updated_at)
                 VALUES (?1, ?2, ?3, ?4)",
                params![id, item, key, now],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    // ----------------------------------------------------------------- settings

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// Every row of every table, as text: for tests that check "nothing changed".
    pub fn dump(&self) -> Result<String> {
        let mut out = String::new();
        for table in [
            "organisation",
            "assessment",
            "respondent",
            "answer",
            "consensus",
            "answer_note",
            "target_override",
            "setting",
        ] {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))?;
            let cols = stmt.column_count();
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                let mut line = vec![table.to_string()];
                for i in 0..cols {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push(format!("{v:?}"));
                }
                out.push_str(&line.join("|"));
                out.push('\n');
            }
        }
        Ok(out)
    }
}

fn backup_path(path: &Path, version: u32) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "csirt.sqlite3".into());
    let stamp = time::now_rfc3339().replace(':', "");
    path.with_file_name(format!("{name}.v{version}-{stamp}.bak"))
}

fn touch(tx: &Transaction, assessment_id: i64, now: &str) -> Result<()> {
    let n = tx.execute(
        "UPDATE assessment SET updated_at = ?2 WHERE id = ?1",
        params![assessment_id, now],
    )?;
    if n == 0 {
        return Err(StoreError::NoAssessment(assessment_id));
    }
    Ok(())
}

/// Writes a file's answers, "other" texts, comments and evidence as `respondent_id`'s, inside
/// the caller's transaction. An item may carry evidence without a comment, and keeps it.
/// One person's answers, "other" texts, comments and evidence, as written for one respondent.
struct AnswerSet<'a> {
    answers: &'a StrictMap<Answer>,
    other: &'a StrictMap<String>,
    comments: &'a StrictMap<String>,
    evidence: &'a StrictMap<String>,
}

impl<'a> AnswerSet<'a> {
    fn of(a: &'a Assessment) -> Self {
        AnswerSet {
            answers: &a.answers,
            other: &a.other,
            comments: &a.comments,
            evidence: &a.evidence,
        }
    }
}

fn insert_answers_tx(tx: &Transaction, respondent_id: i64, a: &AnswerSet, now: &str) -> Result<()> {
    for (item, answer) in a.answers.iter() {
        tx.execute(
            "INSERT INTO answer (respondent_id, item_id, value, other_text, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                respondent_id,
                item,
                serde_json::to_string(answer)?,
                a.other.get(item),
                now
            ],
        )?;
    }
    let mut noted: Vec<&String> = a.comments.iter().map(|(k, _)| k).collect();
    noted.extend(a.evidence.iter().map(|(k, _)| k));
    noted.sort();
    noted.dedup();
    for item in noted {
        save_note_tx(
            tx,
            respondent_id,
            item,
            a.comments.get(item).map(String::as_str),
            a.evidence.get(item).map(String::as_str),
            now,
        )?;
    }
    Ok(())
}

/// Writes a carried workshop: the facilitator's own answers with the file's comments and
/// evidence, each respondent, and the agreed answers with their notes.
fn insert_workshop_tx(
    tx: &Transaction,
    assessment_id: i64,
    facilitator_id: i64,
    a: &Assessment,
    w: &Workshop,
    now: &str,
) -> Result<()> {
    let facilitator = AnswerSet {
        answers: &w.facilitator_answers,
        other: &w.facilitator_other,
        comments: &a.comments,
        evidence: &a.evidence,
    };
    insert_answers_tx(tx, facilitator_id, &facilitator, now)?;
    for r in &w.respondents {
        tx.execute(
            "INSERT INTO respondent (assessment_id, name, role, is_default, created_at)
             VALUES (?1, ?2, ?3, 0, ?4)",
            params![
                assessment_id,
                r.name.trim(),
                non_empty(r.role.as_deref()),
                now
            ],
        )?;
        let set = AnswerSet {
            answers: &r.answers,
            other: &r.other,
            comments: &r.comments,
            evidence: &r.evidence,
        };
        insert_answers_tx(tx, tx.last_insert_rowid(), &set, now)?;
    }
    for (item, c) in w.consensus.iter() {
        tx.execute(
            "INSERT INTO consensus (assessment_id, item_id, value, other_text, note, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                assessment_id,
                item,
                serde_json::to_string(&c.answer)?,
                non_empty(c.other.as_deref()),
                non_empty(c.note.as_deref()),
                now
            ],
        )?;
    }
    Ok(())
}

fn save_note_tx(
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

fn insert_assessment(
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
    Ok(id)
}

/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";
/// The length of SQLite's database header.
const SQLITE_HEADER: usize = 100;

/// Refuses, reading only, an existing file that cannot be one of our databases. Only a path where
/// nothing is becomes a new database: an empty file, or one cut short, is what a failed copy or
/// sync leaves, and SQLite would take a file shorter than a page for a new, empty database,
/// hiding that the data is gone.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let Ok(meta) = std::fs::metadata(path) else {
        return Ok(()); // SQLite reports what is wrong with it, in its words, below.
    };
    if !meta.is_file() {
        return Ok(());
    }
    if meta.len() == 0 {
        return Err(StoreError::EmptyFile {
            path: path.to_path_buf(),
        });
    }
    let mut head = Vec::with_capacity(SQLITE_HEADER);
    let read =
        std::fs::File::open(path).and_then(|f| f.take(SQLITE_HEADER as u64).read_to_end(&mut head));
    if read.is_err() {
        return Ok(()); // Unreadable: SQLite's own error (read-only, cannot open) says why.
    }
    if head.len() < SQLITE_HEADER || !head.starts_with(SQLITE_MAGIC) {
        return Err(StoreError::NotADatabase {
            path: path.to_path_buf(),
        });
    }
    Ok(())
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

/// Where the database lives when neither `--db` nor `CSIRT_DB` says otherwise.
pub fn default_db_path(data_dir: &Path) -> PathBuf {
    data_dir.join("csirt.sqlite3")
}

/// Opening fails in SQLite's words ("attempt to write a readonly database", "unable to open
/// database file"), which do not tell the user that the folder is the problem or what to do.
fn classify_open_error(e: StoreError, path: &Path) -> StoreError {
    let code = match &e {
        StoreError::Sqlite(inner) | StoreError::Write(inner) => inner.sqlite_error_code(),
        _ => None,
    };
    match code {
        Some(rusqlite::ErrorCode::ReadOnly) => StoreError::ReadOnly {
            path: path.to_path_buf(),
        },
        Some(rusqlite::ErrorCode::CannotOpen) => StoreError::CannotOpen {
            path: path.to_path_buf(),
        },
        _ => e,
    }
}

/// An organisation's sector, size and CSIRT form, the texts beside its name.
fn organisation_details(org: &Organisation) -> [Option<&str>; 3] {
    [
        org.sector.as_deref(),
        org.size.as_deref(),
        org.csirt_form.as_deref(),
    ]
}
