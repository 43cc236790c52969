//! The editable report as LibreOffice reads it: the demo's DOCX converted to PDF with
//! `soffice --headless`, its text extracted with pdftotext, and compared with our own PDF's
//! text: the same title, the same headings in the same order, the same gaps in the same order
//! in every section, in both languages.
//!
//! LibreOffice is installed by `scripts/test.sh`. Without `soffice` the test says it skipped,
//! unless `CI` or `CSIRT_REQUIRE_SOFFICE` is set, when it fails.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{csirt, stderr};
use csirt_model::Lang;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// `soffice` on the PATH, or None when the test may skip.
fn soffice() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("soffice"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let required = ["CI", "CSIRT_REQUIRE_SOFFICE"]
            .iter()
            .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()));
        assert!(
            !required,
            "soffice is needed for this test (apt-get install libreoffice-writer-nogui)"
        );
        eprintln!("skipped: soffice is not installed (apt-get install libreoffice-writer-nogui)");
    }
    found
}

/// The text of a PDF, laid out by position (`-layout`): a table row stays on one line, so the
/// order of gap ids follows the rows in both our PDF and LibreOffice's.
fn pdftotext(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext is needed for this test (apt-get install poppler-utils)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The demo's report in `format`, written by the CLI.
fn report(dir: &Path, lang: &str, format: &str) -> PathBuf {
    let path = dir.join(format!("demo-{lang}.{format}"));
    let out = csirt(&[
        "--lang",
        lang,
        "report",
        "--demo",
        "--format",
        format,
        "-o",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    path
}

/// The DOCX converted to PDF by LibreOffice, with a profile of its own so that a user's
/// settings (or another run) change nothing.
fn convert(soffice: &Path, docx: &Path, dir: &Path) -> PathBuf {
    let profile = dir.join("lo-profile");
    let out_dir = dir.join("lo-out");
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.to_str().unwrap()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&out_dir)
        .arg(docx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pdf = out_dir.join(docx.with_extension("pdf").file_name().unwrap());
    assert!(
        pdf.is_file(),
        "soffice wrote no PDF: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// The texts of the paragraphs in Word's Heading 1 and Heading 2 styles, in order, with the
/// level.
fn headings(docx: &Path) -> Vec<(u8, String)> {
    let file = std::fs::File::open(docx).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    doc.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .filter_map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name((W, "pStyle")))?
                .attribute((W, "val"))?;
            let level = match style {
                "Heading1" => 1,
                "Heading2" => 2,
                _ => return None,
            };
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect();
            Some((level, text))
        })
        .collect()
}

/// Where `needle` starts in `text` at or after `from`, whatever the line breaks and spaces
/// between its characters (each PDF wraps lines its own way).
fn find_loose(text: &str, needle: &str, from: usize) -> Option<(usize, usize)> {
    let pattern: Vec<String> = needle
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| regex_lite::escape(&c.to_string()))
        .collect();
    let re = regex_lite::Regex::new(&pattern.join(r"\s*")).unwrap();
    re.find_at(text, from).map(|m| (m.start(), m.end()))
}

/// The gap items in the order they first appear in `text`, each as a whole id ("4.3", not
/// inside "14.3", "4.31" or "4.3.1").
fn gap_order(text: &str, gaps: &[String]) -> Vec<String> {
    let mut found: Vec<(usize, String)> = gaps
        .iter()
        .filter_map(|id| {
            text.match_indices(id.as_str())
                .find(|&(at, _)| {
                    let before = text[..at].chars().next_back();
                    let mut after = text[at + id.len()..].chars();
                    let (a1, a2) = (after.next(), after.next());
                    let bad_before = before.is_some_and(|c| c.is_ascii_digit() || c == '.');
                    let bad_after = a1.is_some_and(|c| c.is_ascii_digit())
                        || (a1 == Some('.') && a2.is_some_and(|c| c.is_ascii_alphanumeric()));
                    !bad_before && !bad_after
                })
                .map(|(at, _)| (at, id.clone()))
        })
        .collect();
    found.sort();
    found.into_iter().map(|(_, id)| id).collect()
}

/// The demo's report model and its gaps in priority order.
fn demo_model(lang: Lang) -> (csirt_report::ReportDoc, Vec<String>) {
    let set = csirt_model::builtin().unwrap();
    let q = &set.questionnaire;
    let a = csirt_model::demo::demo_assessment(lang);
    let score = csirt_scoring::score(q, set.benchmark.as_deref(), &a).unwrap();
    let input = csirt_report::ReportInput {
        questionnaire: q,
        benchmark: set.benchmark.as_deref(),
        assessment: &a,
        score: &score,
    };
    let doc = csirt_report::build::build(
        &input,
        &csirt_report::ReportExtras::default(),
        lang,
        &csirt_report::ReportOptions::default(),
    );
    let gaps = score.gaps.iter().map(|g| g.item.clone()).collect();
    (doc, gaps)
}

/// Splits `text` at each Heading 1, found in order; panics naming a heading it cannot find.
fn sections<'a>(text: &'a str, headings: &[(u8, String)], what: &str) -> Vec<&'a str> {
    let mut starts = Vec::new();
    let mut at = 0;
    for (level, heading) in headings {
        let (start, end) = find_loose(text, heading, at)
            .unwrap_or_else(|| panic!("{what}: heading {heading:?} missing or out of order"));
        if *level == 1 {
            starts.push(start);
        }
        at = end;
    }
    starts.push(text.len());
    let mut out = vec![&text[..starts[0]]];
    out.extend(starts.windows(2).map(|w| &text[w[0]..w[1]]));
    out
}

