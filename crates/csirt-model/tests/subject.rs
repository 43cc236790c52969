//! The questionnaire's optional `subject` (the kind of team assessed, named in the report's
//! title): its default, its validation and the built-ins' values.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::load::builtin_set;
use csirt_model::{compile_texts, ModelError};

/// A one-item questionnaire with `subject_line` after its source.
fn with_subject(subject_line: &str) -> String {
    format!(
        r#"format = "csirt-questionnaire/1"
id = "t"
version = "1"
title = {{ ja = "試験", en = "Test" }}
source = {{ ja = "試験", en = "Test" }}
{subject_line}

[[scales]]
id = "s"
name = {{ ja = "段階", en = "Levels" }}
options = [
  {{ key = "1", level = 1, ja = "あり", en = "yes" }},
  {{ key = "0", level = 0, ja = "なし", en = "no" }},
]

[[areas]]
id = "a"
name = {{ ja = "領域", en = "Area" }}

[[sections]]
id = "S"
title = {{ ja = "章", en = "Section" }}

[[items]]
id = "O-1"
section = "S"
type = "scale"
scale = "s"
text = {{ ja = "任務", en = "Mandate" }}
area = "a"
recommendation = {{ ja = "定めてください。", en = "Set it." }}
"#
    )
}

#[test]
fn a_questionnaire_without_a_subject_assesses_a_csirt() {
    let set = compile_texts("t", &with_subject(""), None).unwrap();
    let s = &set.questionnaire.subject;
    assert_eq!((s.ja.as_str(), s.en.as_str()), ("CSIRT", "CSIRT"));
}

#[test]
fn a_subject_in_both_languages_is_kept() {
    let set = compile_texts(
        "t",
        &with_subject(
            r#"subject = { ja = "製品セキュリティ チーム", en = "Product security team" }"#,
        ),
        None,
    )
    .unwrap();
    let s = &set.questionnaire.subject;
    assert_eq!(
        (s.ja.as_str(), s.en.as_str()),
        ("製品セキュリティ チーム", "Product security team")
    );
}

#[test]
fn a_subject_missing_a_language_is_refused_in_both_languages() {
    for line in [
        r#"subject = { ja = "PSIRT", en = "" }"#,
        r#"subject = { ja = " ", en = "PSIRT" }"#,
    ] {
        let e = compile_texts("t", &with_subject(line), None).unwrap_err();
        let ModelError::Invalid(p) = &e else {
            panic!("expected located problems, got {e}");
        };
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].message.en.contains("subject needs both ja and en"),
            "{p:?}"
        );
        assert!(
            p[0].message.ja.contains("subject には ja と en の両方"),
            "{p:?}"
        );
    }
}

#[test]
fn a_subject_of_the_wrong_shape_is_refused() {
    let e = compile_texts("t", &with_subject(r#"subject = "PSIRT""#), None).unwrap_err();
    // Refused where it stands (line 6), not ignored.
    assert!(e.to_string().contains("questionnaire.toml:6:"), "{e}");
}

#[test]
fn the_psirt_questionnaire_assesses_a_psirt_and_the_others_a_csirt() {
    for (id, subject) in [
        ("psirt", "PSIRT"),
        ("jpcert-2015", "CSIRT"),
        ("sim3", "CSIRT"),
        ("csirt-roles", "CSIRT"),
    ] {
        let set = builtin_set(id).unwrap();
        let s = &set.questionnaire.subject;
        assert_eq!((id, s.ja.as_str(), s.en.as_str()), (id, subject, subject));
    }
}
