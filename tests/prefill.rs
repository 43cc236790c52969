//! `csirt assessment new --questionnaire sim3 --prefill-from <id>` and `csirt assessment
//! confirm`: a SIM3 assessment started from the demo's JPCERT assessment, its derived answers
//! shown as such, carried by the exported file, counted by `score`, confirmed one by one and all
//! at once, and the refusals in both languages with nothing changed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{csirt, stderr, stdout};
use serde_json::Value;
use std::path::Path;

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    csirt(&all)
}

fn ok(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

/// A database holding the demo's JPCERT assessment (id 1, organisation 1).
fn with_demo(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("db.sqlite3");
    let demo = dir.join("demo.json");
    std::fs::write(&demo, ok(&db, &["demo", "--lang", "en"])).unwrap();
    assert_eq!(
        ok(&db, &["assessment", "import", demo.to_str().unwrap()]).trim(),
        "1"
    );
    db
}

#[test]
fn a_prefilled_sim3_assessment_is_marked_counted_carried_and_confirmed() {
    let dir = tempfile::tempdir().unwrap();
    let db = with_demo(dir.path());
    let made: Value = serde_json::from_str(&ok(
        &db,
        &[
            "assessment",
            "new",
            "--org",
            "1",
            "--questionnaire",
            "sim3",
            "--prefill-from",
            "1",
            "--date",
            "2026-05-01",
            "--json",
        ],
    ))
    .unwrap();
    assert_eq!(made["assessment_id"], 2);
    let derived = made["derived"].as_array().unwrap();
    assert!(derived.len() >= 3, "{made}");
    let first = derived[0]["item"].as_str().unwrap().to_string();
    assert!(derived[0]["why"]["en"]
        .as_str()
        .unwrap()
        .starts_with("derived from "));

    // `show` marks every derived answer, in the user's language.
    let shown = ok(&db, &["--lang", "ja", "assessment", "show", "2"]);
    let marked = shown
        .lines()
        .filter(|l| l.contains("から導出 — 確認してください"))
        .count();
    assert_eq!(marked, derived.len(), "{shown}");

    // The exported file carries the marks; `score` on it says how many are unconfirmed.
    let file = dir.path().join("sim3.json");
    std::fs::write(&file, ok(&db, &["assessment", "export", "2"])).unwrap();
    let exported: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(
        exported["derived"]["items"].as_object().unwrap().len(),
        derived.len()
    );
    assert_eq!(
        exported["derived"]["source"]["questionnaire"],
        "jpcert-2015"
    );
    let n = derived.len();
    let scored = ok(&db, &["--lang", "en", "score", file.to_str().unwrap()]);
    assert!(
        scored.contains(&format!("{n} of {n} answers are derived from")),
        "{scored}"
    );
    let json: Value =
        serde_json::from_str(&ok(&db, &["score", file.to_str().unwrap(), "--json"])).unwrap();
    assert_eq!(json["derived"]["unconfirmed"], n);

    // Confirm one, then the rest.
    let said = ok(&db, &["--lang", "en", "assessment", "confirm", "2", &first]);
    assert_eq!(said.trim(), "1 derived answers confirmed");
    let again: Value =
        serde_json::from_str(&ok(&db, &["assessment", "show", "2", "--json"])).unwrap();
    assert!(again["derived"]["items"].get(&first).is_none());
    let said = ok(
        &db,
        &["--lang", "ja", "assessment", "confirm", "2", "--all"],
    );
    assert_eq!(
        said.trim(),
        format!("{} 件の導出された回答を確認しました", n - 1)
    );
    let done: Value =
        serde_json::from_str(&ok(&db, &["assessment", "show", "2", "--json"])).unwrap();
    assert!(done.get("derived").is_none(), "{done}");
    assert_eq!(done["answers"].as_object().unwrap().len(), n);
}

#[test]
fn refusals_say_why_in_both_languages_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = with_demo(dir.path());
    ok(&db, &["org", "add", "Other K.K."]);
    let before = std::fs::read(&db).unwrap();
    for (lang, needle) in [
        ("en", "belongs to the organisation"),
        ("ja", "同じ組織の評価からしか始められません"),
    ] {
        let o = run(
            &db,
            &[
                "--lang",
                lang,
                "assessment",
                "new",
                "--org",
                "2",
                "--questionnaire",
                "sim3",
                "--prefill-from",
                "1",
            ],
        );
        assert!(!o.status.success());
        assert!(stderr(&o).contains(needle), "{}", stderr(&o));
    }
    // Confirming what is not derived.
    for (lang, needle) in [
        ("en", "not a derived answer"),
        ("ja", "導出された未確認の回答ではありません"),
    ] {
        let o = run(&db, &["--lang", lang, "assessment", "confirm", "1", "2.8"]);
        assert!(!o.status.success());
        assert!(stderr(&o).contains(needle), "{}", stderr(&o));
    }
    // Neither an item nor --all.
    assert!(!run(&db, &["assessment", "confirm", "1"]).status.success());
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
