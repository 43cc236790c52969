//! The store against real on-disk SQLite files: migrations, refusals that leave files untouched,
//! every kind of row, and a lossless export/import round trip.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::{builtin, Answer, Assessment, Lang, Organisation, QuestionnaireSet, Status};
use csirt_store::{migrate, Store, StoreError};
use rusqlite::Connection;
use std::path::Path;

fn set() -> QuestionnaireSet {
    builtin().unwrap()
}

fn org(name: &str) -> Organisation {
    Organisation {
        name: name.into(),
        sector: Some("製造業".into()),
        size: Some("3,000".into()),
        csirt_form: Some("distributed".into()),
    }
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn migrations_apply_from_scratch_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/csirt.sqlite3");
    let store = Store::open(&path).unwrap();
    assert!(path.exists());
    assert_eq!(store.schema_version().unwrap(), migrate::latest_version());
    assert_eq!(store.integrity_check().unwrap(), "ok");
    drop(store);
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let app: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(app, migrate::APPLICATION_ID);
    // Reopening an up-to-date database is a no-op.
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::latest_version());
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    {
        let store = Store::open(&path).unwrap();
        store.add_organisation(&org("A")).unwrap();
    }
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path).err().expect("must refuse");
    assert!(
        matches!(err, StoreError::NewerSchema { found: 99, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("newer version"));
    assert_eq!(bytes(&path), before, "the file must be left untouched");
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.sqlite3");
    let junk = b"This is a spreadsheet, not a database.\n".repeat(200);
    std::fs::write(&path, &junk).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err}");
    assert_eq!(bytes(&path), junk);
    assert!(!dir.path().join("notes.sqlite3-wal").exists());
}

#[test]
fn another_applications_database_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite3");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT);")
            .unwrap();
    }
    let before = bytes(&path);
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err}");
    assert_eq!(bytes(&path), before);
}

#[test]
fn a_corrupt_database_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    {
        let mut store = Store::open(&path).unwrap();
        let s = set();
        for i in 0..40 {
            let o = store.add_organisation(&org(&format!("Org {i}"))).unwrap();
            store
                .create_assessment(o, &s.questionnaire, Some("2026-01-01"), Lang::Ja)
                .unwrap();
        }
    }
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    // Scribble over the middle of the file (past the header page).
    let mut data = bytes(&path);
    assert!(data.len() > 8192);
    for b in &mut data[4096 + 100..4096 + 1800] {
        *b = 0xA5;
    }
    std::fs::write(&path, &data).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert!(
        matches!(
            err,
            StoreError::Corrupt { .. } | StoreError::NotADatabase { .. }
        ),
        "{err}"
    );
    assert_eq!(bytes(&path), data);
}

#[test]
fn an_older_database_is_backed_up_before_migrating() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    {
        // A database of ours at schema 0 that already holds a table of its own.
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", migrate::APPLICATION_ID)
            .unwrap();
        conn.execute_batch(
            "CREATE TABLE legacy_note (text TEXT); INSERT INTO legacy_note VALUES ('keep me');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::latest_version());
    let backups: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".bak"))
        .collect();
    assert_eq!(backups.len(), 1, "one backup before the migration");
    let conn = Connection::open(backups[0].path()).unwrap();
    let kept: String = conn
        .query_row("SELECT text FROM legacy_note", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, "keep me");
    let version: u32 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 0);
}

