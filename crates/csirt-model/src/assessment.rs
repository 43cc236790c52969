//! The assessment interchange file (`csirt-assessment/1`): its shape, parsing and validation.

use crate::error::{AnswerProblem, ModelError};
use crate::load::Catalog;
use crate::questionnaire::{ItemKind, Questionnaire, SERVICE_KEYS};
use crate::text::Lang;
pub use crate::workshop::{Consensus, Workshop, WorkshopRespondent};
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

pub const ASSESSMENT_FORMAT: &str = "csirt-assessment/1";
const FORMAT_PREFIX: &str = "csirt-assessment/";
const FORMAT_VERSION: u32 = 1;
/// Imports larger than this are refused before parsing.
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// A map that keeps file order and refuses duplicate keys (serde_json would keep the last one).
#[derive(Debug, Clone, PartialEq)]
pub struct StrictMap<V>(pub Vec<(String, V)>);

impl<V> Default for StrictMap<V> {
    fn default() -> Self {
        StrictMap(Vec::new())
    }
}

impl<V> StrictMap<V> {
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn insert(&mut self, key: String, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((key, value)),
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<V> {
        let pos = self.0.iter().position(|(k, _)| k == key)?;
        Some(self.0.remove(pos).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Orders the entries by the position of their key in `order`; unknown keys go last.
    pub fn sort_by_order(&mut self, order: &[&str]) {
        self.0
            .sort_by_key(|(k, _)| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
    }
}

impl<V: Serialize> Serialize for StrictMap<V> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for StrictMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct StrictVisitor<V>(std::marker::PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for StrictVisitor<V> {
            type Value = StrictMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out: Vec<(String, V)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    if out.iter().any(|(k, _)| *k == key) {
                        return Err(serde::de::Error::custom(format!(
                            "duplicate entry for item {key:?}"
                        )));
                    }
                    let value = map.next_value::<V>()?;
                    out.push((key, value));
                }
                Ok(StrictMap(out))
            }
        }
        d.deserialize_map(StrictVisitor(std::marker::PhantomData))
    }
}

/// One answer as written in the file. Its meaning depends on the item's type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// A number item (team size).
    Number(serde_json::Number),
    /// An option key, a service answer, a year-month or free text.
    Text(String),
    /// The option keys of a multiple-choice item.
    Keys(Vec<String>),
}

