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

    // Saving: a long comment needs more room than the limit leaves.
    let limit = (size / 1024) as u32 + 4;
    let long = "x".repeat(100_000);
    let mut failures = 0;
    for i in 0..5 {
        let out = csirt_with_full_disk(
            &db,
            limit,
            &[
                "assessment",
                "answer",
                "1",
                "2.9.w",
                &format!("\"{long}{i}\""),
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
