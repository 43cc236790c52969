//! Misuse trials: a full disk while saving and exporting, and two processes writing to one
//! database at once. Each must end in a clear error or success, never in a damaged file.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::process::{Command, Output};

fn csirt(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_csirt"))
        .args(args)
        .env("CSIRT_DB", db)
        .output()
        .unwrap()
}

/// Runs csirt with a file-size limit of `kib` KiB (RLIMIT_FSIZE), as if the disk were full.
/// SIGXFSZ is ignored so that writes fail with EFBIG instead of killing the process.
fn csirt_with_full_disk(db: &Path, kib: u32, args: &[&str]) -> Output {
    let quoted: Vec<String> = args
        .iter()
        .map(|a| format!("'{}'", a.replace('\'', "'\\''")))
        .collect();
    Command::new("bash")
        .arg("-c")
        .arg(format!(
            "ulimit -f {kib}; trap '' XFSZ; exec '{}' {}",
            env!("CARGO_BIN_EXE_csirt"),
            quoted.join(" ")
        ))
        .env("CSIRT_DB", db)
        .output()
        .unwrap()
}

fn integrity(db: &Path) -> String {
    csirt_store::Store::open(db)
        .unwrap()
        .integrity_check()
        .unwrap()
}

#[test]
fn a_full_disk_while_saving_and_exporting_gives_a_clear_error_and_no_damage() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let demo = dir.path().join("demo.json");
    std::fs::write(&demo, csirt(&db, &["demo"]).stdout).unwrap();
    assert!(
        csirt(&db, &["assessment", "import", demo.to_str().unwrap()])
            .status
            .success()
    );
    let before = csirt_store::Store::open(&db).unwrap().dump().unwrap();
    let size = std::fs::metadata(&db).unwrap().len();

    // Saving: the longest free-text answer accepted (csirt_model::limits), saved again and
    // again, soon needs more room than the limit leaves.
    let limit = (size / 1024) as u32 + 4;
    let long = "x".repeat(csirt_model::limits::LONG_TEXT_MAX_CHARS - 2);
    let mut failures = 0;
    for i in 0..40 {
        let out = csirt_with_full_disk(
            &db,
            limit,
            &[
                "assessment",
                "answer",
                "1",
                "2.9.w",
                &format!("\"{long}{i:02}\""),
            ],
        );
        if !out.status.success() {
            failures += 1;
            let err = String::from_utf8_lossy(&out.stderr);
            // In the user's language: Japanese by default.
            assert!(
                err.starts_with("エラー: データベースに書き込めません"),
                "{err}"
            );
            assert!(err.contains("何も保存していません"), "{err}");
            assert!(!err.contains("panicked"), "{err}");
        }
    }
    assert!(
        failures > 0,
        "the limit should have stopped at least one save"
    );
    assert_eq!(integrity(&db), "ok");
    // Whatever did not fit is absent; everything else is as before.
    let after = csirt_store::Store::open(&db).unwrap().dump().unwrap();
    let kept: Vec<&str> = before
        .lines()
        .filter(|l| !l.starts_with("assessment|"))
        .collect();
    for line in kept {
        assert!(after.contains(line), "lost: {line}");
    }

    // Exporting a PDF and an XLSX into a full disk: a clear error, not a crash.
    let pdf = dir.path().join("report.pdf");
    let out = csirt_with_full_disk(&db, 8, &["report", "--demo", "-o", pdf.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("書き込めません") || err.contains("cannot write"),
        "{err}"
    );
    let xlsx = dir.path().join("a.xlsx");
    let out = csirt_with_full_disk(
        &db,
        4,
        &[
            "assessment",
            "export",
            "1",
            "--format",
            "xlsx",
            "-o",
            xlsx.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(integrity(&db), "ok");
}

#[test]
fn two_processes_writing_one_database_stay_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    assert!(csirt(&db, &["org", "add", "Shared"]).status.success());
    assert!(csirt(&db, &["assessment", "new", "--org", "1"])
        .status
        .success());
    let spawn = |start: &str| {
        Command::new(env!("CARGO_BIN_EXE_csirt"))
            .args([
                "db",
                "stress-write",
                "--assessment",
                "1",
                "--count",
                "300",
                "--start",
                start,
            ])
            .env("CSIRT_DB", &db)
            .output()
            .unwrap()
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(|| spawn("0"));
        let b = s.spawn(|| spawn("100000"));
        (a.join().unwrap(), b.join().unwrap())
    });
    for out in [&a, &b] {
        // SQLite serialises the writers; with the 5 s busy timeout both finish.
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 300);
    }
    assert_eq!(integrity(&db), "ok");
}

