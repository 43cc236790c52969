//! The assessment interchange file (`csirt-assessment/1`): its shape, parsing and validation.

pub use crate::action::{Action, ActionNote, ActionStatus};
use crate::bi;
pub use crate::derived::{Derivation, DerivedSource};
use crate::error::{AnswerProblem, ModelError};
pub use crate::narrative::Narrative;
use crate::questionnaire::Questionnaire;
use crate::text::{Lang, Text};
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

impl Status {
    /// The status as a reader sees it: 下書き/確定 in Japanese (the app's words), draft/final in
    /// English (the words `csirt assessment status` takes).
    pub fn label(self) -> Text {
        match self {
            Status::Draft => Text::new("下書き", "draft"),
            Status::Final => Text::new("確定", "final"),
        }
    }
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
    /// The assessor's own words (message, findings, notes on gaps): absent when none were written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub narrative: Option<Narrative>,
    /// The action plan as it stands in this assessment (its own actions and those carried into
    /// it): absent when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    /// The answers derived from another questionnaire's assessment and not yet confirmed, and
    /// where they came from: absent when there are none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub derived: Option<Derivation>,
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
            narrative: None,
            actions: Vec::new(),
            derived: None,
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
        if let Some(n) = &mut self.narrative {
            n.gap_notes.sort_by_order(&order);
        }
        if let Some(d) = &mut self.derived {
            d.items.sort_by_order(&order);
        }
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

fn one(item: Option<&str>, message: Text) -> ModelError {
    ModelError::InvalidAssessment(vec![AnswerProblem {
        item: item.map(str::to_string),
        message,
    }])
}

/// The UTF-8 byte-order mark that Windows editors (Notepad, Excel's "CSV UTF-8") put first.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `bytes` without a leading UTF-8 byte-order mark, which every text file the product reads may
/// start with.
pub fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// Parses an assessment file: size, encoding, format version and shape. Does not check answers
/// against the questionnaire; [`validate`] does that.
pub fn parse(bytes: &[u8]) -> Result<Assessment, ModelError> {
    if bytes.len() > MAX_IMPORT_BYTES {
        let (size, mb) = (bytes.len(), MAX_IMPORT_BYTES / (1024 * 1024));
        return Err(one(
            None,
            bi!(
                "ファイルは {size} バイトあります。評価ファイルは {mb} MB までです",
                "the file is {size} bytes; assessment files are limited to {mb} MB"
            ),
        ));
    }
    let bytes = strip_bom(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        one(
            None,
            bi!(
                "ファイルが UTF-8 として正しくありません（最初の不正なバイトは {at} バイト目）",
                "the file is not valid UTF-8 (first bad byte at offset {at})"
            ),
        )
    })?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        // serde_json's own text is English; say what kind of fault it is in Japanese.
        let what = match e.classify() {
            serde_json::error::Category::Eof => "ファイルが途中で終わっています",
            serde_json::error::Category::Syntax => "書き方に誤りがあります",
            serde_json::error::Category::Data | serde_json::error::Category::Io => "値が読めません",
        };
        one(
            None,
            bi!(
                "JSON として正しくありません（{line} 行 {column} 列: {what}）",
                "not valid JSON at line {line}, column {column}: {e}"
            ),
        )
    })?;
    let format = value
        .get("format")
        .and_then(|f| f.as_str())
        .ok_or_else(|| {
            one(
                None,
                bi!(
                    "\"format\" がありません。\"{ASSESSMENT_FORMAT}\" のはずです",
                    "missing \"format\": expected \"{ASSESSMENT_FORMAT}\""
                ),
            )
        })?;
    match format.strip_prefix(FORMAT_PREFIX).map(str::parse::<u32>) {
        Some(Ok(v)) if v == FORMAT_VERSION => {}
        Some(Ok(v)) if v > FORMAT_VERSION => {
            return Err(one(
                None,
                bi!(
                    "このファイルは形式 {format:?} で、新しい版のアプリが書いたものです。\
                     この版が読めるのは {ASSESSMENT_FORMAT:?} です。アプリを更新してから取り込んでください",
                    "the file is format {format:?}, written by a newer version of the app; \
                     this version reads {ASSESSMENT_FORMAT:?}. Update the app to import it"
                ),
            ))
        }
        _ => {
            return Err(one(
                None,
                bi!(
                    "形式 {format:?} は知りません。{ASSESSMENT_FORMAT:?} のはずです",
                    "unknown format {format:?}: expected {ASSESSMENT_FORMAT:?}"
                ),
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
        let (line, column) = (e.line(), e.column());
        // serde's English stays in the English message; the Japanese says what is wrong.
        let what = crate::source::serde_ja(&e.to_string());
        one(
            item.as_deref(),
            bi!(
                "{line} 行 {column} 列: ファイルの形が正しくありません（{what}）",
                "line {line}, column {column}: {e}"
            ),
        )
    })
}

mod validate;
pub use validate::{
    check_answer, check_other_text, check_target, chooses_other, validate, validate_against,
    version_notice,
};

#[cfg(test)]
mod tests {
    #[test]
    fn a_status_has_its_words_in_both_languages() {
        use super::{Lang, Status};
        assert_eq!(Status::Draft.label().get(Lang::Ja), "下書き");
        assert_eq!(Status::Final.label().get(Lang::Ja), "確定");
        assert_eq!(Status::Draft.label().get(Lang::En), "draft");
        assert_eq!(Status::Final.label().get(Lang::En), "final");
    }

    use super::*;

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(
            crate::demo::demo_assessment(Lang::En)
                .to_json_pretty()
                .as_bytes(),
        );
        assert!(parse(&bytes).is_ok());
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
