//! The gap-analysis PDF as a reader gets it: text extracted with pdftotext, fonts with pdffonts,
//! the page plan, and no text outside the page's box even for absurdly long names and comments.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{csirt, stderr};
use std::path::Path;
use std::process::Command;

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed for this test (apt-get install poppler-utils): {e}")
    });
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn page_text(pdf: &Path, page: usize) -> String {
    let p = page.to_string();
    tool(
        "pdftotext",
        &["-f", &p, "-l", &p, "-layout", pdf.to_str().unwrap(), "-"],
    )
}

fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

fn render(dir: &Path, args: &[&str], name: &str) -> std::path::PathBuf {
    let out_path = dir.join(name);
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["-o", out_path.to_str().unwrap()]);
    let out = csirt(&all);
    assert!(out.status.success(), "{}", stderr(&out));
    out_path
}

#[test]
fn the_demo_report_reads_correctly_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let set = csirt_model::builtin().unwrap();
    let q = &set.questionnaire;
    for lang in [csirt_model::Lang::Ja, csirt_model::Lang::En] {
        let code = lang.code();
        let pdf = render(
            dir.path(),
            &["report", "--demo", "--lang", code],
            &format!("{code}.pdf"),
        );
        let text = squash(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
        for s in &q.setup_items {
            assert!(
                text.contains(&squash(s.name.get(lang))),
                "{code}: set-up item {:?} missing",
                s.name.get(lang)
            );
        }
        let a = csirt_model::demo::demo_assessment(lang);
        let score = csirt_scoring::score(q, set.benchmark.as_deref(), &a).unwrap();
        let top = &score.gaps[0];
        assert!(
            text.contains(&squash(top.text.get(lang))),
            "{code}: top gap missing"
        );
        assert!(text.contains(&squash(&a.organisation.name)));
        // The other language's fixed strings must not leak in.
        let (own, other) = match lang {
            csirt_model::Lang::Ja => ("エグゼクティブサマリー", "Executivesummary"),
            csirt_model::Lang::En => ("Executivesummary", "エグゼクティブサマリー"),
        };
        assert!(
            text.contains(own) && !text.contains(other),
            "{code}: wrong language"
        );

        let fonts = tool("pdffonts", &[pdf.to_str().unwrap()]);
        let rows: Vec<&str> = fonts.lines().skip(2).collect();
        assert_eq!(rows.len(), 2, "regular and bold only: {fonts}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            assert!(
                cols[0].contains('+') && cols[0].contains("BIZUDPGothic"),
                "subset prefix: {row}"
            );
            // emb, sub, uni are all "yes": embedded, subset, with a ToUnicode map.
            assert_eq!(
                &cols[cols.len() - 5..cols.len() - 2],
                &["yes", "yes", "yes"],
                "{row}"
            );
        }
        let size = std::fs::metadata(&pdf).unwrap().len();
        assert!(size < 600_000, "{code}: {size} bytes: is the font subset?");

        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
        assert!(info.contains("Title:") && info.contains("CSIRT"), "{info}");
        assert!(info.contains("CreationDate:"), "{info}");
        let raw = std::fs::read(&pdf).unwrap();
        let lang_entry = format!("/Lang({code})");
        assert!(
            raw.windows(lang_entry.len())
                .any(|w| w == lang_entry.as_bytes()),
            "{code}: /Lang missing from the catalog"
        );
    }
}

