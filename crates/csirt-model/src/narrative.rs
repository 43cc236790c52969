//! The assessor's own words on an assessment: an executive message, key findings and a note on
//! any gap ("why it matters here"). They travel in the interchange file as `narrative` and appear
//! in the reports marked as the assessor's text, never as the survey's.

use crate::assessment::StrictMap;
use crate::bi;
use crate::limits::{check_text, TextKind, MAX_FINDINGS};
use crate::questionnaire::Questionnaire;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// What the assessor wrote. Every part is optional; an empty narrative is not written to files.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Narrative {
    /// The executive message: a few paragraphs, separated by blank lines.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    /// Key findings, one sentence or short paragraph each, in the assessor's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<String>,
    /// "Why it matters here", by item id of a gap.
    #[serde(default, skip_serializing_if = "StrictMap::is_empty")]
    pub gap_notes: StrictMap<String>,
}

impl Narrative {
    /// True when the assessor wrote nothing (blank text counts as nothing).
    pub fn is_empty(&self) -> bool {
        self.message.trim().is_empty()
            && self.findings.iter().all(|f| f.trim().is_empty())
            && self.gap_notes.iter().all(|(_, n)| n.trim().is_empty())
    }

    /// The message's paragraphs: split on blank lines (a line of only spaces counts, and so do
    /// Windows line ends), trimmed, empty ones dropped.
    pub fn paragraphs(&self) -> Vec<&str> {
        let text = self.message.as_str();
        let mut out = Vec::new();
        let (mut start, mut at) = (0, 0);
        for line in text.split_inclusive('\n') {
            if line.trim().is_empty() {
                out.push(text[start..at].trim());
                start = at + line.len();
            }
            at += line.len();
        }
        out.push(text[start..].trim());
        out.retain(|p| !p.is_empty());
        out
    }

    /// The note on one gap, when the assessor wrote one.
    pub fn gap_note(&self, item: &str) -> Option<&str> {
        self.gap_notes
            .get(item)
            .map(String::as_str)
            .filter(|n| !n.trim().is_empty())
    }
}

/// Checks the executive message: at most [`crate::limits::LONG_TEXT_MAX_CHARS`] characters.
pub fn check_message(message: &str) -> Result<(), Text> {
    check_text(TextKind::ExecutiveMessage, message)
}

/// Checks one key finding (its 1-based position `n` named in the message): at most
/// [`crate::limits::FINDING_MAX_CHARS`] characters.
pub fn check_finding(n: usize, finding: &str) -> Result<(), Text> {
    check_text(TextKind::KeyFinding, finding).map_err(|m| {
        let (ja, en) = (&m.ja, &m.en);
        bi!("主な所見 {n}: {ja}", "key finding {n}: {en}")
    })
}

/// Checks how many key findings there are: at most [`MAX_FINDINGS`].
pub fn check_finding_count(count: usize) -> Result<(), Text> {
    if count > MAX_FINDINGS {
        return Err(bi!(
            "主な所見は {MAX_FINDINGS} 件までです（{count} 件あります）",
            "at most {MAX_FINDINGS} key findings are allowed ({count} given)"
        ));
    }
    Ok(())
}

/// Checks a whole list of key findings: their number, then each one.
pub fn check_findings(findings: &[String]) -> Result<(), Text> {
    check_finding_count(findings.len())?;
    for (i, f) in findings.iter().enumerate() {
        check_finding(i + 1, f)?;
    }
    Ok(())
}

/// Checks a note on a gap: the item must be a scored item of `q` (only those have gaps), and the
/// note at most [`crate::limits::FINDING_MAX_CHARS`] characters. The caller names the item.
pub fn check_gap_note(q: &Questionnaire, item_id: &str, note: &str) -> Result<(), Text> {
    let (qid, version) = (&q.id, &q.version);
    let Some(item) = q.item(item_id) else {
        return Err(bi!(
            "ギャップの補足ですが、質問票 {qid} {version} にこの項目はありません",
            "a note on a gap, but questionnaire {qid} {version} has no such item"
        ));
    };
    if !item.scored {
        return Err(bi!(
            "ギャップの補足ですが、この項目は採点されないのでギャップになりません",
            "a note on a gap, but this item is not scored, so it is never a gap"
        ));
    }
    check_text(TextKind::GapNote, note)
}

