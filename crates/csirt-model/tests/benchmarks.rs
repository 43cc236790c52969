//! Several benchmarks per questionnaire, pooled segments, and the errors (with lines) of both.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::load::BENCHMARKS_DIR;
use csirt_model::{
    compile_benchmark_bytes, load_benchmark_file, load_dir, Catalog, Lang, Localized, ModelError,
    Origin,
};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/benchmarks/synthetic-pool.toml")
}

fn fixture_text() -> String {
    std::fs::read_to_string(fixture()).unwrap()
}

fn catalog() -> Catalog {
    Catalog::load(None).unwrap().0
}

fn compile(text: &str) -> Result<csirt_model::Benchmark, ModelError> {
    compile_benchmark_bytes(Path::new("pool.toml"), text.as_bytes(), &catalog())
}

fn problems(e: &ModelError) -> Vec<(usize, String, String)> {
    match e {
        ModelError::Invalid(p) => p
            .iter()
            .map(|p| (p.line, p.message.ja.clone(), p.message.en.clone()))
            .collect(),
        other => panic!("expected located problems, got {other}"),
    }
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.contains(needle)).unwrap() + 1
}

/// A copy of the jpcert-2015 questionnaire folder with `extra` benchmark files beside it.
fn folder(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = root().join("questionnaires/jpcert-2015");
    // Another id, so the folder does not shadow the built-in questionnaire.
    let retarget = |t: String| {
        t.replacen(
            "questionnaire = \"jpcert-2015\"",
            "questionnaire = \"copy-2015\"",
            1,
        )
    };
    let q = std::fs::read_to_string(src.join("questionnaire.toml"))
        .unwrap()
        .replacen("id = \"jpcert-2015\"", "id = \"copy-2015\"", 1);
    std::fs::write(dir.path().join("questionnaire.toml"), q).unwrap();
    let b = retarget(std::fs::read_to_string(src.join("benchmark.toml")).unwrap());
    std::fs::write(dir.path().join("benchmark.toml"), b).unwrap();
    std::fs::create_dir(dir.path().join(BENCHMARKS_DIR)).unwrap();
    for (name, text) in extra {
        std::fs::write(
            dir.path().join(BENCHMARKS_DIR).join(name),
            retarget(text.to_string()),
        )
        .unwrap();
    }
    dir
}

#[test]
fn pooled_file_loads_with_its_segments_apart_from_the_whole() {
    let b = load_benchmark_file(&fixture(), &catalog()).unwrap();
    assert_eq!(b.id, "synthetic-pool");
    assert_eq!(b.min_cell, Some(5));
    let text = fixture_text();
    let in_file = text.matches("[[figures]]").count();
    let with_segment = text.matches("\nsegment = ").count();
    assert!(with_segment > 0);
    assert_eq!(b.figures.len(), in_file - with_segment);
    assert_eq!(b.segment_figures.len(), with_segment);
    assert!(b.figures.iter().all(|f| f.segment.is_none()));
    let ids: Vec<&str> = b.segments.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["sector=manufacturing", "sector=finance", "size=small"]
    );
}

#[test]
fn a_segment_holds_only_its_own_figures_and_its_n() {
    let b = load_benchmark_file(&fixture(), &catalog()).unwrap();
    for seg in &b.segments {
        let s = b.segment(&seg.id).unwrap();
        assert_eq!(s.n, seg.n);
        assert_eq!(s.in_segment.as_ref(), Some(seg));
        assert!(!s.figures.is_empty());
        assert!(s
            .figures
            .iter()
            .all(|f| f.segment.as_deref() == Some(seg.id.as_str()) && f.n <= seg.n));
        let expected = b
            .segment_figures
            .iter()
            .filter(|f| f.segment.as_deref() == Some(seg.id.as_str()))
            .count();
        assert_eq!(s.figures.len(), expected);
        let r = s.reference();
        assert_eq!(r.n, seg.n);
        assert!(r.line().en.contains(&seg.label.en), "{}", r.line().en);
        assert!(r.line().ja.contains(&seg.label.ja), "{}", r.line().ja);
    }
}

