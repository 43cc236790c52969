//! The PSIRT and staffing-by-role questionnaires through the command line: each validates, its
//! demo scores and gives a PDF and a Word report, and the roles demo's report has the
//! "Staffing by role" section while the PSIRT one does not.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{csirt, repo_root, stderr, stdout};
use serde_json::Value;

fn demo(id: &str) -> String {
    repo_root()
        .join("questionnaires")
        .join(id)
        .join("demo.json")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn each_questionnaire_validates_and_its_demo_scores_and_reports() {
    for (id, items) in [("psirt", 25), ("csirt-roles", 42)] {
        let dir = repo_root().join("questionnaires").join(id);
        let out = csirt(&["validate", dir.to_str().unwrap(), "--lang", "en"]);
        assert!(out.status.success(), "{id}: {}", stderr(&out));
        assert!(
            stdout(&out).contains(&format!("{items} items")),
            "{}",
            stdout(&out)
        );

        let out = csirt(&["score", &demo(id), "--json"]);
        assert!(out.status.success(), "{id}: {}", stderr(&out));
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["questionnaire"], id);
        let c = &v["completeness"];
        assert_eq!(
            c["scored_answered"], c["scored_total"],
            "{id}: every scored item answered"
        );
        assert!(v["overall"].as_f64().unwrap() > 0.0);

        let tmp = tempfile::tempdir().unwrap();
        for (format, name) in [("pdf", "r.pdf"), ("docx", "r.docx")] {
            let path = tmp.path().join(name);
            let out = csirt(&[
                "report",
                &demo(id),
                "--format",
                format,
                "--lang",
                "en",
                "-o",
                path.to_str().unwrap(),
            ]);
            assert!(out.status.success(), "{id} {format}: {}", stderr(&out));
            assert!(std::fs::metadata(&path).unwrap().len() > 10_000);
        }
        let path = tmp.path().join("r.html");
        let out = csirt(&[
            "report",
            &demo(id),
            "--format",
            "html",
            "--lang",
            "en",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{id} html: {}", stderr(&out));
        let html = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            html.contains("Staffing by role"),
            id == "csirt-roles",
            "{id}"
        );
    }
}

/// The report names the kind of team assessed: "PSIRT" for the PSIRT questionnaire (its
/// `subject`), "CSIRT" for the others, in the title, the HTML `<title>`, the DOCX's core
/// properties and its title paragraph, and the PDF's document information, in both languages.
#[test]
fn the_report_title_names_the_team_assessed_in_every_format() {
    use std::io::Read;
    let tmp = tempfile::tempdir().unwrap();
    for (id, subject, other) in [
        ("psirt", "PSIRT", "CSIRT"),
        ("csirt-roles", "CSIRT", "PSIRT"),
    ] {
        for (lang, title) in [
            ("ja", format!("{subject} 成熟度評価 ギャップ分析報告書")),
            ("en", format!("{subject} maturity assessment: gap analysis")),
        ] {
            let report = |format: &str| {
                let path = tmp.path().join(format!("{id}-{lang}.{format}"));
                let out = csirt(&[
                    "report",
                    &demo(id),
                    "--format",
                    format,
                    "--lang",
                    lang,
                    "-o",
                    path.to_str().unwrap(),
                ]);
                assert!(out.status.success(), "{id} {format}: {}", stderr(&out));
                path
            };
            let html = std::fs::read_to_string(report("html")).unwrap();
            let head = html.split("</title>").next().unwrap();
            assert!(
                head.contains(&format!("<title>{title} — ")),
                "{id} {lang}: {head}"
            );
            assert!(
                !html.contains(&format!("{other} 成熟度評価")),
                "{id} {lang}"
            );
            assert!(!html.contains(&format!("{other} maturity")), "{id} {lang}");

            let mut zip =
                zip::ZipArchive::new(std::fs::File::open(report("docx")).unwrap()).unwrap();
            for part in ["docProps/core.xml", "word/document.xml"] {
                let mut xml = String::new();
                zip.by_name(part).unwrap().read_to_string(&mut xml).unwrap();
                assert!(xml.contains(&title), "{id} {lang} {part}");
                assert!(
                    !xml.contains(&format!("{other} maturity")),
                    "{id} {lang} {part}"
                );
                assert!(
                    !xml.contains(&format!("{other} 成熟度評価")),
                    "{id} {lang} {part}"
                );
            }

            let pdf = report("pdf");
            if let Ok(out) = std::process::Command::new("pdfinfo").arg(&pdf).output() {
                let info = String::from_utf8_lossy(&out.stdout).into_owned();
                assert!(info.contains(&format!("{title} — ")), "{id} {lang}: {info}");
            }
        }
    }
}
