//! A workshop carried inside an assessment file: each respondent's own answers and notes, the
//! facilitator's own answers and the agreed answers, and the one rule that merges them into the
//! answers that are scored.

use crate::assessment::{Answer, StrictMap};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

/// The form of a person's or organisation's name that two names are compared by: Unicode
/// compatibility-normalised (NFKC: full-width "Ｓａｔｏ" is "Sato", half-width "ｻﾄｳ" is "サトウ"),
/// lower-cased, trimmed, with every run of spaces (including the ideographic space) made one.
/// Two names with the same key are the same name.
pub fn name_key(name: &str) -> String {
    let folded: String = name.nfkc().flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Answer {
    /// The one form two answers are compared by: multiple choices as a set of keys, numbers by
    /// value (5 is 5.0), text trimmed and lower-cased. The workshop's merge and its divergence
    /// both use it, so "no divergence" and "an agreed answer" always go together.
    pub fn canonical(&self) -> String {
        match self {
            Answer::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => i.to_string(),
                (_, Some(u), _) => u.to_string(),
                (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 9.0e15 => {
                    format!("{}", f as i64)
                }
                (_, _, Some(f)) => format!("{f}"),
                _ => n.to_string(),
            },
            Answer::Text(s) => format!("\"{}", s.trim().to_lowercase()),
            Answer::Keys(keys) => {
                let mut k: Vec<&str> = keys.iter().map(String::as_str).collect();
                k.sort_unstable();
                k.dedup();
                format!("[{}", k.join("\u{1f}"))
            }
        }
    }

    /// True when the two answers say the same thing (see [`Answer::canonical`]).
    pub fn same_as(&self, other: &Answer) -> bool {
        self.canonical() == other.canonical()
    }
}

/// The workshop of an assessment, so that carrying the file to another machine keeps who
/// answered what, not only the merged result. The file's top-level `answers` and `other` must
/// be what [`Workshop::agreed`] gives; its top-level comments and evidence are the
/// facilitator's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Workshop {
    /// The facilitator's own answers, before any agreement.
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub facilitator_answers: StrictMap<Answer>,
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub facilitator_other: StrictMap<String>,
    /// The named respondents, in the order they were added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub respondents: Vec<WorkshopRespondent>,
    /// The answers the workshop agreed on, by item.
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub consensus: StrictMap<Consensus>,
}

/// One workshop participant and what they answered and wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkshopRespondent {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub answers: StrictMap<Answer>,
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub other: StrictMap<String>,
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub comments: StrictMap<String>,
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub evidence: StrictMap<String>,
}