/// Checks a whole narrative against the assessment's questionnaire, reporting every problem
/// through `push` (with the item for a gap note).
pub fn check(n: &Narrative, q: &Questionnaire, push: &mut impl FnMut(Option<&str>, Text)) {
    if let Err(m) = check_message(&n.message) {
        push(None, m);
    }
    if let Err(m) = check_finding_count(n.findings.len()) {
        push(None, m);
    }
    for (i, f) in n.findings.iter().enumerate() {
        if let Err(m) = check_finding(i + 1, f) {
            push(None, m);
        }
    }
    for (item, note) in n.gap_notes.iter() {
        if let Err(m) = check_gap_note(q, item, note) {
            push(Some(item), m);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::limits::{FINDING_MAX_CHARS, LONG_TEXT_MAX_CHARS};
    use crate::text::Lang;

    fn q() -> std::sync::Arc<Questionnaire> {
        crate::load::builtin()
            .expect("the built-in questionnaire loads")
            .questionnaire
            .clone()
    }

    fn problems(n: &Narrative) -> Vec<(Option<String>, Text)> {
        let mut out = Vec::new();
        check(n, &q(), &mut |item, m| {
            out.push((item.map(str::to_string), m))
        });
        out
    }

    #[test]
    fn a_narrative_at_its_limits_passes() {
        let mut n = Narrative {
            message: "あ".repeat(LONG_TEXT_MAX_CHARS),
            findings: vec!["所".repeat(FINDING_MAX_CHARS); MAX_FINDINGS],
            gap_notes: StrictMap::default(),
        };
        n.gap_notes
            .insert("4.3".into(), "法".repeat(FINDING_MAX_CHARS));
        assert!(problems(&n).is_empty(), "{:?}", problems(&n));
    }

    #[test]
    fn every_limit_and_unknown_item_is_named_in_both_languages() {
        let mut n = Narrative {
            message: "x".repeat(LONG_TEXT_MAX_CHARS + 1),
            findings: vec!["ok".into(); MAX_FINDINGS + 1],
            gap_notes: StrictMap::default(),
        };
        n.findings[2] = "y".repeat(FINDING_MAX_CHARS + 1);
        n.gap_notes.insert("9.99".into(), "why".into());
        n.gap_notes
            .insert("4.3".into(), "z".repeat(FINDING_MAX_CHARS + 1));
        let p = problems(&n);
        let items: Vec<Option<&str>> = p.iter().map(|(i, _)| i.as_deref()).collect();
        assert_eq!(
            items,
            [None, None, None, Some("9.99"), Some("4.3")],
            "{p:?}"
        );
        assert!(p[0].1.en.contains("executive message") && p[0].1.en.contains("10000"));
        assert!(p[0].1.ja.contains("経営層へのメッセージ"));
        assert!(p[1].1.en.contains("50 key findings") && p[1].1.ja.contains("51 件"));
        assert!(p[2].1.en.starts_with("key finding 3: ") && p[2].1.ja.starts_with("主な所見 3: "));
        assert!(p[3].1.en.contains("no such item") && p[3].1.ja.contains("この項目はありません"));
        assert!(p[4].1.en.contains("2000"));
        for (_, m) in &p {
            assert_ne!(m.get(Lang::Ja), m.get(Lang::En));
        }
    }

    #[test]
    fn a_note_on_an_item_that_is_not_scored_is_refused() {
        let q = q();
        let unscored = q
            .items
            .iter()
            .find(|i| !i.scored)
            .expect("the questionnaire has unscored items");
        assert!(check_gap_note(&q, &unscored.id, "note").is_err());
        assert!(check_gap_note(&q, "4.3", "note").is_ok());
    }

    #[test]
    fn blank_parts_make_an_empty_narrative() {
        let mut n = Narrative::default();
        assert!(n.is_empty());
        n.findings.push("  ".into());
        n.gap_notes.insert("4.3".into(), "\n".into());
        assert!(n.is_empty());
        n.message = "Act now.\n\n  Second.  ".into();
        assert!(!n.is_empty());
        assert_eq!(n.paragraphs(), ["Act now.", "Second."]);
        n.message = "\r\nOne\r\nline two\r\n \r\n\r\n第二段落。\n\t\n".into();
        assert_eq!(n.paragraphs(), ["One\r\nline two", "第二段落。"]);
        n.message = "only one".into();
        assert_eq!(n.paragraphs(), ["only one"]);
    }
}
