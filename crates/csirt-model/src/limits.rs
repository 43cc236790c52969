//! The longest text the product accepts of each kind, and the checks that enforce it, so that
//! every text typed or imported fits in every export (an Excel cell holds 32,767 UTF-16 units).
//!
//! Limits count characters (Unicode scalar values, `str::chars`), which is what a user sees as
//! the length of a Latin or Japanese text. Excel and rust_xlsxwriter count UTF-16 code units, in
//! which a character outside the Basic Multilingual Plane (an emoji, a rare kanji) takes two.
//! Every limit here is therefore at most half of Excel's cell limit, less the one character the
//! CSV export may put before a text to neutralise a formula (`'`), so even a text made only of
//! such characters fits. The exports still cut a cell that would not fit (data stored before
//! these limits), with a visible marker and a warning; see `csirt-export`.

use crate::assessment::{Answer, Assessment, Organisation, StrictMap};
use crate::bi;
use crate::text::Text;

/// The cell limit of Excel and of rust_xlsxwriter, in UTF-16 code units.
pub const SPREADSHEET_CELL_MAX_UTF16: usize = 32_767;

/// The longest name (organisation, respondent) and short line (role, sector, size, form).
pub const NAME_MAX_CHARS: usize = 200;
/// The longest "other" free text of a choice.
pub const OTHER_MAX_CHARS: usize = 2_000;
/// The longest long text: a free-text answer, a comment, an evidence note, an agreement note,
/// the assessor's executive message.
pub const LONG_TEXT_MAX_CHARS: usize = 10_000;
/// The longest key finding, and the longest note on a gap ("why it matters here").
pub const FINDING_MAX_CHARS: usize = 2_000;
/// The most key findings an assessment may have.
pub const MAX_FINDINGS: usize = 50;

/// Each kind of text the product accepts from a user or a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    OrganisationName,
    /// The organisation's sector, size or CSIRT form.
    OrganisationDetail,
    RespondentName,
    RespondentRole,
    /// The answer of a free-text item.
    FreeTextAnswer,
    /// The free text of an "other" option.
    OtherText,
    Comment,
    Evidence,
    /// The facilitator's note on an agreed answer.
    AgreementNote,
    /// The assessor's executive message.
    ExecutiveMessage,
    /// One of the assessor's key findings.
    KeyFinding,
    /// The assessor's note on a gap ("why it matters here").
    GapNote,
    /// The report's confidentiality line (`--confidential`, the app's export screen).
    Confidentiality,
    /// The title of an action of the plan (one line; a recommendation fits).
    ActionTitle,
    /// Who owns an action (a name, one line).
    ActionOwner,
    /// A note on an action.
    ActionNote,
}

impl TextKind {
    pub const ALL: [TextKind; 16] = [
        TextKind::OrganisationName,
        TextKind::OrganisationDetail,
        TextKind::RespondentName,
        TextKind::RespondentRole,
        TextKind::FreeTextAnswer,
        TextKind::OtherText,
        TextKind::Comment,
        TextKind::Evidence,
        TextKind::AgreementNote,
        TextKind::ExecutiveMessage,
        TextKind::KeyFinding,
        TextKind::GapNote,
        TextKind::Confidentiality,
        TextKind::ActionTitle,
        TextKind::ActionOwner,
        TextKind::ActionNote,
    ];

    /// The most characters a text of this kind may have.
    pub const fn max_chars(self) -> usize {
        match self {
            TextKind::OrganisationName
            | TextKind::OrganisationDetail
            | TextKind::RespondentName
            | TextKind::RespondentRole
            | TextKind::Confidentiality
            | TextKind::ActionOwner => NAME_MAX_CHARS,
            TextKind::OtherText | TextKind::ActionTitle => OTHER_MAX_CHARS,
            TextKind::KeyFinding | TextKind::GapNote => FINDING_MAX_CHARS,
            TextKind::FreeTextAnswer
            | TextKind::Comment
            | TextKind::Evidence
            | TextKind::AgreementNote
            | TextKind::ExecutiveMessage
            | TextKind::ActionNote => LONG_TEXT_MAX_CHARS,
        }
    }