#[test]
fn organisations_and_their_assessment_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let s = set();
    let a = store.add_organisation(&org("Alpha")).unwrap();
    let b = store.add_organisation(&org("Beta")).unwrap();
    for date in ["2024-04-01", "2025-04-01", "2026-04-01"] {
        store
            .create_assessment(a, &s.questionnaire, Some(date), Lang::Ja)
            .unwrap();
    }
    store
        .create_assessment(b, &s.questionnaire, None, Lang::En)
        .unwrap();
    let history = store.list_assessments(Some(a)).unwrap();
    let dates: Vec<&str> = history.iter().map(|h| h.date.as_str()).collect();
    assert_eq!(dates, ["2026-04-01", "2025-04-01", "2024-04-01"]);
    let orgs = store.list_organisations().unwrap();
    assert_eq!(
        orgs.iter().map(|o| o.assessments).collect::<Vec<_>>(),
        [3, 1]
    );

    store
        .update_organisation(
            a,
            &Organisation {
                name: "Alpha Holdings".into(),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(store.organisation(a).unwrap().name, "Alpha Holdings");
    assert!(store.add_organisation(&org("  ")).is_err());

    store.delete_organisation(a).unwrap();
    assert!(store.list_assessments(Some(a)).unwrap().is_empty());
    assert_eq!(store.list_assessments(None).unwrap().len(), 1);
    assert!(matches!(
        store.create_assessment(999, &s.questionnaire, None, Lang::Ja),
        Err(StoreError::NoOrganisation(999))
    ));
}

/// An assessment using every answer type, other-text, comments, evidence and targets.
fn full_assessment() -> Assessment {
    let text = r#"{
      "format": "csirt-assessment/1",
      "questionnaire": "jpcert-2015",
      "questionnaire_version": "2015.1",
      "organisation": {"name": "Round Trip K.K.", "sector": "金融", "size": "800", "csirt_form": "integrated"},
      "date": "2026-05-01",
      "language": "en",
      "status": "final",
      "answers": {
        "1.1": "j", "1.2": ["a", "h", "j"], "1.5": "2019-10", "1.6": "2020-04",
        "2.8": "b", "2.9.a": "in-house", "2.9.d": "outsourced", "2.9.m": "none", "2.9.w": "脆弱性診断",
        "2.11": "c", "3.3": 12, "3.5": "b", "5.1": "a", "6.2": "d"
      },
      "other": {"1.1": "調査研究部門", "1.2": "経理部"},
      "comments": {"2.8": "停止は CIO 判断", "4.4": "not yet answered, but noted"},
      "evidence": {"2.11": "Incident classification v2.pdf"},
      "targets": {"2.11": "a", "6.2": "b"}
    }"#;
    csirt_model::assessment::parse(text.as_bytes()).unwrap()
}

/// A fresh database in a temporary folder holding `full_assessment()`: the folder (keep it
/// alive), the store, the questionnaire set and the assessment id.
fn store_with_full_assessment() -> (tempfile::TempDir, Store, QuestionnaireSet, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let s = set();
    let id = store
        .import(&s.questionnaire, &full_assessment(), None)
        .unwrap();
    (dir, store, s, id)
}

#[test]
fn export_then_import_is_lossless_for_every_answer_type() {
    let dir = tempfile::tempdir().unwrap();
    let s = set();
    let q = &s.questionnaire;
    let mut original = full_assessment();
    original.sort_by_questionnaire(q);

    let mut first = Store::open(&dir.path().join("first.sqlite3")).unwrap();
    let id = first.import(q, &original, None).unwrap();
    let exported = first.load_assessment(q, id).unwrap();
    assert_eq!(exported, original);

    // Through the file format and into a second, fresh database.
    let json = exported.to_json_pretty();
    let reparsed = csirt_model::assessment::parse(json.as_bytes()).unwrap();
    let mut second = Store::open(&dir.path().join("second.sqlite3")).unwrap();
    let id2 = second.import(q, &reparsed, None).unwrap();
    assert_eq!(second.load_assessment(q, id2).unwrap(), original);
}

