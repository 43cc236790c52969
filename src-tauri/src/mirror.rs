//! TypeScript mirrors of the core types the commands return (`Questionnaire`, `Assessment`,
//! `ScoreReport`…). The core crates do not depend on ts-rs, so their TypeScript shape is
//! declared here; `bindings::tests` checks each mirror against the JSON the core type really
//! serialises to, so a change in a core crate fails a test instead of the UI.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

// ------------------------------------------------------------------------ mirrors of csirt-model

/// A segment of a pooled benchmark (`sector=manufacturing`) and its contributions.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub id: String,
    pub n: u32,
    pub label: Text,
}

/// The benchmark in use, named: title, n, dates, source, and the segment when there is one.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct BenchmarkRef {
    pub id: String,
    pub title: Text,
    pub source: Text,
    pub n: u32,
    pub survey_date: String,
    pub published: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub segment: Option<Segment>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub ja: String,
    pub en: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ja,
    En,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub key: String,
    pub text: Text,
    /// A few words for tables, when the full wording is long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub short: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub level: Option<u32>,
    /// Present (and true) when the option takes free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub other: Option<bool>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub id: String,
    pub name: Text,
    pub options: Vec<ChoiceOption>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetupItem {
    pub id: String,
    pub number: u32,
    pub name: Text,
    pub source: String,
    pub weight: f64,
    pub guidance: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
}

/// What kind of answer an item takes; flattened into `Item` under the key `type`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum ItemKind {
    Single {
        options: Vec<ChoiceOption>,
    },
    Multiple {
        options: Vec<ChoiceOption>,
    },
    Scale {
        scale: String,
        options: Vec<ChoiceOption>,
    },
    Number {
        unit: Text,
        min: Option<f64>,
        max: Option<f64>,
    },
    YearMonth,
    /// The core type also carries `scored` here; flattened, it is the same key as
    /// `Item::scored`, so the TypeScript side reads it there.
    Service,
    Text,
    Group,
}

// `deny_unknown_fields` does not combine with `flatten`; the shape test still compares values.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Item {
    pub id: String,
    pub section: String,
    #[serde(flatten)]
    pub kind: ItemKind,
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub survey_section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub finding: Option<Text>,
    pub area: String,
    pub setup: Vec<String>,
    pub sim3: Vec<String>,
    /// Items whose gaps come first on the roadmap; absent when none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub after: Option<Vec<String>>,
    pub weight: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub parent: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub recommendation: Option<Text>,
    /// What to do about a gap in this item ("Document … and have them approved"); absent in
    /// data that has none, where the question stands in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub action: Option<Text>,
    pub reconstructed: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<Text>,
    pub scored: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    pub id: String,
    pub version: String,
    pub title: Text,
    pub source: Text,
    pub scales: Vec<Scale>,
    pub areas: Vec<Area>,
    pub setup_items: Vec<SetupItem>,
    pub sections: Vec<Section>,
    pub items: Vec<Item>,
    /// Staffing roles; absent for a questionnaire without them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Role>>", optional)]
    pub roles: Vec<Role>,
}

/// A staffing role: its coverage item (in-house, vendor, both, none) and head-count item.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: Text,
    pub source: String,
    pub coverage: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub headcount: Option<String>,
}

/// One answer: a number (team size), a string (option key, service answer, year-month, free
/// text) or a list of option keys (multiple choice).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum Answer {
    Number(#[ts(type = "number")] serde_json::Number),
    Text(String),
    Keys(Vec<String>),
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Final,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub size: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub csirt_form: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub format: String,
    pub questionnaire: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub questionnaire_version: Option<String>,
    pub organisation: Organisation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub language: Option<Lang>,
    pub status: Status,
    pub answers: HashMap<String, Answer>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub other: Option<HashMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub comments: Option<HashMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub evidence: Option<HashMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub targets: Option<HashMap<String, String>>,
    /// The assessor's own words; absent when nothing was written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub narrative: Option<Narrative>,
    /// The derived answers not yet confirmed; absent when there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub derived: Option<crate::prefill::Derivation>,
}

/// The assessor's own words: the executive message, the key findings in order, and notes on
/// gaps by item. Each part is absent when empty.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub findings: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub gap_notes: Option<HashMap<String, String>>,
}

// ------------------------------------------------------------------------ mirrors of csirt-store

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct OrganisationRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub sector: Option<String>,
    pub size: Option<String>,
    pub csirt_form: Option<String>,
    #[ts(type = "number")]
    pub assessments: i64,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AssessmentRow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub organisation_id: i64,
    pub organisation_name: String,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    pub date: String,
    pub status: Status,
    pub language: Lang,
    #[ts(type = "number")]
    pub answered: i64,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RespondentRow {
    #[ts(type = "number")]
    pub id: i64,
    /// Empty for the default respondent: the facilitator, whose answers the wizard edits.
    pub name: String,
    pub role: Option<String>,
    pub is_default: bool,
}

/// One respondent's comment or evidence on one item.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RespondentNote {
    pub item: String,
    /// The respondent's name; the facilitator is called by the workshop's `facilitator` word.
    pub respondent: String,
    pub comment: Option<String>,
    pub evidence: Option<String>,
}

// ------------------------------------------------------------------------ mirrors of csirt-scoring