/// Runs `bin` (a copy of csirt) as a user who may not write to a folder made read-only. Root
/// ignores file modes, so as root (as in CI) the command drops to `nobody` with setpriv;
/// otherwise chmod suffices.
fn csirt_without_write_permission(bin: &Path, db: &Path, args: &[&str]) -> Output {
    let root = Command::new("id").arg("-u").output().unwrap().stdout == b"0\n";
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(bin);
        c
    } else {
        Command::new(bin)
    };
    cmd.args(args).env("CSIRT_DB", db).output().unwrap()
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn files_in(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_read_only_database_folder_gives_a_clear_error_and_changes_nothing() {
    let outer = tempfile::tempdir().unwrap();
    // The unprivileged user must be able to reach the folder and run the binary, which may
    // sit in a home folder closed to others: run a copy from here.
    set_mode(outer.path(), 0o755);
    let bin = outer.path().join("csirt");
    std::fs::copy(env!("CARGO_BIN_EXE_csirt"), &bin).unwrap();
    set_mode(&bin, 0o755);
    let folder = outer.path().join("data");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("db.sqlite3");
    let demo = outer.path().join("demo.json");
    std::fs::write(&demo, csirt(&db, &["demo"]).stdout).unwrap();
    assert!(
        csirt(&db, &["assessment", "import", demo.to_str().unwrap()])
            .status
            .success()
    );
    set_mode(&demo, 0o644);
    // Checkpoint so that the whole database is in the main file, as after a clean close.
    drop(csirt_store::Store::open(&db).unwrap());
    set_mode(&db, 0o644);
    set_mode(&folder, 0o555);
    let before = files_in(&folder);

    let cases: [(&Path, &[&str]); 3] = [
        (&db, &["org", "list"]),
        (&db, &["assessment", "answer", "1", "1.2", "\"b\""]),
        (&folder.join("new.sqlite3"), &["org", "list"]),
    ];
    for (path, args) in cases {
        let out = csirt_without_write_permission(&bin, path, args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{args:?} succeeded");
        assert!(
            stderr.contains("読み取り専用") && stderr.contains("何も変更していません"),
            "{args:?}: {stderr}"
        );
        assert!(
            stderr.contains(&path.display().to_string()),
            "{args:?} does not name the file: {stderr}"
        );
        assert_eq!(files_in(&folder), before, "{args:?} changed the folder");
    }

    set_mode(&folder, 0o755);
    assert_eq!(integrity(&db), "ok");
}

fn err_of(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn errors_speak_the_users_language_and_name_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    assert!(csirt(&db, &["org", "add", "Lang K.K."]).status.success());
    assert!(csirt(
        &db,
        &["assessment", "new", "--org", "1", "--date", "2026-03-31"]
    )
    .status
    .success());
    let before = csirt_store::Store::open(&db).unwrap().dump().unwrap();
    type Case<'a> = (Vec<&'a str>, [&'a str; 2], [&'a str; 2]);
    let cases: Vec<Case> = vec![
        (
            vec!["assessment", "new", "--org", "1", "--date", "31/03/2026"],
            [
                "エラー: 日付 \"31/03/2026\" は YYYY-MM-DD の形ではありません",
                "error: date \"31/03/2026\" is not in the form YYYY-MM-DD",
            ],
            ["", ""],
        ),
        (
            vec!["assessment", "new", "--org", "1", "--date", "next week"],
            [
                "日付 \"next week\" は YYYY-MM-DD の形ではありません",
                "date \"next week\" is not in the form YYYY-MM-DD",
            ],
            ["", ""],
        ),
        (
            vec!["assessment", "new", "--org", "1", "--date", "2015-02-30"],
            [
                "日付 \"2015-02-30\" は暦にありません",
                "date \"2015-02-30\" does not exist",
            ],
            ["", ""],
        ),
        (
            vec!["assessment", "date", "1", "2026-02-29"],
            [
                "日付 \"2026-02-29\" は暦にありません",
                "date \"2026-02-29\" does not exist",
            ],
            ["", ""],
        ),
        (
            vec!["assessment", "answer", "1", "2.8", "\"z\""],
            ["項目 2.8: ", "item 2.8: "],
            ["\"z\"", "\"z\""],
        ),
        (
            vec!["assessment", "answer", "1", "2.8", "z"],
            [
                "\"z\" は JSON の回答ではありません",
                "\"z\" is not a JSON answer",
            ],
            ["", ""],
        ),
        (
            vec!["assessment", "show", "99"],
            [
                "エラー: ID 99 の評価はありません",
                "error: no assessment with id 99",
            ],
            ["", ""],
        ),
        (
            vec!["assessment", "new", "--org", "7"],
            ["ID 7 の組織はありません", "no organisation with id 7"],
            ["", ""],
        ),
    ];
    for (args, says, also) in &cases {
        for (i, lang) in ["ja", "en"].into_iter().enumerate() {
            let mut with_lang = args.clone();
            with_lang.extend(["--lang", lang]);
            let out = csirt(&db, &with_lang);
            let err = err_of(&out);
            assert_eq!(out.status.code(), Some(1), "{with_lang:?}: {err}");
            assert!(
                err.contains(says[i]) && err.contains(also[i]),
                "{with_lang:?}: {err}"
            );
            if lang == "en" {
                assert!(
                    !err.chars().any(|c| ('\u{3040}'..='\u{30ff}').contains(&c)),
                    "{err}"
                );
            }
            // Nor a library's English inside the Japanese.
            if lang == "ja" {
                for english in ["expected ", " at line ", "invalid type", "unknown variant"] {
                    assert!(!err.contains(english), "{english:?} in {err}");
                }
            }
        }
        // Japanese is the default.
        assert!(err_of(&csirt(&db, args)).contains(says[0]), "{args:?}");
    }
    assert_eq!(
        csirt_store::Store::open(&db).unwrap().dump().unwrap(),
        before,
        "a refusal changed the store"
    );
}

#[test]
fn a_new_assessment_takes_the_day_of_the_users_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    assert!(csirt(&db, &["org", "add", "Zone K.K."]).status.success());
    let day_in = |tz: &str| -> String {
        let out = Command::new("date")
            .arg("+%F")
            .env("TZ", tz)
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    // 26 hours apart: at any moment, one of the two is not UTC's day.
    for tz in ["Pacific/Kiritimati", "Etc/GMT+12"] {
        let before = day_in(tz);
        let out = Command::new(env!("CARGO_BIN_EXE_csirt"))
            .args(["assessment", "new", "--org", "1", "--json"])
            .env("CSIRT_DB", &db)
            .env("TZ", tz)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", err_of(&out));
        let row: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let date = row["date"].as_str().unwrap().to_string();
        assert!(
            date == before || date == day_in(tz),
            "{tz}: {date} vs {before}"
        );
    }
}

#[test]
fn an_empty_database_file_is_refused_and_left_empty() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("synced.sqlite3");
    std::fs::write(&db, b"").unwrap();
    for (lang, says) in [("ja", "0 バイト"), ("en", "is empty (0 bytes)")] {
        let out = csirt(&db, &["org", "list", "--lang", lang]);
        assert_eq!(out.status.code(), Some(1));
        let err = err_of(&out);
        assert!(
            err.contains(says) && err.contains("synced.sqlite3"),
            "{err}"
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), b"");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