#[test]
fn answers_autosave_change_and_clear() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let s = set();
    let q = &s.questionnaire;
    let id;
    {
        let mut store = Store::open(&path).unwrap();
        let o = store.add_organisation(&org("Gamma")).unwrap();
        id = store.create_assessment(o, q, None, Lang::Ja).unwrap();
        store
            .save_answer(q, id, None, "4.1", &Answer::Text("d".into()), None)
            .unwrap();
        store
            .save_answer(q, id, None, "4.1", &Answer::Text("b".into()), None)
            .unwrap();
        store
            .save_answer(q, id, None, "5.2", &Answer::Text("b".into()), None)
            .unwrap();
        store
            .save_note(
                q,
                id,
                None,
                "5.2",
                Some("spreadsheet"),
                Some("tracker.xlsx"),
            )
            .unwrap();
        store.clear_answer(id, None, "5.2").unwrap();
        store.set_target(q, id, "4.1", Some("a")).unwrap();
        store.set_status(id, Status::Final).unwrap();
    }
    // Reopen: everything saved is there; "not answered" stays distinct from "no".
    let store = Store::open(&path).unwrap();
    let a = store.load_assessment(q, id).unwrap();
    assert_eq!(a.answers.get("4.1"), Some(&Answer::Text("b".into())));
    assert_eq!(a.answers.get("5.2"), None);
    assert_eq!(
        a.comments.get("5.2").map(String::as_str),
        Some("spreadsheet")
    );
    assert_eq!(
        a.evidence.get("5.2").map(String::as_str),
        Some("tracker.xlsx")
    );
    assert_eq!(a.targets.get("4.1").map(String::as_str), Some("a"));
    assert_eq!(a.status, Status::Final);
}

#[test]
fn bad_answers_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let s = set();
    let q = &s.questionnaire;
    let o = store.add_organisation(&org("Delta")).unwrap();
    let id = store.create_assessment(o, q, None, Lang::Ja).unwrap();
    store
        .save_answer(q, id, None, "2.8", &Answer::Text("a".into()), None)
        .unwrap();
    let before = store.dump().unwrap();
    let bad: Vec<(&str, Answer, Option<&str>)> = vec![
        ("2.8", Answer::Text("z".into()), None),
        ("9.9", Answer::Text("a".into()), None),
        ("3.3", Answer::Text("seven".into()), None),
        ("1.2", Answer::Keys(vec!["a".into(), "a".into()]), None),
        ("1.5", Answer::Text("2019-13".into()), None),
        ("2.9.a", Answer::Text("sometimes".into()), None),
        ("2.9", Answer::Text("a".into()), None),
        (
            "1.1",
            Answer::Text("a".into()),
            Some("free text without other"),
        ),
    ];
    for (item, answer, other) in bad {
        let r = store.save_answer(q, id, None, item, &answer, other);
        assert!(
            matches!(r, Err(StoreError::InvalidAnswer { .. })),
            "{item}: {r:?}"
        );
    }
    assert!(store
        .save_answer(q, 12345, None, "2.8", &Answer::Text("b".into()), None)
        .is_err());
    assert!(store
        .save_answer(q, id, Some(777), "2.8", &Answer::Text("b".into()), None)
        .is_err());
    assert!(store.set_target(q, id, "1.1", Some("a")).is_err());
    assert_eq!(store.dump().unwrap(), before);
}

#[test]
fn consensus_wins_over_the_default_respondent() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let s = set();
    let q = &s.questionnaire;
    let o = store.add_organisation(&org("Epsilon")).unwrap();
    let id = store.create_assessment(o, q, None, Lang::Ja).unwrap();
    let legal = store.add_respondent(id, "Legal", Some("legal")).unwrap();
    store
        .save_answer(q, id, None, "4.3", &Answer::Text("e".into()), None)
        .unwrap();
    store
        .save_answer(q, id, Some(legal), "4.3", &Answer::Text("b".into()), None)
        .unwrap();
    assert_eq!(store.list_respondents(id).unwrap().len(), 2);
    let a = store.load_assessment(q, id).unwrap();
    assert_eq!(a.answers.get("4.3"), Some(&Answer::Text("e".into())));
    store
        .set_consensus(
            q,
            id,
            "4.3",
            Some(&Answer::Text("c".into())),
            None,
            Some("agreed in workshop"),
        )
        .unwrap();
    let a = store.load_assessment(q, id).unwrap();
    assert_eq!(a.answers.get("4.3"), Some(&Answer::Text("c".into())));
    store.set_consensus(q, id, "4.3", None, None, None).unwrap();
    let a = store.load_assessment(q, id).unwrap();
    assert_eq!(a.answers.get("4.3"), Some(&Answer::Text("e".into())));
}

