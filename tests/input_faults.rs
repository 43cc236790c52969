//! Field faults in what the product reads: no input panics, every date is a real day, every number
//! in a data file is finite, a byte-order mark is read, and questionnaire folders that clash are
//! refused by name while everything else keeps working.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{questionnaire_dir, stderr, stdout};
use std::fs;
use std::path::Path;
use std::process::{Command, Output};

/// Runs `csirt` on a database, with an optional questionnaire root, in the given language.
fn run(db: &Path, extra: Option<&Path>, lang: &str, args: &[&str]) -> Output {
    let mut c = Command::new(env!("CARGO_BIN_EXE_csirt"));
    c.arg("--lang").arg(lang).args(args).env("CSIRT_DB", db);
    match extra {
        Some(root) => c.env("CSIRT_QUESTIONNAIRES", root),
        None => c.env_remove("CSIRT_QUESTIONNAIRES"),
    };
    c.output().expect("run csirt")
}

fn demo_json(db: &Path) -> String {
    stdout(&run(db, None, "en", &["demo"]))
}

/// The demo file with its date replaced by `date` (any text, spliced into the JSON string).
fn demo_dated(db: &Path, date: &str) -> String {
    let demo = demo_json(db);
    let v: serde_json::Value = serde_json::from_str(&demo).unwrap();
    let old = v["date"].as_str().unwrap().to_string();
    demo.replacen(
        &format!("\"date\": \"{old}\""),
        &format!("\"date\": {}", serde_json::to_string(date).unwrap()),
        1,
    )
}

fn dump(db: &Path) -> String {
    csirt_store::Store::open(db).unwrap().dump().unwrap()
}

