//! The DOCX renderer's tests: a hand-built report model holding every block and figure, in ja
//! and en, rendered and read back from its ZIP parts.

use super::*;
use crate::charts::{RadarAxis, StandingBar};
use crate::model::*;
use csirt_model::Lang;
use std::io::Read;

fn t(lang: Lang, ja: &str, en: &str) -> String {
    match lang {
        Lang::Ja => ja.to_string(),
        Lang::En => en.to_string(),
    }
}

/// A 2 × 1 PNG.
fn tiny_png() -> Vec<u8> {
    let mut pixmap = resvg::tiny_skia::Pixmap::new(2, 1).unwrap();
    pixmap.fill(resvg::tiny_skia::Color::from_rgba8(200, 0, 0, 255));
    pixmap.encode_png().unwrap()
}

/// Every block and figure of the model, with texts that say where they come from.
pub(super) fn fixture(lang: Lang) -> ReportDoc {
    let axes = ["体制", "サービス", "品質"]
        .iter()
        .enumerate()
        .map(|(i, a)| RadarAxis {
            label: t(lang, a, ["Organisation", "Services", "Quality"][i]),
            score: if i == 1 {
                None
            } else {
                Some(40.0 + 10.0 * i as f64)
            },
            value: if i == 1 {
                t(lang, "未回答", "not answered")
            } else {
                format!("{:.0}", 40.0 + 10.0 * i as f64)
            },
            peers: Some((30.0, 60.0)),
        })
        .collect();
    let bars = vec![
        StandingBar {
            label: "1.1".into(),
            low: 40.0,
            high: 40.0,
            exact: true,
        },
        StandingBar {
            label: "2.9".into(),
            low: 20.0,
            high: 55.0,
            exact: false,
        },
    ];
    let trend = TrendChart {
        dates: vec!["2024-04-01".into(), "2025-04-01".into()],
        series: vec![
            TrendSeries {
                name: t(lang, "総合", "Overall"),
                values: vec![Some(40.0), Some(50.0)],
                bold: true,
                hidden: false,
            },
            TrendSeries {
                name: t(lang, "体制", "Organisation"),
                values: vec![None, Some(60.0)],
                bold: false,
                hidden: false,
            },
        ],
        caption: t(lang, "推移の説明", "Trend caption"),
    };
    let table = Table {
        columns: vec![
            Column {
                title: t(lang, "項目", "Item"),
                width: 34.0,
            },
            Column {
                title: t(lang, "回答", "Answer"),
                width: 0.0,
            },
        ],
        rows: (0..3)
            .map(|i| {
                vec![
                    Cell {
                        text: format!("4.{i}"),
                        small: Some(t(lang, "小さな文字", "small print")),
                        ..Cell::default()
                    },
                    Cell {
                        text: t(lang, "法務部門へのエスカレーション", "Escalation to legal"),
                        tone: Some(Tone::Bad),
                        assessor_note: (i == 0)
                            .then(|| t(lang, "表の中の評価者メモ", "Assessor note in a table")),
                        ..Cell::default()
                    },
                ]
            })
            .collect(),
        density: Density::Compact,
    };
    ReportDoc {
        lang,
        date: "2026-11-29".into(),
        assessor_label: t(lang, "評価者のコメント", "Assessor's note"),
        title: t(
            lang,
            "CSIRT 成熟度評価報告書",
            "CSIRT maturity assessment report",
        ),
        organisation: t(lang, "デモ組織", "Demo organisation"),
        cover: Cover {
            facts: vec![Fact {
                label: t(lang, "評価日", "Date"),
                value: "2026-11-29".into(),
            }],
            logo: Some(Logo {
                format: ImageFormat::Png,
                width_px: 2,
                height_px: 1,
                bytes: tiny_png(),
            }),
        },
        confidentiality: t(lang, "社外秘", "Confidential"),
        running_header: t(lang, "報告書ヘッダー", "Report running header"),
        sections: vec![
            Section {
                kind: SectionKind::Summary,
                title: t(lang, "要約", "Summary"),
                appendix: false,
                blocks: vec![
                    Block::Headline(Headline {
                        label: t(lang, "総合成熟度", "Overall maturity"),
                        value: "50".into(),
                        unit: "/ 100".into(),
                        context: vec![t(lang, "SIM3 レベル 2 相当", "About SIM3 level 2")],
                    }),
                    Block::Callout(Callout {
                        title: t(lang, "経営層へのお願い", "What we ask of management"),
                        voice: Voice::Report,
                        lines: vec![t(lang, "お願いの一行目", "First ask")],
                        list: true,
                        attribution: None,
                    }),
                    Block::Callout(Callout {
                        title: t(lang, "評価者からのメッセージ", "The assessor's message"),
                        voice: Voice::Assessor,
                        lines: vec![t(lang, "評価者の段落", "Assessor paragraph")],
                        list: false,
                        attribution: Some(t(lang, "評価者の文章", "Assessor's text")),
                    }),
                    Block::StatusList(StatusList {
                        title: t(lang, "六つの体制項目", "The six set-up items"),
                        entries: vec![StatusEntry {
                            title: t(lang, "インシデント対応", "Incident handling"),
                            value: "63".into(),
                            tone: Tone::Warn,
                            text: t(lang, "一部できています", "Partly ready"),
                        }],
                    }),
                    Block::Figure(Figure::Radar {
                        axes,
                        legend: [
                            t(lang, "貴組織", "Your team"),
                            t(lang, "66 組織", "66 teams"),
                        ],
                        caption: t(lang, "レーダーの説明", "Radar caption"),
                    }),
                ],
            },
            Section {
                kind: SectionKind::Gaps,
                title: t(lang, "ギャップ", "Gaps"),
                appendix: false,
                blocks: vec![
                    Block::Heading {
                        text: t(lang, "小見出し", "A sub-heading"),
                    },
                    Block::Paragraph {
                        text: t(lang, "調査の段落", "Report paragraph"),
                        voice: Voice::Report,
                    },
                    Block::Paragraph {
                        text: t(lang, "評価者自身の段落", "Assessor's own paragraph"),
                        voice: Voice::Assessor,
                    },
                    Block::Bullets {
                        items: vec![t(lang, "重要な発見", "Key finding")],
                        voice: Voice::Assessor,
                    },
                    Block::Findings(vec![Finding {
                        rank: 1,
                        finding: t(
                            lang,
                            "法務への連絡経路がありません",
                            "No escalation to legal",
                        ),
                        consequence: t(lang, "判断が遅れます", "Decisions come late"),
                        action: t(lang, "経路を定めてください", "Define the path"),
                        why_ranked: t(lang, "順位の理由", "Why it ranks first"),
                        code: t(lang, "項目 4.3 · 優先度 高", "Item 4.3 · priority high"),
                        assessor_note: Some(t(lang, "ここで重要な理由", "Why it matters here")),
                    }]),
                    Block::Figure(Figure::Standing {
                        bars,
                        caption: t(lang, "棒の説明", "Standing caption"),
                    }),
                    Block::Table(table),
                    Block::Note {
                        text: t(lang, "注記", "A note"),
                    },
                    Block::Figure(Figure::Trend(trend)),
                ],
            },
        ],
    }
}

