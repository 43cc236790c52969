//! The interchange form of a stored assessment: loading it (the answers by `Workshop::agreed`),
//! exporting it with its workshop, and importing a file as an assessment or as one respondent.

use crate::answer::save_note_tx;
use crate::assessment::insert_assessment;
use crate::derived::insert_derived_tx;
use crate::error::NameOf;
use crate::narrative::insert_narrative_tx;
use crate::version::{self, Fit};
use crate::{names, non_empty, time, touch, Result, Store, StoreError};
use csirt_model::assessment::validate_against;
use csirt_model::assessment::{Consensus, Workshop, WorkshopRespondent};
use csirt_model::date::parse_date;
use csirt_model::limits::TextKind;
use csirt_model::{bi, Answer, Assessment, Organisation, Questionnaire, StrictMap};
use rusqlite::{params, Transaction};

impl Store {
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
        // The narrative is the assessor's, not the respondent's; so are the derived marks.
        a.narrative = None;
        a.derived = None;
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

    /// Adds the answers of an interchange file as a new respondent of an existing assessment
    /// (a workshop participant who answered on their own machine). Validated first; one
    /// transaction. A respondent of the same name (ignoring case, width and extra spaces) is
    /// refused, so nobody is counted twice; [`Store::import_respondent`] can replace them.
    /// A narrative in the file is not taken: it is the assessor's, on the whole assessment.
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
        a.actions = self.plan(assessment_id)?;
        Ok((a, fit))
    }

    /// The assessment in interchange form: the consensus answer where one is set, else the
    /// default respondent's, with comments, evidence, target overrides and the assessor's
    /// narrative (absent when nothing was written).
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
        a.narrative = Some(fitted.narrative).filter(|n| !n.is_empty());
        // Only the marks of answers the loaded questionnaire holds.
        a.derived = self.derivation(assessment_id)?.and_then(|mut d| {
            d.items.0.retain(|(item, _)| a.answers.get(item).is_some());
            (!d.items.is_empty()).then_some(d)
        });
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
        if let Some(n) = &a.narrative {
            insert_narrative_tx(&tx, id, n, &now)?;
        }
        crate::action::import_actions_tx(&tx, org_id, id, &a.actions, &now)?;
        if let Some(d) = &a.derived {
            insert_derived_tx(&tx, id, d)?;
        }
        tx.commit()?;
        Ok(id)
    }
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
