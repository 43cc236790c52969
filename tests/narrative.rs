//! `csirt assessment narrative`: the assessor's own words written, shown (human and JSON),
//! carried by the interchange file to another database, and refused in both languages, with
//! nothing changed, when the input is bad.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;
use common::{csirt, stderr, stdout};
use std::path::Path;

fn run(db: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["--db", db.to_str().unwrap()];
    all.extend_from_slice(args);
    csirt(&all)
}

fn ok(db: &Path, args: &[&str]) -> String {
    let o = run(db, args);
    assert!(o.status.success(), "{args:?}: {}", stderr(&o));
    stdout(&o)
}

/// A database with one organisation and one assessment (id 1).
fn fresh(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("db.sqlite3");
    ok(&db, &["org", "add", "CSIRT 東京"]);
    ok(
        &db,
        &["assessment", "new", "--org", "1", "--date", "2026-03-01"],
    );
    db
}

fn shown(db: &Path) -> serde_json::Value {
    serde_json::from_str(&ok(db, &["assessment", "narrative", "1", "--json"])).unwrap()
}

#[test]
fn written_shown_and_carried_to_another_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh(dir.path());
    assert_eq!(shown(&db), serde_json::json!({}));
    let message_file = dir.path().join("message.txt");
    // A Windows editor's file: a byte-order mark and CRLF line ends.
    std::fs::write(
        &message_file,
        "\u{feff}取締役会の皆様へ。\r\n\r\n法務へのエスカレーションを整えてください。",
    )
    .unwrap();
    let human = ok(
        &db,
        &[
            "--lang",
            "ja",
            "assessment",
            "narrative",
            "1",
            "--message-file",
            message_file.to_str().unwrap(),
            "--finding",
            "訓練が形だけになっている",
            "--finding",
            "Escalation to legal is missing",
            "--gap-note",
            "4.3=届出の期限を逃します",
            "--gap-note",
            "2.8=Why = this matters",
        ],
    );
    assert!(
        human.contains("経営層へのメッセージ（評価者の記述）"),
        "{human}"
    );
    assert!(
        human.contains("  2. Escalation to legal is missing"),
        "{human}"
    );
    assert!(
        human.contains("  4.3 法務部門へのエスカレーションルール"),
        "{human}"
    );
    let n = shown(&db);
    assert_eq!(
        n["message"],
        "取締役会の皆様へ。\n\n法務へのエスカレーションを整えてください。"
    );
    assert_eq!(n["findings"][0], "訓練が形だけになっている");
    // Split at the first "=" only; notes in questionnaire order.
    assert_eq!(n["gap_notes"]["2.8"], "Why = this matters");
    let order: Vec<&String> = n["gap_notes"].as_object().unwrap().keys().collect();
    assert_eq!(order, ["2.8", "4.3"]);
    let en = ok(&db, &["--lang", "en", "assessment", "narrative", "1"]);
    assert!(en.contains("Key findings (the assessor's words):"), "{en}");

    // --finding replaces the list; a gap note is cleared with "<item>=".
    ok(
        &db,
        &[
            "assessment",
            "narrative",
            "1",
            "--finding",
            "only one",
            "--gap-note",
            "2.8=",
        ],
    );
    let n = shown(&db);
    assert_eq!(n["findings"], serde_json::json!(["only one"]));
    assert_eq!(
        n["gap_notes"],
        serde_json::json!({"4.3": "届出の期限を逃します"})
    );

    // The interchange file carries it; another database imports it whole.
    let file = dir.path().join("a.json");
    ok(
        &db,
        &["assessment", "export", "1", "-o", file.to_str().unwrap()],
    );
    let exported: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(exported["narrative"], n);
    let other = dir.path().join("other.sqlite3");
    ok(&other, &["assessment", "import", file.to_str().unwrap()]);
    assert_eq!(shown(&other), n);

    // --clear empties it, and the export no longer has the field.
    assert_eq!(
        ok(&db, &["assessment", "narrative", "1", "--clear", "--json"]).trim(),
        "{}"
    );
    let text = ok(&db, &["assessment", "export", "1"]);
    assert!(!text.contains("\"narrative\""), "{text}");
}

#[test]
fn bad_input_is_refused_in_both_languages_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = fresh(dir.path());
    ok(
        &db,
        &[
            "assessment",
            "narrative",
            "1",
            "--message",
            "kept",
            "--gap-note",
            "4.3=kept",
        ],
    );
    let before = ok(&db, &["assessment", "export", "1"]);
    let not_utf8 = dir.path().join("latin1.txt");
    std::fs::write(&not_utf8, b"caf\xe9").unwrap();
    let long = "x".repeat(10_001);
    let many: Vec<String> = (0..51).map(|i| format!("finding {i}")).collect();
    let mut too_many = vec!["assessment", "narrative", "1"];
    for f in &many {
        too_many.extend_from_slice(&["--finding", f]);
    }
    let cases: Vec<(Vec<&str>, &str, &str)> = vec![
        (
            // A good message with a bad note: neither is saved.
            vec![
                "assessment",
                "narrative",
                "1",
                "--message",
                "new",
                "--gap-note",
                "9.99=why",
            ],
            "項目 9.99",
            "item 9.99",
        ),
        (
            vec!["assessment", "narrative", "1", "--gap-note", "no equals"],
            "項目=文",
            "<item>=<text>",
        ),
        (
            vec!["assessment", "narrative", "1", "--gap-note", "=text"],
            "項目=文",
            "<item>=<text>",
        ),
        (
            vec!["assessment", "narrative", "1", "--message", &long],
            "経営層へのメッセージは 10000 文字まで",
            "the executive message is limited to 10000 characters",
        ),
        (too_many, "50 件まで", "at most 50 key findings"),
        (
            vec![
                "assessment",
                "narrative",
                "1",
                "--message-file",
                not_utf8.to_str().unwrap(),
            ],
            "UTF-8 のテキストとして正しくありません",
            "is not valid UTF-8 text",
        ),
        (
            vec!["assessment", "narrative", "7", "--message", "x"],
            "ID 7 の評価はありません",
            "no assessment with id 7",
        ),
    ];
    for (args, ja, en) in cases {
        for (lang, expected) in [("ja", ja), ("en", en)] {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(&args);
            let o = run(&db, &all);
            assert_eq!(o.status.code(), Some(1), "{args:?}");
            assert!(stderr(&o).contains(expected), "{lang}: {}", stderr(&o));
        }
        assert_eq!(ok(&db, &["assessment", "export", "1"]), before, "{args:?}");
    }
}