/// The named part of a DOCX, as text.
pub(super) fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("no {name}"))
        .read_to_string(&mut s)
        .unwrap();
    s
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const CREATED: i64 = 1_764_000_000;

fn render(doc: &ReportDoc) -> Vec<u8> {
    render_docx(doc, CREATED).unwrap()
}

/// The style id of every paragraph of document.xml with its text, in order.
fn paragraphs(document: &str) -> Vec<(String, String)> {
    let xml = roxmltree::Document::parse(document).unwrap();
    xml.descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| {
            let style = p
                .descendants()
                .find(|n| n.has_tag_name((W, "pStyle")))
                .and_then(|s| s.attribute((W, "val")))
                .unwrap_or("")
                .to_string();
            let text: String = p
                .descendants()
                .filter(|n| n.has_tag_name((W, "t")))
                .filter_map(|t| t.text())
                .collect();
            (style, text)
        })
        .collect()
}

/// Every text the fixture holds, as the reader sees it.
fn texts(doc: &ReportDoc) -> Vec<String> {
    let mut out = vec![doc.title.clone(), doc.organisation.clone()];
    for f in &doc.cover.facts {
        out.extend([f.label.clone(), f.value.clone()]);
    }
    for s in &doc.sections {
        out.push(s.title.clone());
        for b in &s.blocks {
            match b {
                Block::Heading { text } | Block::Paragraph { text, .. } | Block::Note { text } => {
                    out.push(text.clone())
                }
                Block::Bullets { items, .. } => out.extend(items.iter().cloned()),
                Block::Headline(h) => {
                    out.extend([h.label.clone(), h.value.clone()]);
                    out.extend(h.context.iter().cloned());
                }
                Block::Callout(c) => {
                    out.push(c.title.clone());
                    out.extend(c.lines.iter().cloned());
                    out.extend(c.attribution.iter().cloned());
                }
                Block::StatusList(l) => {
                    out.push(l.title.clone());
                    for e in &l.entries {
                        out.extend([e.title.clone(), e.text.clone()]);
                    }
                }
                Block::Findings(fs) => {
                    for f in fs {
                        out.extend([
                            f.finding.clone(),
                            f.consequence.clone(),
                            f.action.clone(),
                            f.why_ranked.clone(),
                            f.code.clone(),
                        ]);
                        out.extend(f.assessor_note.iter().cloned());
                    }
                }
                Block::Table(t) => {
                    out.extend(t.columns.iter().map(|c| c.title.clone()));
                    for row in &t.rows {
                        for c in row {
                            out.push(c.text.clone());
                            out.extend(c.small.iter().cloned());
                            out.extend(c.assessor_note.iter().cloned());
                        }
                    }
                }
                Block::Figure(Figure::Radar { caption, .. })
                | Block::Figure(Figure::Standing { caption, .. })
                | Block::Figure(Figure::OpenActions { caption, .. })
                | Block::Figure(Figure::RoleCoverage { caption, .. }) => out.push(caption.clone()),
                Block::Figure(Figure::Trend(t)) => out.push(t.caption.clone()),
            }
        }
    }
    out
}

