//! The report options on the command line (`--preset`, `--sections`, `--logo`,
//! `--confidential`) on `report` and `assessment report`: each bad value refused in the
//! user's language, naming what is wrong, with nothing written.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::{Command, Output};

fn csirt(dir: &Path, lang: &str, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csirt"))
        .current_dir(dir)
        .env("CSIRT_DB", dir.join("db.sqlite3"))
        .env_remove("CSIRT_QUESTIONNAIRES")
        .args(["--lang", lang])
        .args(args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `args` in both languages: each fails, writes no report, and says `ja` / `en`.
fn refused(dir: &Path, args: &[&str], ja: &[&str], en: &[&str]) {
    for (lang, words) in [("ja", ja), ("en", en)] {
        let o = csirt(dir, lang, args);
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "{args:?} {lang}: {err}");
        for w in words {
            assert!(err.contains(w), "{args:?} {lang}: {err:?} lacks {w:?}");
        }
        assert!(!dir.join("out.pdf").exists(), "{args:?} wrote a report");
    }
}

#[test]
fn bad_report_options_are_refused_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("not-an-image.png"), "hello").unwrap();
    let long = "x".repeat(201);
    let base = ["report", "--demo", "-o", "out.pdf"];
    let with = |extra: &[&'static str]| -> Vec<&str> {
        base.iter().copied().chain(extra.iter().copied()).collect()
    };
    refused(
        d,
        &with(&["--sections", "summary,apendix"]),
        &["章 \"apendix\" はありません", "since-last"],
        &["no section \"apendix\"", "since-last"],
    );
    refused(
        d,
        &with(&["--preset", "ceo"]),
        &["プリセット \"ceo\"", "board"],
        &["no preset \"ceo\"", "board"],
    );
    refused(
        d,
        &with(&["--logo", "missing.png"]),
        &["ロゴのファイル missing.png を読めません"],
        &["cannot read the logo missing.png"],
    );
    refused(
        d,
        &with(&["--logo", "not-an-image.png"]),
        &["not-an-image.png", "PNG または JPEG"],
        &["not-an-image.png", "PNG or JPEG"],
    );
    let too_long = with(&["--confidential"])
        .into_iter()
        .chain([long.as_str()])
        .collect::<Vec<_>>();
    refused(
        d,
        &too_long,
        &["機密区分の表示は 200 文字まで"],
        &["confidentiality line is limited to 200 characters"],
    );
}

#[test]
fn a_stored_assessments_report_takes_the_same_options() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("demo.json"), csirt(d, "en", &["demo"]).stdout).unwrap();
    let o = csirt(d, "en", &["assessment", "import", "demo.json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let id = String::from_utf8_lossy(&o.stdout).trim().to_string();
    refused(
        d,
        &[
            "assessment",
            "report",
            &id,
            "-o",
            "out.pdf",
            "--sections",
            "gapz",
        ],
        &["章 \"gapz\" はありません"],
        &["no section \"gapz\""],
    );
    let o = csirt(
        d,
        "en",
        &[
            "assessment",
            "report",
            &id,
            "-o",
            "out.pdf",
            "--preset",
            "board",
            "--sections",
            "summary,gaps",
            "--confidential",
            "  Board only  ",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(std::fs::read(d.join("out.pdf"))
        .unwrap()
        .starts_with(b"%PDF"));
}