#[test]
fn an_absent_or_malformed_segment_is_refused_by_name_in_both_languages() {
    let b = load_benchmark_file(&fixture(), &catalog()).unwrap();
    let e = b.segment("sector=retail").unwrap_err();
    let (ja, en) = (e.localized(Lang::Ja), e.localized(Lang::En));
    assert!(
        ja.contains("sector=retail") && ja.contains("5 件未満"),
        "{ja}"
    );
    assert!(
        en.contains("sector=retail") && en.contains("fewer than 5"),
        "{en}"
    );
    assert!(
        en.contains("sector=finance"),
        "names the segments it has: {en}"
    );

    let e = b.segment("colour=red").unwrap_err();
    assert!(e.localized(Lang::Ja).contains("colour=red"));
    assert!(e
        .localized(Lang::En)
        .contains("dimension sector, size or form"));

    let builtin = csirt_model::builtin().unwrap().benchmark.unwrap();
    let e = builtin.segment("size=small").unwrap_err();
    assert!(e.localized(Lang::En).contains("has no segments"), "{e}");
    assert!(e.localized(Lang::Ja).contains("区分がありません"));
}

#[test]
fn a_figure_of_an_unknown_segment_is_refused_with_its_line() {
    let text = fixture_text().replacen(
        "segment = \"sector=finance\"",
        "segment = \"sector=retail\"",
        1,
    );
    let p = problems(&compile(&text).unwrap_err());
    let line = line_of(&text, "sector=retail");
    assert!(
        p.iter().any(|(l, ja, en)| *l == line
            && en.contains("\"sector=retail\" is not in segments")
            && ja.contains("segments にありません")),
        "{p:?}"
    );
}

#[test]
fn a_segment_figure_larger_than_its_segment_is_refused() {
    let text = fixture_text();
    let was = "segment = \"sector=finance\"\nn = 9";
    let at = text.find(was).unwrap();
    let mut bad = text.clone();
    bad.replace_range(at..at + was.len(), "segment = \"sector=finance\"\nn = 10");
    let p = problems(&compile(&bad).unwrap_err());
    let line = text[..at].lines().count() + 1;
    assert!(
        p.iter().any(|(l, _, en)| *l == line
            && en.contains("n = 10 is more than segment sector=finance's n = 9")),
        "{p:?}"
    );
}

#[test]
fn malformed_segments_are_each_refused() {
    let text = fixture_text()
        .replacen(
            "{ id = \"sector=finance\", n = 9",
            "{ id = \"sector=manufacturing\", n = 9",
            1,
        )
        .replacen(
            "{ id = \"size=small\", n = 17",
            "{ id = \"size=small\", n = 3",
            1,
        );
    let p = problems(&compile(&text).unwrap_err());
    let all: Vec<&String> = p.iter().map(|(_, _, en)| en).collect();
    assert!(all.iter().any(|m| m.contains("listed twice")), "{all:?}");
    assert!(
        all.iter()
            .any(|m| m.contains("n = 3 is below min_cell = 5")),
        "{all:?}"
    );
    assert!(
        all.iter().any(|m| m.contains("segment size=small's n = 3")),
        "{all:?}"
    );
}

