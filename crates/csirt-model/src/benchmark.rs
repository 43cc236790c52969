//! The compiled benchmark: every figure the seeds give about the 66 surveyed teams, with provenance.

use crate::error::Problem;
use crate::questionnaire::{ItemKind, Questionnaire};
use crate::raw::{RawBenchmark, RawBound, RawPrecision};
use crate::source::SourceFile;
use crate::text::Text;
use serde::Serialize;
use std::collections::BTreeSet;

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
    /// A 2.9 service provided in-house or outsourced.
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
            Group::Provided => vec!["in-house".into(), "outsourced".into()],
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
    pub figures: Vec<Figure>,
    pub facts: Vec<Fact>,
    pub supplements: Vec<Supplement>,
    pub interviews: Vec<Interview>,
}

impl Benchmark {
    /// Every figure about one item, in file order.
    pub fn figures_for<'a>(&'a self, item: &'a str) -> impl Iterator<Item = &'a Figure> + 'a {
        self.figures.iter().filter(move |f| f.item == item)
    }
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// Second validation phase for the benchmark, checked against its questionnaire.
pub(crate) fn compile(
    raw: RawBenchmark,
    q: &Questionnaire,
    file: &SourceFile,
) -> Result<Benchmark, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut bad = |span: std::ops::Range<usize>, msg: String| {
        problems.push(file.problem_at(span.start, msg));
    };

    if raw.format.get_ref() != BENCHMARK_FORMAT {
        bad(
            raw.format.span(),
            format!(
                "format is {:?}; this version of the app reads {BENCHMARK_FORMAT:?}",
                raw.format.get_ref()
            ),
        );
    }
    if raw.questionnaire.get_ref() != &q.id {
        bad(
            raw.questionnaire.span(),
            format!(
                "questionnaire is {:?} but the folder holds {:?}",
                raw.questionnaire.get_ref(),
                q.id
            ),
        );
    }
    for (what, t) in [
        ("title", &raw.title),
        ("source", &raw.source),
        ("limits", &raw.limits),
    ] {
        if t.is_incomplete() {
            bad(
                raw.format.span(),
                format!("{what} needs both ja and en text"),
            );
        }
    }
    for (what, d) in [
        ("survey_date", &raw.survey_date),
        ("published", &raw.published),
    ] {
        if !is_iso_date(d) {
            bad(
                raw.format.span(),
                format!("{what} must be a date YYYY-MM-DD"),
            );
        }
    }

    let mut figures = Vec::new();
    let mut seen = BTreeSet::new();
    for spanned in &raw.figures {
        let f = spanned.get_ref();
        let span = f.item.span();
        let item_id = f.item.get_ref();
        let mut here = |msg: String| bad(span.clone(), format!("figure for item {item_id}: {msg}"));
        let precision = Precision::from(f.precision);
        let item = q.item(item_id);
        if item.is_none() {
            here("no such item in the questionnaire".into());
        }
        if f.n == 0 || f.n > raw.n {
            here(format!(
                "n = {} must be between 1 and the survey's n = {}",
                f.n, raw.n
            ));
        }
        if f.source.trim().is_empty() {
            here("source is required".into());
        }
        if precision == Precision::ExactValue {
            here("exact-value is for facts; a figure is a count, a percentage or narrative".into());
        }
        let dup_key = (
            item_id.clone(),
            format!("{:?}", f.precision),
            f.source.clone(),
            f.values.keys().cloned().collect::<Vec<_>>().join(","),
            f.quote.as_ref().map(|q| q.ja.clone()).unwrap_or_default(),
            f.subject.join(","),
        );
        if !seen.insert(dup_key) {
            here("the same figure is recorded twice".into());
        }
        let is_narrative = precision == Precision::Narrative;
        match (is_narrative, &f.quote, f.bound) {
            (true, None, _) => here("a narrative figure must keep its quote (ja and en)".into()),
            (true, _, None) => here("a narrative figure needs a bound".into()),
            (false, _, Some(_)) => here("bound is only for narrative figures".into()),
            _ => {}
        }
        if let Some(qt) = &f.quote {
            if qt.is_incomplete() {
                here("quote needs both ja and en".into());
            }
        }
        if let Some(n) = &f.note {
            if n.is_incomplete() {
                here("note needs both ja and en".into());
            }
        }
        let bound = f.bound.map(Bound::from);
        if bound == Some(Bound::Qualitative) && !f.values.is_empty() {
            here("a qualitative figure claims no number: remove values".into());
        }
        if bound != Some(Bound::Qualitative) && f.values.is_empty() {
            here("values are required (or bound = \"qualitative\")".into());
        }

        let mut values = Vec::new();
        let mut covered: BTreeSet<String> = BTreeSet::new();
        let mut total = 0.0;
        for (key, &value) in &f.values {
            let group = Group::parse(key);
            if !(value.is_finite() && value >= 0.0) {
                here(format!("value {key} = {value} must be a number >= 0"));
            }
            match precision {
                Precision::ExactCount => {
                    if value.fract() != 0.0 {
                        here(format!("{key} = {value}: a count must be a whole number"));
                    }
                    if value > f64::from(f.n) {
                        here(format!("{key} = {value} is more than n = {}", f.n));
                    }
                }
                _ => {
                    if value > 100.0 {
                        here(format!("{key} = {value} is more than 100 %"));
                    }
                }
            }
            total += value;
            if let Some(item) = item {
                match (&group, &item.kind) {
                    (Group::Provided, ItemKind::Service { .. }) => {}
                    // The free-text "other" service (2.9.w) is counted as provided too.
                    (Group::Provided, ItemKind::Text) if item.parent.is_some() => {}
                    (Group::Provided, _) => here("`provided` is only for 2.9 service items".into()),
                    (Group::Unanswered, _) => {}
                    (Group::Options(keys), _) => {
                        for k in keys {
                            if item.option(k).is_none() {
                                here(format!("option key {k:?} is not an option of the item"));
                            }
                            if !covered.insert(k.clone()) {
                                here(format!("option key {k:?} is counted in two values"));
                            }
                        }
                    }
                }
            }
            values.push(FigureValue {
                key: key.clone(),
                group,
                value,
            });
        }
        // Shares of a single-answer item cannot exceed the whole; multiple-answer tables can.
        let single_answer = item
            .is_some_and(|i| matches!(i.kind, ItemKind::Single { .. } | ItemKind::Scale { .. }));
        if single_answer && precision == Precision::ExactPercent && total > 100.5 {
            here(format!("the shares add up to {total} %, more than 100 %"));
        }
        if let Some(item) = item {
            for k in &f.subject {
                let service_key = matches!(item.kind, ItemKind::Service { .. })
                    && (k == "provided"
                        || crate::questionnaire::SERVICE_KEYS.contains(&k.as_str()));
                if item.option(k).is_none() && !service_key {
                    here(format!("subject key {k:?} is not an option of the item"));
                }
            }
        }
        figures.push(Figure {
            item: item_id.clone(),
            n: f.n,
            precision,
            source: f.source.clone(),
            values,
            note: f.note.clone(),
            quote: f.quote.clone(),
            bound,
            subject: f.subject.clone(),
        });
    }

    let mut facts: Vec<Fact> = Vec::new();
    for spanned in &raw.facts {
        let span = spanned.span();
        let f = spanned.get_ref();
        let precision = Precision::from(f.precision);
        if facts.iter().any(|x| x.id == f.id) {
            bad(span.clone(), format!("duplicate fact id {:?}", f.id));
        }
        if f.label.is_incomplete() {
            bad(
                span.clone(),
                format!("fact {}: label needs both ja and en", f.id),
            );
        }
        if precision == Precision::Narrative && f.quote.is_none() {
            bad(
                span.clone(),
                format!("fact {}: a narrative fact must keep its quote", f.id),
            );
        }
        if precision != Precision::Narrative && f.value.is_none() {
            bad(
                span.clone(),
                format!("fact {}: an exact fact needs a value", f.id),
            );
        }
        facts.push(Fact {
            id: f.id.clone(),
            precision,
            source: f.source.clone(),
            value: f.value,
            label: f.label.clone(),
            quote: f.quote.clone(),
            note: f.note.clone(),
        });
    }

    let mut supplements: Vec<Supplement> = Vec::new();
    for spanned in &raw.supplements {
        let span = spanned.span();
        let s = spanned.get_ref();
        if supplements.iter().any(|x| x.id == s.id) {
            bad(span.clone(), format!("duplicate supplement id {:?}", s.id));
        }
        if s.title.is_incomplete() {
            bad(
                span.clone(),
                format!("supplement {}: title needs ja and en", s.id),
            );
        }
        for r in &s.rows {
            if r.values.len() != s.columns.len() {
                bad(
                    span.clone(),
                    format!(
                        "supplement {}: row {:?} has {} values for {} columns",
                        s.id,
                        r.key,
                        r.values.len(),
                        s.columns.len()
                    ),
                );
            }
        }
        supplements.push(Supplement {
            id: s.id.clone(),
            source: s.source.clone(),
            precision: s.precision.into(),
            title: s.title.clone(),
            columns: s
                .columns
                .iter()
                .map(|c| SupplementColumn {
                    key: c.key.clone(),
                    text: Text::new(c.ja.clone(), c.en.clone()),
                })
                .collect(),
            rows: s
                .rows
                .iter()
                .map(|r| SupplementRow {
                    key: r.key.clone(),
                    text: Text::new(r.ja.clone(), r.en.clone()),
                    values: r.values.clone(),
                })
                .collect(),
            note: s.note.clone(),
        });
    }

    let mut interviews: Vec<Interview> = Vec::new();
    for spanned in &raw.interviews {
        let span = spanned.span();
        let i = spanned.get_ref();
        let mut here = |msg: String| bad(span.clone(), format!("interview {}: {msg}", i.id));
        if interviews.iter().any(|x| x.id == i.id) {
            here("duplicate interview id".into());
        }
        if !INTERVIEW_FORMS.contains(&i.form.as_str()) {
            here(format!(
                "form {:?} is not one of {INTERVIEW_FORMS:?}",
                i.form
            ));
        }
        if !is_iso_date(&i.date) {
            here("date must be YYYY-MM-DD".into());
        }
        for t in [
            &i.organisation,
            &i.sector,
            &i.form_label,
            &i.size,
            &i.affiliation,
            &i.budget,
            &i.constituency,
        ] {
            if t.is_incomplete() {
                here("every profile text needs ja and en".into());
                break;
            }
        }
        for p in &i.practices {
            if !PRACTICE_TOPICS.contains(&p.topic.as_str()) {
                here(format!("practice topic {:?} is unknown", p.topic));
            }
            if let Some(c) = &p.cadence {
                if !CADENCES.contains(&c.as_str()) {
                    here(format!("cadence {c:?} is not one of {CADENCES:?}"));
                }
            }
            if !p.section.starts_with(&i.section) {
                here(format!(
                    "practice section {} is outside the interview's section {}",
                    p.section, i.section
                ));
            }
            for item in &p.items {
                if q.item(item).is_none() {
                    here(format!("practice refers to unknown item {item}"));
                }
            }
            if p.text.is_incomplete() {
                here(format!("practice {} needs ja and en text", p.topic));
            }
        }
        interviews.push(Interview {
            id: i.id.clone(),
            team: i.team.clone(),
            section: i.section.clone(),
            date: i.date.clone(),
            organisation: i.organisation.clone(),
            sector: i.sector.clone(),
            form: i.form.clone(),
            form_label: i.form_label.clone(),
            size: i.size.clone(),
            size_approx: i.size_approx,
            affiliation: i.affiliation.clone(),
            budget: i.budget.clone(),
            constituency: i.constituency.clone(),
            practices: i
                .practices
                .iter()
                .map(|p| Practice {
                    topic: p.topic.clone(),
                    section: p.section.clone(),
                    present: p.present,
                    cadence: p.cadence.clone(),
                    items: p.items.clone(),
                    text: p.text.clone(),
                })
                .collect(),
        });
    }

    if problems.is_empty() {
        Ok(Benchmark {
            id: raw.id,
            questionnaire: raw.questionnaire.into_inner(),
            n: raw.n,
            title: raw.title,
            source: raw.source,
            survey_date: raw.survey_date,
            published: raw.published,
            limits: raw.limits,
            figures,
            facts,
            supplements,
            interviews,
        })
    } else {
        Err(problems)
    }
}
