//! Raw serde shapes of `questionnaire.toml` and `benchmark.toml`: the first validation phase.
//!
//! These mirror the files one to one and reject unknown fields. The compiled model in
//! `questionnaire.rs` and `benchmark.rs` is built from them after the cross-checks.

use crate::text::Text;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestionnaire {
    pub format: Spanned<String>,
    pub id: Spanned<String>,
    pub version: String,
    pub title: Text,
    pub source: Text,
    /// The kind of team assessed ("PSIRT"); absent means a CSIRT.
    pub subject: Option<Text>,
    #[serde(default)]
    pub scales: Vec<Spanned<RawScale>>,
    #[serde(default)]
    pub areas: Vec<Spanned<RawArea>>,
    #[serde(default)]
    pub setup_items: Vec<Spanned<RawSetupItem>>,
    #[serde(default)]
    pub sections: Vec<Spanned<RawSection>>,
    #[serde(default)]
    pub items: Vec<Spanned<RawItem>>,
    #[serde(default)]
    pub roles: Vec<Spanned<RawRole>>,
}

/// One staffing role: the items that say who covers it and how many people do.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRole {
    pub id: String,
    pub name: Text,
    pub source: String,
    pub coverage: String,
    pub headcount: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    pub id: String,
    pub name: Text,
    pub options: Vec<RawOption>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub key: String,
    /// A few words for tables and charts ("approved"); the full wording stays in ja/en.
    pub short: Option<Text>,
    pub ja: String,
    pub en: String,
    pub level: Option<u32>,
    #[serde(default)]
    pub other: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArea {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSetupItem {
    pub id: String,
    pub number: u32,
    pub name: Text,
    pub source: String,
    pub weight: f64,
    pub guidance: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: String,
    pub title: Text,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RawItemType {
    Single,
    Multiple,
    Scale,
    Number,
    YearMonth,
    Service,
    Text,
    Group,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawItem {
    pub id: Spanned<String>,
    pub section: String,
    #[serde(rename = "type")]
    pub item_type: RawItemType,
    pub text: Text,
    pub survey_section: Option<String>,
    pub finding: Option<Text>,
    pub area: String,
    #[serde(default)]
    pub setup: Vec<String>,
    #[serde(default)]
    pub sim3: Vec<String>,
    /// Items whose gaps should be closed before this one's (roadmap order).
    #[serde(default)]
    pub after: Vec<String>,
    pub weight: Option<f64>,
    #[serde(default)]
    pub options: Vec<RawOption>,
    pub scale: Option<String>,
    pub scored: Option<bool>,
    pub unit: Option<Text>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub parent: Option<String>,
    pub recommendation: Option<Text>,
    /// The roadmap's action phrase for a gap in this item ("Document … and have it approved").
    pub action: Option<Text>,
    /// The item's name in an earlier version of its source model (SIM3 v1 for the SIM3
    /// questionnaire), where that version named it otherwise.
    pub former: Option<Text>,
    #[serde(default)]
    pub reconstructed: bool,
    pub note: Option<Text>,
    /// Whether the item's answer goes into a benchmark contribution; see `Item::benchmark`.
    pub benchmark: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBenchmark {
    pub format: Spanned<String>,
    pub id: Spanned<String>,
    pub questionnaire: Spanned<String>,
    pub n: u32,
    pub title: Text,
    pub source: Text,
    pub survey_date: String,
    pub published: String,
    pub limits: Text,
    /// The smallest number of contributions a pooled figure or segment was written from.
    pub min_cell: Option<u32>,
    /// The parts of a pooled benchmark that have figures of their own (`sector=…`, `size=…`,
    /// `form=…`).
    #[serde(default)]
    pub segments: Vec<Spanned<RawSegment>>,
    #[serde(default)]
    pub figures: Vec<Spanned<RawFigure>>,
    #[serde(default)]
    pub facts: Vec<Spanned<RawFact>>,
    #[serde(default)]
    pub supplements: Vec<Spanned<RawSupplement>>,
    #[serde(default)]
    pub interviews: Vec<Spanned<RawInterview>>,
    /// How an organisation is matched with the interviewed teams; without it, no peers.
    pub peer_matching: Option<Spanned<RawPeerMatching>>,
}

/// `[peer_matching]` of a benchmark file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeerMatching {
    pub criteria: Text,
    pub form_weight: f64,
    pub sector_weight: f64,
    pub size: Option<Spanned<RawPeerSize>>,
    pub cadence: Option<Spanned<RawPeerCadence>>,
    #[serde(default)]
    pub practices: Vec<Spanned<RawPeerPractice>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeerSize {
    pub item: String,
    pub weight: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeerCadence {
    pub item: String,
    pub topic: String,
    pub weight: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPeerPractice {
    pub item: String,
    pub keys: Vec<String>,
    pub topic: String,
    pub weight: f64,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RawPrecision {
    ExactCount,
    ExactPercent,
    ExactValue,
    Narrative,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum RawBound {
    About,
    AtLeast,
    MoreThan,
    LessThan,
    Qualitative,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSegment {
    pub id: Spanned<String>,
    pub n: u32,
    pub label: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub item: Spanned<String>,
    /// The segment the figure counts; none for every contribution.
    pub segment: Option<Spanned<String>>,
    pub n: u32,
    pub precision: RawPrecision,
    pub source: String,
    #[serde(default)]
    pub values: BTreeMap<String, f64>,
    pub note: Option<Text>,
    pub quote: Option<Text>,
    pub bound: Option<RawBound>,
    #[serde(default)]
    pub subject: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFact {
    pub id: String,
    pub precision: RawPrecision,
    pub source: String,
    pub value: Option<f64>,
    pub label: Text,
    pub quote: Option<Text>,
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawColumn {
    pub key: String,
    pub ja: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRow {
    pub key: String,
    pub ja: String,
    pub en: String,
    pub values: Vec<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSupplement {
    pub id: String,
    pub source: String,
    pub precision: RawPrecision,
    pub title: Text,
    pub columns: Vec<RawColumn>,
    pub rows: Vec<RawRow>,
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawInterview {
    pub id: String,
    pub team: String,
    pub section: String,
    pub date: String,
    pub organisation: Text,
    pub sector: Text,
    pub form: String,
    pub form_label: Text,
    pub size: Text,
    pub size_approx: Option<u32>,
    pub affiliation: Text,
    pub budget: Text,
    pub constituency: Text,
    #[serde(default)]
    pub practices: Vec<RawPractice>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPractice {
    pub topic: String,
    pub section: String,
    pub present: bool,
    pub cadence: Option<String>,
    #[serde(default)]
    pub items: Vec<String>,
    pub text: Text,
}
