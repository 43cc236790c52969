//! An assessment as the screens and the command line show it, in two steps: [`read`] takes
//! what is stored (under the lock), [`score`] works on it without the store. Also the
//! organisation's list with scores, progress, the workshop's divergence, the trend and peers.

use crate::Result;
use csirt_model::{bi, Assessment, Benchmark, Catalog, Lang, Localized, Questionnaire, Text};
use csirt_scoring::{Completeness, Divergence, Headline, PeerMatch, Roadmap, ScoreReport, Trend};
use csirt_store::{AssessmentRow, BenchmarkChoice, Store};
use serde::Serialize;
use std::sync::Arc;

/// An assessment as read from the store: its row, its scored answers, what no longer fits the
/// loaded questionnaire and the benchmark remembered for it. Owns its data.
#[derive(Debug, Clone)]
pub struct Stored {
    pub row: AssessmentRow,
    pub assessment: Assessment,
    /// What no longer fits the loaded questionnaire version, if anything.
    pub version_warning: Option<Text>,
    /// The benchmark and segment remembered for the assessment.
    pub choice: BenchmarkChoice,
    /// The organisation's assessments up to this one's date, for the headline's change since
    /// the last assessment.
    pub history: Vec<Assessment>,
}

/// Reads an assessment's row, its scored answers and its remembered benchmark.
pub fn read(store: &Store, catalog: &Catalog, id: i64) -> Result<Stored> {
    let row = store.assessment(id)?;
    let set = catalog.get(&row.questionnaire_id)?;
    let assessment = store.load_assessment(&set.questionnaire, id)?;
    let version_warning = store.fit(&set.questionnaire, id)?.warning(id);
    let choice = store.benchmark_choice(id)?;
    let history = store.history(
        catalog,
        row.organisation_id,
        &row.questionnaire_id,
        Some(&row.date),
    )?;
    Ok(Stored {
        row,
        assessment,
        version_warning,
        choice,
        history,
    })
}

/// An assessment scored: the score report, its roadmap, and the benchmark it was compared with
/// (with a warning when a remembered benchmark is gone and the questionnaire's own stood in).
#[derive(Debug, Clone)]
pub struct Scored {
    pub report: ScoreReport,
    pub roadmap: Roadmap,
    pub benchmark: Option<Arc<Benchmark>>,
    pub benchmark_warning: Option<Text>,
    /// What the overall score means: its SIM3 level and the change since the last assessment
    /// (the report's headline says the same).
    pub headline: Headline,
}

/// The remembered benchmark, or, when it no longer exists (its file removed), the
/// questionnaire's own with a warning saying so.
pub fn remembered_or_default(
    catalog: &Catalog,
    questionnaire: &str,
    choice: &BenchmarkChoice,
) -> Result<(Option<Arc<Benchmark>>, Option<Text>)> {
    let set = catalog.get(questionnaire)?;
    Ok(
        match set.choose(choice.benchmark.as_deref(), choice.segment.as_deref()) {
            Ok(b) => (b, None),
            Err(e) => {
                let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
                (
                    set.benchmark.clone(),
                    Some(bi!(
                        "{ja}。質問票の既定の基準データで比較しています",
                        "{en}; compared with the questionnaire's own benchmark instead"
                    )),
                )
            }
        },
    )
}

/// Scores what was read against its remembered benchmark (or the questionnaire's own, with a
/// warning), with its roadmap. Needs no store.
pub fn score(stored: &Stored, catalog: &Catalog) -> Result<Scored> {
    let set = catalog.get(&stored.row.questionnaire_id)?;
    let (benchmark, benchmark_warning) =
        remembered_or_default(catalog, &stored.row.questionnaire_id, &stored.choice)?;
    let report =
        csirt_scoring::score(&set.questionnaire, benchmark.as_deref(), &stored.assessment)?;
    let roadmap = csirt_scoring::roadmap(&set.questionnaire, &report);
    let trend = trend_of(catalog, &stored.history)?;
    let headline = csirt_scoring::headline(&set.questionnaire, report.overall, &trend.points);
    Ok(Scored {
        report,
        roadmap,
        headline,
        benchmark,
        benchmark_warning,
    })
}

/// The nearest interviewed teams. They belong to the questionnaire's own benchmark (the
/// survey), whichever benchmark the standings come from; none without one.
pub fn peers(
    catalog: &Catalog,
    assessment: &Assessment,
    report: &ScoreReport,
) -> Result<Vec<PeerMatch>> {
    let set = catalog.get(&assessment.questionnaire)?;
    Ok(match set.benchmark.as_deref() {
        Some(b) => csirt_scoring::nearest_peers(&set.questionnaire, b, assessment, report),
        None => Vec::new(),
    })
}