#[test]
fn a_respondent_sees_only_their_own_answers() {
    let (_dir, mut store, s, id) = store_with_full_assessment();
    let q = &s.questionnaire;
    let legal = store.add_respondent(id, "Legal", Some("legal")).unwrap();
    store
        .save_answer(q, id, Some(legal), "4.3", &Answer::Text("b".into()), None)
        .unwrap();
    let own = store.load_respondent_assessment(q, id, legal).unwrap();
    assert_eq!(
        own.answers.0,
        vec![("4.3".to_string(), Answer::Text("b".into()))]
    );
    assert!(own.comments.0.is_empty() && own.evidence.0.is_empty());
    // The assessment's own answers are untouched by the respondent's.
    let all = store.load_assessment(q, id).unwrap();
    assert!(all.answers.0.len() > 1);
    assert!(store.load_respondent_assessment(q, id, 9999).is_err());
}

#[test]
fn a_respondent_writes_and_reads_back_their_own_notes() {
    let (_dir, mut store, s, id) = store_with_full_assessment();
    let q = &s.questionnaire;
    let facilitator_notes = store.load_assessment(q, id).unwrap().comments.0.len();
    let legal = store.add_respondent(id, "Legal", Some("legal")).unwrap();
    let pr = store.add_respondent(id, "PR", None).unwrap();
    store
        .save_note(
            q,
            id,
            Some(legal),
            "4.3",
            Some("only for criminal cases"),
            None,
        )
        .unwrap();
    store
        .save_note(q, id, Some(pr), "1.2", None, Some("press manual"))
        .unwrap();
    store
        .save_note(q, id, Some(legal), "1.2", Some("see contract"), None)
        .unwrap();

    let own = store.load_respondent_assessment(q, id, legal).unwrap();
    assert_eq!(
        own.comments.0,
        vec![
            ("1.2".to_string(), "see contract".to_string()),
            ("4.3".to_string(), "only for criminal cases".to_string())
        ]
    );
    assert!(own.evidence.0.is_empty());
    let theirs = store.load_respondent_assessment(q, id, pr).unwrap();
    assert!(theirs.comments.0.is_empty());
    assert_eq!(
        theirs.evidence.get("1.2").map(String::as_str),
        Some("press manual")
    );
    // The assessment's notes stay the facilitator's.
    assert_eq!(
        store.load_assessment(q, id).unwrap().comments.0.len(),
        facilitator_notes
    );

    // The facilitator's agenda lists every note by item in questionnaire order, then by person.
    let notes = store.named_notes(q, id, "Facilitator").unwrap();
    let at_1_2: Vec<&str> = notes
        .iter()
        .filter(|n| n.item == "1.2")
        .map(|n| n.respondent.as_str())
        .collect();
    assert_eq!(at_1_2.last(), Some(&"PR"));
    assert!(at_1_2.contains(&"Legal"));
    let position = |item: &str| q.items.iter().position(|i| i.id == item).unwrap();
    assert!(notes
        .windows(2)
        .all(|w| position(&w[0].item) <= position(&w[1].item)));
    assert!(notes.iter().any(|n| n.respondent == "Facilitator"));
    // Clearing both fields removes the note.
    store.save_note(q, id, Some(pr), "1.2", None, None).unwrap();
    assert!(!store
        .named_notes(q, id, "Facilitator")
        .unwrap()
        .iter()
        .any(|n| n.respondent == "PR"));
}

