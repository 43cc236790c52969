//! The built-in SIM3 questionnaire against the SIM3 numbering and jpcert-2015's SIM3 references,
//! and the optional `former` name of an item (its name in the source model's earlier version).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::{compile_texts, ModelError};

/// A one-item questionnaire whose item carries `extra` lines.
fn one_item(extra: &str) -> String {
    format!(
        r#"format = "csirt-questionnaire/1"
id = "t"
version = "1"
title = {{ ja = "試験", en = "Test" }}
source = {{ ja = "試験", en = "Test" }}

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
{extra}
"#
    )
}

fn problems(e: &ModelError) -> Vec<(usize, String, String)> {
    match e {
        ModelError::Invalid(p) => p
            .iter()
            .map(|p| (p.line, p.message.ja.clone(), p.message.en.clone()))
            .collect(),
        other => panic!("expected located problems, got {other}"),
    }
}

#[test]
fn a_former_name_in_both_languages_is_kept_and_serialised() {
    let set = compile_texts(
        "t",
        &one_item(r#"former = { ja = "旧名", en = "Old name" }"#),
        None,
    )
    .unwrap();
    let item = set.questionnaire.item("O-1").unwrap();
    let former = item.former.as_ref().unwrap();
    assert_eq!(
        (former.ja.as_str(), former.en.as_str()),
        ("旧名", "Old name")
    );
    let json = serde_json::to_value(item).unwrap();
    assert_eq!(json["former"]["en"], "Old name");
}

#[test]
fn no_former_name_is_left_out_of_the_json() {
    let set = compile_texts("t", &one_item(""), None).unwrap();
    let item = set.questionnaire.item("O-1").unwrap();
    assert!(item.former.is_none());
    let json = serde_json::to_value(item).unwrap();
    assert!(json.get("former").is_none(), "{json}");
}

#[test]
fn a_former_name_missing_a_language_is_refused_with_its_line() {
    for former in [
        r#"former = { ja = "旧名", en = "" }"#,
        r#"former = { ja = " ", en = "Old name" }"#,
    ] {
        let e = compile_texts("t", &one_item(former), None).unwrap_err();
        let p = problems(&e);
        assert_eq!(p.len(), 1, "{p:?}");
        let (line, ja, en) = &p[0];
        assert!(*line > 0);
        assert!(en.contains("former needs both ja and en"), "{en}");
        assert!(ja.contains("former には ja と en の両方が必要です"), "{ja}");
    }
}
