//! The assessment interchange file (`csirt-assessment/1`): its shape, parsing and validation.

use crate::bi;
use crate::date::{parse_date, parse_year_month};
use crate::error::{AnswerProblem, ModelError};
use crate::limits::{check_name, TextKind};
use crate::load::Catalog;
use crate::questionnaire::{ItemKind, Questionnaire, SERVICE_KEYS};
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
        one(
            item.as_deref(),
            bi!(
                "{line} 行 {column} 列: ファイルの形が正しくありません（{e}）",
                "line {line}, column {column}: {e}"
            ),
        )
    })
}

/// Checks one answer against its item. Returns the problem message, if any.
pub fn check_answer(q: &Questionnaire, item_id: &str, answer: &Answer) -> Result<(), Text> {
    let qid = &q.id;
    let item = q.item(item_id).ok_or_else(|| {
        bi!(
            "質問票 {qid} にこの項目はありません",
            "no such item in questionnaire {qid}"
        )
    })?;
    let keys_list = || {
        item.options()
            .iter()
            .map(|o| o.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (&item.kind, answer) {
        (ItemKind::Group, _) => Err(bi!(
            "これは見出しです。下位の項目に回答してください",
            "this is a heading; answer its sub-items instead"
        )),
        (ItemKind::Single { .. } | ItemKind::Scale { .. }, Answer::Text(k)) => {
            if item.option(k).is_some() {
                Ok(())
            } else {
                let keys = keys_list();
                Err(bi!(
                    "{k:?} はこの項目の選択肢ではありません（選択肢: {keys}）",
                    "{k:?} is not an option of this item (options: {keys})"
                ))
            }
        }
        (ItemKind::Multiple { .. }, Answer::Keys(keys)) => {
            for (i, k) in keys.iter().enumerate() {
                if item.option(k).is_none() {
                    let keys = keys_list();
                    return Err(bi!(
                        "{k:?} はこの項目の選択肢ではありません（選択肢: {keys}）",
                        "{k:?} is not an option of this item (options: {keys})"
                    ));
                }
                if keys.iter().take(i).any(|earlier| earlier == k) {
                    return Err(bi!(
                        "選択肢 {k:?} が二度選ばれています",
                        "option {k:?} is chosen twice"
                    ));
                }
            }
            Ok(())
        }
        (ItemKind::Number { min, max, .. }, Answer::Number(n)) => {
            let v = n.as_f64().filter(|v| v.is_finite()).ok_or_else(|| {
                bi!(
                    "数が大きすぎるか、数として扱えません",
                    "the number is out of range"
                )
            })?;
            if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
                let lo = min.map(|m| m.to_string()).unwrap_or_default();
                let hi = max.map(|m| m.to_string()).unwrap_or_default();
                return Err(bi!(
                    "{v} は範囲 {lo}〜{hi} の外です",
                    "{v} is outside the allowed range {lo}–{hi}"
                ));
            }
            Ok(())
        }
        (ItemKind::YearMonth, Answer::Text(s)) => parse_year_month(s).map(|_| ()),
        (ItemKind::Service { .. }, Answer::Text(s)) => {
            if SERVICE_KEYS.contains(&s.as_str()) {
                Ok(())
            } else {
                Err(bi!(
                    "{s:?} はサービスの回答ではありません。\"in-house\"、\"outsourced\"、\"none\" のどれかです",
                    "{s:?} is not a service answer: use \"in-house\", \"outsourced\" or \"none\""
                ))
            }
        }
        (ItemKind::Text, Answer::Text(_)) => Ok(()),
        (kind, answer) => {
            let (kja, ken) = (kind.described(Lang::Ja), kind.described(Lang::En));
            let (ja, en) = match answer {
                Answer::Number(_) => ("数", "a number"),
                Answer::Text(_) => ("文字列", "a string"),
                Answer::Keys(_) => ("リスト", "a list"),
            };
            Err(bi!("{kja}に{ja}は入りません", "{ken} cannot take {en}"))
        }
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

/// `message` with `whose` (whose answers these are; empty for the file's own) put before it.
fn prefixed(whose: &Text, message: Text) -> Text {
    Text::new(
        format!("{}{}", whose.ja, message.ja),
        format!("{}{}", whose.en, message.en),
    )
}

/// Checks answers and their "other" texts; `whose` prefixes each message (empty for the file's own).
fn check_answers(
    q: &Questionnaire,
    answers: &StrictMap<Answer>,
    other: &StrictMap<String>,
    whose: &Text,
    push: &mut impl FnMut(Option<&str>, Text),
) {
    for (id, answer) in answers.iter() {
        if let Err(m) = check_answer(q, id, answer) {
            push(Some(id), prefixed(whose, m));
        }
    }
    for (id, _) in other.iter() {
        if !answers.get(id).is_some_and(|a| chooses_other(q, id, a)) {
            let m = bi!(
                "自由記述がありますが、「その他」の選択肢が選ばれていません",
                "free text is given but no \"other\" option is chosen"
            );
            push(Some(id), prefixed(whose, m));
        }
    }
}

fn check_notes(
    q: &Questionnaire,
    comments: &StrictMap<String>,
    evidence: &StrictMap<String>,
    whose: &Text,
    push: &mut impl FnMut(Option<&str>, Text),
) {
    for (id, _) in comments.iter() {
        if q.item(id).is_none() {
            let m = bi!(
                "存在しない項目へのコメントです",
                "comment for an item that does not exist"
            );
            push(Some(id), prefixed(whose, m));
        }
    }
    for (id, _) in evidence.iter() {
        if q.item(id).is_none() {
            let m = bi!(
                "存在しない項目への根拠です",
                "evidence for an item that does not exist"
            );
            push(Some(id), prefixed(whose, m));
        }
    }
}

/// Checks a carried workshop: every part against the questionnaire, and the file's answers
/// against what the workshop's parts give, so an import scores exactly as the file says.
fn check_workshop(
    q: &Questionnaire,
    w: &Workshop,
    a: &Assessment,
    push: &mut impl FnMut(Option<&str>, Text),
) {
    check_answers(
        q,
        &w.facilitator_answers,
        &w.facilitator_other,
        &Text::new("ワークショップ・進行役: ", "workshop, facilitator: "),
        push,
    );
    for (i, r) in w.respondents.iter().enumerate() {
        let (n, name) = (i + 1, &r.name);
        let whose = bi!(
            "ワークショップ・回答者 {n}（{name:?}）: ",
            "workshop, respondent {n} ({name:?}): "
        );
        if let Err(m) = check_name(TextKind::RespondentName, &r.name) {
            push(None, prefixed(&whose, m));
        }
        check_answers(q, &r.answers, &r.other, &whose, push);
        check_notes(q, &r.comments, &r.evidence, &whose, push);
    }
    if let Some((i, j)) = w.repeated_respondent() {
        let (first, second, name) = (i + 1, j + 1, &w.respondents[j].name);
        push(
            None,
            bi!(
                "ワークショップ・回答者 {second}（{name:?}）: 回答者 {first} と同じ名前です。同じ人が二度数えられないよう、名前は大文字と小文字、全角と半角、余分な空白を区別せずに比べます",
                "workshop, respondent {second} ({name:?}): the same name as respondent {first}; names are compared ignoring case, width and extra spaces, so nobody is counted twice"
            ),
        );
    }
    for (id, c) in w.consensus.iter() {
        let other = StrictMap(c.other.iter().map(|o| (id.clone(), o.clone())).collect());
        let answer = StrictMap(vec![(id.clone(), c.answer.clone())]);
        let whose = Text::new(
            "ワークショップ・合意した回答: ",
            "workshop, agreed answer: ",
        );
        check_answers(q, &answer, &other, &whose, push);
    }
    let (answers, other) = w.agreed();
    if let Some(item) = first_difference(&answers, &a.answers, Answer::same_as)
        .or_else(|| first_difference(&other, &a.other, |x, y| x == y))
    {
        push(
            Some(item),
            bi!(
                "ファイルの回答が、ワークショップから導かれる回答（合意した回答、次に進行役の回答、\
                 次に全員が同じだった回答）と違います。手で編集されたか、壊れています",
                "the file's answers differ from what its workshop gives (agreed answers, then the \
                 facilitator's, then answers every respondent gave alike); the file was edited by \
                 hand or is damaged"
            ),
        );
    }
}

/// The first item on which two maps disagree, looking from both sides.
fn first_difference<'a, V>(
    x: &'a StrictMap<V>,
    y: &'a StrictMap<V>,
    same: impl Fn(&V, &V) -> bool,
) -> Option<&'a str> {
    x.iter()
        .find(|(k, v)| !y.get(k).is_some_and(|w| same(v, w)))
        .or_else(|| y.iter().find(|(k, _)| x.get(k).is_none()))
        .map(|(k, _)| k.as_str())
}

/// Checks a target override: the item must be scored and the key must carry a level.
pub fn check_target(q: &Questionnaire, item_id: &str, key: &str) -> Result<(), Text> {
    let qid = &q.id;
    let item = q.item(item_id).ok_or_else(|| {
        bi!(
            "質問票 {qid} にこの項目はありません",
            "no such item in questionnaire {qid}"
        )
    })?;
    if !item.scored {
        return Err(bi!(
            "目標を設定できるのは採点される項目だけです",
            "only scored items take a target"
        ));
    }
    if item.level_of_key(key).is_none() {
        return Err(bi!(
            "{key:?} はこの項目の水準を持つ回答ではありません",
            "{key:?} is not a levelled answer of this item"
        ));
    }
    Ok(())
}

/// Validates every answer, other-text, comment and target against the questionnaire, reporting
/// all problems at once.
pub fn validate(a: &Assessment, catalog: &Catalog) -> Result<(), ModelError> {
    let set = catalog.get(&a.questionnaire).map_err(|_| {
        let id = &a.questionnaire;
        one(
            None,
            bi!("質問票 {id:?} はありません", "unknown questionnaire {id:?}"),
        )
    })?;
    validate_against(a, &set.questionnaire)
}

pub fn validate_against(a: &Assessment, q: &Questionnaire) -> Result<(), ModelError> {
    let mut problems = Vec::new();
    let mut push = |item: Option<&str>, message: Text| {
        problems.push(AnswerProblem {
            item: item.map(str::to_string),
            message,
        })
    };
    if a.questionnaire != q.id {
        let (file, loaded) = (&a.questionnaire, &q.id);
        push(
            None,
            bi!(
                "このファイルは質問票 {file:?} のもので、{loaded:?} のものではありません",
                "the file is for questionnaire {file:?}, not {loaded:?}"
            ),
        );
    }
    if let Err(m) = check_name(TextKind::OrganisationName, &a.organisation.name) {
        push(None, m);
    }
    if let Some(d) = &a.date {
        if let Err(m) = parse_date(d) {
            push(None, m);
        }
    }
    let own = Text::default();
    check_answers(q, &a.answers, &a.other, &own, &mut push);
    check_notes(q, &a.comments, &a.evidence, &own, &mut push);
    if let Some(w) = &a.workshop {
        check_workshop(q, w, a, &mut push);
    }
    for (id, key) in a.targets.iter() {
        if let Err(m) = check_target(q, id, key) {
            push(Some(id), prefixed(&Text::new("目標: ", "target: "), m));
        }
    }
    crate::limits::check_assessment(a, &mut push);
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
