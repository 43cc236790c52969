//! One organisation assessed with several questionnaires, and with two versions of one: the
//! trend and the history never mix questionnaires, compare only the items two versions share
//! (and say so), and the organisation's list keeps working when a questionnaire is removed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::{demo, Answer, Catalog, Lang, Organisation};
use csirt_store::Store;
use csirt_usecase::view;
use std::path::Path;

/// A small questionnaire `ours` of `version` with scale items `items` (each "low"/"high").
fn questionnaire(version: &str, items: &[&str]) -> String {
    let mut s = format!(
        r#"format = "csirt-questionnaire/1"
id = "ours"
version = "{version}"
title = {{ ja = "自前の質問票", en = "Our questionnaire" }}
source = {{ ja = "テスト", en = "Test" }}

[[scales]]
id = "two"
name = {{ ja = "二段階", en = "Two levels" }}
options = [
  {{ key = "high", level = 1, ja = "高い", en = "High" }},
  {{ key = "low", level = 0, ja = "低い", en = "Low" }},
]

[[areas]]
id = "all"
name = {{ ja = "全体", en = "All" }}

[[sections]]
id = "1"
title = {{ ja = "全体", en = "All" }}
"#
    );
    for id in items {
        s.push_str(&format!(
            r#"
[[items]]
id = "{id}"
section = "1"
type = "scale"
scale = "two"
text = {{ ja = "設問 {id}", en = "Item {id}" }}
area = "all"
recommendation = {{ ja = "整えてください", en = "Put it in place" }}
"#
        ));
    }
    s
}

/// A catalog of the built-in questionnaires and `ours` as given.
fn catalog_with(root: &Path, text: Option<&str>) -> Catalog {
    let dir = root.join("ours");
    let _ = std::fs::remove_dir_all(&dir);
    if let Some(text) = text {
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("questionnaire.toml"), text).unwrap();
    }
    let (catalog, failures) = Catalog::load(Some(root)).unwrap();
    assert!(failures.is_empty(), "{failures:?}");
    catalog
}

fn org() -> Organisation {
    Organisation {
        name: "Several K.K.".into(),
        sector: None,
        size: None,
        csirt_form: None,
    }
}

#[test]
fn the_trend_never_mixes_questionnaires_and_names_differing_versions() {
    let dir = tempfile::tempdir().unwrap();
    let qs = dir.path().join("qs");
    let v1 = catalog_with(&qs, Some(&questionnaire("1", &["1", "2", "3"])));
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let ours = v1.get("ours").unwrap().questionnaire.clone();
    let o = store.add_organisation(&org()).unwrap();
    let save = |store: &mut Store, q: &csirt_model::Questionnaire, id, item: &str, key: &str| {
        store
            .save_answer(q, id, None, item, &Answer::Text(key.into()), None)
            .unwrap();
    };
    // Version 1, in 2026: every item low.
    let first = store
        .create_assessment(o, &ours, Some("2026-01-10"), Lang::En)
        .unwrap();
    for item in ["1", "2", "3"] {
        save(&mut store, &ours, first, item, "low");
    }
    // A jpcert-2015 assessment of the same organisation in between: never compared with ours.
    let jpcert = v1.get("jpcert-2015").unwrap().questionnaire.clone();
    let other = store
        .create_assessment(o, &jpcert, Some("2026-06-01"), Lang::En)
        .unwrap();
    save(&mut store, &jpcert, other, "2.8", "a");

    // Version 2 drops item 3 and adds item 4; in 2027 everything is high.
    let v2 = catalog_with(&qs, Some(&questionnaire("2", &["1", "2", "4"])));
    let ours2 = v2.get("ours").unwrap().questionnaire.clone();
    let second = store
        .create_assessment(o, &ours2, Some("2027-01-10"), Lang::En)
        .unwrap();
    for item in ["1", "2", "4"] {
        save(&mut store, &ours2, second, item, "high");
    }

    // The history of one questionnaire holds only its assessments.
    let history = store.history(&v2, o, "ours", None).unwrap();
    assert_eq!(history.len(), 2);
    assert!(history.iter().all(|a| a.questionnaire == "ours"));
    assert_eq!(store.history(&v2, o, "jpcert-2015", None).unwrap().len(), 1);

    // The trend (of the latest assessment's questionnaire): two points, items 1 and 2 compared,
    // 3 and 4 (each in one version only) not, and the versions named in both languages.
    let trend = view::trend(&store, &v2, o, None, None).unwrap();
    assert_eq!(trend.points.len(), 2, "{trend:?}");
    let improved: Vec<&str> = trend.improved.iter().map(|c| c.item.as_str()).collect();
    assert_eq!(improved.len(), 2, "{improved:?}");
    assert!(improved.contains(&"1") && improved.contains(&"2"));
    let note = trend.note.expect("a note on the versions");
    assert!(note.en.contains("(1 and 2)") && note.en.contains("only the items present in both"));
    assert!(note.ja.contains("（1 と 2）") && note.ja.contains("両方の版にある項目だけ"));

    // Asked for jpcert-2015: its one assessment, nothing compared, no note.
    let trend = view::trend(&store, &v2, o, Some("jpcert-2015"), None).unwrap();
    assert_eq!(trend.points.len(), 1);
    assert!(trend.improved.is_empty() && trend.note.is_none());

    // The same version twice: no note.
    let third = store
        .create_assessment(o, &ours2, Some("2028-01-10"), Lang::En)
        .unwrap();
    save(&mut store, &ours2, third, "1", "low");
    let trend = view::trend(&store, &v2, o, None, None).unwrap();
    assert_eq!(trend.points.len(), 3);
    assert!(trend.note.is_none());
    assert_eq!(trend.regressed.len(), 1);
    assert_eq!(trend.regressed[0].item, "1");
}

