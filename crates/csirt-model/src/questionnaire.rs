//! The compiled questionnaire: items, scales, areas and the six set-up items, after validation.

use crate::error::Problem;
use crate::raw::{RawItemType, RawOption, RawQuestionnaire};
use crate::source::SourceFile;
use crate::text::Text;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

pub const QUESTIONNAIRE_FORMAT: &str = "csirt-questionnaire/1";

/// The three answers a 2.9 service item takes.
pub const SERVICE_KEYS: [&str; 3] = ["in-house", "outsourced", "none"];

#[derive(Debug, Clone, Serialize)]
pub struct ChoiceOption {
    pub key: String,
    pub text: Text,
    /// A few words for tables and charts, when the full wording is long.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<Text>,
    /// The maturity level of this answer, when the item is scored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u32>,
    /// The option takes free text ("other").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub other: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Scale {
    pub id: String,
    pub name: Text,
    pub options: Vec<ChoiceOption>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Area {
    pub id: String,
    pub name: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct SetupItem {
    pub id: String,
    pub number: u32,
    pub name: Text,
    pub source: String,
    pub weight: f64,
    pub guidance: Text,
}

#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
}

/// What kind of answer an item takes.
#[derive(Debug, Clone, Serialize)]
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
    Service {
        scored: bool,
    },
    Text,
    Group,
}

