//! The kinds of input that break comparable tools, against the store: dates that are not real
//! days (typed now, or stored by an older version), empty database files, names that repeat
//! another's or hold control characters, and a questionnaire changed under its assessments.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::date::Date;
use csirt_model::{
    builtin, load_dir, Answer, Assessment, Lang, Localized, Organisation, QuestionnaireSet,
};
use csirt_store::{NameOf, Store, StoreError};
use rusqlite::Connection;
use std::path::Path;

fn set() -> QuestionnaireSet {
    builtin().unwrap()
}

fn org(name: &str) -> Organisation {
    Organisation {
        name: name.into(),
        ..Default::default()
    }
}

fn text(s: &str) -> Answer {
    Answer::Text(s.into())
}

fn fresh() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("db.sqlite3")).unwrap();
    (dir, store)
}

// ------------------------------------------------------------------------------------ dates

#[test]
fn a_date_that_is_not_a_real_day_is_refused_on_create_and_on_update() {
    let (_dir, mut store) = fresh();
    let s = set();
    let q = &s.questionnaire;
    let o = store.add_organisation(&org("Dated K.K.")).unwrap();
    let id = store
        .create_assessment(o, q, Some("2026-03-31"), Lang::Ja)
        .unwrap();
    let before = store.dump().unwrap();
    for bad in [
        "31/03/2026",
        "next week",
        "2015-02-30",
        "2023-02-29",
        "2026-3-31",
        "2026-03-31 ",
        "２０２６-03-31",
        "1899-12-31",
        "",
    ] {
        for result in [
            store
                .create_assessment(o, q, Some(bad), Lang::Ja)
                .map(|_| ()),
            store.set_date(id, bad),
        ] {
            match result {
                Err(e @ StoreError::InvalidDate(_)) => {
                    let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
                    assert!(en.contains(&format!("{bad:?}")), "{bad:?}: {en}");
                    assert!(ja.contains(&format!("{bad:?}")), "{bad:?}: {ja}");
                    assert!(ja.contains("日付"), "{bad:?}: {ja}");
                }
                other => panic!("{bad:?} was not refused: {other:?}"),
            }
        }
        assert_eq!(store.dump().unwrap(), before, "{bad:?} changed the store");
    }
    // Its neighbours that are real days are taken, as typed.
    for good in ["2024-02-29", "2026-12-31", "1900-01-01"] {
        store.set_date(id, good).unwrap();
        assert_eq!(store.assessment(id).unwrap().date, good);
    }
    assert!(matches!(
        store.set_date(999, "2026-01-01"),
        Err(StoreError::NoAssessment(999))
    ));
}

#[test]
fn a_new_assessment_is_dated_the_users_own_day() {
    let (_dir, mut store) = fresh();
    let s = set();
    let o = store.add_organisation(&org("Today K.K.")).unwrap();
    let before = Date::today();
    let id = store
        .create_assessment(o, &s.questionnaire, None, Lang::Ja)
        .unwrap();
    let after = Date::today();
    let date = store.assessment(id).unwrap().date;
    assert!(
        date == before.to_string() || date == after.to_string(),
        "{date}"
    );
}

/// Writes `date` into an assessment's row as an older version could have.
fn force_date(path: &Path, id: i64, date: &str) {
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "UPDATE assessment SET date = ?2 WHERE id = ?1",
        rusqlite::params![id, date],
    )
    .unwrap();
}

