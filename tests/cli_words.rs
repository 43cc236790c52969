//! The command line's own words and choices: the report format an output's extension implies
//! (and a contradicting --format refused), the status words of stored assessments in the user's
//! language, confirming an item the questionnaire does not have, and the help of every command.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{stderr, stdout};
use std::path::Path;
use std::process::{Command, Output};

fn csirt(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csirt"))
        .args(args)
        .env("CSIRT_DB", db)
        .env_remove("CSIRT_QUESTIONNAIRES")
        .output()
        .expect("run csirt")
}

/// What a report file is, by its first bytes.
fn kind_of(path: &Path) -> &'static str {
    let bytes = std::fs::read(path).unwrap();
    if bytes.starts_with(b"%PDF") {
        "pdf"
    } else if bytes.starts_with(b"PK") {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        assert!(zip.by_name("word/document.xml").is_ok());
        "docx"
    } else if String::from_utf8_lossy(&bytes[..bytes.len().min(200)])
        .to_ascii_lowercase()
        .contains("<html")
    {
        "html"
    } else {
        "other"
    }
}

/// A database holding the sim3 demo as assessment 1.
fn stored_sim3(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("db.sqlite3");
    let demo = dir.join("demo.json");
    let out = csirt(&db, &["demo", "--questionnaire", "sim3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    std::fs::write(&demo, &out.stdout).unwrap();
    let out = csirt(&db, &["assessment", "import", demo.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

#[test]
fn the_output_extension_chooses_the_report_format() {
    let tmp = tempfile::tempdir().unwrap();
    let db = stored_sim3(tmp.path());
    for (name, kind) in [("x.docx", "docx"), ("x.html", "html"), ("X.DOCX", "docx")] {
        let file = tmp.path().join(name);
        let out = csirt(&db, &["report", "--demo", "-o", file.to_str().unwrap()]);
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(kind_of(&file), kind, "report --demo -o {name}");
        let stored = tmp.path().join(format!("stored-{name}"));
        let out = csirt(
            &db,
            &["assessment", "report", "1", "-o", stored.to_str().unwrap()],
        );
        assert!(out.status.success(), "{name}: {}", stderr(&out));
        assert_eq!(kind_of(&stored), kind, "assessment report 1 -o {name}");
    }
    // --format that agrees, and the older --html, still work.
    let file = tmp.path().join("agree.docx");
    let out = csirt(
        &db,
        &[
            "report",
            "--demo",
            "--format",
            "docx",
            "-o",
            file.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(kind_of(&file), "docx");
}

#[test]
fn a_format_that_contradicts_the_extension_is_refused_and_nothing_is_written() {
    let tmp = tempfile::tempdir().unwrap();
    let db = stored_sim3(tmp.path());
    let pdf = tmp.path().join("x.pdf");
    let docx = tmp.path().join("x.docx");
    let (pdf, docx) = (pdf.to_str().unwrap(), docx.to_str().unwrap());
    let tries: [&[&str]; 4] = [
        &["report", "--demo", "--format", "docx", "-o", pdf],
        &["report", "--demo", "--html", "-o", docx],
        &["assessment", "report", "1", "--format", "docx", "-o", pdf],
        &["assessment", "report", "1", "--format", "pdf", "-o", docx],
    ];
    for args in tries {
        for (lang, words) in [("ja", "拡張子"), ("en", "ends in")] {
            let mut all = args.to_vec();
            all.extend(["--lang", lang]);
            let out = csirt(&db, &all);
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
            assert!(stdout(&out).is_empty(), "{args:?}");
        }
    }
    assert!(!tmp.path().join("x.pdf").exists());
    assert!(!tmp.path().join("x.docx").exists());
}

#[test]
fn the_status_is_told_in_the_users_words() {
    let tmp = tempfile::tempdir().unwrap();
    let db = stored_sim3(tmp.path());
    let list = |lang: &str| {
        let out = csirt(&db, &["assessment", "list", "--lang", lang]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .next()
            .unwrap()
            .split('\t')
            .nth(4)
            .unwrap()
            .to_string()
    };
    let show = |lang: &str| {
        let out = csirt(&db, &["assessment", "show", "1", "--lang", lang]);
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out).lines().next().unwrap().to_string()
    };
    // The demo is imported as it was saved (final); make it a draft first.
    let out = csirt(&db, &["assessment", "status", "1", "draft"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(list("ja"), "下書き");
    assert_eq!(list("en"), "draft");
    assert!(show("ja").ends_with("(下書き)"), "{}", show("ja"));
    assert!(show("en").ends_with("(draft)"), "{}", show("en"));
    let out = csirt(&db, &["assessment", "status", "1", "final"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(list("ja"), "確定");
    assert_eq!(list("en"), "final");
    assert!(show("ja").ends_with("(確定)"), "{}", show("ja"));
    assert!(show("en").ends_with("(final)"), "{}", show("en"));
}

#[test]
fn confirming_an_item_the_questionnaire_lacks_names_it_as_such() {
    let tmp = tempfile::tempdir().unwrap();
    let db = stored_sim3(tmp.path());
    let before = csirt_store::Store::open(&db).unwrap().dump().unwrap();
    for (lang, words) in [
        ("en", "item X-99: no such item in questionnaire sim3"),
        ("ja", "項目 X-99: 質問票 sim3 にこの項目はありません"),
    ] {
        let out = csirt(&db, &["assessment", "confirm", "1", "X-99", "--lang", lang]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(words), "{}", stderr(&out));
    }
    // An item it has, but whose answer is the user's own: the other reason.
    let out = csirt(&db, &["assessment", "confirm", "1", "O-3", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("not a derived answer"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        csirt_store::Store::open(&db).unwrap().dump().unwrap(),
        before
    );
}

#[test]
fn every_command_has_a_help_text() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db.sqlite3");
    let out = csirt(&db, &["questionnaire", "show", "--help"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let first = stdout(&out).lines().next().unwrap_or_default().to_string();
    assert!(
        !first.is_empty() && !first.starts_with("Usage:"),
        "questionnaire show --help: {}",
        stdout(&out)
    );
    // Every subcommand listed by a group's help carries a description.
    for group in [
        "questionnaire",
        "assessment",
        "benchmark",
        "org",
        "db",
        "action",
    ] {
        let out = csirt(&db, &[group, "--help"]);
        assert!(out.status.success(), "{group}: {}", stderr(&out));
        let help = stdout(&out);
        let commands = help
            .split("Commands:")
            .nth(1)
            .unwrap()
            .split("\n\n")
            .next()
            .unwrap();
        for line in commands.lines().filter(|l| !l.trim().is_empty()) {
            let words: Vec<&str> = line.split_whitespace().collect();
            assert!(words.len() > 1, "{group}: no help for {line:?}");
        }
    }
    // The report commands say the extension chooses the format.
    for args in [
        &["report", "--help"][..],
        &["assessment", "report", "--help"],
    ] {
        let out = csirt(&db, args);
        assert!(
            stdout(&out).contains("its extension"),
            "{args:?}: {}",
            stdout(&out)
        );
    }
}
