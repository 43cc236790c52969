//! The `[[roles]]` table of questionnaire.toml: the built-in roles questionnaire loads with a
//! role per coverage item, and every kind of bad role is refused with its line, in both
//! languages, while unknown fields are refused by the first phase.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::load::builtin_set;
use csirt_model::{compile_texts, Lang, Localized};

const BASE: &str = r#"
format = "csirt-questionnaire/1"
id = "roles-test"
version = "1"
title = { ja = "役割", en = "Roles" }
source = { ja = "テスト", en = "Test" }

[[areas]]
id = "a"
name = { ja = "領域", en = "Area" }

[[sections]]
id = "1"
title = { ja = "節", en = "Section" }

[[items]]
id = "1.1"
section = "1"
type = "single"
text = { ja = "誰が担いますか", en = "Who covers it?" }
area = "a"
options = [
  { key = "in-house", level = 2, ja = "自組織", en = "Own staff" },
  { key = "vendor", level = 1, ja = "ベンダー", en = "Vendor" },
  { key = "both", level = 2, ja = "両方", en = "Both" },
  { key = "none", level = 0, ja = "なし", en = "Nobody" },
]
recommendation = { ja = "任命してください。", en = "Appoint someone." }

[[items]]
id = "1.2"
section = "1"
type = "number"
text = { ja = "人数", en = "Head count" }
area = "a"
unit = { ja = "人", en = "people" }
"#;

const ROLE: &str = r#"
[[roles]]
id = "commander"
name = { ja = "コマンダー", en = "Commander" }
source = "002"
coverage = "1.1"
headcount = "1.2"
"#;

fn problems(text: &str, lang: Lang) -> String {
    match compile_texts("roles-test", text, None) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(e) => e.localized(lang),
    }
}

#[test]
fn a_valid_role_compiles() {
    let set = compile_texts("roles-test", &format!("{BASE}{ROLE}"), None).unwrap();
    let q = &set.questionnaire;
    assert_eq!(q.roles.len(), 1);
    assert_eq!(q.role_of("1.2").map(|r| r.id.as_str()), Some("commander"));
    assert!(compile_texts("roles-test", BASE, None)
        .unwrap()
        .questionnaire
        .roles
        .is_empty());
}

#[test]
fn the_built_in_roles_questionnaire_has_its_fourteen_roles() {
    let q = builtin_set("csirt-roles").unwrap().questionnaire;
    assert_eq!(q.roles.len(), 14);
    for r in &q.roles {
        assert!(q.item(&r.coverage).is_some_and(|i| i.scored));
        assert!(!r.source.is_empty());
    }
}

#[test]
fn unknown_fields_in_a_role_are_refused() {
    let text = format!("{BASE}{ROLE}vendor_fits = true\n");
    let en = problems(&text, Lang::En);
    assert!(en.contains("vendor_fits"), "{en}");
}

#[test]
fn bad_roles_are_refused_with_their_line_in_both_languages() {
    let cases: [(&str, &str, &str, &str); 5] = [
        (
            "coverage = \"1.1\"",
            "coverage = \"9.9\"",
            "unknown item \"9.9\"",
            "項目 \"9.9\" はありません",
        ),
        (
            "coverage = \"1.1\"",
            "coverage = \"1.2\"",
            "scored single-choice",
            "単一選択",
        ),
        (
            "headcount = \"1.2\"",
            "headcount = \"1.1\"",
            "must be a number item",
            "数の項目",
        ),
        (
            "{ key = \"vendor\", level = 1,",
            "{ key = \"outsourced\", level = 1,",
            "exactly in-house, vendor, both, none",
            "四つ",
        ),
        (
            "{ key = \"none\", level = 0,",
            "{ key = \"none\", level = 1,",
            "level 0",
            "level は 0",
        ),
    ];
    for (from, to, en_part, ja_part) in cases {
        let text = format!("{BASE}{ROLE}").replacen(from, to, 1);
        let en = problems(&text, Lang::En);
        let ja = problems(&text, Lang::Ja);
        assert!(en.contains(en_part), "{to}: {en}");
        assert!(ja.contains(ja_part), "{to}: {ja}");
        assert!(en.contains("roles-test/questionnaire.toml"), "{en}");
    }
    // Two roles on one item, and a role id used twice.
    let twice = format!("{BASE}{ROLE}{ROLE}");
    let en = problems(&twice, Lang::En);
    assert!(
        en.contains("used twice") && en.contains("another role"),
        "{en}"
    );
}