#[test]
fn respondents_are_renamed_and_removed_with_their_answers_only() {
    let (_dir, mut store, s, id) = store_with_full_assessment();
    let q = &s.questionnaire;
    let other = store.import(q, &full_assessment(), None).unwrap();
    let legal = store.add_respondent(id, "Lgeal", None).unwrap();
    store
        .save_answer(q, id, Some(legal), "4.3", &Answer::Text("b".into()), None)
        .unwrap();
    store
        .save_note(q, id, Some(legal), "4.3", Some("why"), None)
        .unwrap();
    store
        .set_consensus(
            q,
            id,
            "4.3",
            Some(&Answer::Text("c".into())),
            None,
            Some("agreed"),
        )
        .unwrap();

    store
        .update_respondent(id, legal, "  Legal ", Some("counsel"))
        .unwrap();
    let row = store.list_respondents(id).unwrap().pop().unwrap();
    assert_eq!(
        (row.name.as_str(), row.role.as_deref()),
        ("Legal", Some("counsel"))
    );

    // Refusals change nothing: an empty name, the facilitator, another assessment's id.
    let before = store.dump().unwrap();
    let facilitator = store.list_respondents(id).unwrap()[0].id;
    assert!(matches!(
        store.update_respondent(id, legal, " ", None),
        Err(StoreError::InvalidInput(_))
    ));
    assert!(matches!(
        store.update_respondent(id, facilitator, "Me", None),
        Err(StoreError::InvalidInput(_))
    ));
    assert!(matches!(
        store.delete_respondent(id, facilitator),
        Err(StoreError::InvalidInput(_))
    ));
    assert!(matches!(
        store.delete_respondent(other, legal),
        Err(StoreError::NoRespondent(_))
    ));
    assert!(matches!(
        store.delete_respondent(9999, legal),
        Err(StoreError::NoAssessment(9999))
    ));
    assert_eq!(store.dump().unwrap(), before);

    let answers_before = store.load_assessment(q, id).unwrap();
    store.delete_respondent(id, legal).unwrap();
    assert_eq!(store.list_respondents(id).unwrap().len(), 1);
    assert!(store.respondent_answers(id, Some(legal)).is_err());
    assert!(store
        .named_notes(q, id, "F")
        .unwrap()
        .iter()
        .all(|n| n.respondent == "F"));
    // The consensus the facilitator set, and so the scored answer, stays.
    let after = store.load_assessment(q, id).unwrap();
    assert_eq!(after.answers, answers_before.answers);
    assert_eq!(store.consensus_notes(id).unwrap().len(), 1);
    assert_eq!(store.integrity_check().unwrap(), "ok");
}

#[test]
fn a_participant_file_keeps_evidence_given_without_a_comment() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let s = set();
    let q = &s.questionnaire;
    let file = full_assessment();
    let id = store.import(q, &file, None).unwrap();
    let evidence = "Incident classification v2.pdf";
    assert!(file.comments.get("2.11").is_none() && file.evidence.get("2.11").is_some());
    assert_eq!(store.dump().unwrap().matches(evidence).count(), 1);
    store
        .import_as_respondent(q, id, "Legal", None, &file)
        .unwrap();
    // The participant's copy of the note is stored beside the facilitator's.
    assert_eq!(store.dump().unwrap().matches(evidence).count(), 2);
}

#[test]
fn backup_copies_a_consistent_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let s = set();
    let id = store
        .import(&s.questionnaire, &full_assessment(), None)
        .unwrap();
    let copy = dir.path().join("copy.sqlite3");
    store.backup_to(&copy).unwrap();
    let restored = Store::open(&copy).unwrap();
    assert_eq!(restored.integrity_check().unwrap(), "ok");
    assert_eq!(
        restored.load_assessment(&s.questionnaire, id).unwrap(),
        store.load_assessment(&s.questionnaire, id).unwrap()
    );
}