#[test]
fn dates_stored_before_they_were_checked_are_kept_sorted_last_and_block_only_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite3");
    let s = set();
    let q = &s.questionnaire;
    let catalog = csirt_model::Catalog {
        sets: vec![s.clone()],
    };
    let mut store = Store::open(&path).unwrap();
    let o = store.add_organisation(&org("Legacy K.K.")).unwrap();
    let mut ids = Vec::new();
    for date in ["2025-10-01", "2026-09-30", "2026-01-15", "2024-05-05"] {
        ids.push(store.create_assessment(o, q, Some(date), Lang::Ja).unwrap());
    }
    drop(store);
    // As typed into an older version: neither sorts where its text would put it.
    force_date(&path, ids[1], "31/03/2026");
    force_date(&path, ids[3], "next week");
    let store = Store::open(&path).unwrap();

    let listed: Vec<String> = store
        .list_assessments(Some(o))
        .unwrap()
        .into_iter()
        .map(|r| r.date)
        .collect();
    assert_eq!(
        listed,
        ["2026-01-15", "2025-10-01", "next week", "31/03/2026"],
        "newest first by the calendar, then the undated, newest row first"
    );

    // The history the trend is made from: every assessment; a cut-off leaves the undated out.
    let dates = |upto: Option<&str>| -> Vec<String> {
        let mut d: Vec<String> = store
            .history(&catalog, o, "jpcert-2015", upto)
            .unwrap()
            .into_iter()
            .map(|a| a.date.unwrap_or_default())
            .collect();
        d.sort();
        d
    };
    assert_eq!(dates(None).len(), 4);
    assert_eq!(dates(Some("2026-01-14")), ["2025-10-01"]);
    assert_eq!(dates(Some("2026-01-15")), ["2025-10-01", "2026-01-15"]);

    // Nothing is lost: the stored text is shown as it is, the assessment still loads and
    // scores; only the export, which could not be imported, is refused and says what to do.
    let a = store.load_assessment(q, ids[1]).unwrap();
    assert_eq!(a.date.as_deref(), Some("31/03/2026"));
    let e = store.export_assessment(q, ids[1]).unwrap_err();
    assert!(
        matches!(&e, StoreError::StoredDateInvalid { id, date } if *id == ids[1] && date == "31/03/2026"),
        "{e:?}"
    );
    let ja = e.localized(Lang::Ja);
    assert!(
        ja.contains("31/03/2026") && ja.contains("csirt assessment date"),
        "{ja}"
    );
    // Once corrected, it exports and the file imports.
    store.set_date(ids[1], "2026-03-31").unwrap();
    let file = store.export_assessment(q, ids[1]).unwrap();
    let again = Store::open(&dir.path().join("other.sqlite3"))
        .unwrap()
        .import(q, &file, None);
    assert!(again.is_ok(), "{again:?}");
}

// ------------------------------------------------------------------------------ empty files