impl ItemKind {
    pub fn type_name(&self) -> &'static str {
        match self {
            ItemKind::Single { .. } => "single",
            ItemKind::Multiple { .. } => "multiple",
            ItemKind::Scale { .. } => "scale",
            ItemKind::Number { .. } => "number",
            ItemKind::YearMonth => "year-month",
            ItemKind::Service { .. } => "service",
            ItemKind::Text => "text",
            ItemKind::Group => "group",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Item {
    pub id: String,
    pub section: String,
    #[serde(flatten)]
    pub kind: ItemKind,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub survey_section: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding: Option<Text>,
    pub area: String,
    pub setup: Vec<String>,
    pub sim3: Vec<String>,
    /// Items whose gaps come first on the roadmap (the order the survey's chapter 4 implies).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub after: Vec<String>,
    pub weight: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommendation: Option<Text>,
    pub reconstructed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub scored: bool,
}

impl Item {
    /// The options of a choice or scale item; empty for other kinds.
    pub fn options(&self) -> &[ChoiceOption] {
        match &self.kind {
            ItemKind::Single { options }
            | ItemKind::Multiple { options }
            | ItemKind::Scale { options, .. } => options,
            _ => &[],
        }
    }

    pub fn option(&self, key: &str) -> Option<&ChoiceOption> {
        self.options().iter().find(|o| o.key == key)
    }

    /// The highest level a scored item can reach.
    pub fn max_level(&self) -> Option<u32> {
        if !self.scored {
            return None;
        }
        match &self.kind {
            ItemKind::Service { .. } => Some(1),
            _ => self.options().iter().filter_map(|o| o.level).max(),
        }
    }

    /// The level of one answer key of a scored item (option key, or service answer).
    pub fn level_of_key(&self, key: &str) -> Option<u32> {
        if !self.scored {
            return None;
        }
        match &self.kind {
            ItemKind::Service { .. } => match key {
                "in-house" | "outsourced" => Some(1),
                "none" => Some(0),
                _ => None,
            },
            _ => self.option(key).and_then(|o| o.level),
        }
    }

    /// The answer keys of a scored item and their levels, in option order.
    pub fn levelled_keys(&self) -> Vec<(String, u32)> {
        if !self.scored {
            return Vec::new();
        }
        match &self.kind {
            ItemKind::Service { .. } => SERVICE_KEYS
                .iter()
                .map(|k| (k.to_string(), if *k == "none" { 0 } else { 1 }))
                .collect(),
            _ => self
                .options()
                .iter()
                .filter_map(|o| o.level.map(|l| (o.key.clone(), l)))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
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
    #[serde(skip)]
    index: HashMap<String, usize>,
}

impl Questionnaire {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.index.get(id).map(|&i| &self.items[i])
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn setup_item(&self, id: &str) -> Option<&SetupItem> {
        self.setup_items.iter().find(|s| s.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// Items of one section, in file order.
    pub fn section_items<'a>(&'a self, section: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |i| i.section == section)
    }

    /// Items that take an answer (every kind except `group`).
    pub fn answerable_items(&self) -> impl Iterator<Item = &Item> {
        self.items
            .iter()
            .filter(|i| !matches!(i.kind, ItemKind::Group))
    }

    /// Items that carry a maturity level.
    pub fn scored_items(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.scored)
    }
}

fn option_from_raw(o: &RawOption) -> ChoiceOption {
    ChoiceOption {
        key: o.key.clone(),
        text: Text::new(o.ja.clone(), o.en.clone()),
        short: o.short.clone(),
        level: o.level,
        other: o.other,
    }
}

fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_')
}

/// Second validation phase: cross-checks, then the compiled questionnaire.
pub(crate) fn compile(
    raw: RawQuestionnaire,
    file: &SourceFile,
) -> Result<Questionnaire, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut bad = |span: std::ops::Range<usize>, msg: String| {
        problems.push(file.problem_at(span.start, msg));
    };

    if raw.format.get_ref() != QUESTIONNAIRE_FORMAT {
        bad(
            raw.format.span(),
            format!(
                "format is {:?}; this version of the app reads {QUESTIONNAIRE_FORMAT:?}",
                raw.format.get_ref()
            ),
        );
    }
    if !is_plain_id(raw.id.get_ref()) {
        bad(
            raw.id.span(),
            "id must be letters, digits, '.', '-' or '_'".into(),
        );
    }
    for (what, t) in [("title", &raw.title), ("source", &raw.source)] {
        if t.is_incomplete() {
            bad(raw.id.span(), format!("{what} needs both ja and en text"));
        }
    }

    // Scales.
    let mut scales: Vec<Scale> = Vec::new();
    for s in &raw.scales {
        let span = s.span();
        let s = s.get_ref();
        if scales.iter().any(|x| x.id == s.id) {
            bad(span.clone(), format!("duplicate scale id {:?}", s.id));
        }
        if s.name.is_incomplete() {
            bad(
                span.clone(),
                format!("scale {:?} needs a ja and en name", s.id),
            );
        }
        if s.options.len() < 2 {
            bad(
                span.clone(),
                format!("scale {:?} needs at least two options", s.id),
            );
        }
        let mut keys = BTreeSet::new();
        let mut levels = BTreeSet::new();
        for o in &s.options {
            if !keys.insert(o.key.clone()) {
                bad(
                    span.clone(),
                    format!("scale {:?}: duplicate option key {:?}", s.id, o.key),
                );
            }
            match o.level {
                Some(l) => {
                    if !levels.insert(l) {
                        bad(
                            span.clone(),
                            format!("scale {:?}: level {l} used twice", s.id),
                        );
                    }
                }
                None => bad(
                    span.clone(),
                    format!("scale {:?}: option {:?} has no level", s.id, o.key),
                ),
            }
            if o.ja.trim().is_empty() || o.en.trim().is_empty() {
                bad(
                    span.clone(),
                    format!("scale {:?}: option {:?} needs ja and en text", s.id, o.key),
                );
            }
            if o.other {
                bad(
                    span.clone(),
                    format!("scale {:?}: a scale option cannot be \"other\"", s.id),
                );
            }
        }
        if levels.first() != Some(&0) {
            bad(
                span.clone(),
                format!("scale {:?}: the lowest level must be 0", s.id),
            );
        }
        scales.push(Scale {
            id: s.id.clone(),
            name: s.name.clone(),
            options: s.options.iter().map(option_from_raw).collect(),
        });
    }

    let mut areas: Vec<Area> = Vec::new();
    for a in &raw.areas {
        let span = a.span();
        let a = a.get_ref();
        if areas.iter().any(|x| x.id == a.id) {
            bad(span.clone(), format!("duplicate area id {:?}", a.id));
        }
        if a.name.is_incomplete() {
            bad(
                span.clone(),
                format!("area {:?} needs a ja and en name", a.id),
            );
        }
        areas.push(Area {
            id: a.id.clone(),
            name: a.name.clone(),
        });
    }

    let mut setup_items: Vec<SetupItem> = Vec::new();
    for s in &raw.setup_items {
        let span = s.span();
        let s = s.get_ref();
        if setup_items.iter().any(|x| x.id == s.id) {
            bad(span.clone(), format!("duplicate set-up item id {:?}", s.id));
        }
        if s.name.is_incomplete() || s.guidance.is_incomplete() {
            bad(
                span.clone(),
                format!("set-up item {:?} needs ja and en name and guidance", s.id),
            );
        }
        if !(s.weight.is_finite() && s.weight > 0.0) {
            bad(
                span.clone(),
                format!("set-up item {:?}: weight must be > 0", s.id),
            );
        }
        setup_items.push(SetupItem {
            id: s.id.clone(),
            number: s.number,
            name: s.name.clone(),
            source: s.source.clone(),
            weight: s.weight,
            guidance: s.guidance.clone(),
        });
    }

    let mut sections: Vec<Section> = Vec::new();
    for s in &raw.sections {
        let span = s.span();
        let s = s.get_ref();
        if sections.iter().any(|x| x.id == s.id) {
            bad(span.clone(), format!("duplicate section id {:?}", s.id));
        }
        if s.title.is_incomplete() {
            bad(
                span.clone(),
                format!("section {:?} needs a ja and en title", s.id),
            );
        }
        sections.push(Section {
            id: s.id.clone(),
            title: s.title.clone(),
        });
    }

    let group_ids: BTreeSet<&str> = raw
        .items
        .iter()
        .filter(|i| i.get_ref().item_type == RawItemType::Group)
        .map(|i| i.get_ref().id.get_ref().as_str())
        .collect();

    let mut items: Vec<Item> = Vec::new();
    let mut index = HashMap::new();
    for spanned in &raw.items {
        let it = spanned.get_ref();
        // Point at the item's `id = …` line, the first thing a reader looks for.
        let span = it.id.span();
        let id = it.id.get_ref();
        let mut here = |msg: String| bad(span.clone(), format!("item {id}: {msg}"));

        if !is_plain_id(id) {
            here("the id must be letters, digits, '.', '-' or '_'".into());
        }
        if index.contains_key(id) {
            here("duplicate item id".into());
        }
        if !sections.iter().any(|s| s.id == it.section) {
            here(format!("unknown section {:?}", it.section));
        }
        if !areas.iter().any(|a| a.id == it.area) {
            here(format!("unknown area {:?}", it.area));
        }
        for s in &it.setup {
            if !setup_items.iter().any(|x| &x.id == s) {
                here(format!("unknown set-up item {s:?}"));
            }
        }
        for p in &it.sim3 {
            if !is_sim3_parameter(p) {
                here(format!(
                    "{p:?} is not a SIM3 parameter (O-n, H-n, T-n or P-n)"
                ));
            }
        }
        if it.text.is_incomplete() {
            here("text needs both ja and en".into());
        }
        if let Some(f) = &it.finding {
            if f.is_incomplete() {
                here("finding needs both ja and en".into());
            }
        }
        if let Some(n) = &it.note {
            if n.is_incomplete() {
                here("note needs both ja and en".into());
            }
        }
        if it.reconstructed && it.note.is_none() {
            here("a reconstructed item needs a note saying how it was reconstructed".into());
        }
        let weight = it.weight.unwrap_or(1.0);
        if !(weight.is_finite() && weight > 0.0) {
            here("weight must be > 0".into());
        }
        if let Some(p) = &it.parent {
            if !group_ids.contains(p.as_str()) {
                here(format!("parent {p:?} is not a group item"));
            }
        }

        let takes_options = matches!(it.item_type, RawItemType::Single | RawItemType::Multiple);
        if !takes_options && !it.options.is_empty() {
            here(format!("a {:?} item takes no options", it.item_type));
        }
        if it.item_type != RawItemType::Scale && it.scale.is_some() {
            here("only a scale item names a scale".into());
        }
        if it.item_type != RawItemType::Service && it.scored.is_some() {
            here("`scored` is for service items; other items are scored by their levels".into());
        }
        if it.item_type != RawItemType::Number
            && (it.unit.is_some() || it.min.is_some() || it.max.is_some())
        {
            here("unit, min and max are for number items".into());
        }

        let check_options = |opts: &[RawOption], here: &mut dyn FnMut(String)| {
            let mut keys = BTreeSet::new();
            for o in opts {
                if !keys.insert(o.key.as_str()) {
                    here(format!("duplicate option key {:?}", o.key));
                }
                if o.ja.trim().is_empty() || o.en.trim().is_empty() {
                    here(format!("option {:?} needs ja and en text", o.key));
                }
            }
            if opts.len() < 2 {
                here("a choice item needs at least two options".into());
            }
        };

        let (kind, scored) = match it.item_type {
            RawItemType::Single => {
                check_options(&it.options, &mut here);
                let plain: Vec<&RawOption> = it.options.iter().filter(|o| !o.other).collect();
                let with_level = plain.iter().filter(|o| o.level.is_some()).count();
                if with_level != 0 && with_level != plain.len() {
                    here("either every non-other option has a level or none has".into());
                }
                if it.options.iter().any(|o| o.other && o.level.is_some()) {
                    here("an \"other\" option cannot carry a level".into());
                }
                let scored = with_level > 0 && with_level == plain.len();
                (
                    ItemKind::Single {
                        options: it.options.iter().map(option_from_raw).collect(),
                    },
                    scored,
                )
            }
            RawItemType::Multiple => {
                check_options(&it.options, &mut here);
                if it.options.iter().any(|o| o.level.is_some()) {
                    here("multiple-choice options carry no level: they are not scored".into());
                }
                (
                    ItemKind::Multiple {
                        options: it.options.iter().map(option_from_raw).collect(),
                    },
                    false,
                )
            }
            RawItemType::Scale => match &it.scale {
                Some(sid) => match scales.iter().find(|s| &s.id == sid) {
                    Some(scale) => (
                        ItemKind::Scale {
                            scale: sid.clone(),
                            options: scale.options.clone(),
                        },
                        true,
                    ),
                    None => {
                        here(format!("unknown scale {sid:?}"));
                        (
                            ItemKind::Scale {
                                scale: sid.clone(),
                                options: vec![],
                            },
                            false,
                        )
                    }
                },
                None => {
                    here("a scale item needs `scale`".into());
                    (
                        ItemKind::Scale {
                            scale: String::new(),
                            options: vec![],
                        },
                        false,
                    )
                }
            },
            RawItemType::Number => {
                if let (Some(lo), Some(hi)) = (it.min, it.max) {
                    if lo > hi {
                        here("min is above max".into());
                    }
                }
                let unit = it.unit.clone().unwrap_or_default();
                if it.unit.is_some() && unit.is_incomplete() {
                    here("unit needs both ja and en".into());
                }
                (
                    ItemKind::Number {
                        unit,
                        min: it.min,
                        max: it.max,
                    },
                    false,
                )
            }
            RawItemType::YearMonth => (ItemKind::YearMonth, false),
            RawItemType::Service => {
                let scored = it.scored.unwrap_or(false);
                (ItemKind::Service { scored }, scored)
            }
            RawItemType::Text => (ItemKind::Text, false),
            RawItemType::Group => (ItemKind::Group, false),
        };

        match (&it.recommendation, scored) {
            (None, true) => here("a scored item needs a recommendation in ja and en".into()),
            (Some(r), _) if r.is_incomplete() => here("recommendation needs both ja and en".into()),
            _ => {}
        }

        index.insert(id.clone(), items.len());
        items.push(Item {
            id: id.clone(),
            section: it.section.clone(),
            kind,
            text: it.text.clone(),
            survey_section: it.survey_section.clone(),
            finding: it.finding.clone(),
            area: it.area.clone(),
            setup: it.setup.clone(),
            sim3: it.sim3.clone(),
            after: it.after.clone(),
            weight,
            parent: it.parent.clone(),
            recommendation: it.recommendation.clone(),
            reconstructed: it.reconstructed,
            note: it.note.clone(),
            scored,
        });
    }

    if items.is_empty() {
        problems.push(file.problem_at(0, "the questionnaire has no items".to_string()));
    }
    for spanned in &raw.items {
        let it = spanned.get_ref();
        for dep in &it.after {
            match index.get(dep).map(|&i| &items[i]) {
                None => problems.push(file.problem_at(
                    it.id.span().start,
                    format!(
                        "item {}: `after` names unknown item {dep:?}",
                        it.id.get_ref()
                    ),
                )),
                Some(d) if !d.scored => problems.push(file.problem_at(
                    it.id.span().start,
                    format!(
                        "item {}: `after` item {dep} is not scored, so it has no gap",
                        it.id.get_ref()
                    ),
                )),
                Some(_) if dep == it.id.get_ref() => problems.push(file.problem_at(
                    it.id.span().start,
                    format!("item {}: an item cannot come after itself", it.id.get_ref()),
                )),
                Some(_) => {}
            }
        }
    }
    for a in &areas {
        if !items.iter().any(|i| i.area == a.id) {
            problems.push(file.problem_at(0, format!("area {:?} has no items", a.id)));
        }
    }

    if problems.is_empty() {
        Ok(Questionnaire {
            id: raw.id.into_inner(),
            version: raw.version,
            title: raw.title,
            source: raw.source,
            scales,
            areas,
            setup_items,
            sections,
            items,
            index,
        })
    } else {
        Err(problems)
    }
}

/// SIM3 parameters are a category letter (O, H, T, P) and a number, e.g. `O-7`.
pub fn is_sim3_parameter(p: &str) -> bool {
    match p.split_once('-') {
        Some((cat, num)) => {
            matches!(cat, "O" | "H" | "T" | "P")
                && !num.is_empty()
                && num.chars().all(|c| c.is_ascii_digit())
        }
        None => false,
    }
}

/// The SIM3 category of a parameter id.
pub fn sim3_category(p: &str) -> Option<&'static str> {
    match p.split('-').next() {
        Some("O") => Some("organisation"),
        Some("H") => Some("human"),
        Some("T") => Some("tools"),
        Some("P") => Some("processes"),
        _ => None,
    }
}