#[test]
fn the_history_runs_up_to_the_date_asked_for() {
    let (_dir, mut store, s, first) = store_with_full_assessment();
    let q = &s.questionnaire;
    let (catalog, _) = csirt_model::Catalog::load(None).unwrap();
    let org_id = store.assessment(first).unwrap().organisation_id;
    let first_date = store.assessment(first).unwrap().date;
    for date in ["2030-01-01", "2031-01-01"] {
        store
            .create_assessment(org_id, q, Some(date), Lang::Ja)
            .unwrap();
    }
    let dates = |upto: Option<&str>| -> Vec<String> {
        let mut d: Vec<String> = store
            .history(&catalog, org_id, "jpcert-2015", upto)
            .unwrap()
            .into_iter()
            .map(|a| a.date.unwrap_or_default())
            .collect();
        d.sort();
        d
    };
    assert_eq!(
        dates(None),
        vec![first_date.clone(), "2030-01-01".into(), "2031-01-01".into()]
    );
    // An earlier assessment's trend, as its PDF shows it, stops at its own date.
    assert_eq!(
        dates(Some("2030-01-01")),
        vec![first_date.clone(), "2030-01-01".into()]
    );
    assert_eq!(dates(Some(&first_date)), vec![first_date]);
}

/// A workshop on `full_assessment()`: two respondents with answers of several types, "other"
/// text and notes, an item both answered alike, and an agreed answer with a note.
fn store_with_workshop() -> (tempfile::TempDir, Store, QuestionnaireSet, i64) {
    let (dir, mut store, s, id) = store_with_full_assessment();
    let q = &s.questionnaire;
    let sato = store
        .add_respondent(id, "佐藤", Some("CSIRT リーダー"))
        .unwrap();
    let suzuki = store.add_respondent(id, "鈴木", None).unwrap();
    let keys = |k: &[&str]| Answer::Keys(k.iter().map(|s| s.to_string()).collect());
    let saves: [(i64, &str, Answer, Option<&str>); 7] = [
        (sato, "4.1", Answer::Text("a".into()), None),
        (suzuki, "4.1", Answer::Text("e".into()), None),
        (sato, "1.1", Answer::Text("j".into()), Some("研究所")),
        (suzuki, "1.2", keys(&["a", "c"]), None),
        (sato, "3.3", Answer::Number(40.into()), None),
        (sato, "4.2", Answer::Text("b".into()), None),
        (suzuki, "4.2", Answer::Text("b".into()), None),
    ];
    for (who, item, answer, other) in saves {
        store
            .save_answer(q, id, Some(who), item, &answer, other)
            .unwrap();
    }
    store
        .save_note(
            q,
            id,
            Some(suzuki),
            "4.1",
            Some("訓練は監査されていない"),
            Some("訓練記録"),
        )
        .unwrap();
    store
        .set_consensus(
            q,
            id,
            "4.1",
            Some(&Answer::Text("c".into())),
            None,
            Some("文書化で合意"),
        )
        .unwrap();
    (dir, store, s, id)
}

#[test]
fn a_workshop_is_carried_whole_through_the_file() {
    let (_dir, store, s, id) = store_with_workshop();
    let q = &s.questionnaire;
    let file = store.export_assessment(q, id).unwrap();
    let w = file
        .workshop
        .as_ref()
        .expect("the file carries the workshop");
    assert_eq!(w.respondents.len(), 2);
    // The file's answers are the scored ones; the facilitator's own are kept beside them.
    assert_eq!(file.answers, store.load_assessment(q, id).unwrap().answers);
    assert_eq!(file.answers.get("4.2"), Some(&Answer::Text("b".into())));

    let text = file.to_json_pretty();
    let parsed = csirt_model::assessment::parse(text.as_bytes()).unwrap();
    csirt_model::assessment::validate_against(&parsed, q).unwrap();

    let dir = tempfile::tempdir().unwrap();
    let mut second = Store::open(&dir.path().join("second.sqlite3")).unwrap();
    let copy = second.import(q, &parsed, None).unwrap();
    assert_eq!(second.export_assessment(q, copy).unwrap(), file);
    assert_eq!(
        second.load_workshop(copy, true).unwrap(),
        store.load_workshop(id, true).unwrap()
    );
    assert_eq!(
        second.named_notes(q, copy, "F").unwrap(),
        store.named_notes(q, id, "F").unwrap()
    );
    assert_eq!(
        second.consensus_notes(copy).unwrap(),
        vec![("4.1".to_string(), "文書化で合意".to_string())]
    );
    let names: Vec<_> = second
        .list_respondents(copy)
        .unwrap()
        .into_iter()
        .map(|r| (r.name, r.role, r.is_default))
        .collect();
    assert_eq!(
        names,
        vec![
            (String::new(), None, true),
            ("佐藤".into(), Some("CSIRT リーダー".into()), false),
            ("鈴木".into(), None, false)
        ]
    );
}