#[test]
fn an_empty_file_is_refused_not_taken_for_a_new_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("synced.sqlite3");
    std::fs::write(&path, b"").unwrap();
    let e = Store::open(&path)
        .err()
        .expect("an empty file must be refused");
    assert!(matches!(e, StoreError::EmptyFile { .. }), "{e:?}");
    assert!(e.to_string().contains("synced.sqlite3"), "{e}");
    let ja = e.localized(Lang::Ja);
    assert!(
        ja.contains("0 バイト") && ja.contains("synced.sqlite3"),
        "{ja}"
    );
    // Untouched: still empty, and nothing written beside it.
    assert_eq!(std::fs::read(&path).unwrap(), b"");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    // Also when an empty file sits beside its write-ahead log: the data may be there.
    std::fs::write(dir.path().join("synced.sqlite3-wal"), b"log").unwrap();
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::EmptyFile { .. })
    ));
    std::fs::remove_file(dir.path().join("synced.sqlite3-wal")).unwrap();
    // Neighbours: a copy cut short (in or after the header), a page of zeros, one byte, a
    // text file: refused as not a database, untouched.
    let mut whole = Vec::new();
    {
        let donor = dir.path().join("donor.sqlite3");
        let s = Store::open(&donor).unwrap();
        s.add_organisation(&org("Donor")).unwrap();
        s.backup_to(&dir.path().join("copy.sqlite3")).unwrap();
        whole.extend(std::fs::read(dir.path().join("copy.sqlite3")).unwrap());
    }
    for bytes in [
        b"SQLite format 3\0".to_vec(),
        whole[..99].to_vec(),
        whole[..1000].to_vec(),
        vec![0u8; 4096],
        vec![b'x'],
        b"name,sector\nACME,IT\n".to_vec(),
    ] {
        std::fs::write(&path, &bytes).unwrap();
        let e = Store::open(&path)
            .err()
            .expect("a damaged file must be refused");
        assert!(matches!(e, StoreError::NotADatabase { .. }), "{e:?}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }
    // Only a path where nothing is becomes a new database.
    std::fs::remove_file(&path).unwrap();
    assert!(Store::open(&path).is_ok());
}

// ------------------------------------------------------------------------------------ names

#[test]
fn organisation_names_are_one_line_and_unique_however_they_are_typed() {
    let (_dir, mut store) = fresh();
    let s = set();
    let acme = store.add_organisation(&org("ACME Corp")).unwrap();
    let other = store.add_organisation(&org("Other K.K.")).unwrap();
    let before = store.dump().unwrap();
    for same in [
        "ACME Corp",
        " acme corp ",
        "ＡＣＭＥ　Ｃｏｒｐ",
        "Acme  corp",
        "ACME CORP",
    ] {
        match store.add_organisation(&org(same)) {
            Err(e @ StoreError::DuplicateName { .. }) => {
                assert!(
                    matches!(e, StoreError::DuplicateName { id, what: NameOf::Organisation, .. } if id == acme)
                );
                assert!(e.localized(Lang::Ja).contains("すでにあります"), "{e}");
            }
            r => panic!("{same:?}: {r:?}"),
        }
        assert!(matches!(
            store.update_organisation(other, &org(same)),
            Err(StoreError::DuplicateName { .. })
        ));
    }
    for broken in ["ACME\nCorp", "ACME\tCorp", "A\u{7}B", "New\r\nName"] {
        for r in [
            store.add_organisation(&org(broken)).map(|_| ()),
            store.update_organisation(other, &org(broken)),
        ] {
            match r {
                Err(e @ StoreError::ControlCharacter { .. }) => {
                    assert!(e.localized(Lang::Ja).contains("制御文字"), "{e}");
                }
                r => panic!("{broken:?}: {r:?}"),
            }
        }
    }
    assert_eq!(store.dump().unwrap(), before, "a refusal changed the store");
    // Its own name, recased, is no clash; a name close to another's is not the same.
    store.update_organisation(acme, &org("Acme Corp")).unwrap();
    store.add_organisation(&org("ACME Corp 2")).unwrap();

    // An imported file of the same organisation joins it, however its name is written.
    let mut file = Assessment::new(&s.questionnaire, org("ａｃｍｅ ＣＯＲＰ"));
    file.date = Some("2026-04-01".into());
    let id = store.import(&s.questionnaire, &file, None).unwrap();
    assert_eq!(store.assessment(id).unwrap().organisation_id, acme);
    let mut broken = file.clone();
    broken.organisation.name = "Line\nbreak".into();
    let before = store.dump().unwrap();
    // The file's validator refuses it before the store's own name rule would.
    let e = store.import(&s.questionnaire, &broken, None).unwrap_err();
    assert!(e.to_string().contains("control character"), "{e}");
    assert_eq!(store.dump().unwrap(), before);
}

fn participant(s: &QuestionnaireSet, answer: &str) -> Assessment {
    let mut a = Assessment::new(&s.questionnaire, org("Participant"));
    a.answers.insert("4.1".into(), text(answer));
    a.comments.insert("4.1".into(), format!("chose {answer}"));
    a
}

#[test]
fn the_same_participant_is_not_counted_twice() {
    let (_dir, mut store) = fresh();
    let s = set();
    let q = &s.questionnaire;
    let o = store.add_organisation(&org("Workshop K.K.")).unwrap();
    let id = store
        .create_assessment(o, q, Some("2026-06-01"), Lang::Ja)
        .unwrap();
    let sato = store
        .import_as_respondent(q, id, "Sato", Some("legal"), &participant(&s, "a"))
        .unwrap();
    store.add_respondent(id, "Suzuki", None).unwrap();
    let before = store.dump().unwrap();
    for same in ["Sato", "sato", " SATO ", "Ｓａｔｏ"] {
        match store.import_as_respondent(q, id, same, None, &participant(&s, "b")) {
            Err(StoreError::DuplicateName {
                what: NameOf::Respondent,
                id: earlier,
                ..
            }) => assert_eq!(earlier, sato),
            r => panic!("{same:?}: {r:?}"),
        }
        assert!(matches!(
            store.add_respondent(id, same, None),
            Err(StoreError::DuplicateName { .. })
        ));
    }
    let suzuki = store.list_respondents(id).unwrap()[2].id;
    assert!(matches!(
        store.update_respondent(id, suzuki, "ＳＡＴＯ", None),
        Err(StoreError::DuplicateName { .. })
    ));
    assert!(matches!(
        store.add_respondent(id, "Sa\nto", None),
        Err(StoreError::ControlCharacter { .. })
    ));
    assert_eq!(store.dump().unwrap(), before, "a refusal changed the store");
    // Renaming oneself in another case is fine.
    store
        .update_respondent(id, sato, "SATO", Some("legal"))
        .unwrap();

    // Replacing: one Sato, with the new file's answers and notes, the role kept.
    store
        .import_respondent(q, id, "sato", None, &participant(&s, "c"), true)
        .unwrap();
    let people = store.list_respondents(id).unwrap();
    let satos: Vec<_> = people
        .iter()
        .filter(|r| r.name.eq_ignore_ascii_case("sato"))
        .collect();
    assert_eq!(satos.len(), 1, "{people:?}");
    assert_eq!(satos[0].role.as_deref(), Some("legal"));
    let answers = store.respondent_answers(id, Some(satos[0].id)).unwrap();
    assert_eq!(answers, [("4.1".to_string(), text("c"), None)]);
    let notes = store.respondent_notes(id, Some(satos[0].id)).unwrap();
    assert_eq!(notes[0].1.as_deref(), Some("chose c"));
    // One person answered 4.1 in the workshop: Sato, once.
    let w = store.load_workshop(id, false).unwrap();
    let answered: Vec<_> = w
        .respondents
        .iter()
        .filter(|r| r.answers.get("4.1").is_some())
        .collect();
    assert_eq!(answered.len(), 1, "{w:?}");
}

// --------------------------------------------------------------- a changed questionnaire

/// The built-in questionnaire as a folder, edited to another version: option c of 1.1 and the
/// whole item 1.6 dropped.
fn version_two(dir: &Path) -> QuestionnaireSet {
    let src = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../questionnaires/jpcert-2015/questionnaire.toml"),
    )
    .unwrap();
    let src = src.replacen("version = \"2015.1\"", "version = \"2016.1\"", 1);
    let at = src.find("id = \"1.1\"").unwrap();
    let c = at + src[at..].find("  { key = \"c\"").unwrap();
    let end = c + src[c..].find('\n').unwrap() + 1;
    let src = format!("{}{}", &src[..c], &src[end..]);
    let start = src.find("[[items]]\nid = \"1.6\"").unwrap();
    let next = start + 1 + src[start + 1..].find("[[items]]").unwrap();
    let src = format!("{}{}", &src[..start], &src[next..]);
    let folder = dir.join("jpcert-2016");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("questionnaire.toml"), src).unwrap();
    load_dir(&folder).unwrap()
}

