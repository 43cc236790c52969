//! One path from an assessment to report bytes, whatever the format: the stored assessment is
//! read under the lock ([`read`]), then scored, given its extras (workshop, trend, peers) and
//! rendered by `csirt_report::render` with no store at hand ([`render`]). An assessment file
//! takes the same path without the store ([`render_file`]).

use crate::{view, Result};
use csirt_model::date::Date;
use csirt_model::{Assessment, Benchmark, Catalog, Lang};
use csirt_report::{Format, ReportOptions};
use csirt_scoring::Trend;
use csirt_store::{AssessmentRow, BenchmarkChoice, Store};
use std::sync::Arc;

/// Which benchmark a stored assessment's report compares it with.
#[derive(Debug, Clone)]
pub enum BenchmarkUse {
    /// The one remembered for the assessment; an error naming it when it no longer exists
    /// (the command line).
    Remembered,
    /// The one remembered, else the questionnaire's own (the app, whose screens warn).
    RememberedOrDefault,
    /// This one, chosen for this report (`--benchmark`, `--segment`).
    Given(Option<Arc<Benchmark>>),
}

/// How to render: the language, the options, the format and what goes in besides the score.
#[derive(Debug, Clone)]
pub struct ReportRequest<'a> {
    pub lang: Lang,
    pub options: &'a ReportOptions,
    pub format: Format,
    /// The creation time written into the file (seconds since 1970, UTC).
    pub created: i64,
    /// What the workshop appendix calls the facilitator (the default respondent).
    pub facilitator: &'a str,
    /// Include the nearest interviewed teams.
    pub peers: bool,
}

/// What a stored assessment's report is made from, read from the store. Owns its data: the
/// rendering cannot reach the store through it.
#[derive(Debug, Clone)]
pub struct ReportData {
    pub row: AssessmentRow,
    /// In file form, with its workshop when there is one, as far as it fits the questionnaire.
    pub assessment: Assessment,
    /// The benchmark and segment remembered for it.
    pub choice: BenchmarkChoice,
    /// The organisation's assessments up to this one's date, for the trend.
    pub history: Vec<Assessment>,
    /// What the action plan section is derived from.
    pub plan: csirt_store::PlanContext,
}

/// The fast step, under the store's lock: the assessment, its workshop, its remembered
/// benchmark and the organisation's earlier assessments.
pub fn read(store: &Store, catalog: &Catalog, id: i64) -> Result<ReportData> {
    let row = store.assessment(id)?;
    let set = catalog.get(&row.questionnaire_id)?;
    let assessment = store.report_form(&set.questionnaire, id)?;
    let choice = store.benchmark_choice(id)?;
    let history = store.history(
        catalog,
        row.organisation_id,
        &row.questionnaire_id,
        Some(&row.date),
    )?;
    let plan = store.plan_context(catalog, id)?;
    Ok(ReportData {
        row,
        assessment,
        choice,
        history,
        plan,
    })
}

/// The slow step, with no store: scores what was read, adds the workshop, the trend up to
/// this assessment and (when asked) the nearest interviewed teams, and renders.
pub fn render(
    data: &ReportData,
    catalog: &Catalog,
    benchmark: &BenchmarkUse,
    req: &ReportRequest,
) -> Result<Vec<u8>> {
    let set = catalog.get(&data.row.questionnaire_id)?;
    let chosen = match benchmark {
        BenchmarkUse::Remembered => set.choose(
            data.choice.benchmark.as_deref(),
            data.choice.segment.as_deref(),
        )?,
        BenchmarkUse::RememberedOrDefault => {
            view::remembered_or_default(catalog, &data.row.questionnaire_id, &data.choice)?.0
        }
        BenchmarkUse::Given(b) => b.clone(),
    };
    let trend = view::trend_of(catalog, &data.history)?;
    let date = csirt_model::date::parse_date(&data.row.date).ok();
    let plan = crate::plan::report_extras(catalog, &data.plan, date, Date::today())?;
    rendered(
        catalog,
        chosen.as_deref(),
        &data.assessment,
        Some(&trend),
        Some(&plan),
        req,
    )
}

/// Reads and renders in one go, for a caller that holds the store itself (the command line).
pub fn report(
    store: &Store,
    catalog: &Catalog,
    id: i64,
    benchmark: &BenchmarkUse,
    req: &ReportRequest,
) -> Result<Vec<u8>> {
    render(&read(store, catalog, id)?, catalog, benchmark, req)
}

/// The report of a validated assessment file, against the catalog's benchmark for its
/// questionnaire. A file that carries its workshop gets the appendix of disagreements and
/// agreement notes, as from the store; a file has no trend.
pub fn render_file(a: &Assessment, catalog: &Catalog, req: &ReportRequest) -> Result<Vec<u8>> {
    let set = catalog.get(&a.questionnaire)?;
    let plan = crate::plan::file_extras(catalog, a, Date::today())?;
    rendered(
        catalog,
        set.benchmark.as_deref(),
        a,
        None,
        plan.as_ref(),
        req,
    )
}

fn rendered(
    catalog: &Catalog,
    benchmark: Option<&Benchmark>,
    a: &Assessment,
    trend: Option<&Trend>,
    plan: Option<&csirt_report::PlanExtras>,
    req: &ReportRequest,
) -> Result<Vec<u8>> {
    let set = catalog.get(&a.questionnaire)?;
    let q = &set.questionnaire;
    let score = csirt_scoring::score(q, benchmark, a)?;
    let (divergence, consensus_notes) = csirt_scoring::workshop_report(q, a, req.facilitator);
    let peers = if req.peers {
        Some(view::peers(catalog, a, &score)?)
    } else {
        None
    };
    let input = csirt_report::ReportInput {
        questionnaire: q,
        benchmark,
        assessment: a,
        score: &score,
    };
    let extras = csirt_report::ReportExtras {
        divergence: &divergence,
        consensus_notes: &consensus_notes,
        trend,
        peers: peers.as_deref(),
        peer_criteria: set
            .benchmark
            .as_deref()
            .and_then(|b| b.peer_matching.as_ref())
            .map(|m| &m.criteria),
        plan,
    };
    Ok(csirt_report::render(
        &input,
        &extras,
        req.lang,
        req.options,
        req.format,
        req.created,
    )?)
}
