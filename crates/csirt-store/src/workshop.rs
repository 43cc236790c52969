//! Queries that join stored answers with scoring, shared by the `csirt` command and the desktop
//! app so both name respondents, pick earlier assessments and fill the report's extras alike.

use crate::{AssessmentRow, Result, Store};
use csirt_model::date::parse_date;
use csirt_model::{Catalog, Questionnaire};
use csirt_scoring::{Divergence, ScoreReport, Trend};
use serde::Serialize;

/// One respondent's comment or evidence on one item, for the facilitator's agenda.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RespondentNote {
    pub item: String,
    pub respondent: String,
    pub comment: Option<String>,
    pub evidence: Option<String>,
}

/// An assessment in an organisation's list, with its headline figures.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentSummary {
    pub row: AssessmentRow,
    /// The overall maturity (0–4), `None` before anything scored is answered.
    pub overall: Option<f64>,
    /// How many items can be answered.
    pub answerable: usize,
}

/// What the report adds for a stored assessment: the workshop's disagreements, the consensus
/// notes and the trend over the organisation's assessments up to this one.
#[derive(Debug, Clone)]
pub struct ReportContext {
    /// Empty unless at least two respondents answered: one person cannot disagree.
    pub divergence: Vec<Divergence>,
    pub consensus_notes: Vec<(String, String)>,
    pub trend: Trend,
}

impl Store {
    /// What each respondent wrote beside their answers, by item in questionnaire order, then by
    /// respondent; the facilitator is called `default_name`.
    pub fn named_notes(
        &self,
        q: &Questionnaire,
        assessment_id: i64,
        default_name: &str,
    ) -> Result<Vec<RespondentNote>> {
        let mut out = Vec::new();
        for r in self.list_respondents(assessment_id)? {
            let name = if r.is_default {
                default_name.to_string()
            } else {
                r.name
            };
            for (item, comment, evidence) in self.respondent_notes(assessment_id, Some(r.id))? {
                out.push(RespondentNote {
                    item,
                    respondent: name.clone(),
                    comment,
                    evidence,
                });
            }
        }
        let order: std::collections::HashMap<&str, usize> = q
            .items
            .iter()
            .enumerate()
            .map(|(i, item)| (item.id.as_str(), i))
            .collect();
        // A stable sort: within an item, respondents keep their listed order.
        out.sort_by_key(|n| order.get(n.item.as_str()).copied().unwrap_or(usize::MAX));
        Ok(out)
    }

    /// An organisation's assessments (all when `None`), each with its overall score and the
    /// number of answerable items, as the organisation screen lists them.
    pub fn assessment_summaries(
        &self,
        catalog: &Catalog,
        organisation_id: Option<i64>,
    ) -> Result<Vec<AssessmentSummary>> {
        self.list_assessments(organisation_id)?
            .into_iter()
            .map(|row| {
                let set = catalog.get(&row.questionnaire_id)?;
                let a = self.load_assessment(&set.questionnaire, row.id)?;
                let report =
                    csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), &a)?;
                Ok(AssessmentSummary {
                    row,
                    overall: report.overall,
                    answerable: report.completeness.answerable,
                })
            })
            .collect()
    }

    /// The divergence of every answerable item, most disputed first.
    pub fn divergence(
        &self,
        q: &Questionnaire,
        assessment_id: i64,
        default_name: &str,
    ) -> Result<Vec<Divergence>> {
        let w = self.load_workshop(assessment_id, false)?;
        Ok(csirt_scoring::divergence(
            q,
            &csirt_scoring::workshop_people(&w, default_name),
        ))
    }

    /// How far the one answering has got: the assessment's progress for the facilitator
    /// (`None`), a respondent's own answers for them.
    pub fn progress(
        &self,
        catalog: &Catalog,
        assessment_id: i64,
        respondent: Option<i64>,
    ) -> Result<csirt_scoring::Completeness> {
        let set = catalog.get(&self.assessment(assessment_id)?.questionnaire_id)?;
        let q = &set.questionnaire;
        let a = match respondent {
            None => self.load_assessment(q, assessment_id)?,
            Some(r) => self.load_respondent_assessment(q, assessment_id, r)?,
        };
        Ok(csirt_scoring::score(q, set.benchmark.as_deref(), &a)?.completeness)
    }

    /// Score reports of an organisation's assessments dated up to `upto` (all when `None`).
    /// Assessments of a questionnaire that is not loaded are left out rather than failing.
    pub fn history(
        &self,
        catalog: &Catalog,
        organisation_id: i64,
        upto: Option<&str>,
    ) -> Result<Vec<ScoreReport>> {
        let mut reports = Vec::new();
        // By the calendar. An assessment whose stored date is not a real day cannot be placed
        // before a cut-off, so it is left out when there is one (and comes last without one).
        let upto = upto.and_then(|d| parse_date(d).ok());
        for row in self.list_assessments(Some(organisation_id))? {
            if let Some(limit) = upto {
                if parse_date(&row.date).map_or(true, |d| d > limit) {
                    continue;
                }
            }
            let Ok(set) = catalog.get(&row.questionnaire_id) else {
                continue;
            };
            let a = self.load_assessment(&set.questionnaire, row.id)?;
            reports.push(csirt_scoring::score(
                &set.questionnaire,
                set.benchmark.as_deref(),
                &a,
            )?);
        }
        Ok(reports)
    }

    /// The organisation's trend over its assessments up to `upto` (all when `None`).
    pub fn trend(
        &self,
        catalog: &Catalog,
        organisation_id: i64,
        upto: Option<&str>,
    ) -> Result<Trend> {
        let reports = self.history(catalog, organisation_id, upto)?;
        let refs: Vec<&ScoreReport> = reports.iter().collect();
        Ok(csirt_scoring::trend(&refs))
    }

    /// The report's extras for one stored assessment, as `csirt assessment report` and the app's
    /// PDF export both include them.
    pub fn report_context(
        &self,
        catalog: &Catalog,
        assessment_id: i64,
        default_name: &str,
    ) -> Result<ReportContext> {
        let row = self.assessment(assessment_id)?;
        let set = catalog.get(&row.questionnaire_id)?;
        // Through the file form, so a stored assessment and its exported file report alike.
        let (file, _) = self.file_form(&set.questionnaire, assessment_id)?;
        let (divergence, consensus_notes) =
            csirt_scoring::workshop_report(&set.questionnaire, &file, default_name);
        Ok(ReportContext {
            divergence,
            consensus_notes,
            trend: self.trend(catalog, row.organisation_id, Some(&row.date))?,
        })
    }
}
