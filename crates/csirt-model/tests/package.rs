//! Questionnaire packages: what is installed, what is refused (and that a refusal leaves nothing
//! behind), line-numbered errors in both languages, listing and removal.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::package::{self, install, read_package, uninstall};
use csirt_model::{assessment, Catalog, Lang, Localized, ModelError};
use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;

fn questionnaire(id: &str, version: &str) -> String {
    format!(
        r#"format = "csirt-questionnaire/1"
id = "{id}"
version = "{version}"
title = {{ ja = "小さな質問票", en = "A small questionnaire" }}
source = {{ ja = "試験用", en = "For tests" }}

[[scales]]
id = "s"
name = {{ ja = "尺度", en = "Scale" }}
options = [
  {{ key = "4", level = 4, short = {{ ja = "監査", en = "audited" }}, ja = "監査されている", en = "Audited" }},
  {{ key = "0", level = 0, short = {{ ja = "なし", en = "none" }}, ja = "なし", en = "None" }},
]

[[areas]]
id = "org"
name = {{ ja = "組織", en = "Organisation" }}

[[sections]]
id = "1"
title = {{ ja = "組織", en = "Organisation" }}

[[items]]
id = "1"
section = "1"
type = "scale"
scale = "s"
text = {{ ja = "方針がありますか", en = "Is there a policy?" }}
area = "org"
recommendation = {{ ja = "方針を定めてください", en = "Write a policy" }}
"#
    )
}

/// A zip of `(name, contents)` entries, deflated.
fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in entries {
        if name.ends_with('/') {
            w.add_directory(*name, SimpleFileOptions::default())
                .unwrap();
        } else {
            w.start_file(*name, SimpleFileOptions::default()).unwrap();
            w.write_all(text.as_bytes()).unwrap();
        }
    }
    w.finish().unwrap().into_inner()
}

fn catalog() -> Catalog {
    Catalog::load(None).unwrap().0
}

/// Every file and folder under `dir`, for "nothing was left behind".
fn contents(dir: &Path) -> Vec<String> {
    if !dir.exists() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        out.push(p.display().to_string());
        if p.is_dir() {
            out.extend(contents(&p));
        }
    }
    out
}

#[test]
fn a_package_installs_into_its_own_folder_lists_and_loads_again() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join(package::PACKAGES_DIR);
    let q = questionnaire("small", "1.2");
    let bytes = zip_of(&[
        ("small/", ""),
        ("small/questionnaire.toml", &q),
        ("small/benchmarks/", ""),
    ]);
    let set = install(&root, &catalog(), Path::new("small.zip"), &bytes).unwrap();
    assert_eq!(set.questionnaire.id, "small");
    assert_eq!(set.dir.as_deref(), Some(root.join("small").as_path()));
    assert!(root.join("small/questionnaire.toml").is_file());
    // Nothing else: no scratch folder left.
    assert_eq!(contents(&root).len(), 2, "{:?}", contents(&root));

    let installed = catalog().with(set);
    let listed = package::list(&installed, &root);
    let small = listed.iter().find(|l| l.id == "small").unwrap();
    assert!(small.package && !small.builtin);
    assert_eq!(small.version, "1.2");
    let jpcert = listed.iter().find(|l| l.id == "jpcert-2015").unwrap();
    assert!(jpcert.builtin && !jpcert.package);

    // At the next start it is read from the folder.
    let mut fresh = catalog();
    assert!(fresh.add_packages(&root).unwrap().is_empty());
    assert_eq!(fresh.get("small").unwrap().questionnaire.version, "1.2");
}

#[test]
fn a_second_package_of_one_id_is_refused_naming_both() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("q");
    let first = zip_of(&[("questionnaire.toml", &questionnaire("small", "1.0"))]);
    let set = install(&root, &catalog(), Path::new("first.zip"), &first).unwrap();
    let before = contents(&root);
    let second = zip_of(&[("questionnaire.toml", &questionnaire("small", "2.0"))]);
    let e = install(
        &root,
        &catalog().with(set),
        Path::new("second.zip"),
        &second,
    )
    .unwrap_err();
    assert!(matches!(e, ModelError::IdTaken(_)), "{e:?}");
    let en = e.localized(Lang::En);
    for part in ["second.zip", "\"small\"", "version 2.0", "version 1.0"] {
        assert!(en.contains(part), "{part} in {en}");
    }
    assert!(
        en.contains(&root.join("small").display().to_string()),
        "{en}"
    );
    let ja = e.localized(Lang::Ja);
    assert!(
        ja.contains("版 2.0") && ja.contains("版 1.0") && ja.contains("second.zip"),
        "{ja}"
    );
    assert_eq!(contents(&root), before);
}