    /// Whether the text is one line (a name or a short field): no control characters at all.
    pub const fn is_single_line(self) -> bool {
        matches!(
            self,
            TextKind::OrganisationName
                | TextKind::OrganisationDetail
                | TextKind::RespondentName
                | TextKind::RespondentRole
                | TextKind::Confidentiality
                | TextKind::ActionTitle
                | TextKind::ActionOwner
        )
    }

    /// The field's name, for messages.
    pub fn label(self) -> Text {
        let (ja, en) = match self {
            TextKind::OrganisationName => ("組織名", "the organisation's name"),
            TextKind::OrganisationDetail => (
                "組織の情報（業種・規模・形態）",
                "the organisation's sector, size or form",
            ),
            TextKind::RespondentName => ("回答者の名前", "the respondent's name"),
            TextKind::RespondentRole => ("回答者の役割", "the respondent's role"),
            TextKind::FreeTextAnswer => ("自由記述の回答", "the free-text answer"),
            TextKind::OtherText => ("「その他」の自由記述", "the \"other\" text"),
            TextKind::Comment => ("コメント", "the comment"),
            TextKind::Evidence => ("根拠", "the evidence"),
            TextKind::AgreementNote => ("合意した回答のメモ", "the agreement note"),
            TextKind::ExecutiveMessage => ("経営層へのメッセージ", "the executive message"),
            TextKind::KeyFinding => ("主な所見", "the key finding"),
            TextKind::GapNote => (
                "ギャップの補足（この組織にとっての重要性）",
                "the note on the gap (why it matters here)",
            ),
            TextKind::Confidentiality => ("機密区分の表示", "the confidentiality line"),
            TextKind::ActionTitle => ("対策の名前", "the action's title"),
            TextKind::ActionOwner => ("対策の担当者", "the action's owner"),
            TextKind::ActionNote => ("対策のメモ", "the action's note"),
        };
        Text::new(ja, en)
    }
}

/// Checks the length of a text of `kind` (and, for one-line kinds, that it has no control
/// characters such as a newline or a tab).
pub fn check_text(kind: TextKind, text: &str) -> Result<(), Text> {
    let label = kind.label();
    let (lja, len) = (&label.ja, &label.en);
    if kind.is_single_line() {
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            let code = format!("U+{:04X}", u32::from(c));
            return Err(bi!(
                "{lja}に改行やタブなどの制御文字（{code}）は使えません",
                "{len} cannot contain a line break, tab or other control character ({code})"
            ));
        }
    }
    let (n, max) = (text.chars().count(), kind.max_chars());
    if n > max {
        return Err(bi!(
            "{lja}は {max} 文字までです（{n} 文字あります）",
            "{len} is limited to {max} characters ({n} given)"
        ));
    }
    Ok(())
}

/// Checks a name (organisation or respondent) and returns it trimmed: it must not be empty,
/// hold control characters or be longer than its limit.
pub fn check_name(kind: TextKind, name: &str) -> Result<String, Text> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(match kind {
            TextKind::OrganisationName => {
                bi!("組織には名前が必要です", "the organisation needs a name")
            }
            TextKind::RespondentName => {
                bi!("回答者には名前が必要です", "a respondent needs a name")
            }
            TextKind::ActionTitle => {
                bi!("対策には名前が必要です", "an action needs a title")
            }
            TextKind::ActionOwner => {
                bi!("対策には担当者が必要です", "an action needs an owner")
            }
            other => {
                let label = other.label();
                let (lja, len) = (&label.ja, &label.en);
                bi!("{lja}が空です", "{len} is empty")
            }
        });
    }
    check_text(kind, trimmed)?;
    Ok(trimmed.to_string())
}

/// Checks an optional text; `None` and the empty text always pass.
pub fn check_optional(kind: TextKind, text: Option<&str>) -> Result<(), Text> {
    text.map_or(Ok(()), |t| check_text(kind, t))
}