#[test]
fn the_organisation_list_names_an_assessment_whose_questionnaire_is_not_installed() {
    let dir = tempfile::tempdir().unwrap();
    let qs = dir.path().join("qs");
    let with = catalog_with(&qs, Some(&questionnaire("1.2", &["1", "2"])));
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let jpcert = with.get("jpcert-2015").unwrap().questionnaire.clone();
    let demo_id = store
        .import(&jpcert, &demo::demo_assessment(Lang::En), None)
        .unwrap();
    let o = store.assessment(demo_id).unwrap().organisation_id;
    let ours = with.get("ours").unwrap().questionnaire.clone();
    let gone = store
        .create_assessment(o, &ours, Some("2026-05-01"), Lang::En)
        .unwrap();
    store
        .save_answer(&ours, gone, None, "1", &Answer::Text("high".into()), None)
        .unwrap();

    // The package removed: the list still works, the demo scored, ours named as missing.
    let without = catalog_with(&qs, None);
    let list = view::summaries(&store, &without, Some(o)).unwrap();
    assert_eq!(list.len(), 2);
    let demo_row = list.iter().find(|s| s.row.id == demo_id).unwrap();
    assert!(demo_row.overall.is_some() && demo_row.missing.is_none());
    let missing = list.iter().find(|s| s.row.id == gone).unwrap();
    assert_eq!(missing.overall, None);
    let text = missing.missing.as_ref().expect("named as not installed");
    assert!(text
        .en
        .contains("Questionnaire ours version 1.2 is not installed"));
    assert!(text
        .ja
        .contains("質問票 ours（版 1.2）がインストールされていない"));
    // Every organisation's list too, and the trend of what is installed.
    assert_eq!(view::summaries(&store, &without, None).unwrap().len(), 2);
    let trend = view::trend(&store, &without, o, Some("jpcert-2015"), None).unwrap();
    assert_eq!(trend.points.len(), 1);
    // Installed again, it is scored again.
    let back = catalog_with(&qs, Some(&questionnaire("1.2", &["1", "2"])));
    let list = view::summaries(&store, &back, Some(o)).unwrap();
    assert!(list.iter().all(|s| s.missing.is_none()));
    assert_eq!(
        list.iter().find(|s| s.row.id == gone).unwrap().overall,
        Some(100.0)
    );
}