impl Item {
    /// The answer in words, in `lang`: option labels, the service answer, the number with unit.
    pub fn describe_answer(
        &self,
        answer: &crate::assessment::Answer,
        lang: crate::text::Lang,
    ) -> String {
        use crate::assessment::Answer;
        let label = |k: &str| {
            self.option(k)
                .map(|o| o.text.get(lang).to_string())
                .unwrap_or_else(|| k.to_string())
        };
        match (&self.kind, answer) {
            (ItemKind::Service { .. }, Answer::Text(s)) => service_label(s)
                .map(|t| t.get(lang).to_string())
                .unwrap_or_else(|| s.clone()),
            (ItemKind::Number { unit, .. }, Answer::Number(n)) => {
                let unit = unit.get(lang);
                if unit.is_empty() {
                    n.to_string()
                } else {
                    format!("{n} {unit}")
                }
            }
            (ItemKind::Single { .. } | ItemKind::Scale { .. }, Answer::Text(k)) => label(k),
            (ItemKind::Multiple { .. }, Answer::Keys(keys)) => keys
                .iter()
                .map(|k| label(k))
                .collect::<Vec<_>>()
                .join(match lang {
                    crate::text::Lang::Ja => "、",
                    crate::text::Lang::En => "; ",
                }),
            (_, a) => a.display(),
        }
    }

    /// Like `describe_answer`, but with an option's short label where it has one.
    pub fn describe_answer_short(
        &self,
        answer: &crate::assessment::Answer,
        lang: crate::text::Lang,
    ) -> String {
        if let crate::assessment::Answer::Text(k) = answer {
            if let Some(short) = self.option(k).and_then(|o| o.short.as_ref()) {
                return short.get(lang).to_string();
            }
        }
        self.describe_answer(answer, lang)
    }
}

/// Bilingual labels of the three service answers.
pub fn service_label(key: &str) -> Option<Text> {
    match key {
        "in-house" => Some(Text::new("内製", "In-house")),
        "outsourced" => Some(Text::new("外注", "Outsourced")),
        "none" => Some(Text::new("提供していない", "Not provided")),
        _ => None,
    }
}
