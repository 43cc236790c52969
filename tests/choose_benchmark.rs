//! `--benchmark` and `--segment` on `score`, `report` and `benchmark show`, `benchmark list`, and
//! the clear errors for a benchmark or segment that does not exist.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{csirt, fixture, questionnaire_dir, stderr, stdout};
use serde_json::Value;
use std::fs;
use std::path::PathBuf;

fn pool() -> String {
    fixture("benchmarks/synthetic-pool.toml")
        .to_string_lossy()
        .into_owned()
}

fn demo_file(dir: &tempfile::TempDir) -> String {
    let out = csirt(&["demo", "--lang", "en"]);
    assert!(out.status.success());
    let path = dir.path().join("demo.json");
    fs::write(&path, &out.stdout).unwrap();
    path.to_string_lossy().into_owned()
}

fn score_json(args: &[&str]) -> Value {
    let out = csirt(args);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn standing(report: &Value, item: &str) -> Option<f64> {
    report["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == item)?
        .get("standing")?["at_or_above"]["low"]
        .as_f64()
}

#[test]
fn score_with_a_benchmark_file_and_a_segment_names_it_and_changes_standings() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_file(&dir);
    let pool = pool();
    let default = score_json(&["score", &demo, "--json"]);
    let whole = score_json(&["score", &demo, "--json", "--benchmark", &pool]);
    let part = score_json(&[
        "score",
        &demo,
        "--json",
        "--benchmark",
        &pool,
        "--segment",
        "sector=finance",
    ]);
    assert_eq!(default["benchmark_ref"]["id"], "jpcert-2015");
    assert_eq!(default["benchmark_ref"]["n"], 66);
    assert_eq!(whole["benchmark_ref"]["id"], "synthetic-pool");
    assert_eq!(whole["benchmark_ref"]["n"], 40);
    assert_eq!(part["benchmark_ref"]["n"], 9);
    assert_eq!(part["benchmark_ref"]["segment"]["id"], "sector=finance");
    // The scores themselves do not depend on the benchmark; the standings do.
    assert_eq!(default["overall"], whole["overall"]);
    let items: Vec<String> = whole["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    let differ = items
        .iter()
        .filter(|i| standing(&whole, i) != standing(&part, i))
        .count();
    assert!(differ > 0);
    let more_exact = items
        .iter()
        .filter(|i| standing(&whole, i).is_some() && standing(&default, i).is_none())
        .count();
    assert!(
        more_exact > 5,
        "the pool should give standings the survey cannot"
    );

    let human = csirt(&[
        "score",
        &demo,
        "--lang",
        "en",
        "--benchmark",
        &pool,
        "--segment",
        "sector=finance",
    ]);
    let text = stdout(&human);
    assert!(
        text.contains("Compared with: Synthetic test data — not a survey — segment “Finance” (n = 9; surveyed 2026-03-31, published 2026-04-15)"),
        "{text}"
    );
    assert!(text.contains("the benchmark's 9 teams"), "{text}");
}

#[test]
fn a_missing_segment_or_benchmark_is_a_clear_error_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_file(&dir);
    let pool = pool();
    for (lang, expect) in [
        ("ja", "区分 sector=retail はありません"),
        ("en", "has no segment sector=retail"),
    ] {
        let out = csirt(&[
            "score",
            &demo,
            "--lang",
            lang,
            "--benchmark",
            &pool,
            "--segment",
            "sector=retail",
        ]);
        assert_eq!(out.status.code(), Some(1));
        assert!(stderr(&out).contains(expect), "{}", stderr(&out));
        assert!(out.stdout.is_empty());
    }
    let out = csirt(&["score", &demo, "--lang", "en", "--segment", "size=small"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("jpcert-2015 has no segment size=small"),
        "{}",
        stderr(&out)
    );
    let out = csirt(&["score", &demo, "--lang", "ja", "--benchmark", "nope"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("基準データ \"nope\" はありません"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_broken_benchmark_file_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_file(&dir);
    let text = fs::read_to_string(pool())
        .unwrap()
        .replacen("n = 40", "n = 40\nweight = 2", 1);
    let line = text.lines().position(|l| l == "weight = 2").unwrap() + 1;
    let bad = dir.path().join("bad.toml");
    fs::write(&bad, &text).unwrap();
    let out = csirt(&[
        "score",
        &demo,
        "--lang",
        "en",
        "--benchmark",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("bad.toml:{line}:")),
        "{}",
        stderr(&out)
    );
}

#[test]
fn report_names_the_chosen_benchmark_on_its_cover() {
    let dir = tempfile::tempdir().unwrap();
    let demo = demo_file(&dir);
    let pdf = dir.path().join("r.pdf");
    let out = csirt(&[
        "report",
        &demo,
        "--lang",
        "en",
        "-o",
        pdf.to_str().unwrap(),
        "--benchmark",
        &pool(),
        "--segment",
        "size=small",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::process::Command::new("pdftotext")
        .args(["-l", "1", pdf.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout).replace('\n', " ");
    assert!(
        text.contains("Synthetic test data — not a survey"),
        "{text}"
    );
    assert!(text.contains("(n = 17;"), "{text}");
    assert!(text.contains("Benchmark source"), "{text}");
}

fn folder_with_pool() -> (tempfile::TempDir, PathBuf) {
    // A questionnaire folder (another id, so it does not shadow the built-in one) with its
    // survey benchmark and a pooled one beside it.
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("copy");
    fs::create_dir_all(dir.join("benchmarks")).unwrap();
    let src = questionnaire_dir();
    let retarget = |t: String| {
        t.replacen(
            "questionnaire = \"jpcert-2015\"",
            "questionnaire = \"copy-2015\"",
            1,
        )
    };
    fs::write(
        dir.join("questionnaire.toml"),
        fs::read_to_string(src.join("questionnaire.toml"))
            .unwrap()
            .replacen("id = \"jpcert-2015\"", "id = \"copy-2015\"", 1),
    )
    .unwrap();
    fs::write(
        dir.join("benchmark.toml"),
        retarget(fs::read_to_string(src.join("benchmark.toml")).unwrap()),
    )
    .unwrap();
    fs::write(
        dir.join("benchmarks/pool.toml"),
        retarget(fs::read_to_string(pool()).unwrap()),
    )
    .unwrap();
    (root, dir)
}

#[test]
fn benchmark_list_names_every_benchmark_with_its_provenance() {
    let (root, dir) = folder_with_pool();
    let out = csirt(&[
        "benchmark",
        "list",
        "--json",
        "--questionnaires",
        root.path().to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list: Value = serde_json::from_slice(&out.stdout).unwrap();
    // The other built-in questionnaires' benchmarks (psirt's) are listed too; this test is
    // about jpcert-2015 and its copy.
    let ours: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| ["jpcert-2015", "copy-2015"].contains(&r["questionnaire"].as_str().unwrap()))
        .collect();
    let rows: Vec<(String, String, String, bool)> = ours
        .iter()
        .map(|r| {
            (
                r["questionnaire"].as_str().unwrap().to_string(),
                r["benchmark"]["id"].as_str().unwrap().to_string(),
                r["origin"].as_str().unwrap().to_string(),
                r["default"].as_bool().unwrap(),
            )
        })
        .collect();
    let expect =
        |q: &str, b: &str, o: &str, d: bool| (q.to_string(), b.to_string(), o.to_string(), d);
    assert_eq!(
        rows,
        [
            expect("jpcert-2015", "jpcert-2015", "builtin", true),
            expect("copy-2015", "jpcert-2015", "folder", true),
            expect("copy-2015", "synthetic-pool", "folder", false),
        ]
    );
    assert_eq!(ours[2]["segments"].as_array().unwrap().len(), 3);

    // The id chooses the folder's pooled benchmark for an assessment of that questionnaire.
    let tmp = tempfile::tempdir().unwrap();
    let demo = fs::read_to_string(demo_file(&tmp)).unwrap().replacen(
        "\"questionnaire\": \"jpcert-2015\"",
        "\"questionnaire\": \"copy-2015\"",
        1,
    );
    let file = tmp.path().join("copy.json");
    fs::write(&file, demo).unwrap();
    let report = score_json(&[
        "score",
        file.to_str().unwrap(),
        "--json",
        "--questionnaires",
        root.path().to_str().unwrap(),
        "--benchmark",
        "synthetic-pool",
        "--segment",
        "size=small",
    ]);
    assert_eq!(report["benchmark_ref"]["n"], 17);

    // The validator checks and names the folder's further benchmark.
    let out = csirt(&["validate", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let figures = fs::read_to_string(pool())
        .unwrap()
        .matches("[[figures]]")
        .count();
    assert!(
        stdout(&out).contains(&format!(
            "ok: benchmark synthetic-pool — {figures} figures, 3 segments"
        )),
        "{}",
        stdout(&out)
    );
    fs::write(
        dir.join("benchmarks/broken.toml"),
        "format = \"csirt-benchmark/1\"\nid = \"x\"\n",
    )
    .unwrap();
    let out = csirt(&["validate", dir.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("broken.toml"), "{}", stderr(&out));
}

#[test]
fn a_stored_assessment_remembers_its_benchmark_from_the_folder_beside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("db.sqlite3");
    let db = db.to_str().unwrap();
    fs::create_dir(dir.path().join("benchmarks")).unwrap();
    fs::copy(pool(), dir.path().join("benchmarks/pool.toml")).unwrap();
    let run = |args: &[&str]| {
        let mut all = vec!["--db", db, "--lang", "en"];
        all.extend_from_slice(args);
        let out = csirt(&all);
        (out.status.code(), stdout(&out), stderr(&out))
    };
    assert_eq!(run(&["org", "add", "Alpha"]).0, Some(0));
    assert_eq!(run(&["assessment", "new", "--org", "1"]).0, Some(0));
    let (_, shown, _) = run(&["assessment", "benchmark", "1"]);
    assert!(shown.contains("(n = 66;"), "{shown}");
    let (code, _, err) = run(&[
        "assessment",
        "benchmark",
        "1",
        "--benchmark",
        "synthetic-pool",
        "--segment",
        "size=tiny",
    ]);
    assert_eq!(code, Some(1));
    assert!(err.contains("no segment size=tiny"), "{err}");
    let (code, shown, err) = run(&[
        "assessment",
        "benchmark",
        "1",
        "--benchmark",
        "synthetic-pool",
        "--segment",
        "size=small",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(shown.contains("(n = 17;"), "{shown}");
    // Remembered: the export uses it without flags; a flag overrides it once.
    let (_, csv, _) = run(&["assessment", "export", "1", "--format", "csv"]);
    assert!(
        csv.contains("segment “Small (1–5 people)” (n = 17;"),
        "{csv}"
    );
    let (_, csv, _) = run(&[
        "assessment",
        "export",
        "1",
        "--format",
        "csv",
        "--benchmark",
        "jpcert-2015",
    ]);
    assert!(csv.contains("(n = 66;") && !csv.contains("n = 17"), "{csv}");
    let (_, shown, _) = run(&["assessment", "benchmark", "1", "--default"]);
    assert!(shown.contains("(n = 66;"), "{shown}");
}