#[test]
fn a_package_shadowing_a_built_in_questionnaire_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("q");
    for id in ["sim3", "jpcert-2015"] {
        let bytes = zip_of(&[("questionnaire.toml", &questionnaire(id, "9.9"))]);
        let e = install(&root, &catalog(), Path::new("mine.zip"), &bytes).unwrap_err();
        let builtin = catalog().get(id).unwrap().questionnaire.version.clone();
        let en = e.localized(Lang::En);
        assert!(en.contains("the built-in questionnaire"), "{en}");
        assert!(
            en.contains("version 9.9") && en.contains(&format!("version {builtin}")),
            "{en}"
        );
        assert!(e.localized(Lang::Ja).contains("組み込みの質問票"));
        assert!(contents(&root).is_empty());
    }
    // Put there by hand, it is skipped at load, with the reason.
    std::fs::create_dir_all(root.join("sim3")).unwrap();
    std::fs::write(
        root.join("sim3/questionnaire.toml"),
        questionnaire("sim3", "9.9"),
    )
    .unwrap();
    let mut c = catalog();
    let failures = c.add_packages(&root).unwrap();
    assert!(matches!(failures[0].1, ModelError::ShadowsBuiltin { .. }));
    assert_eq!(
        c.get("sim3").unwrap().questionnaire.version,
        catalog().get("sim3").unwrap().questionnaire.version
    );
}

#[test]
fn traversal_links_absolute_paths_and_stray_files_are_refused_writing_nothing() {
    let q = questionnaire("small", "1.0");
    let mut link = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    link.start_file("questionnaire.toml", SimpleFileOptions::default())
        .unwrap();
    link.write_all(q.as_bytes()).unwrap();
    link.add_symlink(
        "benchmark.toml",
        "/etc/passwd",
        SimpleFileOptions::default(),
    )
    .unwrap();
    let link = link.finish().unwrap().into_inner();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "traversal",
            zip_of(&[("questionnaire.toml", &q), ("../evil.toml", "x = 1")]),
            "outside the package",
        ),
        (
            "traversal in benchmarks",
            zip_of(&[
                ("questionnaire.toml", &q),
                ("benchmarks/../../evil.toml", "x"),
            ]),
            "outside the package",
        ),
        (
            "absolute",
            zip_of(&[("questionnaire.toml", &q), ("/tmp/evil.toml", "x")]),
            "outside the package",
        ),
        ("symlink", link, "symbolic links"),
        (
            "stray file",
            zip_of(&[("questionnaire.toml", &q), ("README.md", "hello")]),
            "this file is not accepted",
        ),
        (
            "script in benchmarks",
            zip_of(&[
                ("questionnaire.toml", &q),
                ("benchmarks/run.sh", "rm -rf /"),
            ]),
            "this file is not accepted",
        ),
        (
            "no questionnaire",
            zip_of(&[("benchmark.toml", "x")]),
            "no questionnaire.toml",
        ),
        (
            "not a zip",
            b"PK but not really".to_vec(),
            "not a readable zip",
        ),
        (
            "too large",
            vec![0u8; package::MAX_PACKAGE_BYTES as usize + 1],
            "too large",
        ),
    ];
    for (name, bytes, expected) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("q");
        let e = install(&root, &catalog(), Path::new("p.zip"), &bytes).unwrap_err();
        let en = e.localized(Lang::En);
        assert!(en.contains(expected), "{name}: {en}");
        let ja = e.localized(Lang::Ja);
        assert_ne!(ja, en, "{name}: the Japanese is Japanese");
        // Without the zip library's English (`invalid Zip archive: Could not find EOCD`).
        for english in ["invalid", "archive", "EOCD", "Could not"] {
            assert!(!ja.contains(english), "{name}: {ja}");
        }
        assert!(contents(&root).is_empty(), "{name}: {:?}", contents(&root));
        assert!(!tmp.path().join("evil.toml").exists());
    }
}