#[test]
fn every_text_of_every_block_is_in_the_document_in_both_languages() {
    for lang in [Lang::Ja, Lang::En] {
        let doc = fixture(lang);
        let docx = render(&doc);
        let paras = paragraphs(&part(&docx, "word/document.xml"));
        for text in texts(&doc) {
            assert!(
                paras.iter().any(|(_, p)| p.contains(&text)),
                "{lang:?}: {text:?} is missing"
            );
        }
        // The other language's texts are not there.
        let other = fixture(match lang {
            Lang::Ja => Lang::En,
            Lang::En => Lang::Ja,
        });
        assert!(!paras.iter().any(|(_, p)| p.contains(&other.organisation)));
    }
}

#[test]
fn sections_are_heading_1_and_sub_headings_heading_2_each_section_on_a_new_page() {
    for lang in [Lang::Ja, Lang::En] {
        let doc = fixture(lang);
        let document = part(&render(&doc), "word/document.xml");
        let paras = paragraphs(&document);
        let h1: Vec<&str> = paras
            .iter()
            .filter(|(s, _)| s == "Heading1")
            .map(|(_, t)| t.as_str())
            .collect();
        let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(h1, titles);
        let h2: Vec<&str> = paras
            .iter()
            .filter(|(s, _)| s == "Heading2")
            .map(|(_, t)| t.as_str())
            .collect();
        assert_eq!(h2, [t(lang, "小見出し", "A sub-heading")]);
        assert_eq!(
            document.matches("<w:pageBreakBefore />").count(),
            doc.sections.len()
        );
    }
}