#[test]
fn an_assessment_without_a_workshop_exports_as_before() {
    let (_dir, store, s, id) = store_with_full_assessment();
    let file = store.export_assessment(&s.questionnaire, id).unwrap();
    assert!(file.workshop.is_none());
    assert!(!file.to_json_pretty().contains("workshop"));
}

#[test]
fn a_file_whose_answers_disagree_with_its_workshop_is_refused_and_changes_nothing() {
    let (_dir, mut store, s, id) = store_with_workshop();
    let q = &s.questionnaire;
    let good = store.export_assessment(q, id).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut second = Store::open(&dir.path().join("second.sqlite3")).unwrap();
    let before = second.dump().unwrap();

    // Hand-edited: the scored answer of 4.1 no longer matches the agreed one.
    let mut edited = good.clone();
    edited
        .answers
        .insert("4.1".into(), Answer::Text("a".into()));
    let problems = match second.import(q, &edited, None) {
        Err(StoreError::Model(csirt_model::ModelError::InvalidAssessment(p))) => p,
        other => panic!("expected the file to be refused, got {other:?}"),
    };
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].item.as_deref(), Some("4.1"));
    assert!(
        problems[0].message.en.contains("workshop"),
        "{}",
        problems[0].message
    );

    // A respondent's answer that the item cannot take, and a nameless respondent.
    let mut bad = good.clone();
    let w = bad.workshop.as_mut().unwrap();
    w.respondents[1]
        .answers
        .insert("3.3".into(), Answer::Text("many".into()));
    w.respondents[0].name = " ".into();
    let problems = match second.import(q, &bad, None) {
        Err(StoreError::Model(csirt_model::ModelError::InvalidAssessment(p))) => p,
        other => panic!("expected the file to be refused, got {other:?}"),
    };
    let messages: Vec<&str> = problems.iter().map(|p| p.message.en.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("respondent 2 (\"鈴木\")") && m.contains("cannot take")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("needs a name")),
        "{messages:?}"
    );
    assert_eq!(second.dump().unwrap(), before);

    // An agreed answer cannot carry "other" text unless it chooses an "other" option, or the
    // exported file would be refused on import.
    let before_consensus = store.dump().unwrap();
    assert!(matches!(
        store.set_consensus(
            q,
            id,
            "4.2",
            Some(&Answer::Text("b".into())),
            Some("stray"),
            None
        ),
        Err(StoreError::InvalidAnswer { .. })
    ));
    assert_eq!(store.dump().unwrap(), before_consensus);

    // A whole workshop is not one person's answers.
    let target = second.import(q, &full_assessment(), None).unwrap();
    let before = second.dump().unwrap();
    match second.import_as_respondent(q, target, "Legal", None, &good) {
        Err(StoreError::InvalidInput(m)) => {
            assert!(m.en.contains("whole workshop"), "{m}");
            assert!(m.ja.contains("ワークショップ全体"), "{}", m.ja);
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
    assert_eq!(second.dump().unwrap(), before);
}

#[test]
fn an_organisations_details_and_a_respondents_role_keep_their_limits() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    let ok = store.add_organisation(&org("Limits K.K.")).unwrap();
    let a = store
        .create_assessment(ok, &set().questionnaire, Some("2026-01-01"), Lang::En)
        .unwrap();
    let before = store.dump().unwrap();
    let long = "x".repeat(201);
    for detail in [
        Organisation {
            sector: Some(long.clone()),
            ..org("Other K.K.")
        },
        Organisation {
            size: Some("10\n20".into()),
            ..org("Other K.K.")
        },
        Organisation {
            csirt_form: Some(long.clone()),
            ..org("Other K.K.")
        },
        Organisation {
            name: "x".repeat(201),
            ..org("")
        },
    ] {
        let e = store.add_organisation(&detail).unwrap_err();
        assert!(matches!(e, StoreError::InvalidInput(_)), "{e}");
        let e = store.update_organisation(ok, &detail).unwrap_err();
        assert!(matches!(e, StoreError::InvalidInput(_)), "{e}");
    }
    for role in [long.as_str(), "lead\tdeputy"] {
        let e = store.add_respondent(a, "Sato", Some(role)).unwrap_err();
        assert!(matches!(e, StoreError::InvalidInput(_)), "{role:?}: {e}");
    }
    assert_eq!(
        store.dump().unwrap(),
        before,
        "a refused save changed the store"
    );
    let r = store
        .add_respondent(a, "Sato", Some(&"x".repeat(200)))
        .unwrap();
    let e = store
        .update_respondent(a, r, "Sato", Some(&long))
        .unwrap_err();
    assert!(matches!(e, StoreError::InvalidInput(_)), "{e}");
}

