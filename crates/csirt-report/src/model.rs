//! The report model: everything the report says, decided once and in one language. It is built
//! from the score and its extras (workshop, trend, peers, benchmark, the assessor's words) and the
//! report options; the PDF, HTML and DOCX renderers draw it and decide nothing of their own.
//!
//! Shapes only: the builder lives in `build`, the renderers in `document`, `html` and `docx`.

use crate::charts::{RadarAxis, StandingBar};
use crate::role_chart::RoleBar;
use csirt_model::Lang;
use serde::Serialize;

/// The whole report, in one language.
#[derive(Debug, Clone, Serialize)]
pub struct ReportDoc {
    pub lang: Lang,
    /// The report's title ("CSIRT maturity assessment report").
    pub title: String,
    /// The organisation assessed, as entered (NFC).
    pub organisation: String,
    pub cover: Cover,
    /// The confidentiality line: on the cover and in every page's header or footer.
    pub confidentiality: String,
    /// The running header's text (the organisation).
    pub running_header: String,
    /// The assessment's date as printed in the header ("2026-04-01"; empty when none).
    pub date: String,
    /// The label that marks the assessor's own text wherever it appears ("Assessor's note").
    pub assessor_label: String,
    pub sections: Vec<Section>,
}

/// The cover page.
#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    /// Label and value pairs: date, status, who ran the assessment, who answered, questionnaire,
    /// benchmark… Empty values are left out by the builder.
    pub facts: Vec<Fact>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub logo: Option<Logo>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// A checked cover logo (see `ReportOptions::logo`).
#[derive(Debug, Clone, Serialize)]
pub struct Logo {
    pub format: ImageFormat,
    pub width_px: u32,
    pub height_px: u32,
    /// The file as given (already checked to be a decodable PNG or JPEG within the limits).
    #[serde(skip)]
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImageFormat {
    Png,
    Jpeg,
}

/// Which part of the report a section is; report options include or leave out sections by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    Summary,
    SinceLast,
    Standing,
    Gaps,
    Roadmap,
    ActionPlan,
    /// Staffing by role: only for a questionnaire with `[[roles]]`.
    Staffing,
    Sim3,
    Services,
    Peers,
    AppendixAnswers,
    AppendixMethod,
    AppendixDisagreements,
}

/// A top-level section: a Heading 1 in the DOCX, a new page in the PDF.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub kind: SectionKind,
    /// The full title, with the appendix letter when there is one ("Appendix A — Every answer").
    pub title: String,
    pub appendix: bool,
    pub blocks: Vec<Block>,
}

/// Whose words a text is: the report's (survey, method) or the assessor's own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Voice {
    #[default]
    Report,
    Assessor,
}

/// A colour role; renderers map it to their palette. Never the only cue: the text says it too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Neutral,
    Good,
    Warn,
    Bad,
    Muted,
    Accent,
}

/// Text size role in tables and notes; renderers map it to points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Density {
    #[default]
    Normal,
    Compact,
}

/// One piece of a section, in reading order.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A sub-heading (Heading 2 in the DOCX).
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
        voice: Voice,
    },
    Bullets {
        items: Vec<String>,
        voice: Voice,
    },
    /// Small print: a footnote, a "none" line, a provenance line.
    Note {
        text: String,
    },
    /// The headline number with its context (SIM3 level, change, benchmark).
    Headline(Headline),
    /// A boxed block ("what we ask of management", the assessor's message).
    Callout(Callout),
    /// Items with a coloured status mark, a score and a sentence (the six set-up items).
    StatusList(StatusList),
    /// Gaps stated as findings and consequences, with the item code in small print.
    Findings(#[serde(serialize_with = "as_items")] Vec<Finding>),
    Table(Table),
    Figure(Figure),
}