/// A share of the surveyed teams in percent, as an interval; `low == high` when exact.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Share {
    pub low: f64,
    pub high: f64,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    ExactCount,
    ExactPercent,
    ExactValue,
    Narrative,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Standing {
    pub at_or_above: Share,
    pub precision: Precision,
    pub source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub quote: Option<Text>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum TargetSource {
    CommonPractice,
    Sim3,
    Highest,
    Override,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub key: String,
    pub level: u32,
    pub score: f64,
    pub source: TargetSource,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Readiness {
    Green,
    Amber,
    Red,
    Unknown,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ItemScore {
    pub id: String,
    pub area: String,
    pub setup: Vec<String>,
    pub sim3: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub answer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub level: Option<u32>,
    pub max_level: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub score: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub standing: Option<Standing>,
    pub target: Target,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub gap: Option<f64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct AreaScore {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub score: Option<f64>,
    pub answered: usize,
    pub scored_items: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub benchmark: Option<Share>,
    pub benchmark_items: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SetupScore {
    pub id: String,
    pub number: u32,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub score: Option<f64>,
    pub readiness: Readiness,
    pub answered: usize,
    pub scored_items: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    pub rank: usize,
    pub item: String,
    pub text: Text,
    pub area: String,
    pub setup: Vec<String>,
    pub current_key: String,
    pub current_level: u32,
    pub target_key: String,
    pub target_level: u32,
    pub max_level: u32,
    pub gap: f64,
    pub share: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub peers_at_target: Option<Standing>,
    pub priority: f64,
    pub why: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub recommendation: Option<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct SectionProgress {
    pub id: String,
    pub answered: usize,
    pub total: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Completeness {
    pub answered: usize,
    pub answerable: usize,
    pub scored_answered: usize,
    pub scored_total: usize,
    pub sections: Vec<SectionProgress>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ScoreReport {
    pub questionnaire: String,
    pub questionnaire_version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub benchmark: Option<String>,
    /// The benchmark the standings come from, named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub benchmark_ref: Option<BenchmarkRef>,
    pub organisation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub overall: Option<f64>,
    pub areas: Vec<AreaScore>,
    pub setup_items: Vec<SetupScore>,
    pub items: Vec<ItemScore>,
    pub gaps: Vec<Gap>,
    pub completeness: Completeness,
    /// How many answers are derived and not yet confirmed; absent when none are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub derived: Option<crate::prefill::DerivedCount>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Phase {
    Now,
    NextSixMonths,
    NextYear,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct RoadmapEntry {
    pub item: String,
    pub rank: usize,
    pub priority: f64,
    pub phase: Phase,
    pub prerequisites: Vec<String>,
    pub pulled_forward: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Roadmap {
    pub entries: Vec<RoadmapEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct LevelSpread {
    pub min: u32,
    pub max: u32,
    pub range: u32,
    pub std_dev: f64,
}

/// How far the respondents' answers to one item diverge.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Divergence {
    pub item: String,
    pub answered: usize,
    pub respondents: usize,
    /// Scored items only: the spread of levels.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub levels: Option<LevelSpread>,
    /// Each distinct answer (an option key for multiple choice) and how many gave it.
    pub distribution: Vec<(String, usize)>,
    /// Each respondent's name and answer, as written.
    pub answers: Vec<(String, String)>,
    /// 0 when everyone agrees, up to 1; the list is sorted by it.
    pub disagreement: f64,
    /// The disagreement in plain words.
    pub spread: Spread,
    /// Where the item stands: agreed, unanimous, provisional or open.
    pub agreement: Agreement,
}

/// The spread of views on an item in plain words (thresholds in csirt-scoring).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Spread {
    None,
    Narrow,
    Moderate,
    Wide,
}

/// Where one workshop item stands; provisional: the facilitator's answer is scored while
/// people differ and nothing was agreed.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Agreement {
    Agreed,
    Unanimous,
    Provisional,
    Open,
}

/// How alike an interviewed team is, in plain words (thresholds in csirt-scoring).
#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Closeness {
    Close,
    Somewhat,
    Far,
}

/// The change of each score between the trend's last two points (null where either is missing).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TrendChanges {
    pub overall: Option<f64>,
    pub areas: Vec<(String, Option<f64>)>,
    pub setup_items: Vec<(String, Option<f64>)>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct TrendPoint {
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub overall: Option<f64>,
    pub areas: Vec<(String, Option<f64>)>,
    pub setup_items: Vec<(String, Option<f64>)>,
}

/// What the overall score means: the SIM3 level it corresponds to and the change since the
/// last assessment, with both sentences in both languages.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Headline {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub overall: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sim3_level: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub sim3_word: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub previous: Option<TrendPoint>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub change: Option<f64>,
    pub lines: Vec<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ItemChange {
    pub item: String,
    pub from_key: String,
    pub to_key: String,
    pub from_score: f64,
    pub to_score: f64,
    pub delta: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Trend {
    pub points: Vec<TrendPoint>,
    pub improved: Vec<ItemChange>,
    pub regressed: Vec<ItemChange>,
    /// Set when the last two assessments answered different questionnaire versions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PeerPractice {
    pub topic: String,
    /// The interview section it is cited from.
    pub section: String,
    pub text: Text,
    pub item: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct PeerMatch {
    pub id: String,
    pub team: String,
    pub organisation: Text,
    pub section: String,
    pub form_label: Text,
    pub sector: Text,
    pub size: Text,
    pub distance: f64,
    pub closeness: Closeness,
    pub practices: Vec<PeerPractice>,
}
