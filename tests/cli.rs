//! End-to-end tests of the `csirt` command: validation, scoring snapshots and bad input.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{csirt, fixture, questionnaire_dir, stderr, stdout};
use std::fs;

#[test]
fn the_shipped_questionnaire_validates() {
    let dir = questionnaire_dir();
    let out = csirt(&["validate", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("ok: jpcert-2015"),
        "{}",
        stdout(&out)
    );
}

/// Copies the shipped folder into a temp dir so a test can break it.
fn broken_copy() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    for f in ["questionnaire.toml", "benchmark.toml"] {
        fs::copy(questionnaire_dir().join(f), tmp.path().join(f)).unwrap();
    }
    tmp
}

fn line_of(text: &str, needle: &str) -> usize {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in file"));
    text[..at].matches('\n').count() + 1
}

#[test]
fn a_broken_copy_reports_every_problem_with_its_line() {
    let tmp = broken_copy();
    let qpath = tmp.path().join("questionnaire.toml");
    let mut q = fs::read_to_string(&qpath).unwrap();
    // 1. Point item 4.5 at an area that does not exist.
    let area_at = q.find("id = \"4.5\"").unwrap();
    let rel = q[area_at..].find("area = \"review\"").unwrap();
    q.replace_range(
        area_at + rel..area_at + rel + "area = \"review\"".len(),
        "area = \"nowhere\"",
    );
    // 2. Give item 3.7 the id of 3.6, making a duplicate.
    q = q.replacen("id = \"3.7\"", "id = \"3.6\"", 1);
    fs::write(&qpath, &q).unwrap();
    // 3. A benchmark figure that counts an option the item does not have.
    let bpath = tmp.path().join("benchmark.toml");
    let b = fs::read_to_string(&bpath).unwrap();
    let b = b.replacen("a = 31,", "z = 31,", 1);
    fs::write(&bpath, &b).unwrap();

    let out = csirt(&["validate", tmp.path().to_str().unwrap(), "--lang", "en"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    let q_line_area = line_of(&q, "id = \"4.5\"");
    let q_line_dup = q
        .match_indices("id = \"3.6\"")
        .nth(1)
        .map(|(at, _)| q[..at].matches('\n').count() + 1)
        .unwrap();
    assert!(
        err.contains(&format!(
            "questionnaire.toml:{q_line_area}: item 4.5: unknown area \"nowhere\""
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "questionnaire.toml:{q_line_dup}: item 3.6: duplicate item id"
        )),
        "{err}"
    );
    // The benchmark cannot be cross-checked against a broken questionnaire, so fix the
    // questionnaire and check that the benchmark problem is then reported with its line.
    fs::copy(questionnaire_dir().join("questionnaire.toml"), &qpath).unwrap();
    let out = csirt(&["validate", tmp.path().to_str().unwrap(), "--lang", "en"]);
    let err = stderr(&out);
    assert!(!out.status.success());
    let figure_line = {
        let at = b.find("z = 31,").unwrap();
        let item_line = b[..at].rfind("item = ").unwrap();
        b[..item_line].matches('\n').count() + 1
    };
    assert!(
        err.contains(&format!(
            "benchmark.toml:{figure_line}: figure for item 1.4: option key \"z\""
        )),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn an_unknown_field_is_rejected_with_its_line() {
    let tmp = broken_copy();
    let qpath = tmp.path().join("questionnaire.toml");
    let q = fs::read_to_string(&qpath).unwrap();
    let q = q.replacen("id = \"2.8\"", "id = \"2.8\"\ncolour = \"red\"", 1);
    fs::write(&qpath, &q).unwrap();
    let out = csirt(&["validate", tmp.path().to_str().unwrap(), "--lang", "en"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    let line = line_of(&q, "colour = \"red\"");
    assert!(
        err.contains(&format!(
            "questionnaire.toml:{line}: unknown field `colour`"
        )),
        "{err}"
    );
}

#[test]
fn every_listed_item_is_present_in_both_languages() {
    let out = csirt(&["questionnaire", "show", "jpcert-2015", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let items = v["items"].as_array().unwrap();
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    let mut expected: Vec<String> = Vec::new();
    let ranges: &[(&str, u32)] = &[("1", 6), ("2", 14), ("3", 8), ("4", 11), ("6", 3)];
    for (section, n) in ranges {
        for k in 1..=*n {
            expected.push(format!("{section}.{k}"));
        }
    }
    for extra in [
        "2.4.1", "2.14.1", "2.14.2", "2.14.3", "3.2.1", "3.3.1", "5.1", "5.2", "7.1", "7.1.2",
        "2.9.w",
    ] {
        expected.push(extra.to_string());
    }
    for c in 'a'..='v' {
        expected.push(format!("2.9.{c}"));
    }
    for id in &expected {
        assert!(ids.contains(&id.as_str()), "item {id} is missing");
    }
    assert_eq!(ids.len(), expected.len(), "unexpected extra items: {ids:?}");
    for item in items {
        for lang in ["ja", "en"] {
            let text = item["text"][lang].as_str().unwrap_or("");
            assert!(
                !text.trim().is_empty(),
                "item {} has no {lang} text",
                item["id"]
            );
        }
        for o in item["options"].as_array().into_iter().flatten() {
            assert!(!o["text"]["ja"].as_str().unwrap().is_empty());
            assert!(!o["text"]["en"].as_str().unwrap().is_empty());
        }
    }
    // The SIM3 mappings the foundation issue names.
    let sim3 = |id: &str| -> Vec<String> {
        items.iter().find(|i| i["id"] == id).unwrap()["sim3"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap().to_string())
            .collect()
    };
    for (id, p) in [
        ("2.10", "O-7"),
        ("2.11", "O-8"),
        ("2.13", "O-11"),
        ("3.4", "H-3"),
        ("3.5", "H-4"),
        ("3.6", "H-5"),
        ("3.7", "H-6"),
        ("4.1", "P-1"),
        ("4.2", "P-2"),
        ("4.3", "P-3"),
        ("4.5", "P-8"),
        ("4.6", "P-9"),
        ("4.7", "P-10"),
        ("4.8", "P-11"),
        ("4.10", "P-15"),
        ("4.11", "P-16"),
        ("5.1", "T-1"),
        ("5.2", "T-4"),
    ] {
        assert!(sim3(id).contains(&p.to_string()), "{id} should map to {p}");
    }
}

#[test]
fn benchmark_show_lists_figures_with_provenance() {
    let out = csirt(&["benchmark", "show", "jpcert-2015", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let figures = v.as_array().unwrap();
    assert!(figures.len() > 40, "only {} figures", figures.len());
    for f in figures {
        for key in ["item", "n", "precision", "source", "values"] {
            assert!(f.get(key).is_some(), "figure without {key}: {f}");
        }
    }
    let authority = figures
        .iter()
        .find(|f| f["item"] == "2.8" && f["precision"] == "exact-percent")
        .expect("2.8 exact percentages");
    assert_eq!(
        authority["values"],
        serde_json::json!({"a": 12.0, "b": 85.0, "c": 3.0})
    );
    let monitoring = figures
        .iter()
        .find(|f| f["item"] == "2.9.g")
        .expect("2.9.g");
    assert_eq!(monitoring["values"]["provided"], 27.0);
}

fn score_json(path: &std::path::Path) -> serde_json::Value {
    let out = csirt(&["score", path.to_str().unwrap(), "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap()
}

#[test]
fn demo_scores_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    for lang in ["ja", "en"] {
        let out = csirt(&["demo", "--lang", lang]);
        assert!(out.status.success());
        let path = tmp.path().join(format!("demo-{lang}.json"));
        fs::write(&path, out.stdout).unwrap();
        let report = score_json(&path);
        insta::assert_json_snapshot!(format!("score_demo_{lang}"), report);
    }
}

#[test]
fn demo_human_output_snapshot() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("demo.json");
    fs::write(&path, csirt(&["demo", "--lang", "en"]).stdout).unwrap();
    for lang in ["en", "ja"] {
        let out = csirt(&["score", path.to_str().unwrap(), "--lang", lang]);
        assert!(out.status.success(), "{}", stderr(&out));
        insta::assert_snapshot!(format!("score_demo_human_{lang}"), stdout(&out));
    }
}

#[test]
fn profile_scores_snapshot() {
    for name in ["new-team", "mature-team", "partial-with-targets"] {
        let report = score_json(&fixture(&format!("profiles/{name}.json")));
        insta::assert_json_snapshot!(format!("score_{name}"), report);
    }
}

#[test]
fn the_demo_gap_list_is_ordered_and_sensible() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("demo.json");
    fs::write(&path, csirt(&["demo"]).stdout).unwrap();
    let r = score_json(&path);
    let gaps = r["gaps"].as_array().unwrap();
    assert!(gaps.len() >= 5, "the demo should show several gaps");
    let priorities: Vec<f64> = gaps
        .iter()
        .map(|g| g["priority"].as_f64().unwrap())
        .collect();
    assert!(
        priorities.windows(2).all(|w| w[0] >= w[1]),
        "{priorities:?}"
    );
    for g in gaps {
        assert!(g["current_level"].as_u64() < g["target_level"].as_u64());
        assert!(g["recommendation"]["en"].as_str().is_some());
    }
    // The demo's weakest common practices must lead: escalation to legal (4.3) is widespread
    // among the surveyed teams and the demo has none.
    let top: Vec<&str> = gaps
        .iter()
        .take(8)
        .map(|g| g["item"].as_str().unwrap())
        .collect();
    assert!(top.contains(&"4.3"), "top gaps: {top:?}");
}

#[test]
fn bad_input_fails_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("not-json.json", b"{ this is not json".to_vec(), "not valid JSON"),
        ("bad-utf8.json", vec![0xff, 0xfe, b'{'], "not valid UTF-8"),
        (
            "unknown-item.json",
            br#"{"format":"csirt-assessment/1","questionnaire":"jpcert-2015","organisation":{"name":"X"},"answers":{"9.9":"a"}}"#.to_vec(),
            "item 9.9: no such item",
        ),
        (
            "bad-key.json",
            br#"{"format":"csirt-assessment/1","questionnaire":"jpcert-2015","organisation":{"name":"X"},"answers":{"2.8":"z"}}"#.to_vec(),
            "item 2.8: \"z\" is not an option",
        ),
        (
            "unknown-questionnaire.json",
            br#"{"format":"csirt-assessment/1","questionnaire":"nope","organisation":{"name":"X"},"answers":{}}"#.to_vec(),
            "questionnaire nope (version ?) is not installed; install its package",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = tmp.path().join(name);
        fs::write(&path, bytes).unwrap();
        let out = csirt(&["score", path.to_str().unwrap(), "--lang", "en"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = stderr(&out);
        assert!(err.contains(expected), "{name}: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
    }
    let out = csirt(&["score", "/nonexistent/file.json", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("cannot read"));
}

/// `csirt --version` (and `-V`): the version, the built-in questionnaire with its version, its
/// benchmark with its publication date and n, and the licences (the font's OFL among them), in
/// the language asked for.
#[test]
fn version_names_the_questionnaires_benchmarks_and_licences() {
    let set = csirt_model::builtin().unwrap();
    let q = &set.questionnaire;
    let b = set.benchmark.as_ref().unwrap();
    for (args, heading) in [
        (vec!["--version", "--lang", "en"], "Licences:"),
        (vec!["--lang", "ja", "-V"], "ライセンス:"),
    ] {
        let out = csirt(&args);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.starts_with(&format!("csirt {}\n", env!("CARGO_PKG_VERSION"))),
            "{text}"
        );
        assert!(text.contains(&format!("{} {}", q.id, q.version)), "{text}");
        assert!(
            text.contains(&b.id) && text.contains(&b.published) && text.contains("n = 66"),
            "{text}"
        );
        assert!(text.contains(heading), "{text}");
        assert!(
            text.contains("OFL-1.1") && text.contains("BIZ UDPGothic"),
            "{text}"
        );
        assert!(text.contains("MIT OR Apache-2.0"), "{text}");
    }
}
