//! The compiled benchmark: every figure the seeds give about the 66 surveyed teams, with provenance.

use crate::raw::{RawBound, RawPrecision};
use crate::text::Text;
use serde::Serialize;

mod compile;
mod peers;
pub(crate) use compile::compile;
pub use peers::{PeerCadence, PeerKey, PeerMatching, PeerSize};

pub use crate::segment::{check_segment_id, BenchmarkRef, Segment, SEGMENT_DIMENSIONS};

pub const BENCHMARK_FORMAT: &str = "csirt-benchmark/1";

/// How exact a figure is, as the source gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "kebab-case")]
pub enum Precision {
    /// A count of organisations from a table.
    ExactCount,
    /// A percentage printed in the text.
    ExactPercent,
    /// A single exact number that is neither a count nor a share (e.g. an average).
    ExactValue,
    /// Read from a sentence ("about 30 %", "most").
    Narrative,
}

impl Precision {
    pub fn is_exact(self) -> bool {
        !matches!(self, Precision::Narrative)
    }

    /// The name used in the data files and JSON output.
    pub fn code(self) -> &'static str {
        match self {
            Precision::ExactCount => "exact-count",
            Precision::ExactPercent => "exact-percent",
            Precision::ExactValue => "exact-value",
            Precision::Narrative => "narrative",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Precision::ExactCount => Text::new("正確な件数", "exact count"),
            Precision::ExactPercent => Text::new("正確な割合", "exact percentage"),
            Precision::ExactValue => Text::new("正確な値", "exact value"),
            Precision::Narrative => Text::new("本文の記述からの概数", "approximate, from the text"),
        }
    }
}

impl From<RawPrecision> for Precision {
    fn from(p: RawPrecision) -> Self {
        match p {
            RawPrecision::ExactCount => Precision::ExactCount,
            RawPrecision::ExactPercent => Precision::ExactPercent,
            RawPrecision::ExactValue => Precision::ExactValue,
            RawPrecision::Narrative => Precision::Narrative,
        }
    }
}

/// What a narrative sentence claims about its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    About,
    AtLeast,
    MoreThan,
    LessThan,
    Qualitative,
}

impl From<RawBound> for Bound {
    fn from(b: RawBound) -> Self {
        match b {
            RawBound::About => Bound::About,
            RawBound::AtLeast => Bound::AtLeast,
            RawBound::MoreThan => Bound::MoreThan,
            RawBound::LessThan => Bound::LessThan,
            RawBound::Qualitative => Bound::Qualitative,
        }
    }
}

/// The answers one figure value counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind", content = "keys")]
pub enum Group {
    /// One option key, or several joined by `+` in the file.
    Options(Vec<String>),
    Unanswered,
    /// A service provided (in-house or outsourced).
    Provided,
}

impl Group {
    pub fn parse(key: &str) -> Group {
        match key {
            "unanswered" => Group::Unanswered,
            "provided" => Group::Provided,
            k => Group::Options(k.split('+').map(|s| s.trim().to_string()).collect()),
        }
    }

    /// The answer keys the group covers (service answers for `Provided`).
    pub fn answer_keys(&self) -> Vec<String> {
        match self {
            Group::Options(k) => k.clone(),
            Group::Unanswered => Vec::new(),
            Group::Provided => crate::ServiceAnswer::ALL
                .iter()
                .filter(|a| a.provided())
                .map(|a| a.key().to_string())
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FigureValue {
    /// The key as written in the file (`a`, `a+b+c`, `unanswered`, `provided`).
    pub key: String,
    #[serde(skip)]
    pub group: Group,
    pub value: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Figure {
    pub item: String,
    /// The segment the figure counts (`sector=manufacturing`); none for every contribution.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<String>,
    pub n: u32,
    pub precision: Precision,
    pub source: String,
    /// Option keys (or `a+b+c`, `unanswered`, `provided`) to counts or percentages.
    #[serde(serialize_with = "values_as_map")]
    pub values: Vec<FigureValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub subject: Vec<String>,
}

fn values_as_map<S: serde::Serializer>(values: &[FigureValue], s: S) -> Result<S::Ok, S::Error> {
    s.collect_map(values.iter().map(|v| (&v.key, v.value)))
}

impl Figure {
    /// The value of one group as a percentage of `n` (counts are converted).
    pub fn percent(&self, v: &FigureValue) -> f64 {
        match self.precision {
            Precision::ExactCount => {
                if self.n == 0 {
                    0.0
                } else {
                    v.value / f64::from(self.n) * 100.0
                }
            }
            _ => v.value,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub id: String,
    pub precision: Precision,
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    pub label: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SupplementColumn {
    pub key: String,
    pub text: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct SupplementRow {
    pub key: String,
    pub text: Text,
    pub values: Vec<f64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Supplement {
    pub id: String,
    pub source: String,
    pub precision: Precision,
    pub title: Text,
    pub columns: Vec<SupplementColumn>,
    pub rows: Vec<SupplementRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// The organisation forms of JPCERT/CC's "CSIRT forms within an organisation".
pub const INTERVIEW_FORMS: [&str; 4] = ["distributed", "integrated", "centralised", "coordinating"];
pub const PRACTICE_TOPICS: [&str; 11] = [
    "authority",
    "management-reporting",
    "periodic-report",
    "metrics",
    "drills",
    "skill-metrics",
    "staff-development",
    "service-review",
    "policy-review",
    "contact-review",
    "incident-tooling",
];
pub const CADENCES: [&str; 8] = [
    "weekly",
    "monthly",
    "bimonthly",
    "quarterly",
    "half-yearly",
    "yearly",
    "irregular",
    "as-needed",
];

#[derive(Debug, Clone, Serialize)]
pub struct Practice {
    pub topic: String,
    pub section: String,
    pub present: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cadence: Option<String>,
    pub items: Vec<String>,
    pub text: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct Interview {
    pub id: String,
    pub team: String,
    pub section: String,
    pub date: String,
    pub organisation: Text,
    pub sector: Text,
    pub form: String,
    pub form_label: Text,
    pub size: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub size_approx: Option<u32>,
    pub affiliation: Text,
    pub budget: Text,
    pub constituency: Text,
    pub practices: Vec<Practice>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Benchmark {
    pub id: String,
    pub questionnaire: String,
    pub n: u32,
    pub title: Text,
    pub source: Text,
    pub survey_date: String,
    pub published: String,
    pub limits: Text,
    /// For a pooled benchmark: no figure or segment was written from fewer contributions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_cell: Option<u32>,
    /// The segments with figures of their own (pooled benchmarks built with `--by`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub segments: Vec<Segment>,
    /// The figures about every contribution (or, in a segment's benchmark, about the segment).
    pub figures: Vec<Figure>,
    /// The figures of the segments, kept apart so scoring never mixes them with the whole.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub segment_figures: Vec<Figure>,
    /// Set on the benchmark [`Benchmark::segment`] returns: the segment it holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_segment: Option<Segment>,
    pub facts: Vec<Fact>,
    pub supplements: Vec<Supplement>,
    pub interviews: Vec<Interview>,
    /// How an organisation is matched with the interviewed teams (`[peer_matching]`); without
    /// it, peers are not offered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peer_matching: Option<PeerMatching>,
}

impl Benchmark {
    /// Every figure about one item, in file order.
    pub fn figures_for<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures.iter().filter(move |f| f.item == item)
    }
}