#[test]
fn libreoffice_reads_the_docx_with_our_pdfs_headings_and_gap_order() {
    let Some(soffice) = soffice() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for lang in [Lang::Ja, Lang::En] {
        let code = lang.code();
        let (model, gaps) = demo_model(lang);
        assert!(gaps.len() > 5, "the demo has gaps");
        let docx = report(dir.path(), code, "docx");
        let ours = pdftotext(&report(dir.path(), code, "pdf"));
        let started = std::time::Instant::now();
        let theirs = pdftotext(&convert(&soffice, &docx, dir.path()));
        eprintln!(
            "{code}: soffice converted the DOCX in {:?}",
            started.elapsed()
        );

        for text in [&ours, &theirs] {
            for wanted in [&model.title, &model.organisation] {
                assert!(
                    find_loose(text, wanted, 0).is_some(),
                    "{code}: no {wanted:?}"
                );
            }
        }
        // Every section of the model is a Heading 1 of the DOCX, in order.
        let heads = headings(&docx);
        let h1: Vec<&str> = heads
            .iter()
            .filter(|h| h.0 == 1)
            .map(|h| h.1.as_str())
            .collect();
        let titles: Vec<&str> = model.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            h1, titles,
            "{code}: the DOCX's Heading 1s are not the model's sections"
        );
        if titles.is_empty() {
            eprintln!("{code}: the report model has no sections yet; only the cover is compared");
            continue;
        }
        // The same headings in the same order in both PDFs, and in each section the same gaps
        // in the same order.
        let in_ours = sections(&ours, &heads, &format!("{code}, our PDF"));
        let in_theirs = sections(&theirs, &heads, &format!("{code}, LibreOffice's PDF"));
        let mut names = vec!["the cover"];
        names.extend(&titles);
        // Sections that state gaps in text. Elsewhere our PDF's charts are vector text whose
        // labels (item ids) pdftotext reads, while the DOCX's charts are pictures.
        let mut kinds = vec![None];
        kinds.extend(model.sections.iter().map(|s| Some(s.kind)));
        let mut compared = 0;
        for (((a, b), name), kind) in in_ours.iter().zip(&in_theirs).zip(names).zip(kinds) {
            use csirt_report::SectionKind::{Gaps, Roadmap, Summary};
            if !matches!(kind, Some(Summary | Gaps | Roadmap)) {
                continue;
            }
            let order = gap_order(a, &gaps);
            assert_eq!(
                order,
                gap_order(b, &gaps),
                "{code}: the gaps of {name:?} are in another order"
            );
            compared += order.len();
        }
        assert!(compared > 0, "{code}: no gap found in either text");
    }
}

#[test]
fn gap_ids_are_found_whole() {
    let gaps: Vec<String> = ["4.3", "2.9", "2.9.t", "1.1"].map(String::from).to_vec();
    let text = "14.3 and 4.31 and 4.3.1, then 2.9.t (a gap), item 2.9. Later 4.3 and 1.1.";
    assert_eq!(gap_order(text, &gaps), ["2.9.t", "2.9", "4.3", "1.1"]);
    assert_eq!(
        find_loose("見出し\nの 続き", "見出しの続き", 0),
        Some((0, 20))
    );
}