/// An assessment in an organisation's list, with its headline figures.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentSummary {
    pub row: AssessmentRow,
    /// The overall maturity (0–100), `None` before anything scored is answered.
    pub overall: Option<f64>,
    /// How many items can be answered (0 when its questionnaire is not installed).
    pub answerable: usize,
    /// Set when the assessment's questionnaire is not installed (a removed package): it is
    /// listed, unscored, with this explanation, and the rest of the list still works.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<Text>,
}

/// An organisation's assessments (all when `None`), each with its overall score against the
/// questionnaire's own benchmark and the number of answerable items. An assessment whose
/// questionnaire is not installed is listed unscored, with [`AssessmentSummary::missing`].
pub fn summaries(
    store: &Store,
    catalog: &Catalog,
    organisation_id: Option<i64>,
) -> Result<Vec<AssessmentSummary>> {
    store
        .list_assessments(organisation_id)?
        .into_iter()
        .map(|row| {
            let Ok(set) = catalog.get(&row.questionnaire_id) else {
                let missing = Some(not_installed(&row));
                return Ok(AssessmentSummary {
                    row,
                    overall: None,
                    answerable: 0,
                    missing,
                });
            };
            let a = store.load_assessment(&set.questionnaire, row.id)?;
            let report = csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), &a)?;
            Ok(AssessmentSummary {
                row,
                overall: report.overall,
                answerable: report.completeness.answerable,
                missing: None,
            })
        })
        .collect()
}

/// "Questionnaire X version Y is not installed", for an assessment whose questionnaire is gone.
pub fn not_installed(row: &AssessmentRow) -> Text {
    let (q, v) = (&row.questionnaire_id, &row.questionnaire_version);
    bi!(
        "質問票 {q}（版 {v}）がインストールされていないため、この評価は開けません。質問票のパッケージを取り込むと開けます",
        "Questionnaire {q} version {v} is not installed, so this assessment cannot be opened; import the questionnaire's package to open it"
    )
}

/// How far the one answering has got: the assessment's progress for the facilitator (`None`),
/// a respondent's own answers for them.
pub fn progress(
    store: &Store,
    catalog: &Catalog,
    assessment_id: i64,
    respondent: Option<i64>,
) -> Result<Completeness> {
    let set = catalog.get(&store.assessment(assessment_id)?.questionnaire_id)?;
    let q = &set.questionnaire;
    let a = match respondent {
        None => store.load_assessment(q, assessment_id)?,
        Some(r) => store.load_respondent_assessment(q, assessment_id, r)?,
    };
    Ok(csirt_scoring::score(q, set.benchmark.as_deref(), &a)?.completeness)
}

/// The divergence of every answerable item, most disputed first; the facilitator is called
/// `facilitator`.
pub fn divergence(
    store: &Store,
    q: &Questionnaire,
    assessment_id: i64,
    facilitator: &str,
) -> Result<Vec<Divergence>> {
    let w = store.load_workshop(assessment_id, false)?;
    Ok(csirt_scoring::workshop_divergence(q, &w, facilitator))
}

/// Scores an organisation's assessments as read by [`Store::history`] (each against its
/// questionnaire's own benchmark) and makes the trend. Assessments of a questionnaire that is
/// not loaded are left out; so are those of another questionnaire than the latest's (a trend
/// never mixes questionnaires). Each score keeps the questionnaire version the assessment was
/// answered in, so the trend can say when two versions are compared.
pub fn trend_of(catalog: &Catalog, history: &[Assessment]) -> Result<Trend> {
    let mut reports = Vec::new();
    for a in history {
        let Ok(set) = catalog.get(&a.questionnaire) else {
            continue;
        };
        let mut report = csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), a)?;
        if let Some(v) = &a.questionnaire_version {
            report.questionnaire_version.clone_from(v);
        }
        reports.push(report);
    }
    let refs: Vec<&ScoreReport> = reports.iter().collect();
    Ok(csirt_scoring::trend(&refs))
}

/// The organisation's trend over its assessments of `questionnaire` up to `upto` (all when
/// `None`); without a questionnaire, that of its latest assessment. Reads and scores in one
/// go: for the command line; the app reads with [`Store::history`] under its lock and calls
/// [`trend_of`] after.
pub fn trend(
    store: &Store,
    catalog: &Catalog,
    organisation_id: i64,
    questionnaire: Option<&str>,
    upto: Option<&str>,
) -> Result<Trend> {
    let questionnaire = match questionnaire {
        Some(q) => Some(q.to_string()),
        None => store.latest_questionnaire(organisation_id)?,
    };
    let Some(questionnaire) = questionnaire else {
        return Ok(csirt_scoring::trend(&[]));
    };
    trend_of(
        catalog,
        &store.history(catalog, organisation_id, &questionnaire, upto)?,
    )
}