#[test]
fn a_bad_date_in_a_file_is_refused_never_a_panic_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    // Something in the store first, so that "unchanged" means something.
    let demo = dir.path().join("demo.json");
    fs::write(&demo, demo_json(&db)).unwrap();
    assert!(run(
        &db,
        None,
        "en",
        &["assessment", "import", demo.to_str().unwrap()]
    )
    .status
    .success());
    let before = dump(&db);
    // Multi-byte text where digits are expected, days the calendar lacks, other forms.
    for date in [
        "2026-0é12",
        "2026-é-12",
        "é026-01-12",
        "2026-01-1é",
        "2026-01-é",
        "ＡＢＣＤ-01-01",
        "2015-02-30",
        "2023-02-29",
        "2026-04-31",
        "2026-13-01",
        "2026-00-01",
        "31/03/2026",
        "next week",
        "2026-3-31",
        "2026-03-31T10:00:00",
        "",
        "0000-01-01",
        "9999-12-31",
    ] {
        let path = dir.path().join("dated.json");
        fs::write(&path, demo_dated(&db, date)).unwrap();
        for args in [
            vec!["score", path.to_str().unwrap()],
            vec!["assessment", "import", path.to_str().unwrap()],
            vec![
                "report",
                path.to_str().unwrap(),
                "-o",
                dir.path().join("r.pdf").to_str().unwrap(),
            ],
        ] {
            for lang in ["en", "ja"] {
                let out = run(&db, None, lang, &args);
                assert_eq!(
                    out.status.code(),
                    Some(1),
                    "{date:?} {args:?}: {}",
                    stderr(&out)
                );
                let err = stderr(&out);
                assert!(!err.contains("panicked"), "{date:?}: {err}");
                assert!(
                    err.contains(&format!("{date:?}")),
                    "{date:?} not named: {err}"
                );
                if lang == "ja" {
                    assert!(err.contains("日付"), "{date:?}: not Japanese: {err}");
                }
            }
        }
        assert_eq!(dump(&db), before, "{date:?} changed the store");
    }
    // The real leap day is a date.
    let path = dir.path().join("leap.json");
    fs::write(&path, demo_dated(&db, "2024-02-29")).unwrap();
    let out = run(&db, None, "en", &["score", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_byte_order_mark_is_read_in_every_text_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let bom = dir.path().join("bom.json");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(demo_json(&db).as_bytes());
    fs::write(&bom, &bytes).unwrap();
    for args in [
        vec!["score", bom.to_str().unwrap()],
        vec!["assessment", "import", bom.to_str().unwrap()],
    ] {
        let out = run(&db, None, "en", &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    // Questionnaire and benchmark files saved by a Windows editor.
    let q = dir.path().join("q");
    fs::create_dir(&q).unwrap();
    for f in ["questionnaire.toml", "benchmark.toml"] {
        let mut text = b"\xEF\xBB\xBF".to_vec();
        text.extend(fs::read(questionnaire_dir().join(f)).unwrap());
        fs::write(q.join(f), text).unwrap();
    }
    let out = run(&db, None, "en", &["validate", q.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
}

/// A copy of the shipped folder with `edit` applied to one of its files, under `root/name`.
fn folder(root: &Path, name: &str, edit: impl Fn(&str, String) -> String) -> std::path::PathBuf {
    let dir = root.join(name);
    fs::create_dir_all(&dir).unwrap();
    for f in ["questionnaire.toml", "benchmark.toml"] {
        let text = fs::read_to_string(questionnaire_dir().join(f)).unwrap();
        fs::write(dir.join(f), edit(f, text)).unwrap();
    }
    dir
}

fn with_id(id: &'static str, version: &'static str) -> impl Fn(&str, String) -> String {
    move |f, text| {
        let text = text.replace("\"jpcert-2015\"", &format!("{id:?}"));
        if f == "questionnaire.toml" {
            let at = text.find("\nversion = ").unwrap();
            let end = at + 1 + text[at + 1..].find('\n').unwrap();
            format!("{}\nversion = {version:?}{}", &text[..at], &text[end..])
        } else {
            text
        }
    }
}

/// Line `n` (1-based) of `text` is where `needle` first occurs.
fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn non_finite_or_absurd_numbers_in_data_files_are_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    // (file, text to replace, replacement, words the message must hold)
    let cases: &[(&str, &str, &str)] = &[
        (
            "questionnaire.toml",
            "min = 0\nmax = 10000",
            "min = nan\nmax = 10000",
        ),
        (
            "questionnaire.toml",
            "min = 0\nmax = 10000",
            "min = 0\nmax = inf",
        ),
        (
            "questionnaire.toml",
            "min = 0\nmax = 10000",
            "min = -inf\nmax = 10000",
        ),
        (
            "questionnaire.toml",
            "min = 0\nmax = 10000",
            "min = 0\nmax = 1e300",
        ),
        ("benchmark.toml", "value = 11.6", "value = nan"),
        ("benchmark.toml", "value = 11.6", "value = -inf"),
        ("benchmark.toml", "values = [4, 8]", "values = [4, nan]"),
        ("benchmark.toml", "values = [4, 8]", "values = [4, inf]"),
        ("benchmark.toml", "a = 23, b = 3,", "a = nan, b = 3,"),
        ("benchmark.toml", "a = 23, b = 3,", "a = inf, b = 3,"),
    ];
    for (i, (file, from, to)) in cases.iter().enumerate() {
        let q = folder(dir.path(), &format!("case{i}"), |f, text| {
            if f == *file {
                assert!(text.contains(from), "{from:?} not in {f}");
                text.replacen(from, to, 1)
            } else {
                text
            }
        });
        let text = fs::read_to_string(q.join(file)).unwrap();
        let line = line_of(&text, to);
        for lang in ["en", "ja"] {
            let out = run(
                &dir.path().join("db"),
                None,
                lang,
                &["validate", q.to_str().unwrap()],
            );
            let err = stderr(&out);
            assert_eq!(
                out.status.code(),
                Some(1),
                "{to:?} was accepted: {}",
                stdout(&out)
            );
            // The problem is located: the file, and a line at or just above the bad number
            // (the figure's or item's first line).
            let located =
                (line.saturating_sub(12)..=line).any(|l| err.contains(&format!("{file}:{l}:")));
            assert!(located, "{to:?}: no {file}:<line near {line}> in {err}");
        }
    }
}

#[test]
fn a_number_answer_outside_a_sane_range_never_reaches_the_store() {
    // The kind of "min = nan": a bound that passed validation then let anything through.
    let dir = tempfile::tempdir().unwrap();
    let q = folder(dir.path(), "acme", |f, text| {
        let text = with_id("acme", "1.0")(f, text);
        text.replacen("min = 0\nmax = 10000", "min = nan\nmax = 500", 1)
    });
    let out = run(
        &dir.path().join("db"),
        None,
        "en",
        &["validate", q.to_str().unwrap()],
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("min"), "{}", stderr(&out));
}

#[test]
fn clashing_questionnaire_folders_are_refused_by_name_and_the_rest_keeps_working() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("questionnaires");
    let db = dir.path().join("db.sqlite3");
    let current = folder(&root, "acme-csirt", with_id("acme-csirt", "2.0"));
    let backup = folder(&root, "acme-csirt.bak", with_id("acme-csirt", "1.0"));
    let shadow = folder(&root, "my-jpcert", with_id("jpcert-2015", "9.9"));
    let other = folder(&root, "other-team", with_id("other-team", "1.0"));
    let broken = root.join("broken");
    fs::create_dir_all(&broken).unwrap();
    fs::write(broken.join("questionnaire.toml"), "format = [").unwrap();

    for lang in ["en", "ja"] {
        let out = run(&db, Some(&root), lang, &["questionnaire", "list", "--json"]);
        assert!(out.status.success(), "{}", stderr(&out));
        let err = stderr(&out);
        let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
        let ids: Vec<&str> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap())
            .collect();
        // Neither copy of acme-csirt wins silently; the valid unrelated folder is there.
        assert!(!ids.contains(&"acme-csirt"), "{ids:?}");
        assert!(ids.contains(&"other-team"), "{ids:?}: {err}");
        assert_eq!(ids.iter().filter(|i| **i == "jpcert-2015").count(), 1);
        // Both clashing folders are named, with their versions; the shadowing one too.
        for d in [&current, &backup, &shadow, &broken] {
            assert!(
                err.contains(&d.display().to_string()),
                "{} not named: {err}",
                d.display()
            );
        }
        assert!(err.contains("2.0") && err.contains("1.0"), "{err}");
        if lang == "ja" {
            assert!(err.contains("同じ id"), "{err}");
        }
        let _ = &other;
    }
    // The built-in questionnaire still scores, not the shadowing copy (version 9.9).
    let demo = dir.path().join("demo.json");
    fs::write(&demo, demo_json(&db)).unwrap();
    let out = run(
        &db,
        Some(&root),
        "en",
        &["score", demo.to_str().unwrap(), "--json"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let show = run(
        &db,
        Some(&root),
        "en",
        &["questionnaire", "show", "jpcert-2015", "--json"],
    );
    assert!(
        !stdout(&show).contains("\"9.9\""),
        "the shadowing folder won"
    );
}

/// Whether `s` holds Japanese script (kana or kanji), not only Latin text.
fn has_japanese(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3040}'..='\u{30ff}' | '\u{4e00}'..='\u{9fff}'))
}

#[test]
fn every_data_and_answer_problem_exists_in_japanese_and_english() {
    let (q, b) = csirt_model::builtin_texts();
    // One broken questionnaire or benchmark per kind of check the validators make.
    let edits: &[(&str, &str, &str)] = &[
        (
            "q",
            "format = \"csirt-questionnaire/1\"",
            "format = \"csirt-questionnaire/9\"",
        ),
        ("q", "id = \"3.7\"", "id = \"3.6\""),
        ("q", "area = \"review\"", "area = \"nowhere\""),
        ("q", "min = 0\nmax = 10000", "min = nan\nmax = -1"),
        ("q", "type = \"number\"", "type = \"number\"\nscale = \"x\""),
        ("b", "a = 23, b = 3,", "a = 23.5, z = 3,"),
        ("b", "n = 66\nprecision", "n = 0\nprecision"),
        ("b", "value = 11.6", "value = inf"),
        ("b", "values = [4, 8]", "values = [4]"),
        (
            "b",
            "survey_date = \"2015-12-08\"",
            "survey_date = \"2015-02-30\"",
        ),
    ];
    let mut seen = 0;
    for (which, from, to) in edits {
        let (mut qt, mut bt) = (q.to_string(), b.to_string());
        let text = if *which == "q" { &mut qt } else { &mut bt };
        assert!(text.contains(from), "{from:?}");
        *text = text.replacen(from, to, 1);
        let Err(csirt_model::ModelError::Invalid(problems)) =
            csirt_model::compile_texts("t", &qt, Some(&bt))
        else {
            panic!("{to:?} was accepted");
        };
        for p in problems {
            seen += 1;
            assert_ne!(p.message.ja, p.message.en, "{p}");
            assert!(
                has_japanese(&p.message.ja),
                "not Japanese: {}",
                p.message.ja
            );
            assert!(
                !has_japanese(&p.message.en),
                "not English: {}",
                p.message.en
            );
        }
    }
    assert!(seen >= edits.len(), "{seen}");
    // Answer problems: a bad option, a bad date, free text without "other", a bad target.
    let demo = csirt_model::demo::demo_assessment(csirt_model::Lang::En).to_json_pretty();
    let mut v: serde_json::Value = serde_json::from_str(&demo).unwrap();
    v["date"] = "2015-02-30".into();
    v["answers"]["4.1"] = "zz".into();
    v["answers"]["3.3"] = 1e12.into();
    v["other"] = serde_json::json!({"4.2": "free"});
    v["targets"] = serde_json::json!({"1.1": "a"});
    let a = csirt_model::assessment::parse(v.to_string().as_bytes()).unwrap();
    let (catalog, _) = csirt_model::Catalog::load(None).unwrap();
    let Err(csirt_model::ModelError::InvalidAssessment(problems)) =
        csirt_model::assessment::validate(&a, &catalog)
    else {
        panic!("accepted");
    };
    assert!(problems.len() >= 5, "{problems:?}");
    for p in problems {
        use csirt_model::Localized;
        let ja = p.localized(csirt_model::Lang::Ja);
        assert!(has_japanese(&ja), "not Japanese: {ja}");
        assert!(!has_japanese(&p.localized(csirt_model::Lang::En)), "{p}");
        if let Some(item) = &p.item {
            assert!(ja.contains(item.as_str()), "{ja} lost its item");
        }
    }
}

#[test]
fn a_passphrase_file_saved_with_a_byte_order_mark_opens_what_it_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let demo = dir.path().join("demo.json");
    fs::write(&demo, demo_json(&db)).unwrap();
    let id = stdout(&run(
        &db,
        None,
        "en",
        &["assessment", "import", demo.to_str().unwrap()],
    ));
    let plain = dir.path().join("pass.txt");
    fs::write(&plain, "tsubame 2026\n").unwrap();
    let with_bom = dir.path().join("pass-bom.txt");
    fs::write(&with_bom, "\u{feff}tsubame 2026\r\n").unwrap();
    let sealed = dir.path().join("handoff.age");
    let out = run(
        &db,
        None,
        "en",
        &[
            "assessment",
            "export",
            id.trim(),
            "--encrypt",
            "--passphrase-file",
            plain.to_str().unwrap(),
            "-o",
            sealed.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(
        &dir.path().join("other.sqlite3"),
        None,
        "en",
        &[
            "assessment",
            "import",
            sealed.to_str().unwrap(),
            "--passphrase-file",
            with_bom.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
}

#[test]
fn a_mistake_in_the_command_line_is_explained_in_the_users_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let cases: &[(&[&str], &str, &str)] = &[
        (
            &["assessment", "new", "--org", "abc"],
            "\"abc\" は使えません",
            "invalid value 'abc'",
        ),
        (
            &["assessment", "new"],
            "--org <ORG> を指定してください",
            "--org <ORG>",
        ),
        (
            &["frobnicate"],
            "frobnicate というコマンドはありません",
            "unrecognized subcommand",
        ),
        (
            &["score", "--bogus", "x"],
            "--bogus という指定はありません",
            "unexpected argument",
        ),
    ];
    for (args, ja, en) in cases {
        // Japanese by default and with --lang ja (before or after the command); English asked.
        for (lang_args, want) in [
            (vec![], ja),
            (vec!["--lang", "ja"], ja),
            (vec!["--lang=en"], en),
        ] {
            let mut all: Vec<&str> = lang_args.clone();
            all.extend(args.iter());
            let out = Command::new(env!("CARGO_BIN_EXE_csirt"))
                .args(&all)
                .env("CSIRT_DB", &db)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(2), "{all:?}");
            assert!(stderr(&out).contains(*want), "{all:?}: {}", stderr(&out));
        }
    }
    // Help is still help.
    let out = Command::new(env!("CARGO_BIN_EXE_csirt"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success() && stdout(&out).contains("Usage"));
    assert!(!db.exists(), "a refused command line created the database");
}