#[test]
fn invalid_data_is_reported_with_its_file_and_line_in_both_languages() {
    let broken = questionnaire("small", "1.0").replace("type = \"scale\"", "type = \"scael\"");
    let line = broken.lines().position(|l| l.contains("scael")).unwrap() + 1;
    let bytes = zip_of(&[("small/questionnaire.toml", &broken)]);
    let e = read_package(Path::new("small.zip"), &bytes).unwrap_err();
    let en = e.problem_lines(Lang::En);
    let ja = e.problem_lines(Lang::Ja);
    let at = format!("small.zip/questionnaire.toml:{line}:");
    assert!(en[0].starts_with(&at), "{en:?}");
    assert!(
        ja[0].starts_with(&at) && ja[0].contains("書き方が正しくありません"),
        "{ja:?}"
    );
    // The Japanese in Japanese words (naming the value written), the English with the detail.
    assert!(
        ja[0].contains("`scael` という値は使えません")
            && !ja[0].contains("unknown variant")
            && !ja[0].contains("expected"),
        "{ja:?}"
    );
    assert!(en[0].contains("unknown variant `scael`"), "{en:?}");

    // A cross-check problem of the second phase: the same lines `csirt validate` gives.
    let unknown_area = questionnaire("small", "1.0").replace("area = \"org\"", "area = \"nope\"");
    let bytes = zip_of(&[("questionnaire.toml", &unknown_area)]);
    let e = read_package(Path::new("p.zip"), &bytes).unwrap_err();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("questionnaire.toml"), &unknown_area).unwrap();
    let folder = csirt_model::load_dir(dir.path()).unwrap_err();
    let strip = |l: &str| l.split_once(':').map(|(_, rest)| rest.to_string()).unwrap();
    let from_zip: Vec<String> = e.problem_lines(Lang::Ja).iter().map(|l| strip(l)).collect();
    let from_dir: Vec<String> = folder
        .problem_lines(Lang::Ja)
        .iter()
        .map(|l| strip(l))
        .collect();
    assert_eq!(from_zip, from_dir);

    // A demo that does not fit the questionnaire.
    let demo = r#"{"format":"csirt-assessment/1","questionnaire":"small","organisation":{"name":"X"},"answers":{"1":"7"}}"#;
    let bytes = zip_of(&[
        ("questionnaire.toml", &questionnaire("small", "1.0")),
        ("demo.json", demo),
    ]);
    let e = read_package(Path::new("p.zip"), &bytes).unwrap_err();
    let en = e.problem_lines(Lang::En);
    assert!(en[0].starts_with("p.zip/demo.json: item 1:"), "{en:?}");
}

#[test]
fn only_an_installed_package_is_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("q");
    let bytes = zip_of(&[("questionnaire.toml", &questionnaire("small", "1.0"))]);
    let set = install(&root, &catalog(), Path::new("p.zip"), &bytes).unwrap();
    let c = catalog().with(set);
    let e = uninstall(&root, &c, "jpcert-2015").unwrap_err();
    assert!(
        matches!(e, ModelError::NotAPackage { dir: None, .. }),
        "{e:?}"
    );
    assert!(e.localized(Lang::Ja).contains("組み込み"));
    assert!(matches!(
        uninstall(&root, &c, "../q").unwrap_err(),
        ModelError::UnknownQuestionnaire(_)
    ));
    uninstall(&root, &c, "small").unwrap();
    assert!(contents(&root).is_empty(), "{:?}", contents(&root));
    assert!(c.without("small").get("small").is_err());
}

#[test]
fn an_assessment_of_a_missing_or_other_version_says_which() {
    let c = catalog();
    let missing = assessment::parse(
        br#"{"format":"csirt-assessment/1","questionnaire":"iso-27035","questionnaire_version":"3.1","organisation":{"name":"X"},"answers":{}}"#,
    )
    .unwrap();
    let e = assessment::validate(&missing, &c).unwrap_err();
    assert_eq!(
        e.problem_lines(Lang::En),
        ["questionnaire iso-27035 (version 3.1) is not installed; install its package"]
    );
    assert!(
        e.problem_lines(Lang::Ja)[0].contains("iso-27035（版 3.1）はインストールされていません")
    );

    let installed = c.get("jpcert-2015").unwrap().questionnaire.version.clone();
    // Another version, and an answer this version lacks: refused, both versions first.
    let other = assessment::parse(
        br#"{"format":"csirt-assessment/1","questionnaire":"jpcert-2015","questionnaire_version":"0.1","organisation":{"name":"X"},"answers":{"99.1":"a"}}"#,
    )
    .unwrap();
    let lines = assessment::validate(&other, &c)
        .unwrap_err()
        .problem_lines(Lang::En);
    assert_eq!(
        lines[0],
        format!("this file was answered on jpcert-2015 version 0.1; installed is {installed}")
    );
    assert!(lines[1].starts_with("item 99.1"), "{lines:?}");
    // Another version whose answers all fit: accepted, and the notice says so.
    let fits = assessment::parse(
        br#"{"format":"csirt-assessment/1","questionnaire":"jpcert-2015","questionnaire_version":"0.1","organisation":{"name":"X"},"answers":{}}"#,
    )
    .unwrap();
    assessment::validate(&fits, &c).unwrap();
    let notice =
        assessment::version_notice(&fits, &c.get("jpcert-2015").unwrap().questionnaire).unwrap();
    assert!(notice.ja.contains("版 0.1") && notice.ja.contains(&format!("版 {installed}")));
}
