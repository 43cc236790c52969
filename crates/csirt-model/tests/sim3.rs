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

/// SIM3's parameters in the current (v2) numbering: O-1…O-11, H-1…H-7, T-1…T-10, P-1…P-17.
fn sim3_ids() -> Vec<String> {
    [("O", 11), ("H", 7), ("T", 10), ("P", 17)]
        .iter()
        .flat_map(|&(c, n)| (1..=n).map(move |i| format!("{c}-{i}")))
        .collect()
}

fn builtin(id: &str) -> std::sync::Arc<csirt_model::Questionnaire> {
    csirt_model::load::builtin_set(id).unwrap().questionnaire
}

#[test]
fn sim3_has_the_45_parameters_in_order() {
    let q = builtin("sim3");
    let ids: Vec<&str> = q.items.iter().map(|i| i.id.as_str()).collect();
    let want = sim3_ids();
    assert_eq!(want.len(), 45);
    assert_eq!(ids, want.iter().map(String::as_str).collect::<Vec<_>>());
}

#[test]
fn every_sim3_parameter_is_a_scored_scale_item_in_both_languages() {
    let q = builtin("sim3");
    let complete = |t: &csirt_model::Text| !t.ja.trim().is_empty() && !t.en.trim().is_empty();
    for it in &q.items {
        let id = &it.id;
        assert!(
            matches!(it.kind, csirt_model::ItemKind::Scale { .. }),
            "{id}"
        );
        assert!(it.scored, "{id} is not scored");
        assert!(complete(&it.text), "{id}: text");
        assert!(
            it.recommendation.as_ref().is_some_and(complete),
            "{id}: recommendation"
        );
        assert!(it.action.as_ref().is_some_and(complete), "{id}: action");
        assert_eq!(it.sim3, vec![id.clone()], "{id} maps to itself");
        // Its section and radar area are its SIM3 category.
        let category = id.split('-').next().unwrap();
        assert_eq!(it.section, category, "{id}: section");
        let area = match category {
            "O" => "organisation",
            "H" => "human",
            "T" => "tools",
            _ => "processes",
        };
        assert_eq!(it.area, area, "{id}: area");
        // The Japanese and English are not the same words (a copy left untranslated).
        for t in [
            Some(&it.text),
            it.recommendation.as_ref(),
            it.action.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            assert_ne!(t.ja, t.en, "{id}");
        }
    }
    assert_eq!(
        q.areas.iter().map(|a| a.id.as_str()).collect::<Vec<_>>(),
        ["organisation", "human", "tools", "processes"]
    );
}

#[test]
fn the_sim3_scale_has_the_five_levels_0_to_4() {
    let q = builtin("sim3");
    let it = q.item("O-1").unwrap();
    let mut levels: Vec<(String, Option<u32>)> = it
        .options()
        .iter()
        .map(|o| (o.key.clone(), o.level))
        .collect();
    levels.sort();
    let want: Vec<(String, Option<u32>)> = (0..=4).map(|l| (l.to_string(), Some(l))).collect();
    assert_eq!(levels, want);
}

#[test]
fn every_sim3_ref_of_jpcert_2015_is_a_sim3_item() {
    let sim3 = builtin("sim3");
    let jpcert = builtin("jpcert-2015");
    let mut refs = 0;
    for it in &jpcert.items {
        for p in &it.sim3 {
            refs += 1;
            assert!(
                sim3.item(p).is_some(),
                "jpcert-2015 item {} refers to {p}, which is not an item of sim3",
                it.id
            );
        }
    }
    assert!(
        refs > 20,
        "jpcert-2015 should carry its SIM3 references ({refs})"
    );
}

#[test]
fn the_sim3_set_up_items_are_jpcert_2015s_and_each_has_parameters() {
    let sim3 = builtin("sim3");
    let jpcert = builtin("jpcert-2015");
    let ids = |q: &csirt_model::Questionnaire| {
        q.setup_items
            .iter()
            .map(|s| s.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&sim3), ids(&jpcert));
    for s in &sim3.setup_items {
        assert!(
            sim3.items.iter().any(|i| i.setup.contains(&s.id)),
            "no SIM3 parameter maps to set-up item {}",
            s.id
        );
    }
}
