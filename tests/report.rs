//! The gap-analysis PDF as a reader gets it: text extracted with pdftotext, fonts with pdffonts,
//! the page plan, and no text outside the page's box even for absurdly long names and comments.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{csirt, stderr};
use csirt_model::limits::NAME_MAX_CHARS;
use csirt_model::Lang;
use csirt_report::fonts::{self, Weight};
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

/// The page plan: cover, a two-page executive summary (what a board reads first), then each
/// section on its own pages in order, with page numbers "n / N" on every page after the cover.
#[test]
fn the_page_plan_is_as_designed() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = render(dir.path(), &["report", "--demo", "--lang", "en"], "en.pdf");
    let n = pages(&pdf);
    assert_eq!(n, 21, "the demo report in English has 21 pages");
    assert!(squash(&page_text(&pdf, 1)).contains("CSIRTmaturityassessment"));
    assert!(!page_text(&pdf, 1).contains(&format!("1 / {n}")));
    assert!(page_text(&pdf, 2).contains("Executive summary"));
    assert!(page_text(&pdf, 3).contains("The five gaps to close first"));
    assert!(page_text(&pdf, 4).contains("Standing among the benchmark's 66 teams"));
    let order = [
        "Standing among the benchmark's 66 teams",
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
    assert_eq!(pages(&ja), 19, "the demo report in Japanese has 19 pages");
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
    // As long as the limits allow (csirt_model::limits), with a Latin word that cannot break.
    let at_most = |s: String| -> String { s.chars().take(NAME_MAX_CHARS).collect() };
    a.organisation.name = at_most(format!(
        "{}{}",
        "株式会社とても長い名前のグループ持株会社情報セキュリティインシデント対応チーム".repeat(3),
        "Incorporated-With-An-Unbreakable-Latin-Suffix".repeat(4)
    ));
    a.organisation.sector = Some(at_most("製造業・情報通信業・金融業・".repeat(20)));
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

/// Decomposed (NFD) inputs, as macOS file names and some input methods produce them, each with
/// the composed form a reader must get back.
const DECOMPOSED: [(&str, &str); 7] = [
    (
        "Socie\u{301}te\u{301} A\u{30a}ngstro\u{308}m",
        "Société Ångström",
    ),
    ("\u{304b}\u{3099}\u{304d}\u{3099}\u{3050}", "がぎぐ"),
    (
        "\u{30cf}\u{309a}\u{30f3}\u{30c6}\u{3099}\u{30a3}",
        "パンディ",
    ),
    ("\u{1112}\u{1161}\u{11ab}\u{1100}\u{1173}\u{11af}", "한글"),
    ("Espan\u{303}a C\u{327}a", "España Ça"),
    ("Dvor\u{30c}a\u{301}k", "Dvořák"),
    ("\u{3046}\u{3099}", "ゔ"),
];

/// The composed text as the PDF can show it: what the font lacks is the visible 〓, one per
/// composed character (not one per combining mark).
fn as_drawn(composed: &str) -> String {
    let m = fonts::metrics(Weight::Regular).unwrap();
    composed
        .chars()
        .map(|c| if c == ' ' || m.has_glyph(c) { c } else { '〓' })
        .collect()
}

#[test]
fn decomposed_text_is_composed_in_the_pdf_and_the_html() {
    let dir = tempfile::tempdir().unwrap();
    let mut a = csirt_model::demo::demo_assessment(Lang::En);
    a.organisation.name = "Socie\u{301}te\u{301} Ge\u{301}ne\u{301}rale か\u{3099}".into();
    let items = ["2.8", "2.10", "4.1", "4.2", "4.3", "4.4", "4.5"];
    for (item, (nfd, _)) in items.iter().zip(DECOMPOSED) {
        a.comments.insert((*item).into(), format!("«{nfd}»"));
    }
    let file = dir.path().join("nfd.json");
    std::fs::write(&file, a.to_json_pretty()).unwrap();
    for lang in ["ja", "en"] {
        let pdf = render(
            dir.path(),
            &["report", file.to_str().unwrap(), "--lang", lang],
            &format!("nfd-{lang}.pdf"),
        );
        let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
        let flat = squash(&text);
        for (nfd, composed) in DECOMPOSED {
            let want = squash(&format!("«{}»", as_drawn(composed)));
            assert!(flat.contains(&want), "{lang}: {nfd:?} should read {want:?}");
        }
        assert!(
            flat.contains("SociétéGénéraleが"),
            "{lang}: the name on the cover"
        );
        // No combining mark, and no spacing accent or dakuten standing apart from its letter.
        for c in [
            '\u{301}', '\u{308}', '\u{30a}', '\u{3099}', '\u{309a}', '´', '¨', '゛', '゜',
        ] {
            assert!(!text.contains(c), "{lang}: {c:?} left in the text");
        }
        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
        assert!(info.contains("Société Générale が"), "{info}");
    }
    // The HTML page composes the same text.
    let set = csirt_model::builtin().unwrap();
    let score = csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), &a).unwrap();
    let input = csirt_report::ReportInput {
        questionnaire: &set.questionnaire,
        benchmark: set.benchmark.as_deref(),
        assessment: &a,
        score: &score,
    };
    let html = csirt_report::html::render_html(&input, Lang::En);
    assert!(html.contains("Société Générale が"));
    for (_, composed) in DECOMPOSED {
        assert!(html.contains(&format!("«{composed}»")), "{composed}");
    }
    assert!(!html.contains('\u{301}') && !html.contains('\u{3099}'));
}

