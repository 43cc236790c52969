//! Reads for the workshop and the history: respondents' notes by name, the assessment as a
//! report is made from it, and an organisation's earlier assessments. Scoring them is the
//! use-case layer's work (`csirt-usecase`); the store only returns what is stored.

use crate::{Result, Store};
use csirt_model::date::parse_date;
use csirt_model::{Assessment, Catalog, Questionnaire};
use serde::Serialize;

/// One respondent's comment or evidence on one item, for the facilitator's agenda.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct RespondentNote {
    pub item: String,
    pub respondent: String,
    pub comment: Option<String>,
    pub evidence: Option<String>,
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

    /// The assessment in file form, its workshop included when there is one, as far as it
    /// fits the loaded questionnaire: what a report is made from, so that a stored assessment
    /// and its exported file report alike. Unlike [`Store::export_assessment`] it does not
    /// refuse misfits or an old date.
    pub fn report_form(&self, q: &Questionnaire, assessment_id: i64) -> Result<Assessment> {
        Ok(self.file_form(q, assessment_id)?.0)
    }

    /// An organisation's assessments of `questionnaire` dated up to `upto` (all when `None`),
    /// loaded, in the list's order (the trend puts them in calendar order). Assessments of
    /// another questionnaire are never mixed in; those of a questionnaire that is not loaded
    /// are left out rather than failing; so is, when there is a cut-off, one whose stored date
    /// is not a real day (it cannot be placed before it).
    pub fn history(
        &self,
        catalog: &Catalog,
        organisation_id: i64,
        questionnaire: &str,
        upto: Option<&str>,
    ) -> Result<Vec<Assessment>> {
        let mut out = Vec::new();
        let upto = upto.and_then(|d| parse_date(d).ok());
        for row in self.list_assessments(Some(organisation_id))? {
            if row.questionnaire_id != questionnaire {
                continue;
            }
            if let Some(limit) = upto {
                if parse_date(&row.date).map_or(true, |d| d > limit) {
                    continue;
                }
            }
            let Ok(set) = catalog.get(&row.questionnaire_id) else {
                continue;
            };
            out.push(self.load_assessment(&set.questionnaire, row.id)?);
        }
        Ok(out)
    }

    /// The questionnaire of the organisation's latest assessment by the calendar (the last
    /// listed when none has a real date); `None` without assessments.
    pub fn latest_questionnaire(&self, organisation_id: i64) -> Result<Option<String>> {
        let rows = self.list_assessments(Some(organisation_id))?;
        let latest = rows
            .iter()
            .filter_map(|r| parse_date(&r.date).ok().map(|d| (d, r)))
            .max_by(|a, b| a.0.cmp(&b.0))
            .map(|(_, r)| r)
            .or(rows.last());
        Ok(latest.map(|r| r.questionnaire_id.clone()))
    }
}