fn set_with_pool() -> QuestionnaireSet {
    let mut catalog = csirt_model::Catalog::load(None).unwrap().0;
    let pool = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/benchmarks/synthetic-pool.toml");
    catalog
        .add_benchmark_file(&pool, csirt_model::Origin::Added)
        .unwrap();
    catalog.get("jpcert-2015").unwrap().clone()
}

#[test]
fn a_schema_1_database_gains_the_benchmark_choice_and_keeps_its_assessments() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    {
        // A database as the first release left it: schema 1, one assessment.
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", migrate::APPLICATION_ID)
            .unwrap();
        conn.execute_batch(migrate::MIGRATIONS[0].1).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO organisation (id, name, created_at, updated_at)
                 VALUES (1, 'Alpha', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
             INSERT INTO assessment (id, organisation_id, questionnaire_id, questionnaire_version,
                 date, created_at, updated_at)
                 VALUES (1, 1, 'jpcert-2015', '2015.1', '2026-01-01',
                 '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrate::latest_version());
    assert_eq!(store.assessment(1).unwrap().date, "2026-01-01");
    // Existing assessments keep the questionnaire's default benchmark.
    assert_eq!(
        store.benchmark_choice(1).unwrap(),
        csirt_store::BenchmarkChoice::default()
    );
}

#[test]
fn the_benchmark_choice_is_remembered_and_a_wrong_one_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let mut store = Store::open(&path).unwrap();
    let s = set_with_pool();
    let o = store.add_organisation(&org("Alpha")).unwrap();
    let id = store
        .create_assessment(o, &s.questionnaire, Some("2026-01-01"), Lang::Ja)
        .unwrap();
    let chosen = csirt_store::BenchmarkChoice {
        benchmark: Some("synthetic-pool".into()),
        segment: Some("sector=finance".into()),
    };
    store.set_benchmark_choice(&s, id, &chosen).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(store.benchmark_choice(id).unwrap(), chosen);

    for (bad, expect) in [
        (
            csirt_store::BenchmarkChoice {
                benchmark: Some("synthetic-pool".into()),
                segment: Some("sector=retail".into()),
            },
            "sector=retail",
        ),
        (
            csirt_store::BenchmarkChoice {
                benchmark: Some("nope".into()),
                segment: None,
            },
            "\"nope\"",
        ),
    ] {
        let e = store.set_benchmark_choice(&s, id, &bad).unwrap_err();
        use csirt_model::Localized;
        assert!(e.localized(Lang::Ja).contains(expect), "{e}");
        assert!(e.localized(Lang::En).contains(expect), "{e}");
        assert_eq!(store.benchmark_choice(id).unwrap(), chosen);
    }
    assert!(matches!(
        store.benchmark_choice(999),
        Err(StoreError::NoAssessment(999))
    ));
}