#[test]
fn an_unknown_field_and_an_unknown_questionnaire_are_refused_with_lines() {
    let text = fixture_text().replacen("min_cell = 5", "min_cell = 5\ncolour = \"red\"", 1);
    let p = problems(&compile(&text).unwrap_err());
    assert_eq!(p[0].0, line_of(&text, "colour"));
    assert!(p[0].2.contains("colour"), "{p:?}");

    let text = fixture_text().replacen(
        "questionnaire = \"jpcert-2015\"",
        "questionnaire = \"nope\"",
        1,
    );
    let p = problems(&compile(&text).unwrap_err());
    assert_eq!(p[0].0, line_of(&text, "\"nope\""));
    assert!(p[0].1.contains("質問票 \"nope\" はありません"), "{p:?}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let mut bytes = b"\xef\xbb\xbf".to_vec();
    bytes.extend_from_slice(fixture_text().as_bytes());
    let b = compile_benchmark_bytes(Path::new("pool.toml"), &bytes, &catalog()).unwrap();
    assert_eq!(b.id, "synthetic-pool");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.toml");
    std::fs::write(&path, &bytes).unwrap();
    assert_eq!(
        load_benchmark_file(&path, &catalog()).unwrap().id,
        "synthetic-pool"
    );
}

#[test]
fn a_folder_holds_several_benchmarks_the_default_first() {
    let dir = folder(&[("pool.toml", &fixture_text())]);
    let set = load_dir(dir.path()).unwrap();
    let ids: Vec<&str> = set
        .benchmarks
        .iter()
        .map(|e| e.benchmark.id.as_str())
        .collect();
    assert_eq!(ids, ["jpcert-2015", "synthetic-pool"]);
    assert_eq!(set.benchmark.as_ref().unwrap().id, "jpcert-2015");
    assert!(set.benchmarks.iter().all(|e| e.origin == Origin::Folder));
    let chosen = set
        .choose(Some("synthetic-pool"), Some("sector=finance"))
        .unwrap()
        .unwrap();
    assert_eq!((chosen.id.as_str(), chosen.n), ("synthetic-pool", 9));
    assert_eq!(set.choose(None, None).unwrap().unwrap().id, "jpcert-2015");
    let e = set.choose(Some("nope"), None).unwrap_err();
    assert!(
        e.localized(Lang::En)
            .contains("jpcert-2015, synthetic-pool"),
        "{e}"
    );
    assert!(e
        .localized(Lang::Ja)
        .contains("基準データ \"nope\" はありません"));
}

#[test]
fn two_benchmarks_with_one_id_in_a_folder_are_refused_with_file_and_line() {
    let text = fixture_text();
    let dir = folder(&[("a.toml", &text), ("b.toml", &text)]);
    let e = load_dir(dir.path()).unwrap_err();
    let ModelError::Invalid(p) = &e else {
        panic!("{e}")
    };
    assert_eq!(p.len(), 1, "{p:?}");
    assert!(p[0].file.ends_with("b.toml"));
    assert_eq!(p[0].line, line_of(&text, "id = \"synthetic-pool\""));
    assert!(p[0].message.en.contains("a.toml"), "{}", p[0].message.en);
    assert!(p[0].message.ja.contains("すでに使われています"));
}

#[test]
fn added_benchmarks_join_their_questionnaire_and_may_not_shadow_one() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(fixture(), dir.path().join("pool.toml")).unwrap();
    let shadow = fixture_text().replacen("id = \"synthetic-pool\"", "id = \"jpcert-2015\"", 1);
    std::fs::write(dir.path().join("shadow.toml"), shadow).unwrap();
    std::fs::write(dir.path().join("broken.toml"), "format = ").unwrap();
    let mut catalog = catalog();
    let failures = catalog.add_benchmarks(dir.path()).unwrap();
    let names: Vec<String> = failures
        .iter()
        .map(|(p, _)| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["broken.toml", "shadow.toml"]);
    let shadowing = &failures[1].1;
    assert!(
        matches!(shadowing, ModelError::DuplicateBenchmark { .. }),
        "{shadowing}"
    );
    assert!(shadowing.localized(Lang::En).contains("\"jpcert-2015\""));
    assert!(shadowing.localized(Lang::Ja).contains("shadow.toml"));
    let set = catalog.get("jpcert-2015").unwrap();
    let ids: Vec<(&str, Origin)> = set
        .benchmarks
        .iter()
        .map(|e| (e.benchmark.id.as_str(), e.origin))
        .collect();
    assert_eq!(
        ids,
        [
            ("jpcert-2015", Origin::Builtin),
            ("synthetic-pool", Origin::Added)
        ]
    );
    // The default stays the survey.
    assert_eq!(set.benchmark.as_ref().unwrap().id, "jpcert-2015");
}

#[test]
fn the_builtin_survey_is_unchanged_and_has_no_segments() {
    let set = csirt_model::builtin().unwrap();
    let b = set.benchmark.as_ref().unwrap();
    assert_eq!((b.id.as_str(), b.n), ("jpcert-2015", 66));
    assert!(b.segments.is_empty() && b.segment_figures.is_empty() && b.min_cell.is_none());
    assert_eq!(set.benchmarks.len(), 1);
    assert_eq!(set.benchmarks[0].origin, Origin::Builtin);
}
