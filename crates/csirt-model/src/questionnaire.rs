//! The compiled questionnaire: items, scales, areas and the six set-up items, after validation.

use crate::bi;
use crate::text::Text;
use serde::Serialize;
use std::collections::HashMap;

mod compile;
mod roles;
pub(crate) use compile::compile;
pub use roles::{Role, ROLE_COVERAGE_KEYS};

pub const QUESTIONNAIRE_FORMAT: &str = "csirt-questionnaire/1";

/// The kind of team assessed when a questionnaire does not name one (`subject`).
pub const DEFAULT_SUBJECT: &str = "CSIRT";

use crate::service::ServiceAnswer;
/// The three answers a service item takes (kept here for the callers that name them so).
pub use crate::service::SERVICE_KEYS;

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

    /// The kind of item in words a user reads, in `lang` ("数の項目", "a number item").
    pub fn described(&self, lang: crate::text::Lang) -> &'static str {
        use crate::text::Lang::{En, Ja};
        match (self, lang) {
            (ItemKind::Single { .. }, Ja) => "単一選択の項目",
            (ItemKind::Multiple { .. }, Ja) => "複数選択の項目",
            (ItemKind::Scale { .. }, Ja) => "段階で答える項目",
            (ItemKind::Number { .. }, Ja) => "数の項目",
            (ItemKind::YearMonth, Ja) => "年月の項目",
            (ItemKind::Service { .. }, Ja) => "サービスの項目",
            (ItemKind::Text, Ja) => "自由記述の項目",
            (ItemKind::Group, Ja) => "見出し",
            (ItemKind::Single { .. }, En) => "a single-choice item",
            (ItemKind::Multiple { .. }, En) => "a multiple-choice item",
            (ItemKind::Scale { .. }, En) => "a scale item",
            (ItemKind::Number { .. }, En) => "a number item",
            (ItemKind::YearMonth, En) => "a year-month item",
            (ItemKind::Service { .. }, En) => "a service item",
            (ItemKind::Text, En) => "a text item",
            (ItemKind::Group, En) => "a heading",
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
    /// What to do about a gap in this item, as an action ("Document the escalation rules to
    /// the legal department and have them approved"); the roadmap, the report and the action
    /// plan use it. Optional in the data; the question's text stands in where it is missing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<Text>,
    /// The item's name in an earlier version of its source model, where that version named it
    /// otherwise (for SIM3: the name in SIM3 v1). Absent when the name did not change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub former: Option<Text>,
    pub reconstructed: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub scored: bool,
    /// The answer goes into an anonymous benchmark contribution (`csirt-contribution/1`).
    /// Defaults to true for scored, choice, service and number items (numbers as a band), and
    /// is never true for text, year-month or heading items, which could name the team.
    /// Not serialised: the app's screens do not show it (the contribution preview does).
    #[serde(skip)]
    pub benchmark: bool,
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

    /// What to do about a gap in this item: its action phrase, or its question where the data
    /// has none (the fallback the roadmap, the report and the action plan share; not a warning).
    pub fn action_or_text(&self) -> &Text {
        self.action.as_ref().unwrap_or(&self.text)
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
            ItemKind::Service { .. } => ServiceAnswer::from_key(key).map(ServiceAnswer::level),
            _ => self.option(key).and_then(|o| o.level),
        }
    }

    /// The answer keys of a scored item and their levels, in option order.
    pub fn levelled_keys(&self) -> Vec<(String, u32)> {
        if !self.scored {
            return Vec::new();
        }
        match &self.kind {
            ItemKind::Service { .. } => ServiceAnswer::ALL
                .iter()
                .map(|a| (a.key().to_string(), a.level()))
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
    /// The kind of team assessed, as the report's title names it (`subject` in the file;
    /// "CSIRT" when absent). Not sent to the app, whose mirror does not carry it.
    #[serde(skip)]
    pub subject: Text,
    pub scales: Vec<Scale>,
    pub areas: Vec<Area>,
    pub setup_items: Vec<SetupItem>,
    pub sections: Vec<Section>,
    pub items: Vec<Item>,
    /// Staffing roles (`[[roles]]`): empty for questionnaires that do not ask about roles.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
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

    /// The role whose coverage or head count `item` records.
    pub fn role_of(&self, item: &str) -> Option<&Role> {
        self.roles
            .iter()
            .find(|r| r.coverage == item || r.headcount.as_deref() == Some(item))
    }

    /// Items that carry a maturity level.
    pub fn scored_items(&self) -> impl Iterator<Item = &Item> {
        self.items.iter().filter(|i| i.scored)
    }
}

/// `head` put before `message` in both languages.
pub(crate) fn prefix(head: Text, message: Text) -> Text {
    Text::new(head.ja + &message.ja, head.en + &message.en)
}

/// The largest magnitude a number in a data file may have: a team size, a bound, a weight or a
/// survey figure beyond this is a typing mistake (and an `inf` or `nan` is never a number).
pub const MAX_DATA_NUMBER: f64 = 1.0e9;

/// A bound of a number item: finite and within [`MAX_DATA_NUMBER`].
pub(crate) fn check_bound(v: f64) -> Result<(), Text> {
    if v.is_finite() && v.abs() <= MAX_DATA_NUMBER {
        Ok(())
    } else {
        Err(bi!(
            "{v} は有限の数で、絶対値が {MAX_DATA_NUMBER} 以下でなければなりません",
            "{v} must be a finite number no larger than {MAX_DATA_NUMBER} in magnitude"
        ))
    }
}

/// A weight: finite, above 0 and within [`MAX_DATA_NUMBER`].
pub(crate) fn check_weight(w: f64) -> Result<(), Text> {
    if w.is_finite() && w > 0.0 && w <= MAX_DATA_NUMBER {
        Ok(())
    } else {
        Err(bi!(
            "weight は 0 より大きく {MAX_DATA_NUMBER} 以下の有限の数でなければなりません（{w}）",
            "weight must be a finite number above 0 and no larger than {MAX_DATA_NUMBER} ({w})"
        ))
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

/// Bilingual label of a service answer's key ([`ServiceAnswer::label`]).
pub fn service_label(key: &str) -> Option<Text> {
    ServiceAnswer::from_key(key).map(ServiceAnswer::label)
}
