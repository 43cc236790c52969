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
