//! Answers derived from another questionnaire's assessment (a SIM3 assessment started from the
//! organisation's JPCERT assessment): which answers are still provisional, from which source
//! items, and the source they came from. Carried in the interchange file as the optional
//! `derived`, checked here, and worded here for every screen and report.

use crate::assessment::StrictMap;
use crate::bi;
use crate::date::parse_date;
use crate::limits::NAME_MAX_CHARS;
use crate::questionnaire::Questionnaire;
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};

/// The assessment the derived answers came from: its questionnaire, named, and its date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DerivedSource {
    /// The source questionnaire's id (`jpcert-2015`).
    pub questionnaire: String,
    /// Its title, as the label names it.
    pub title: Text,
    /// The source assessment's date, YYYY-MM-DD, when it had one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// The derived answers not yet confirmed: by item, the source items each was derived from.
/// An answer the user saves or confirms leaves this list; an empty list is not written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Derivation {
    pub source: DerivedSource,
    pub items: StrictMap<Vec<String>>,
}

impl DerivedSource {
    /// "the 2015 questionnaire (2025-04-01)" as the label and the report name the source.
    fn named(&self) -> Text {
        let (ja, en) = (&self.title.ja, &self.title.en);
        match &self.date {
            Some(d) => bi!("{ja}（{d} の評価）", "{en} (assessment of {d})"),
            None => bi!("{ja}", "{en}"),
        }
    }

    /// The wizard's label on a derived answer: 「<title>（<date> の評価）から導出 — 確認してください」.
    pub fn label(&self) -> Text {
        let n = self.named();
        let (ja, en) = (&n.ja, &n.en);
        bi!(
            "{ja}から導出 — 確認してください",
            "Derived from {en} — confirm"
        )
    }

    /// The line the score, dashboard and report show: "N of M answers are derived from …, not
    /// yet confirmed".
    pub fn unconfirmed_line(&self, unconfirmed: usize, answered: usize) -> Text {
        let n = self.named();
        let (ja, en) = (&n.ja, &n.en);
        bi!(
            "回答 {answered} 件のうち {unconfirmed} 件は「{ja}」から導出したもので、まだ確認されていません。",
            "{unconfirmed} of {answered} answers are derived from {en}, not yet confirmed."
        )
    }
}

impl Derivation {
    /// The source items an item's answer was derived from, when it is still unconfirmed.
    pub fn from_items(&self, item: &str) -> Option<&[String]> {
        self.items.get(item).map(Vec::as_slice)
    }

    pub fn is_derived(&self, item: &str) -> bool {
        self.items.get(item).is_some()
    }

    /// The label of one derived answer in `lang`.
    pub fn label_in(&self, lang: Lang) -> String {
        self.source.label().get(lang).to_string()
    }
}

/// Checks a file's `derived` against the questionnaire and the file's answers: a source named
/// in one line with a real date, and every derived item an answered item of `q` with at least
/// one source item.
pub(crate) fn check(
    d: &Derivation,
    q: &Questionnaire,
    answered: &dyn Fn(&str) -> bool,
    push: &mut impl FnMut(Option<&str>, Text),
) {
    let s = &d.source;
    let blank = |t: &str| t.trim().is_empty();
    let too_long = |t: &str| t.chars().count() > NAME_MAX_CHARS || t.chars().any(char::is_control);
    if blank(&s.questionnaire) || blank(&s.title.ja) || blank(&s.title.en) {
        push(
            None,
            bi!(
                "derived: 導出元の質問票の id と題名（日本語と英語）が必要です",
                "derived: the source questionnaire's id and title (Japanese and English) are required"
            ),
        );
    }
    if [&s.questionnaire, &s.title.ja, &s.title.en]
        .iter()
        .any(|t| too_long(t))
    {
        push(
            None,
            bi!(
                "derived: 導出元の質問票の id と題名は 1 行 {NAME_MAX_CHARS} 文字までです",
                "derived: the source questionnaire's id and title are one line of at most {NAME_MAX_CHARS} characters"
            ),
        );
    }
    if let Some(date) = &s.date {
        if let Err(m) = parse_date(date) {
            let (ja, en) = (&m.ja, &m.en);
            push(
                None,
                bi!(
                    "derived: 導出元の評価の日付: {ja}",
                    "derived: the source assessment's date: {en}"
                ),
            );
        }
    }
    for (item, from) in d.items.iter() {
        if q.item(item).is_none() {
            let qid = &q.id;
            push(
                Some(item),
                bi!(
                    "derived: 質問票 {qid} にこの項目はありません",
                    "derived: no such item in questionnaire {qid}"
                ),
            );
        } else if !answered(item) {
            push(
                Some(item),
                bi!(
                    "derived: 回答のない項目は導出された回答にできません",
                    "derived: an item without an answer cannot be marked derived"
                ),
            );
        }
        if from.is_empty() || from.iter().any(|f| blank(f) || too_long(f)) {
            push(
                Some(item),
                bi!(
                    "derived: 導出元の項目を 1 つ以上、1 行で挙げてください",
                    "derived: name at least one source item, each on one line"
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(date: Option<&str>) -> DerivedSource {
        DerivedSource {
            questionnaire: "jpcert-2015".into(),
            title: Text::new("2015 年の質問票", "the 2015 questionnaire"),
            date: date.map(str::to_string),
        }
    }

    #[test]
    fn the_label_names_the_title_and_the_date_in_both_languages() {
        let l = source(Some("2025-04-01")).label();
        assert_eq!(
            l.ja,
            "2015 年の質問票（2025-04-01 の評価）から導出 — 確認してください"
        );
        assert_eq!(
            l.en,
            "Derived from the 2015 questionnaire (assessment of 2025-04-01) — confirm"
        );
        let l = source(None).label();
        assert_eq!(l.en, "Derived from the 2015 questionnaire — confirm");
    }

    #[test]
    fn the_unconfirmed_line_counts() {
        let t = source(None).unconfirmed_line(3, 10);
        assert!(t.en.starts_with("3 of 10 answers are derived"), "{}", t.en);
        assert!(t.ja.contains("10 件のうち 3 件"), "{}", t.ja);
    }
}