/// The information dictionary claims no standard the file does not meet (printpdf writes an
/// empty /GTS_PDFXVersion, which readers report as PDF/X), and names the title, producer and
/// language rightly.
#[test]
fn the_metadata_claims_only_what_is_true() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["ja", "en"] {
        let pdf = render(
            dir.path(),
            &["report", "--demo", "--lang", lang],
            &format!("{lang}.pdf"),
        );
        let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
        for claim in [
            "PDF/X",
            "PDF/A",
            "ISO 15930",
            "ISO 19005",
            "PDF subtype:    PDF",
        ] {
            assert!(!info.contains(claim), "{lang}: {claim} in {info}");
        }
        let raw = std::fs::read(&pdf).unwrap();
        let has = |needle: &str| raw.windows(needle.len()).any(|w| w == needle.as_bytes());
        for key in [
            "GTS_PDFX",
            "GTS_PDFA",
            "pdfaid:",
            "pdfx:",
            "/OutputIntents",
            "/Identifier",
            "/Keywords",
            "/Author",
        ] {
            assert!(!has(key), "{lang}: {key} in the file");
        }
        assert!(has(&format!("/Lang({lang})")), "{lang}: /Lang");
        let field = |name: &str| {
            info.lines()
                .find_map(|l| l.strip_prefix(&format!("{name}:")))
                .map(|v| v.trim().to_string())
                .unwrap_or_else(|| panic!("{lang}: no {name} in {info}"))
        };
        let l: Lang = lang.parse().unwrap();
        let name = csirt_model::demo::demo_assessment(l).organisation.name;
        assert_eq!(
            field("Title"),
            format!(
                "{} — {name}",
                csirt_report::report_title(l, &csirt_model::Text::new("CSIRT", "CSIRT"))
            )
        );
        assert_eq!(field("Producer"), csirt_report::PRODUCER);
        assert!(field("Producer").starts_with("csirt-report "));
        assert_eq!(field("Creator"), "CSIRT maturity assessment");
    }
}

/// The assessor's message and a gap note, given in the interchange form, appear in the PDF's
/// text in both languages, with the label that marks them as the assessor's.
#[test]
fn the_assessors_words_appear_in_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let set = csirt_model::builtin().unwrap();
    let q = &set.questionnaire;
    for lang in [Lang::Ja, Lang::En] {
        let mut a = csirt_model::demo::demo_assessment(lang);
        let top = csirt_scoring::score(q, set.benchmark.as_deref(), &a)
            .unwrap()
            .gaps[0]
            .item
            .clone();
        let narrative: csirt_model::Narrative = serde_json::from_value(serde_json::json!({
            "message": "Fund a second incident handler this year.\n\nThe rest follows.",
            "findings": ["Escalation is informal."],
            "gap_notes": { top.clone(): "Our regulator asks for this first." }
        }))
        .unwrap();
        a.narrative = Some(narrative);
        let score = csirt_scoring::score(q, set.benchmark.as_deref(), &a).unwrap();
        let input = csirt_report::ReportInput {
            questionnaire: q,
            benchmark: set.benchmark.as_deref(),
            assessment: &a,
            score: &score,
        };
        let pdf = csirt_report::render(
            &input,
            &csirt_report::ReportExtras::default(),
            lang,
            &csirt_report::ReportOptions::default(),
            csirt_report::Format::Pdf,
            0,
        )
        .unwrap();
        let path = dir.path().join(format!("{}.pdf", lang.code()));
        std::fs::write(&path, pdf).unwrap();
        let text = squash(&tool("pdftotext", &[path.to_str().unwrap(), "-"]));
        for want in [
            "Fund a second incident handler this year.",
            "The rest follows.",
            "Escalation is informal.",
            "Our regulator asks for this first.",
        ] {
            assert!(
                text.contains(&squash(want)),
                "{}: {want:?} missing",
                lang.code()
            );
        }
        let label = match lang {
            Lang::Ja => "評価者のコメント",
            Lang::En => "Assessor'snote",
        };
        // On the summary (ask box, findings, the top gap's note) and beside the gap in the table.
        assert!(
            text.matches(label).count() >= 4,
            "{}: label count",
            lang.code()
        );
    }
}