#[test]
fn a_changed_questionnaire_keeps_every_stored_answer_and_names_what_no_longer_fits() {
    let (dir, mut store) = fresh();
    let one = set();
    let q1 = &one.questionnaire;
    let two = version_two(dir.path());
    let q2 = &two.questionnaire;
    assert_eq!(q2.version, "2016.1");
    assert!(q2.item("1.6").is_none());

    let o = store.add_organisation(&org("Versioned K.K.")).unwrap();
    let id = store
        .create_assessment(o, q1, Some("2026-02-01"), Lang::Ja)
        .unwrap();
    store
        .save_answer(q1, id, None, "1.1", &text("c"), None)
        .unwrap();
    store
        .save_answer(q1, id, None, "1.6", &text("2015-04"), None)
        .unwrap();
    store
        .save_answer(q1, id, None, "4.1", &text("b"), None)
        .unwrap();
    store
        .save_note(q1, id, None, "1.6", Some("from the charter"), None)
        .unwrap();
    let sato = store.add_respondent(id, "Sato", None).unwrap();
    store
        .save_answer(q1, id, Some(sato), "1.1", &text("c"), None)
        .unwrap();
    store
        .set_consensus(q1, id, "1.1", Some(&text("c")), None, Some("legal led it"))
        .unwrap();
    let before = store.dump().unwrap();

    // The same version: nothing to say.
    assert!(store.fit(q1, id).unwrap().is_clean());

    let fit = store.fit(q2, id).unwrap();
    assert_eq!(
        (fit.stored_version.as_str(), fit.loaded_version.as_str()),
        ("2015.1", "2016.1")
    );
    let listed: Vec<(String, String, String)> = fit
        .misfits
        .iter()
        .map(|m| (m.item.clone(), m.whose.en.clone(), m.value.clone()))
        .collect();
    for expected in [
        ("1.1", "facilitator's answer", "\"c\""),
        ("1.1", "respondent Sato's answer", "\"c\""),
        ("1.1", "agreed answer", "\"c\" (legal led it)"),
        ("1.6", "facilitator's answer", "\"2015-04\""),
        ("1.6", "facilitator's comment", "from the charter"),
    ] {
        let e = (
            expected.0.to_string(),
            expected.1.to_string(),
            expected.2.to_string(),
        );
        assert!(listed.contains(&e), "{e:?} not in {listed:?}");
    }
    assert_eq!(listed.len(), 5, "{listed:?}");
    let warning = fit.warning(id).unwrap();
    assert!(warning.ja.contains("2015.1") && warning.ja.contains("2016.1"));
    assert!(warning.ja.contains("項目 1.1") && warning.en.contains("item 1.6"));

    // What fits is used; nothing is deleted by reading.
    let a = store.load_assessment(q2, id).unwrap();
    assert_eq!(a.answers.get("4.1"), Some(&text("b")));
    assert!(a.answers.get("1.1").is_none() && a.answers.get("1.6").is_none());
    assert!(a.comments.get("1.6").is_none());
    assert_eq!(store.dump().unwrap(), before);
    assert_eq!(
        store.load_assessment(q1, id).unwrap().answers.get("1.1"),
        Some(&text("c"))
    );
    // A respondent's own view too: what fits, the rest kept.
    let own = store.load_respondent_assessment(q2, id, sato).unwrap();
    assert!(own.answers.get("1.1").is_none(), "{:?}", own.answers);
    let own = store.load_respondent_assessment(q1, id, sato).unwrap();
    assert_eq!(own.answers.get("1.1"), Some(&text("c")));

    // The interchange file could not be imported: refused, naming each misfit.
    let e = store.export_assessment(q2, id).unwrap_err();
    let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
    assert!(matches!(&e, StoreError::Misfits { misfits, .. } if misfits.len() == 5));
    assert!(en.contains("item 1.1 (respondent Sato's answer)"), "{en}");
    assert!(ja.contains("項目 1.6（進行役のコメント）"), "{ja}");

    // The user answers again where the item is still there, and drops the rest by name.
    assert!(matches!(
        store.drop_misfits(q2, id, Some("4.1")),
        Err(StoreError::InvalidInput(_))
    ));
    let gone = store.drop_misfits(q2, id, Some("1.6")).unwrap();
    assert_eq!(gone.len(), 2);
    store
        .save_answer(q2, id, None, "1.1", &text("b"), None)
        .unwrap();
    store
        .save_answer(q2, id, Some(sato), "1.1", &text("b"), None)
        .unwrap();
    store
        .set_consensus(
            q2,
            id,
            "1.1",
            Some(&text("b")),
            None,
            Some("planning led it"),
        )
        .unwrap();
    let fit = store.fit(q2, id).unwrap();
    assert!(fit.misfits.is_empty() && !fit.is_clean(), "{fit:?}");
    // Nothing misfits: the assessment now records the loaded version.
    assert!(store.drop_misfits(q2, id, None).unwrap().is_empty());
    assert!(store.fit(q2, id).unwrap().is_clean());

    let file = store.export_assessment(q2, id).unwrap();
    assert_eq!(file.questionnaire_version.as_deref(), Some("2016.1"));
    let mut other = Store::open(&dir.path().join("other.sqlite3")).unwrap();
    let imported = other.import(q2, &file, None).unwrap();
    assert_eq!(
        other.export_assessment(q2, imported).unwrap().answers,
        file.answers
    );
}

