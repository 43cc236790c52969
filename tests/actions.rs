//! The action plan from the command line: the scenario (three actions in assessment 1;
//! assessment 2 of the same organisation imported; achieved, flagged and open), the interchange
//! round trip, the POA&M exports, and bad input refused in both languages with nothing changed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{stderr, stdout};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn csirt_db(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csirt"))
        .args(args)
        .env("CSIRT_DB", db)
        .env_remove("CSIRT_QUESTIONNAIRES")
        .output()
        .expect("run csirt")
}

fn ok(db: &Path, args: &[&str]) -> String {
    let o = csirt_db(db, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

fn json(db: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, args)).unwrap()
}

/// Everything stored, for "nothing changed".
fn dump(db: &Path) -> String {
    csirt_store::Store::open(db).unwrap().dump().unwrap()
}

struct Setup {
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
    demo: Value,
    first: String,
    /// The demo's first three gaps: (item, target key).
    gaps: Vec<(String, String)>,
    ids: Vec<String>,
}

/// Assessment 1 (the demo) with an action for each of its first three gaps, due far ahead.
fn setup() -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let demo_path = dir.path().join("demo.json");
    let demo_text = ok(&db, &["demo", "--lang", "en"]);
    std::fs::write(&demo_path, &demo_text).unwrap();
    let first = ok(&db, &["assessment", "import", demo_path.to_str().unwrap()])
        .trim()
        .to_string();
    let score = json(&db, &["score", demo_path.to_str().unwrap(), "--json"]);
    let gaps: Vec<(String, String)> = score["gaps"]
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|g| {
            (
                g["item"].as_str().unwrap().to_string(),
                g["target_key"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut ids = Vec::new();
    for (item, _) in &gaps {
        let a = json(
            &db,
            &[
                "action",
                "add",
                &first,
                "--item",
                item,
                "--owner",
                "佐藤",
                "--due",
                "2099-12-31",
                "--json",
            ],
        );
        assert_eq!(a["status"], "planned");
        assert_eq!(a["items"], serde_json::json!([item]));
        ids.push(a["id"].as_str().unwrap().to_string());
    }
    Setup {
        demo: serde_json::from_str(&demo_text).unwrap(),
        _dir: dir,
        db,
        first,
        gaps,
        ids,
    }
}

#[test]
fn scenario_achieved_flagged_and_open() {
    let s = setup();
    let db = &s.db;
    ok(
        db,
        &[
            "action",
            "update",
            &s.ids[1],
            "--status",
            "done",
            "--note",
            "playbook written",
        ],
    );
    // Assessment 2 of the same organisation: the first gap's item reaches its target, the
    // second's stays where it was although its action is done, the third is untouched.
    let mut second = s.demo.clone();
    second["date"] = "2027-04-01".into();
    second["answers"][&s.gaps[0].0] = s.gaps[0].1.clone().into();
    let path = s._dir.path().join("second.json");
    std::fs::write(&path, second.to_string()).unwrap();
    let second_id = ok(db, &["assessment", "import", path.to_str().unwrap()])
        .trim()
        .to_string();

    let list = json(db, &["action", "list", &s.first, "--json"]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 3);
    for (a, id) in list.iter().zip(&s.ids) {
        assert_eq!(a["id"], id.as_str());
        for key in [
            "id",
            "items",
            "title",
            "owner",
            "due",
            "status",
            "achieved_in",
            "flag",
        ] {
            assert!(a.get(key).is_some(), "{key} missing in {a}");
        }
    }
    assert_eq!(list[0]["achieved_in"], "2027-04-01");
    assert_eq!(list[0]["flag"], Value::Null);
    assert_eq!(list[0]["status"], "planned");
    assert_eq!(list[1]["achieved_in"], Value::Null);
    assert_eq!(list[1]["flag"], "done-but-answers-did-not-move");
    assert_eq!(list[1]["status"], "done");
    assert_eq!(list[2]["achieved_in"], Value::Null);
    assert_eq!(list[2]["flag"], Value::Null);
    assert_eq!(list[2]["state"], "open");

    // The human list says the same, in both languages.
    let en = ok(db, &["--lang", "en", "action", "list", &s.first]);
    assert!(
        en.contains("achieved in the assessment of 2027-04-01"),
        "{en}"
    );
    assert!(en.contains("done, but the answers did not move"), "{en}");
    let ja = ok(db, &["action", "list", &s.first]);
    assert!(ja.contains("2027-04-01 の評価で達成"), "{ja}");
    assert!(
        ja.contains("完了となっていますが、回答は変わっていません"),
        "{ja}"
    );

    // Assessment 2 took over the open actions (the achieved one is still planned).
    let carried = json(db, &["action", "list", &second_id, "--json"]);
    let carried: Vec<&str> = carried
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(carried, [s.ids[0].as_str(), s.ids[2].as_str()]);
    // So does a new assessment made with `assessment new`.
    let org = json(db, &["org", "list", "--json"])[0]["id"].to_string();
    let third = ok(
        db,
        &["assessment", "new", "--org", &org, "--date", "2027-06-01"],
    );
    let third = third
        .split_whitespace()
        .find(|w| w.parse::<i64>().is_ok())
        .unwrap();
    assert_eq!(
        json(db, &["action", "list", third, "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn actions_survive_export_and_import() {
    let s = setup();
    ok(
        &s.db,
        &[
            "action",
            "update",
            &s.ids[2],
            "--status",
            "in-progress",
            "--owner",
            "Suzuki",
        ],
    );
    let file = ok(&s.db, &["assessment", "export", &s.first]);
    let exported: Value = serde_json::from_str(&file).unwrap();
    assert_eq!(exported["actions"].as_array().unwrap().len(), 3);
    let other = s._dir.path().join("other.sqlite3");
    let path = s._dir.path().join("exported.json");
    std::fs::write(&path, &file).unwrap();
    let id = ok(&other, &["assessment", "import", path.to_str().unwrap()]);
    let again: Value =
        serde_json::from_str(&ok(&other, &["assessment", "export", id.trim()])).unwrap();
    assert_eq!(again["actions"], exported["actions"]);
    assert_eq!(
        json(&other, &["action", "list", id.trim(), "--json"]),
        json(&s.db, &["action", "list", &s.first, "--json"])
    );
}

#[test]
fn the_plan_exports_as_csv_and_xlsx_with_the_poam_columns() {
    let s = setup();
    let csv = ok(
        &s.db,
        &[
            "--lang", "en", "action", "export", &s.first, "--format", "csv",
        ],
    );
    let csv = csv.trim_start_matches('\u{feff}');
    let mut lines = csv.lines();
    assert!(
        lines.next().unwrap().starts_with(
            "ID,Item,Weakness (question),Action,Owner,Due date,Status,Last status change"
        ),
        "{csv}"
    );
    assert!(csv.contains(&s.ids[0]) && csv.contains("佐藤"), "{csv}");
    let out = s._dir.path().join("plan.xlsx");
    ok(
        &s.db,
        &[
            "action",
            "export",
            &s.first,
            "--format",
            "xlsx",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
}

#[test]
fn bad_input_is_refused_in_both_languages_and_changes_nothing() {
    let s = setup();
    let db = &s.db;
    let item = s.gaps[0].0.as_str();
    let before = dump(db);
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            vec![
                "action",
                "add",
                &s.first,
                "--item",
                item,
                "--owner",
                "Sato",
                "--due",
                "2026-02-30",
            ],
            "2026-02-30",
            "2026-02-30",
        ),
        (
            vec![
                "action",
                "add",
                &s.first,
                "--item",
                "99.99",
                "--owner",
                "Sato",
                "--due",
                "2026-09-30",
            ],
            "項目 99.99",
            "item 99.99",
        ),
        (
            vec![
                "action",
                "add",
                "999",
                "--item",
                item,
                "--owner",
                "Sato",
                "--due",
                "2026-09-30",
            ],
            "ID 999 の評価はありません",
            "no assessment with id 999",
        ),
        (
            vec!["action", "update", "act-nope", "--status", "done"],
            "act-nope",
            "act-nope",
        ),
        (
            vec!["action", "update", &s.ids[0], "--status", "finished"],
            "finished",
            "unknown status \"finished\"",
        ),
        (
            vec!["action", "update", &s.ids[0], "--due", "2026-13-01"],
            "2026-13-01",
            "2026-13-01",
        ),
        (
            vec!["action", "update", &s.ids[0], "--owner", " "],
            "担当者",
            "owner",
        ),
    ];
    for (args, ja, en) in &cases {
        let o = csirt_db(db, args);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let e = stderr(&o);
        assert!(e.starts_with("エラー: ") && e.contains(ja), "{args:?}: {e}");
        let mut en_args = vec!["--lang", "en"];
        en_args.extend(args.iter().copied());
        let e = stderr(&csirt_db(db, &en_args));
        assert!(e.starts_with("error: ") && e.contains(en), "{args:?}: {e}");
        assert_eq!(dump(db), before, "{args:?}");
    }
}