/// The page plan: cover, a one-page executive summary, then each section on its own pages in
/// order, with page numbers "n / N" on every page after the cover.
#[test]
fn the_page_plan_is_as_designed() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), &["report", "--demo", "--lang", "en"], "en.pdf");
    let n = pages(&pdf);
    assert_eq!(n, 16, "the demo report in English has 16 pages");
    assert!(squash(&page_text(&pdf, 1)).contains("CSIRTmaturityassessment"));
    assert!(!page_text(&pdf, 1).contains(&format!("1 / {n}")));
    assert!(page_text(&pdf, 2).contains("Executive summary"));
    assert!(page_text(&pdf, 3).contains("Standing among the 66 surveyed teams"));
    let order = [
        "Standing among the 66 surveyed teams",
        "Gap analysis",
        "Roadmap",
        "SIM3 view",
        "Services",
        "Appendix A: every answer",
        "Appendix B: scoring method and data provenance",
    ];
    let starts: Vec<usize> = order
        .iter()
        .map(|title| {
            (2..=n)
                .find(|&p| {
                    page_text(&pdf, p)
                        .lines()
                        .filter(|l| !l.trim().is_empty())
                        .nth(1)
                        .is_some_and(|l| l.trim() == *title)
                })
                .unwrap_or_else(|| panic!("no page starts with {title:?}"))
        })
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] < w[1]),
        "sections out of order: {starts:?}"
    );
    for p in 2..=n {
        assert!(
            page_text(&pdf, p).contains(&format!("{p} / {n}")),
            "page {p} has no number"
        );
    }
    let ja = render(dir.path(), &["report", "--demo", "--lang", "ja"], "ja.pdf");
    assert_eq!(pages(&ja), 14, "the demo report in Japanese has 14 pages");
}

/// Every word's box, from `pdftotext -bbox`, lies inside the page's printable area.
fn assert_nothing_overflows(pdf: &Path) {
    let html = tool("pdftotext", &["-bbox", pdf.to_str().unwrap(), "-"]);
    let num = |tag: &str, key: &str| -> f64 {
        let at = tag.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let mut words = 0;
    for tag in html.split("<word ").skip(1) {
        let (x0, x1, y1) = (num(tag, "xMin"), num(tag, "xMax"), num(tag, "yMax"));
        let word = tag
            .split('>')
            .nth(1)
            .unwrap_or("")
            .split('<')
            .next()
            .unwrap_or("");
        assert!(
            x0 >= 40.0 && x1 <= 595.0 - 40.0,
            "word {word:?} leaves the page sideways: {x0}–{x1}"
        );
        assert!(
            y1 <= 842.0 - 14.0,
            "word {word:?} runs off the bottom: {y1}"
        );
        words += 1;
    }
    assert!(words > 500, "only {words} words extracted");
}

#[test]
fn very_long_names_and_comments_stay_inside_their_boxes() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = csirt_model::demo::demo_assessment(csirt_model::Lang::Ja);
    a.organisation.name = format!(
        "{}{}",
        "株式会社とても長い名前のグループ持株会社情報セキュリティインシデント対応チーム".repeat(6),
        "Incorporated-With-An-Unbreakable-Latin-Suffix".repeat(4)
    );
    a.organisation.sector = Some("製造業・情報通信業・金融業・".repeat(20));
    let long_comment = format!(
        "{} {} {}",
        "停止の判断はシステム主管部門が行い、CSIRT は助言のみを行う。".repeat(40),
        "https://example.invalid/a/very/long/path/without/any/spaces/".repeat(10),
        "Emoji 🚀 and RTL مرحبا and combining e\u{301} must not break layout. ".repeat(20)
    );
    a.comments.insert("2.8".into(), long_comment.clone());
    a.comments.insert("2.9.k".into(), long_comment.clone());
    a.evidence.insert("4.1".into(), long_comment);
    let file = dir.path().join("long.json");
    std::fs::write(&file, a.to_json_pretty()).unwrap();
    for lang in ["ja", "en"] {
        let pdf = render(
            dir.path(),
            &["report", file.to_str().unwrap(), "--lang", lang],
            &format!("long-{lang}.pdf"),
        );
        assert_nothing_overflows(&pdf);
        let text = squash(&tool("pdftotext", &[pdf.to_str().unwrap(), "-"]));
        // Nothing typed is lost: the long comment appears in full in the appendix.
        assert!(text.contains(&squash(
            &"停止の判断はシステム主管部門が行い、CSIRT は助言のみを行う。".repeat(40)
        )));
        // A character the font lacks is replaced visibly, not dropped silently.
        assert!(text.contains('〓'));
    }
    let demo = render(
        dir.path(),
        &["report", "--demo", "--lang", "en"],
        "demo.pdf",
    );
    assert_nothing_overflows(&demo);
}
