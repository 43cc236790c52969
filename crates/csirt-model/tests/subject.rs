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

/// The PSIRT questionnaire's six set-up items keep jpcert-2015's ids and numbers but speak of a
/// PSIRT: no name or guidance calls the team assessed a CSIRT (the existing CSIRT it builds on
/// may be named), and the 2015 survey's figures about CSIRTs are not quoted.
#[test]
fn the_psirt_set_up_items_speak_of_a_psirt_without_the_csirt_survey() {
    let psirt = builtin_set("psirt").unwrap();
    let jpcert = builtin_set("jpcert-2015").unwrap();
    let ids = |s: &csirt_model::QuestionnaireSet| {
        s.questionnaire
            .setup_items
            .iter()
            .map(|i| (i.id.clone(), i.number))
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&psirt), ids(&jpcert));
    for s in &psirt.questionnaire.setup_items {
        for name in [&s.name.ja, &s.name.en] {
            assert!(!name.contains("CSIRT"), "{}: {name}", s.id);
        }
        for text in [&s.guidance.ja, &s.guidance.en] {
            let rest = [
                "既存の CSIRT",
                "existing CSIRT",
                "CSIRT と PSIRT",
                "CSIRT and PSIRT",
                "日本シーサート協議会",
                "Nippon CSIRT Association",
            ]
            .iter()
            .fold(text.to_string(), |t, ok| t.replace(ok, ""));
            assert!(!rest.contains("CSIRT"), "{}: {text}", s.id);
            for survey in ["%", "アンケート", "survey", "約半数", "about half"] {
                assert!(!text.contains(survey), "{}: {survey} in {text}", s.id);
            }
        }
    }
}
