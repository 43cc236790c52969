//! Upgrade: a database written by an earlier release (schema 2, committed as a fixture before
//! migrations 0003 and 0004 existed) opens in this version, is backed up, migrates and keeps
//! every answer, note, respondent and agreed answer.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::builtin;
use csirt_store::{migrate, Store};
use rusqlite::Connection;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The schema the fixture was written with.
const FIXTURE_VERSION: u32 = 2;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".bak"))
        .collect();
    v.sort();
    v
}

/// Every table's rows as text, read with plain SQLite (no migration).
fn rows(path: &Path, table: &str) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut stmt = conn
        .prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))
        .unwrap();
    let cols = stmt.column_count();
    let mut out = Vec::new();
    let mut r = stmt.query([]).unwrap();
    while let Some(row) = r.next().unwrap() {
        let cells: Vec<String> = (0..cols)
            .map(|i| format!("{:?}", row.get::<_, rusqlite::types::Value>(i).unwrap()))
            .collect();
        out.push(cells.join("|"));
    }
    out
}

const TABLES: &[&str] = &[
    "organisation",
    "assessment",
    "respondent",
    "answer",
    "consensus",
    "answer_note",
    "target_override",
    "setting",
];

#[test]
fn the_fixture_is_what_it_claims() {
    // Guards the fixture itself: schema 2, ours, sound, and holding a workshop.
    let conn = Connection::open(fixture("schema-2.sqlite3")).unwrap();
    let v: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, FIXTURE_VERSION);
    assert_eq!(app, migrate::APPLICATION_ID);
    let respondents: i64 = conn
        .query_row("SELECT count(*) FROM respondent", [], |r| r.get(0))
        .unwrap();
    assert!(respondents >= 2, "facilitator and one named respondent");
    assert!(
        std::fs::metadata(fixture("schema-2.sqlite3"))
            .unwrap()
            .len()
            < 200_000
    );
}

#[test]
fn a_schema_2_database_opens_migrates_backs_up_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("csirt.sqlite3");
    std::fs::copy(fixture("schema-2.sqlite3"), &path).unwrap();
    let before: Vec<Vec<String>> = TABLES.iter().map(|t| rows(&path, t)).collect();

    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::latest_version());
    assert_eq!(store.integrity_check().unwrap(), "ok");

    let baks = backups(dir.path());
    if migrate::latest_version() > FIXTURE_VERSION {
        // One backup, named after the old schema, holding the old schema's rows unchanged.
        assert_eq!(baks.len(), 1, "{baks:?}");
        let name = baks[0].file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            name.starts_with(&format!("csirt.sqlite3.v{FIXTURE_VERSION}-")),
            "{name}"
        );
        let conn = Connection::open(&baks[0]).unwrap();
        let v: u32 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, FIXTURE_VERSION);
        drop(conn);
        let backed: Vec<Vec<String>> = TABLES.iter().map(|t| rows(&baks[0], t)).collect();
        assert_eq!(backed, before);
    } else {
        // Nothing to migrate: nothing is written beside the database.
        assert!(baks.is_empty(), "{baks:?}");
    }

    // The assessment reads back as it was exported by the release that wrote it. Fields added
    // by later versions (absent from the old export) are not compared.
    let set = builtin().unwrap();
    let exported = store.export_assessment(&set.questionnaire, 1).unwrap();
    let now: Value = serde_json::from_str(&exported.to_json_pretty()).unwrap();
    let then: Value =
        serde_json::from_slice(&std::fs::read(fixture("schema-2.expected.json")).unwrap()).unwrap();
    let then = then.as_object().unwrap();
    assert!(
        then.contains_key("workshop"),
        "the fixture carries a workshop"
    );
    for (key, value) in then {
        assert_eq!(
            now.get(key),
            Some(value),
            "field {key} changed in the upgrade"
        );
    }

    assert_eq!(store.list_assessments(None).unwrap().len(), 1);

    // A second open migrates nothing and writes no second backup.
    drop(store);
    let again = Store::open(&path).unwrap();
    assert_eq!(again.schema_version().unwrap(), migrate::latest_version());
    assert_eq!(backups(dir.path()).len(), baks.len());
}