#[test]
fn the_styles_are_defined_with_outline_levels_and_japanese_settings() {
    for (lang, latin) in [(Lang::Ja, "ja-JP"), (Lang::En, "en-GB")] {
        let docx = render(&fixture(lang));
        let styles = part(&docx, "word/styles.xml");
        let xml = roxmltree::Document::parse(&styles).unwrap();
        let style = |id: &str| {
            let found: Vec<_> = xml
                .descendants()
                .filter(|n| n.has_tag_name((W, "style")) && n.attribute((W, "styleId")) == Some(id))
                .collect();
            assert_eq!(found.len(), 1, "style {id} defined {} times", found.len());
            found[0]
        };
        let child_val = |node: roxmltree::Node, tag: &str| {
            node.descendants()
                .find(|n| n.has_tag_name((W, tag)))
                .and_then(|n| n.attribute((W, "val")))
                .map(str::to_string)
        };
        for (id, name, level) in [
            ("Heading1", "heading 1", "0"),
            ("Heading2", "heading 2", "1"),
        ] {
            let s = style(id);
            assert_eq!(child_val(s, "name").as_deref(), Some(name));
            assert_eq!(child_val(s, "outlineLvl").as_deref(), Some(level));
        }
        style("Normal");
        let assessor = style("Assessor");
        assert!(
            assessor.descendants().any(|n| n.has_tag_name((W, "left"))
                && n.parent().is_some_and(|p| p.has_tag_name((W, "pBdr")))),
            "the assessor's style has no left border"
        );
        // The defaults: BIZ UDPGothic for East Asian (and Latin) text, the languages, kinsoku.
        let defaults = xml
            .descendants()
            .find(|n| n.has_tag_name((W, "docDefaults")))
            .unwrap();
        let fonts = defaults
            .descendants()
            .find(|n| n.has_tag_name((W, "rFonts")))
            .unwrap();
        assert_eq!(fonts.attribute((W, "eastAsia")), Some("BIZ UDPGothic"));
        assert_eq!(fonts.attribute((W, "ascii")), Some("BIZ UDPGothic"));
        let language = defaults
            .descendants()
            .find(|n| n.has_tag_name((W, "lang")))
            .unwrap();
        assert_eq!(language.attribute((W, "val")), Some(latin));
        assert_eq!(language.attribute((W, "eastAsia")), Some("ja-JP"));
        let ppr = xml
            .descendants()
            .filter(|n| n.has_tag_name((W, "pPr")))
            .count();
        let kinsoku: Vec<_> = xml
            .descendants()
            .filter(|n| n.has_tag_name((W, "kinsoku")))
            .collect();
        assert_eq!(
            kinsoku.len(),
            ppr,
            "kinsoku is not on every paragraph style"
        );
        assert!(kinsoku.iter().all(|k| k.attribute((W, "val")) == Some("1")));
        // Word substitutes Yu Gothic where BIZ UDPGothic is not installed.
        let table = part(&docx, "word/fontTable.xml");
        let fonts = roxmltree::Document::parse(&table).unwrap();
        let biz = fonts
            .descendants()
            .find(|n| n.attribute((W, "name")) == Some("BIZ UDPGothic"))
            .unwrap();
        assert_eq!(child_val(biz, "altName").as_deref(), Some("Yu Gothic"));
        assert_eq!(child_val(biz, "charset").as_deref(), Some("80"));
    }
}

