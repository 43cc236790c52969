//! `csirt questionnaire import|list|remove` on a real database folder, and an exported
//! assessment imported where its questionnaire is missing or another version is installed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{fixture, stderr, stdout};
use std::io::Write;
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

/// The small-survey fixture zipped as a folder, its questionnaire text changed by `edit`.
fn package(dir: &Path, name: &str, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let text =
        std::fs::read_to_string(fixture("packages/small-survey/questionnaire.toml")).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(dir.join(name)).unwrap());
    let opts = zip::write::SimpleFileOptions::default();
    w.start_file("small-survey/questionnaire.toml", opts)
        .unwrap();
    w.write_all(edit(text).as_bytes()).unwrap();
    w.finish().unwrap();
    dir.join(name)
}

fn list(db: &Path) -> Vec<serde_json::Value> {
    let out = csirt(db, &["questionnaire", "list", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str::<Vec<serde_json::Value>>(&stdout(&out)).unwrap()
}

#[test]
fn a_package_is_installed_listed_refused_twice_and_removed_only_when_unused() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db.sqlite3");
    let zip = package(tmp.path(), "small.zip", |t| t);
    let zip_arg = zip.to_str().unwrap();

    let out = csirt(&db, &["questionnaire", "import", zip_arg, "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("installed questionnaire small-survey (version 1.0)"));
    assert!(tmp
        .path()
        .join("questionnaires/small-survey/questionnaire.toml")
        .is_file());

    let listed = list(&db);
    for id in ["jpcert-2015", "sim3", "psirt", "csirt-roles"] {
        let l = listed.iter().find(|l| l["id"] == id).unwrap();
        assert_eq!(l["builtin"], true, "{id}");
        assert_eq!(l["package"], false, "{id}");
    }
    let small = listed.iter().find(|l| l["id"] == "small-survey").unwrap();
    assert_eq!(
        (small["builtin"].clone(), small["package"].clone()),
        (false.into(), true.into())
    );
    assert_eq!(small["version"], "1.0");
    assert_eq!(small["title"]["ja"], "小さな自己点検");

    // The same id again, as another version: refused naming both, in Japanese by default.
    let v2 = package(tmp.path(), "small-2.zip", |t| {
        t.replace("version = \"1.0\"", "version = \"2.0\"")
    });
    let out = csirt(&db, &["questionnaire", "import", v2.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("small-2.zip") && err.contains("版 2.0") && err.contains("版 1.0"),
        "{err}"
    );
    assert!(err.contains("questionnaires/small-survey"), "{err}");
    // A package that would shadow a built-in questionnaire.
    let shadow = package(tmp.path(), "shadow.zip", |t| {
        t.replace("id = \"small-survey\"", "id = \"sim3\"")
    });
    let out = csirt(
        &db,
        &[
            "questionnaire",
            "import",
            shadow.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert!(
        stderr(&out).contains("the built-in questionnaire"),
        "{}",
        stderr(&out)
    );
    // A broken one: the line, in the user's language; nothing is left behind.
    let broken = package(tmp.path(), "broken.zip", |t| {
        t.replace("type = \"scale\"", "type = 3")
    });
    let out = csirt(&db, &["questionnaire", "import", broken.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("broken.zip/questionnaire.toml:"),
        "{}",
        stderr(&out)
    );
    assert!(
        stderr(&out).contains("書き方が正しくありません"),
        "{}",
        stderr(&out)
    );
    // In Japanese words, without the TOML library's English.
    assert!(
        stderr(&out).contains("値の種類") && !stderr(&out).contains("invalid type"),
        "{}",
        stderr(&out)
    );
    // Not a zip at all: Japanese without the zip library's English, which English keeps.
    let not_zip = tmp.path().join("not.zip");
    std::fs::write(&not_zip, b"PK but not a zip").unwrap();
    let out = csirt(&db, &["questionnaire", "import", not_zip.to_str().unwrap()]);
    assert!(
        stderr(&out).contains("ZIP ファイルとして読めません") && !stderr(&out).contains("EOCD"),
        "{}",
        stderr(&out)
    );
    let out = csirt(
        &db,
        &[
            "questionnaire",
            "import",
            not_zip.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert!(
        stderr(&out).contains("not a readable zip file (invalid Zip archive"),
        "{}",
        stderr(&out)
    );
    let entries = std::fs::read_dir(tmp.path().join("questionnaires"))
        .unwrap()
        .count();
    assert_eq!(entries, 1);

    // In use: not removed, and the assessment is named.
    assert!(csirt(&db, &["org", "add", "Pkg K.K."]).status.success());
    let out = csirt(
        &db,
        &[
            "assessment",
            "new",
            "--org",
            "1",
            "--questionnaire",
            "small-survey",
            "--date",
            "2026-04-01",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = csirt(
        &db,
        &["questionnaire", "remove", "small-survey", "--lang", "en"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("Pkg K.K. 2026-04-01 (#1)"),
        "{}",
        stderr(&out)
    );
    // It names the way out, a command that exists.
    assert!(
        stderr(&out).contains("`csirt assessment delete <id>`"),
        "{}",
        stderr(&out)
    );
    let out = csirt(&db, &["questionnaire", "remove", "small-survey"]);
    assert!(
        stderr(&out).contains("コマンドラインでは `csirt assessment delete <ID>` で削除できます"),
        "{}",
        stderr(&out)
    );
    assert!(tmp.path().join("questionnaires/small-survey").is_dir());
    let out = csirt(&db, &["questionnaire", "remove", "jpcert-2015"]);
    assert!(
        stderr(&out).contains("組み込みの質問票です"),
        "{}",
        stderr(&out)
    );

    let out = csirt(&db, &["assessment", "delete", "1", "--lang", "en"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "deleted assessment 1: Pkg K.K. — 2026-04-01 (small-survey, draft, 0 answers)\n"
    );
    let out = csirt(
        &db,
        &["questionnaire", "remove", "small-survey", "--lang", "en"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!tmp.path().join("questionnaires/small-survey").exists());
    assert!(list(&db).iter().all(|l| l["id"] != "small-survey"));
}

#[test]
fn an_import_names_the_missing_questionnaire_or_both_versions() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("db.sqlite3");
    let zip = package(tmp.path(), "small.zip", |t| t);
    assert!(
        csirt(&db, &["questionnaire", "import", zip.to_str().unwrap()])
            .status
            .success()
    );
    assert!(csirt(&db, &["org", "add", "Pkg K.K."]).status.success());
    let new = [
        "assessment",
        "new",
        "--org",
        "1",
        "--questionnaire",
        "small-survey",
    ];
    assert!(csirt(&db, &new).status.success());
    assert!(csirt(&db, &["assessment", "answer", "1", "1.2", "\"4\""])
        .status
        .success());
    let file = tmp.path().join("small.json");
    let out = csirt(
        &db,
        &["assessment", "export", "1", "-o", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(exported["questionnaire"], "small-survey");
    assert_eq!(exported["questionnaire_version"], "1.0");

    // Elsewhere, without the package.
    let other = tmp.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let other_db = other.join("db.sqlite3");
    for (lang, expected) in [
        ("en", "questionnaire small-survey (version 1.0) is not installed; install its package"),
        ("ja", "質問票 small-survey（版 1.0）はインストールされていません。その質問票のパッケージをインストールしてください"),
    ] {
        let out = csirt(&other_db, &["assessment", "import", file.to_str().unwrap(), "--lang", lang]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(expected), "{}", stderr(&out));
    }

    // Version 2.0 without item 1.2 installed there: refused, both versions named first.
    let v2 = package(tmp.path(), "v2.zip", |t| {
        let (from, to) = (
            t.find("[[items]]\nid = \"1.2\"").unwrap(),
            t.find("[[items]]\nid = \"2.1\"").unwrap(),
        );
        format!("{}{}", &t[..from], &t[to..]).replace("version = \"1.0\"", "version = \"2.0\"")
    });
    let out = csirt(
        &other_db,
        &["questionnaire", "import", v2.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = csirt(
        &other_db,
        &[
            "assessment",
            "import",
            file.to_str().unwrap(),
            "--lang",
            "en",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let notice = "this file was answered on small-survey version 1.0; installed is 2.0";
    assert!(err.contains(notice), "{err}");
    assert!(err.find(notice) < err.find("item 1.2"), "{err}");
    // An answer version 2.0 has: imported, with the notice.
    let mut fits = exported.clone();
    fits["answers"] = serde_json::json!({"2.1": "2"});
    let fits_file = tmp.path().join("fits.json");
    std::fs::write(&fits_file, fits.to_string()).unwrap();
    let out = csirt(
        &other_db,
        &[
            "assessment",
            "import",
            fits_file.to_str().unwrap(),
            "--lang",
            "ja",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("版 1.0 で回答されています。インストールされているのは版 2.0 です"),
        "{}",
        stderr(&out)
    );
}