/// Checks an organisation's name and details.
pub fn check_organisation(org: &Organisation) -> Result<(), Text> {
    check_name(TextKind::OrganisationName, &org.name)?;
    for detail in [&org.sector, &org.size, &org.csirt_form] {
        check_optional(TextKind::OrganisationDetail, detail.as_deref())?;
    }
    Ok(())
}

/// Checks a respondent's name and role; returns the name trimmed.
pub fn check_respondent(name: &str, role: Option<&str>) -> Result<String, Text> {
    let name = check_name(TextKind::RespondentName, name)?;
    check_optional(TextKind::RespondentRole, role)?;
    Ok(name)
}

/// Checks the texts saved with one answer: a free-text answer and its "other" text.
pub fn check_answer_texts(answer: &Answer, other: Option<&str>) -> Result<(), Text> {
    if let Answer::Text(s) = answer {
        check_text(TextKind::FreeTextAnswer, s)?;
    }
    check_optional(TextKind::OtherText, other)
}

/// Checks the comment and evidence note of one item.
pub fn check_note(comment: Option<&str>, evidence: Option<&str>) -> Result<(), Text> {
    check_optional(TextKind::Comment, comment)?;
    check_optional(TextKind::Evidence, evidence)
}

/// Checks the texts saved with an agreed answer: the answer, its "other" text and the note.
pub fn check_consensus_texts(
    answer: Option<&Answer>,
    other: Option<&str>,
    note: Option<&str>,
) -> Result<(), Text> {
    if let Some(a) = answer {
        check_answer_texts(a, other)?;
    }
    check_optional(TextKind::AgreementNote, note)
}

fn prefixed(whose: &Text, message: Text) -> Text {
    Text::new(
        format!("{}{}", whose.ja, message.ja),
        format!("{}{}", whose.en, message.en),
    )
}

fn check_map<V>(
    map: &StrictMap<V>,
    whose: &Text,
    check: impl Fn(&V) -> Result<(), Text>,
    push: &mut impl FnMut(Option<&str>, Text),
) {
    for (id, v) in map.iter() {
        if let Err(m) = check(v) {
            push(Some(id), prefixed(whose, m));
        }
    }
}

fn answer_text(a: &Answer) -> Result<(), Text> {
    check_answer_texts(a, None)
}