/// The answer a workshop settled on for one item, with the facilitator's note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Consensus {
    pub answer: Answer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Workshop {
    /// The first respondent whose name repeats an earlier one's (by [`name_key`]), as
    /// (earlier index, later index), both 0-based.
    pub fn repeated_respondent(&self) -> Option<(usize, usize)> {
        let keys: Vec<String> = self.respondents.iter().map(|r| name_key(&r.name)).collect();
        keys.iter().enumerate().find_map(|(j, k)| {
            keys[..j]
                .iter()
                .position(|earlier| earlier == k && !k.is_empty())
                .map(|i| (i, j))
        })
    }

    /// True when there is nothing beyond the facilitator's own answers to carry.
    pub fn is_trivial(&self) -> bool {
        self.respondents.is_empty() && self.consensus.is_empty()
    }

    /// The answers that are scored, and their "other" texts: the agreed answer where there is
    /// one, else the facilitator's, else the answer every respondent who answered the item
    /// gave alike. Respondents' "other" texts are not carried into the agreed answers.
    pub fn agreed(&self) -> (StrictMap<Answer>, StrictMap<String>) {
        let mut answers = self.facilitator_answers.clone();
        let mut other = self.facilitator_other.clone();
        for (item, c) in self.consensus.iter() {
            answers.insert(item.clone(), c.answer.clone());
            other.remove(item);
            if let Some(o) = &c.other {
                other.insert(item.clone(), o.clone());
            }
        }
        let mut by_item: Vec<(&str, Vec<&Answer>)> = Vec::new();
        for r in &self.respondents {
            for (item, a) in r.answers.iter() {
                match by_item.iter_mut().find(|(i, _)| *i == item.as_str()) {
                    Some((_, list)) => list.push(a),
                    None => by_item.push((item.as_str(), vec![a])),
                }
            }
        }
        for (item, list) in by_item {
            if answers.get(item).is_none() && list.windows(2).all(|w| w[0].same_as(w[1])) {
                answers.insert(item.to_string(), list[0].clone());
            }
        }
        (answers, other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Answer {
        Answer::Text(s.into())
    }

    fn respondent(name: &str, answers: &[(&str, &str)]) -> WorkshopRespondent {
        WorkshopRespondent {
            name: name.into(),
            role: None,
            answers: StrictMap(
                answers
                    .iter()
                    .map(|(i, a)| (i.to_string(), text(a)))
                    .collect(),
            ),
            other: StrictMap::default(),
            comments: StrictMap::default(),
            evidence: StrictMap::default(),
        }
    }

    #[test]
    fn agreement_beats_the_facilitator_who_beats_a_unanimous_room() {
        let w = Workshop {
            facilitator_answers: StrictMap(vec![
                ("1.1".into(), text("a")),
                ("4.1".into(), text("c")),
            ]),
            facilitator_other: StrictMap(vec![("1.1".into(), "ours".into())]),
            respondents: vec![
                respondent("A", &[("1.1", "b"), ("4.2", "b"), ("4.3", "a")]),
                respondent("B", &[("1.1", "b"), ("4.2", "b"), ("4.3", "e")]),
            ],
            consensus: StrictMap(vec![(
                "1.1".into(),
                Consensus {
                    answer: text("j"),
                    other: Some("agreed text".into()),
                    note: Some("n".into()),
                },
            )]),
        };
        let (answers, other) = w.agreed();
        assert_eq!(answers.get("1.1"), Some(&text("j")));
        assert_eq!(other.get("1.1").map(String::as_str), Some("agreed text"));
        assert_eq!(answers.get("4.1"), Some(&text("c")));
        // Both said b; they disagree on 4.3, so nothing is agreed there.
        assert_eq!(answers.get("4.2"), Some(&text("b")));
        assert_eq!(answers.get("4.3"), None);
        assert!(!w.is_trivial());
        assert!(Workshop::default().is_trivial());
    }

    fn keys(k: &[&str]) -> Answer {
        Answer::Keys(k.iter().map(|s| s.to_string()).collect())
    }

    fn number(json: &str) -> Answer {
        Answer::Number(serde_json::from_str(json).expect("a number"))
    }

    #[test]
    fn equal_answers_are_the_same_whatever_their_form() {
        assert!(keys(&["a", "h"]).same_as(&keys(&["h", "a"])));
        assert!(keys(&["a", "h", "a"]).same_as(&keys(&["h", "a"])));
        assert!(!keys(&["a", "h"]).same_as(&keys(&["a"])));
        assert!(keys(&[]).same_as(&keys(&[])));
        assert!(number("5").same_as(&number("5.0")));
        assert!(number("0").same_as(&number("-0.0")));
        assert!(!number("5").same_as(&number("5.5")));
        assert!(!number("1000").same_as(&number("1001")));
        assert!(text(" In-house ").same_as(&text("in-house")));
        assert!(!text("a").same_as(&text("b")));
        // Different kinds are never the same, even when they print alike.
        assert!(!text("5").same_as(&number("5")));
        assert!(!text("a").same_as(&keys(&["a"])));
    }

    #[test]
    fn a_room_that_agrees_in_another_order_is_merged() {
        let mut a = respondent("A", &[]);
        a.answers.insert("1.2".into(), keys(&["a", "h"]));
        a.answers.insert("3.3".into(), number("5"));
        let mut b = respondent("B", &[]);
        b.answers.insert("1.2".into(), keys(&["h", "a"]));
        b.answers.insert("3.3".into(), number("5.0"));
        let w = Workshop {
            respondents: vec![a, b],
            ..Workshop::default()
        };
        let (answers, _) = w.agreed();
        assert_eq!(answers.get("1.2"), Some(&keys(&["a", "h"])));
        assert_eq!(answers.get("3.3"), Some(&number("5")));
    }

    #[test]
    fn names_compare_by_their_folded_form() {
        for (x, y) in [
            ("Sato", "sato"),
            ("  Sato ", "Sato"),
            ("Ｓａｔｏ", "Sato"),
            ("佐藤　太郎", "佐藤 太郎"),
            ("Sato  Taro", "sato taro"),
            ("ｻﾄｳ", "サトウ"),
            ("ÉMILE", "émile"),
        ] {
            assert_eq!(name_key(x), name_key(y), "{x:?} vs {y:?}");
        }
        for (x, y) in [("Sato", "Satō"), ("佐藤", "佐東"), ("Sato", "Sato2")] {
            assert_ne!(name_key(x), name_key(y), "{x:?} vs {y:?}");
        }
        let w = Workshop {
            respondents: vec![
                respondent("Sato", &[]),
                respondent("Suzuki", &[]),
                respondent("ＳＡＴＯ ", &[]),
            ],
            ..Workshop::default()
        };
        assert_eq!(w.repeated_respondent(), Some((0, 2)));
        assert_eq!(Workshop::default().repeated_respondent(), None);
    }

    #[test]
    fn unknown_fields_in_a_workshop_are_refused_with_their_line() {
        let file = "{\"format\": \"csirt-assessment/1\", \"questionnaire\": \"q\",\n\
                    \"organisation\": {\"name\": \"O\"},\n\
                    \"workshop\": {\"respondents\": [{\"name\": \"A\", \"mood\": 1}]}}";
        let e = crate::assessment::parse(file.as_bytes())
            .expect_err("an unknown field must be refused")
            .to_string();
        assert!(
            e.contains("unknown field `mood`") && e.contains("line 3"),
            "{e}"
        );
    }
}