// --------------------------------------------------------------------- errors in Japanese

#[test]
fn every_store_error_reads_in_japanese_and_keeps_its_ids_and_paths() {
    let p = std::path::PathBuf::from("/data/csirt.sqlite3");
    let cases: Vec<(StoreError, &str)> = vec![
        (
            StoreError::NotADatabase { path: p.clone() },
            "/data/csirt.sqlite3",
        ),
        (
            StoreError::EmptyFile { path: p.clone() },
            "/data/csirt.sqlite3",
        ),
        (
            StoreError::ForeignDatabase { path: p.clone() },
            "/data/csirt.sqlite3",
        ),
        (
            StoreError::Corrupt {
                path: p.clone(),
                detail: "page 7".into(),
            },
            "page 7",
        ),
        (
            StoreError::NewerSchema {
                path: p.clone(),
                found: 9,
                known: 1,
            },
            "スキーマ 9",
        ),
        (
            StoreError::ReadOnly { path: p.clone() },
            "/data/csirt.sqlite3",
        ),
        (
            StoreError::CannotOpen { path: p.clone() },
            "/data/csirt.sqlite3",
        ),
        (StoreError::Backup("no space".into()), "no space"),
        (StoreError::NoOrganisation(41), "ID 41 の組織"),
        (StoreError::NoAssessment(42), "ID 42 の評価"),
        (StoreError::NoRespondent(43), "ID 43 の回答者"),
        (
            StoreError::InvalidAnswer {
                item: "2.8".into(),
                message: csirt_model::Text::new("選択肢にありません", "not an option"),
            },
            "項目 2.8: 選択肢にありません",
        ),
        (
            StoreError::DuplicateName {
                what: NameOf::Respondent,
                name: "Sato".into(),
                id: 44,
            },
            "回答者「Sato」はすでにあります（ID 44）",
        ),
        (
            StoreError::StoredDateInvalid {
                id: 45,
                date: "next week".into(),
            },
            "評価 45 の日付 \"next week\"",
        ),
        (
            StoreError::UnknownQuestionnaire("iso".into()),
            "質問票 \"iso\"",
        ),
        (
            StoreError::Io {
                path: p.clone(),
                source: std::io::Error::from(std::io::ErrorKind::NotFound),
            },
            "ファイルまたはフォルダがありません",
        ),
    ];
    for (e, expected) in cases {
        let ja = e.localized(Lang::Ja);
        assert!(ja.contains(expected), "{e:?}: {ja}");
        assert!(
            ja.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
            "{e:?} has no Japanese: {ja}"
        );
        assert_eq!(e.localized(Lang::En), e.to_string());
    }
}