#[test]
fn the_page_is_a4_with_a_header_and_page_numbers() {
    let doc = fixture(Lang::En);
    let docx = render(&doc);
    let document = part(&docx, "word/document.xml");
    assert!(document.contains(r#"<w:pgSz w:w="11906" w:h="16838" />"#));
    assert!(document.contains(r#"w:top="1134" w:right="1134" w:bottom="1134" w:left="1134""#));
    assert!(
        document.contains("<w:titlePg />"),
        "the cover has its own header"
    );
    let header = part(&docx, "word/header1.xml");
    assert!(header.contains(&doc.running_header));
    assert!(header.contains(&doc.confidentiality));
    let footer = part(&docx, "word/footer1.xml");
    assert!(
        footer.contains("<w:instrText>PAGE</w:instrText>"),
        "{footer}"
    );
    assert!(footer.contains(r#"w:fldCharType="begin""#));
    // The cover (first page) has neither.
    assert!(!part(&docx, "word/header2.xml").contains(&doc.running_header));
    assert!(!part(&docx, "word/footer2.xml").contains("PAGE"));
}

#[test]
fn tables_are_real_tables_whose_header_row_repeats() {
    let doc = fixture(Lang::Ja);
    let document = part(&render(&doc), "word/document.xml");
    let xml = roxmltree::Document::parse(&document).unwrap();
    let tables: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name((W, "tbl")))
        .collect();
    // The cover's facts and the model's table.
    assert_eq!(tables.len(), 2);
    let model = tables[1];
    let rows: Vec<_> = model
        .children()
        .filter(|n| n.has_tag_name((W, "tr")))
        .collect();
    assert_eq!(rows.len(), 1 + 3);
    let repeats =
        |row: &roxmltree::Node| row.descendants().any(|n| n.has_tag_name((W, "tblHeader")));
    assert!(repeats(&rows[0]));
    assert!(rows[1..].iter().all(|r| !repeats(r)));
    assert!(!tables[0]
        .descendants()
        .any(|n| n.has_tag_name((W, "tblHeader"))));
    let cells = rows[0]
        .children()
        .filter(|n| n.has_tag_name((W, "tc")))
        .count();
    assert_eq!(cells, 2);
    // The widths fill the text width, the item column in proportion to the PDF's.
    let grid: Vec<usize> = model
        .descendants()
        .filter(|n| n.has_tag_name((W, "gridCol")))
        .map(|n| n.attribute((W, "w")).unwrap().parse().unwrap())
        .collect();
    assert_eq!(grid.iter().sum::<usize>(), blocks::TEXT_WIDTH);
    assert!(grid[0] > 500 && grid[0] < 800, "{grid:?}");
}

#[test]
fn the_assessors_words_have_their_own_style_and_a_label() {
    for lang in [Lang::Ja, Lang::En] {
        let doc = fixture(lang);
        let paras = paragraphs(&part(&render(&doc), "word/document.xml"));
        let label = assessor_label(&doc);
        for text in [
            t(lang, "評価者自身の段落", "Assessor's own paragraph"),
            t(lang, "重要な発見", "Key finding"),
            t(lang, "ここで重要な理由", "Why it matters here"),
            t(lang, "表の中の評価者メモ", "Assessor note in a table"),
            t(lang, "評価者の段落", "Assessor paragraph"),
        ] {
            let at = paras.iter().position(|(_, p)| *p == text).unwrap();
            assert_eq!(paras[at].0, "Assessor", "{text}");
            // A label (or the callout's title) comes just before, in the label style.
            let before = paras[..at]
                .iter()
                .rev()
                .find(|(s, _)| s != "Assessor")
                .unwrap();
            assert_eq!(before.0, "AssessorLabel", "{text}");
        }
        assert!(paras
            .iter()
            .any(|(s, p)| s == "AssessorLabel" && p == label));
        // The report's own words are not marked.
        let report = t(lang, "調査の段落", "Report paragraph");
        assert!(paras.iter().any(|(s, p)| s == "Normal" && *p == report));
    }
}

/// Width and height of a PNG, from its header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert_eq!(&png[1..4], b"PNG");
    let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

fn media(docx: &[u8], name: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = Vec::new();
    zip.by_name(name).unwrap().read_to_end(&mut out).unwrap();
    out
}

#[test]
fn every_chart_is_a_picture_at_print_resolution() {
    let docx = render(&fixture(Lang::Ja));
    let document = part(&docx, "word/document.xml");
    let rels = part(&docx, "word/_rels/document.xml.rels");
    let xml = roxmltree::Document::parse(&document).unwrap();
    let drawings: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name("inline"))
        .collect();
    assert_eq!(drawings.len(), 1 + 3, "the logo and three charts");
    let mut ids = Vec::new();
    for d in &drawings[1..] {
        let extent = d.children().find(|n| n.has_tag_name("extent")).unwrap();
        let emu = |a: &str| extent.attribute(a).unwrap().parse::<f64>().unwrap();
        let embed = d
            .descendants()
            .find(|n| n.has_tag_name("blip"))
            .and_then(|b| {
                b.attributes()
                    .find(|a| a.name() == "embed")
                    .map(|a| a.value().to_string())
            })
            .unwrap();
        assert!(
            rels.contains(&format!(r#"Target="media/{embed}.png""#)),
            "{embed}"
        );
        let (w, h) = png_size(&media(&docx, &format!("word/media/{embed}.png")));
        let dpi_w = f64::from(w) / (emu("cx") / 914_400.0);
        let dpi_h = f64::from(h) / (emu("cy") / 914_400.0);
        assert!(
            dpi_w >= 200.0 && dpi_h >= 200.0,
            "{embed}: {dpi_w} × {dpi_h} dpi"
        );
        ids.push(
            d.descendants()
                .find(|n| n.has_tag_name("docPr"))
                .unwrap()
                .attribute("id"),
        );
    }
    ids.dedup();
    assert_eq!(ids.len(), 3, "drawing ids are not unique");
}

/// The share of pixels darker than mid-grey.
fn dark_share(png: &[u8]) -> f64 {
    let pixmap = resvg::tiny_skia::Pixmap::decode_png(png).unwrap();
    let dark = pixmap
        .pixels()
        .iter()
        .filter(|p| u16::from(p.red()) + u16::from(p.green()) + u16::from(p.blue()) < 3 * 128)
        .count();
    dark as f64 / pixmap.pixels().len() as f64
}

#[test]
fn chart_labels_are_drawn_with_the_embedded_font_in_japanese() {
    let radar = |labels: [&str; 3]| Figure::Radar {
        axes: labels
            .iter()
            .map(|l| RadarAxis {
                label: l.to_string(),
                score: Some(50.0),
                value: "50".into(),
                peers: None,
            })
            .collect(),
        legend: [String::new(), String::new()],
        caption: String::new(),
    };
    let with =
        picture::render(&radar(["インシデント対応体制", "サービス品質", "教育訓練"])).unwrap();
    let without = picture::render(&radar(["", "", ""])).unwrap();
    let (a, b) = (dark_share(&with.png), dark_share(&without.png));
    // Japanese labels drawn (not dropped for want of a font) darken the picture.
    assert!(a > b * 1.2, "labels did not render: {a} vs {b}");
}

#[test]
fn a_jpeg_logo_travels_as_jpeg() {
    let mut doc = fixture(Lang::En);
    // The bytes are placed as given; the model has checked them.
    let jpeg = vec![
        0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0, 0xFF, 0xD9,
    ];
    doc.cover.logo = Some(Logo {
        format: ImageFormat::Jpeg,
        width_px: 40,
        height_px: 10,
        bytes: jpeg.clone(),
    });
    let docx = render(&doc);
    assert_eq!(media(&docx, "word/media/logo.jpeg"), jpeg);
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(rels.contains(r#"Target="media/logo.jpeg""#));
    assert!(!rels.contains("logo.png"));
    assert!(part(&docx, "[Content_Types].xml").contains(r#"Extension="jpeg""#));
}

#[test]
fn text_is_escaped_and_every_part_is_well_formed_xml() {
    let mut doc = fixture(Lang::En);
    doc.organisation = "R&D <CSIRT> \"Blue\"".into();
    doc.title = "Report & <more>".into();
    let docx = render(&doc);
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            roxmltree::Document::parse(&s).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
    let paras = paragraphs(&part(&docx, "word/document.xml"));
    assert!(paras.iter().any(|(_, p)| p == "R&D <CSIRT> \"Blue\""));
    assert!(part(&docx, "docProps/core.xml").contains("Report &amp; &lt;more&gt;"));
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let doc = fixture(Lang::Ja);
    assert_eq!(render(&doc), render(&doc));
    assert!(part(&render(&doc), "docProps/core.xml").contains("2025-11-24T16:00:00Z"));
}

#[test]
fn an_empty_report_still_opens() {
    let mut doc = fixture(Lang::En);
    doc.sections.clear();
    doc.cover.facts.clear();
    doc.cover.logo = None;
    let docx = render(&doc);
    let paras = paragraphs(&part(&docx, "word/document.xml"));
    assert_eq!(paras[0], ("Title".into(), doc.title.clone()));
    assert!(!paras.iter().any(|(s, _)| s == "Heading1"));
}