/// Checks the length of every text of an assessment file, the workshop's included, and the
/// organisation's details (the names are checked where the validator reads them). Reports every
/// problem through `push`, naming the item.
pub fn check_assessment(a: &Assessment, push: &mut impl FnMut(Option<&str>, Text)) {
    let own = Text::default();
    for detail in [
        &a.organisation.sector,
        &a.organisation.size,
        &a.organisation.csirt_form,
    ] {
        if let Err(m) = check_optional(TextKind::OrganisationDetail, detail.as_deref()) {
            push(None, m);
        }
    }
    check_map(&a.answers, &own, answer_text, push);
    let text = |kind| move |s: &String| check_text(kind, s);
    check_map(&a.other, &own, text(TextKind::OtherText), push);
    check_map(&a.comments, &own, text(TextKind::Comment), push);
    check_map(&a.evidence, &own, text(TextKind::Evidence), push);
    let Some(w) = &a.workshop else {
        return;
    };
    let facilitator = Text::new("ワークショップ・進行役: ", "workshop, facilitator: ");
    check_map(&w.facilitator_answers, &facilitator, answer_text, push);
    check_map(
        &w.facilitator_other,
        &facilitator,
        text(TextKind::OtherText),
        push,
    );
    for (i, r) in w.respondents.iter().enumerate() {
        let (n, name) = (i + 1, &r.name);
        let whose = bi!(
            "ワークショップ・回答者 {n}（{name:?}）: ",
            "workshop, respondent {n} ({name:?}): "
        );
        if let Err(m) = check_optional(TextKind::RespondentRole, r.role.as_deref()) {
            push(None, prefixed(&whose, m));
        }
        check_map(&r.answers, &whose, answer_text, push);
        check_map(&r.other, &whose, text(TextKind::OtherText), push);
        check_map(&r.comments, &whose, text(TextKind::Comment), push);
        check_map(&r.evidence, &whose, text(TextKind::Evidence), push);
    }
    let agreed = Text::new(
        "ワークショップ・合意した回答: ",
        "workshop, agreed answer: ",
    );
    check_map(
        &w.consensus,
        &agreed,
        |c| check_consensus_texts(Some(&c.answer), c.other.as_deref(), c.note.as_deref()),
        push,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    /// Every limit fits an Excel cell even when every character takes two UTF-16 units and the
    /// CSV export puts its one-character neutralising prefix before it.
    #[test]
    fn every_limit_fits_an_excel_cell_in_the_worst_case() {
        for kind in TextKind::ALL {
            let worst = "😀".repeat(kind.max_chars());
            assert!(check_text(kind, &worst).is_ok(), "{kind:?}");
            let units = 1 + worst.encode_utf16().count();
            assert!(units <= SPREADSHEET_CELL_MAX_UTF16, "{kind:?}: {units}");
        }
    }

    #[test]
    fn one_character_over_the_limit_is_refused_naming_the_field_and_the_limit() {
        for kind in TextKind::ALL {
            let max = kind.max_chars();
            assert!(check_text(kind, &"あ".repeat(max)).is_ok());
            let e = check_text(kind, &"あ".repeat(max + 1)).unwrap_err();
            let label = kind.label();
            assert!(
                e.ja.contains(&label.ja) && e.ja.contains(&max.to_string()),
                "{e:?}"
            );
            assert!(
                e.en.contains(&label.en) && e.en.contains(&max.to_string()),
                "{e:?}"
            );
            assert_ne!(e.get(Lang::Ja), e.get(Lang::En));
        }
    }

    #[test]
    fn names_are_trimmed_and_refuse_empty_control_characters_and_length() {
        for kind in [TextKind::OrganisationName, TextKind::RespondentName] {
            assert_eq!(check_name(kind, "  CSIRT 東京 ").unwrap(), "CSIRT 東京");
            for bad in [
                "", "   ", "\u{3000}", "a\nb", "a\tb", "a\rb", "a\u{7}b", "a\u{85}b",
            ] {
                assert!(check_name(kind, bad).is_err(), "{kind:?} {bad:?}");
            }
            assert!(check_name(kind, &"x".repeat(NAME_MAX_CHARS)).is_ok());
            assert!(check_name(kind, &"x".repeat(NAME_MAX_CHARS + 1)).is_err());
        }
        // A long text may have line breaks; a role may not.
        assert!(check_text(TextKind::Comment, "one\ntwo\tthree").is_ok());
        assert!(check_respondent("Ann", Some("lead\nanalyst")).is_err());
    }

    #[test]
    fn the_whole_file_is_checked_with_the_item_named() {
        let mut a = crate::demo::demo_assessment(Lang::En);
        let mut problems = Vec::new();
        check_assessment(&a, &mut |item, m| {
            problems.push((item.map(str::to_string), m))
        });
        assert!(problems.is_empty(), "{problems:?}");
        let long = "x".repeat(LONG_TEXT_MAX_CHARS + 1);
        a.comments.insert("4.1".into(), long.clone());
        a.evidence.insert("2.8".into(), long.clone());
        a.organisation.sector = Some("s".repeat(NAME_MAX_CHARS + 1));
        let mut w = crate::workshop::Workshop::default();
        w.consensus.insert(
            "4.10".into(),
            crate::workshop::Consensus {
                answer: Answer::Text("a".into()),
                other: None,
                note: Some(long),
            },
        );
        a.workshop = Some(w);
        check_assessment(&a, &mut |item, m| {
            problems.push((item.map(str::to_string), m))
        });
        let items: Vec<Option<&str>> = problems.iter().map(|(i, _)| i.as_deref()).collect();
        assert_eq!(items, [None, Some("4.1"), Some("2.8"), Some("4.10")]);
        assert!(problems[3]
            .1
            .en
            .starts_with("workshop, agreed answer: the agreement note"));
    }
}