impl Answer {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Answer::Text(s) => Some(s),
            _ => None,
        }
    }

    /// A short human rendering (keys joined with commas).
    pub fn display(&self) -> String {
        match self {
            Answer::Number(n) => n.to_string(),
            Answer::Text(s) => s.clone(),
            Answer::Keys(k) => k.join(", "),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    #[default]
    Draft,
    Final,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Size of the organisation, as the user describes it (e.g. "1,200 employees").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<String>,
    /// Organisational form of the CSIRT (distributed, integrated, centralised, coordinating…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csirt_form: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub format: String,
    pub questionnaire: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub questionnaire_version: Option<String>,
    pub organisation: Organisation,
    /// Date of the assessment, YYYY-MM-DD.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Lang>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub answers: StrictMap<Answer>,
    /// Free text for answers that chose an "other" option, by item.
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub other: StrictMap<String>,
    /// Comments, by item.
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub comments: StrictMap<String>,
    /// Evidence notes (where the proof is: a document, a ticket, a meeting), by item.
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub evidence: StrictMap<String>,
    /// Target overrides: the option key (or service answer) the organisation aims for, by item.
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub targets: StrictMap<String>,
    /// The workshop behind `answers`, when several people answered: absent otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub workshop: Option<Workshop>,
}

impl Assessment {
    pub fn new(questionnaire: &Questionnaire, organisation: Organisation) -> Self {
        Assessment {
            format: ASSESSMENT_FORMAT.to_string(),
            questionnaire: questionnaire.id.clone(),
            questionnaire_version: Some(questionnaire.version.clone()),
            organisation,
            date: None,
            language: None,
            status: Status::Draft,
            answers: StrictMap::default(),
            other: StrictMap::default(),
            comments: StrictMap::default(),
            evidence: StrictMap::default(),
            targets: StrictMap::default(),
            workshop: None,
        }
    }

    /// Puts every per-item map in questionnaire order, so exports are stable and readable.
    pub fn sort_by_questionnaire(&mut self, q: &Questionnaire) {
        let order: Vec<&str> = q.items.iter().map(|i| i.id.as_str()).collect();
        self.answers.sort_by_order(&order);
        self.other.sort_by_order(&order);
        self.comments.sort_by_order(&order);
        self.evidence.sort_by_order(&order);
        self.targets.sort_by_order(&order);
        if let Some(w) = &mut self.workshop {
            w.facilitator_answers.sort_by_order(&order);
            w.facilitator_other.sort_by_order(&order);
            w.consensus.sort_by_order(&order);
            for r in &mut w.respondents {
                r.answers.sort_by_order(&order);
                r.other.sort_by_order(&order);
                r.comments.sort_by_order(&order);
                r.evidence.sort_by_order(&order);
            }
        }
    }

    pub fn to_json_pretty(&self) -> String {
        // Serialising plain maps, strings and numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

fn one(item: Option<&str>, message: impl Into<String>) -> ModelError {
    ModelError::InvalidAssessment(vec![AnswerProblem {
        item: item.map(str::to_string),
        message: message.into(),
    }])
}

/// Parses an assessment file: size, encoding, format version and shape. Does not check answers
/// against the questionnaire; [`validate`] does that.
pub fn parse(bytes: &[u8]) -> Result<Assessment, ModelError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(one(
            None,
            format!(
                "the file is {} bytes; assessment files are limited to {} MB",
                bytes.len(),
                MAX_IMPORT_BYTES / (1024 * 1024)
            ),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        one(
            None,
            format!(
                "the file is not valid UTF-8 (first bad byte at offset {})",
                e.valid_up_to()
            ),
        )
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        one(
            None,
            format!(
                "not valid JSON at line {}, column {}: {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    let format = value
        .get("format")
        .and_then(|f| f.as_str())
        .ok_or_else(|| one(None, "missing \"format\": expected \"csirt-assessment/1\""))?;
    match format.strip_prefix(FORMAT_PREFIX).map(str::parse::<u32>) {
        Some(Ok(v)) if v == FORMAT_VERSION => {}
        Some(Ok(v)) if v > FORMAT_VERSION => {
            return Err(one(
                None,
                format!(
                    "the file is format {format:?}, written by a newer version of the app; \
                     this version reads {ASSESSMENT_FORMAT:?}. Update the app to import it"
                ),
            ))
        }
        _ => {
            return Err(one(
                None,
                format!("unknown format {format:?}: expected {ASSESSMENT_FORMAT:?}"),
            ))
        }
    }
    serde_json::from_str::<Assessment>(text).map_err(|e| {
        let item = e
            .to_string()
            .split('"')
            .nth(1)
            .filter(|s| s.chars().next().is_some_and(|c| c.is_ascii_digit()))
            .map(str::to_string);
        one(
            item.as_deref(),
            format!("line {}, column {}: {e}", e.line(), e.column()),
        )
    })
}

fn is_year_month(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 7 || b[4] != b'-' {
        return false;
    }
    let (y, m) = (&s[..4], &s[5..]);
    y.chars().all(|c| c.is_ascii_digit())
        && m.chars().all(|c| c.is_ascii_digit())
        && matches!(m.parse::<u32>(), Ok(1..=12))
        && matches!(y.parse::<u32>(), Ok(1900..=2200))
}

fn is_date(s: &str) -> bool {
    s.len() == 10
        && is_year_month(&s[..7])
        && s.as_bytes()[7] == b'-'
        && matches!(s[8..].parse::<u32>(), Ok(1..=31))
}

/// Checks one answer against its item. Returns the problem message, if any.
pub fn check_answer(q: &Questionnaire, item_id: &str, answer: &Answer) -> Result<(), String> {
    let item = q
        .item(item_id)
        .ok_or_else(|| format!("no such item in questionnaire {}", q.id))?;
    let keys_list = || {
        item.options()
            .iter()
            .map(|o| o.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (&item.kind, answer) {
        (ItemKind::Group, _) => Err("this is a heading; answer its sub-items instead".into()),
        (ItemKind::Single { .. } | ItemKind::Scale { .. }, Answer::Text(k)) => {
            if item.option(k).is_some() {
                Ok(())
            } else {
                Err(format!(
                    "{k:?} is not an option of this item (options: {})",
                    keys_list()
                ))
            }
        }
        (ItemKind::Multiple { .. }, Answer::Keys(keys)) => {
            for (i, k) in keys.iter().enumerate() {
                if item.option(k).is_none() {
                    return Err(format!(
                        "{k:?} is not an option of this item (options: {})",
                        keys_list()
                    ));
                }
                if keys[..i].contains(k) {
                    return Err(format!("option {k:?} is chosen twice"));
                }
            }
            Ok(())
        }
        (ItemKind::Number { min, max, .. }, Answer::Number(n)) => {
            let v = n
                .as_f64()
                .filter(|v| v.is_finite())
                .ok_or_else(|| "the number is out of range".to_string())?;
            if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
                return Err(format!(
                    "{v} is outside the allowed range {}–{}",
                    min.map(|m| m.to_string()).unwrap_or_default(),
                    max.map(|m| m.to_string()).unwrap_or_default()
                ));
            }
            Ok(())
        }
        (ItemKind::YearMonth, Answer::Text(s)) => {
            if is_year_month(s) {
                Ok(())
            } else {
                Err(format!("{s:?} is not a year and month like \"2014-04\""))
            }
        }
        (ItemKind::Service { .. }, Answer::Text(s)) => {
            if SERVICE_KEYS.contains(&s.as_str()) {
                Ok(())
            } else {
                Err(format!(
                    "{s:?} is not a service answer: use \"in-house\", \"outsourced\" or \"none\""
                ))
            }
        }
        (ItemKind::Text, Answer::Text(_)) => Ok(()),
        (kind, answer) => Err(format!(
            "a {} item cannot take {}",
            kind.type_name(),
            match answer {
                Answer::Number(_) => "a number",
                Answer::Text(_) => "a string",
                Answer::Keys(_) => "a list",
            }
        )),
    }
}

/// Whether `answer` picks an "other" option of the item, the only kind that takes free text.
pub fn chooses_other(q: &Questionnaire, item_id: &str, answer: &Answer) -> bool {
    let Some(item) = q.item(item_id) else {
        return false;
    };
    let chosen: Vec<&str> = match answer {
        Answer::Text(k) => vec![k.as_str()],
        Answer::Keys(k) => k.iter().map(String::as_str).collect(),
        Answer::Number(_) => vec![],
    };
    item.options()
        .iter()
        .any(|o| o.other && chosen.contains(&o.key.as_str()))
}

/// Checks answers and their "other" texts; `whose` prefixes each message ("" for the file's own).
fn check_answers(
    q: &Questionnaire,
    answers: &StrictMap<Answer>,
    other: &StrictMap<String>,
    whose: &str,
    push: &mut impl FnMut(Option<&str>, String),
) {
    for (id, answer) in answers.iter() {
        if let Err(m) = check_answer(q, id, answer) {
            push(Some(id), format!("{whose}{m}"));
        }
    }
    for (id, _) in other.iter() {
        if !answers.get(id).is_some_and(|a| chooses_other(q, id, a)) {
            push(
                Some(id),
                format!("{whose}free text is given but no \"other\" option is chosen"),
            );
        }
    }
}

fn check_notes(
    q: &Questionnaire,
    comments: &StrictMap<String>,
    evidence: &StrictMap<String>,
    whose: &str,
    push: &mut impl FnMut(Option<&str>, String),
) {
    for (id, _) in comments.iter() {
        if q.item(id).is_none() {
            push(
                Some(id),
                format!("{whose}comment for an item that does not exist"),
            );
        }
    }
    for (id, _) in evidence.iter() {
        if q.item(id).is_none() {
            push(
                Some(id),
                format!("{whose}evidence for an item that does not exist"),
            );
        }
    }
}

/// Checks a carried workshop: every part against the questionnaire, and the file's answers
/// against what the workshop's parts give, so an import scores exactly as the file says.
fn check_workshop(
    q: &Questionnaire,
    w: &Workshop,
    a: &Assessment,
    push: &mut impl FnMut(Option<&str>, String),
) {
    check_answers(
        q,
        &w.facilitator_answers,
        &w.facilitator_other,
        "workshop, facilitator: ",
        push,
    );
    for (i, r) in w.respondents.iter().enumerate() {
        let whose = format!("workshop, respondent {} ({:?}): ", i + 1, r.name);
        if r.name.trim().is_empty() {
            push(None, format!("{whose}a respondent needs a name"));
        }
        check_answers(q, &r.answers, &r.other, &whose, push);
        check_notes(q, &r.comments, &r.evidence, &whose, push);
    }
    for (id, c) in w.consensus.iter() {
        let other = StrictMap(c.other.iter().map(|o| (id.clone(), o.clone())).collect());
        let answer = StrictMap(vec![(id.clone(), c.answer.clone())]);
        check_answers(q, &answer, &other, "workshop, agreed answer: ", push);
    }
    let (answers, other) = w.agreed();
    if let Some(item) =
        first_difference(&answers, &a.answers).or_else(|| first_difference(&other, &a.other))
    {
        push(
            Some(item),
            "the file's answers differ from what its workshop gives (agreed answers, then the \
             facilitator's, then answers every respondent gave alike); the file was edited by \
             hand or is damaged"
                .into(),
        );
    }
}

/// The first item on which two maps disagree, looking from both sides.
fn first_difference<'a, V: PartialEq>(x: &'a StrictMap<V>, y: &'a StrictMap<V>) -> Option<&'a str> {
    x.iter()
        .find(|(k, v)| y.get(k) != Some(*v))
        .or_else(|| y.iter().find(|(k, _)| x.get(k).is_none()))
        .map(|(k, _)| k.as_str())
}

/// Checks a target override: the item must be scored and the key must carry a level.
pub fn check_target(q: &Questionnaire, item_id: &str, key: &str) -> Result<(), String> {
    let item = q
        .item(item_id)
        .ok_or_else(|| format!("no such item in questionnaire {}", q.id))?;
    if !item.scored {
        return Err("only scored items take a target".into());
    }
    if item.level_of_key(key).is_none() {
        return Err(format!("{key:?} is not a levelled answer of this item"));
    }
    Ok(())
}

/// Validates every answer, other-text, comment and target against the questionnaire, reporting
/// all problems at once.
pub fn validate(a: &Assessment, catalog: &Catalog) -> Result<(), ModelError> {
    let set = catalog
        .get(&a.questionnaire)
        .map_err(|_| one(None, format!("unknown questionnaire {:?}", a.questionnaire)))?;
    validate_against(a, &set.questionnaire)
}

pub fn validate_against(a: &Assessment, q: &Questionnaire) -> Result<(), ModelError> {
    let mut problems = Vec::new();
    let mut push = |item: Option<&str>, message: String| {
        problems.push(AnswerProblem {
            item: item.map(str::to_string),
            message,
        })
    };
    if a.questionnaire != q.id {
        push(
            None,
            format!(
                "the file is for questionnaire {:?}, not {:?}",
                a.questionnaire, q.id
            ),
        );
    }
    if a.organisation.name.trim().is_empty() {
        push(None, "the organisation needs a name".into());
    }
    if let Some(d) = &a.date {
        if !is_date(d) {
            push(None, format!("date {d:?} is not YYYY-MM-DD"));
        }
    }
    check_answers(q, &a.answers, &a.other, "", &mut push);
    check_notes(q, &a.comments, &a.evidence, "", &mut push);
    if let Some(w) = &a.workshop {
        check_workshop(q, w, a, &mut push);
    }
    for (id, key) in a.targets.iter() {
        if let Err(m) = check_target(q, id, key) {
            push(Some(id), format!("target: {m}"));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ModelError::InvalidAssessment(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_month_accepts_only_real_months() {
        assert!(is_year_month("2014-04"));
        assert!(!is_year_month("2014-13"));
        assert!(!is_year_month("2014-4"));
        assert!(!is_year_month("14-04-01"));
        assert!(is_date("2026-11-21"));
        assert!(!is_date("2026-11-32"));
    }

    #[test]
    fn strict_map_refuses_duplicates() {
        let r: Result<StrictMap<String>, _> = serde_json::from_str(r#"{"2.8":"a","2.8":"b"}"#);
        let e = r.expect_err("duplicate must fail").to_string();
        assert!(e.contains("duplicate entry for item \"2.8\""), "{e}");
    }

    #[test]
    fn newer_format_is_refused_with_a_clear_message() {
        let e = parse(br#"{"format":"csirt-assessment/2","questionnaire":"x"}"#)
            .expect_err("newer format must fail")
            .to_string();
        assert!(e.contains("newer version"), "{e}");
    }
}