#[derive(Debug, Clone, Serialize)]
pub struct Headline {
    /// "Overall maturity".
    pub label: String,
    /// "50".
    pub value: String,
    /// "/ 100".
    pub unit: String,
    /// Lines of context, each a short sentence: the SIM3 level it corresponds to, the change since
    /// the last assessment, the benchmark it is compared with, what the answered count means.
    pub context: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Callout {
    pub title: String,
    pub voice: Voice,
    /// Paragraphs, or list entries when `list` is true.
    pub lines: Vec<String>,
    pub list: bool,
    /// Who wrote it, when it is the assessor's ("Assessor's text").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribution: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusList {
    pub title: String,
    pub entries: Vec<StatusEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusEntry {
    pub title: String,
    /// The score as printed ("63" or "—").
    pub value: String,
    pub tone: Tone,
    /// The status word and its sentence ("Partly ready: …").
    pub text: String,
}

/// One gap as a board reads it.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub rank: usize,
    /// What is missing, stated as a finding.
    pub finding: String,
    /// What it means for the organisation.
    pub consequence: String,
    /// The recommendation (an action).
    pub action: String,
    /// Why it ranks where it does, in one sentence.
    pub why_ranked: String,
    /// The item code and priority, for small print ("Item 4.3 · priority high").
    pub code: String,
    /// The assessor's "why it matters here", when written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessor_note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub density: Density,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub title: String,
    /// Relative width; 0 takes what is left.
    pub width: f32,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Cell {
    pub text: String,
    /// Small print under or after the text (an item code, a source).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub small: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tone: Option<Tone>,
    #[serde(skip_serializing_if = "is_report_voice")]
    pub voice: Voice,
    /// The assessor's note on this row ("why it matters here"), drawn under the text and
    /// marked as the assessor's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assessor_note: Option<String>,
}

/// A list inside an internally tagged variant must be a map for serde: `{"items": […]}`.
fn as_items<S: serde::Serializer>(items: &[Finding], s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeStruct;
    let mut st = s.serialize_struct("Findings", 1)?;
    st.serialize_field("items", items)?;
    st.end()
}

fn is_report_voice(v: &Voice) -> bool {
    *v == Voice::Report
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            ..Cell::default()
        }
    }
}

/// A chart as drawing data; every renderer draws it with the same chart code.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "chart", rename_all = "snake_case")]
pub enum Figure {
    Radar {
        axes: Vec<RadarAxis>,
        /// The legend's two entries: the organisation, the benchmark's teams.
        legend: [String; 2],
        /// A one-line reading aid under the chart.
        caption: String,
    },
    Standing {
        bars: Vec<StandingBar>,
        caption: String,
    },
    Trend(TrendChart),
    /// Who covers each staffing role, with the head count in words.
    RoleCoverage {
        bars: Vec<RoleBar>,
        caption: String,
    },
    /// The action plan's open actions over time (labels drawn in `lang`).
    OpenActions {
        points: Vec<csirt_scoring::OpenPoint>,
        lang: Lang,
        caption: String,
    },
}

/// The trend chart: one line per series over the assessments' dates.
#[derive(Debug, Clone, Serialize)]
pub struct TrendChart {
    /// The x axis: the assessments' dates, oldest first.
    pub dates: Vec<String>,
    pub series: Vec<TrendSeries>,
    pub caption: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TrendSeries {
    pub name: String,
    /// One value per date; None where that assessment had no score for it.
    pub values: Vec<Option<f64>>,
    /// The overall line is drawn bold.
    pub bold: bool,
    /// Toggled off in the app's legend: neither its line nor its legend entry is drawn, and the
    /// other series keep their colours. Never set in the report.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

/// What the user chose for this rendering (CLI flags, the app's export screen).
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// The sections to include, in the report's own order; `None` means the preset's.
    pub sections: Option<Vec<SectionKind>>,
    pub preset: Preset,
    pub logo: Option<Logo>,
    /// Replaces the default confidentiality line when given (trimmed, non-empty, ≤ 200 chars).
    pub confidentiality: Option<String>,
}

/// Ready-made section sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// The summary, since-last, gaps and action plan: what a board reads.
    Board,
    /// Everything but the appendices' method notes: what the CSIRT team works from.
    Team,
    /// Every section.
    #[default]
    Full,
}
