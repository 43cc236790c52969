//! The report of questionnaires other than jpcert-2015: which sections appear follows the data
//! (SIM3 view only where items map to SIM3 and are not SIM3's own parameters, services only
//! with service items, the set-up list only with set-up items, the benchmark's band only with a
//! benchmark), and nothing of the 2015 survey is written into another questionnaire's report.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::load::BUILTINS;
use csirt_model::{Assessment, Lang, QuestionnaireSet};
use csirt_report::build::build;
use csirt_report::model::{Block, Figure, ReportDoc, SectionKind};
use csirt_report::{Format, ReportExtras, ReportInput, ReportOptions};

fn doc(set: &QuestionnaireSet, a: &Assessment, lang: Lang) -> ReportDoc {
    let score = csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), a).unwrap();
    let input = ReportInput {
        questionnaire: &set.questionnaire,
        benchmark: set.benchmark.as_deref(),
        assessment: a,
        score: &score,
    };
    let o = ReportOptions::default();
    let doc = build(&input, &ReportExtras::default(), lang, &o);
    // Every format renders it.
    for f in [Format::Pdf, Format::Html, Format::Docx] {
        assert!(
            !csirt_report::render(&input, &ReportExtras::default(), lang, &o, f, 0)
                .unwrap()
                .is_empty()
        );
    }
    doc
}

fn kinds(d: &ReportDoc) -> Vec<SectionKind> {
    d.sections.iter().map(|s| s.kind).collect()
}

fn blocks(d: &ReportDoc) -> impl Iterator<Item = &Block> {
    d.sections.iter().flat_map(|s| s.blocks.iter())
}

fn has_status_list(d: &ReportDoc) -> bool {
    blocks(d).any(|b| matches!(b, Block::StatusList(_)))
}

fn radar_legend(d: &ReportDoc) -> [String; 2] {
    blocks(d)
        .find_map(|b| match b {
            Block::Figure(Figure::Radar { legend, .. }) => Some(legend.clone()),
            _ => None,
        })
        .expect("a radar")
}

fn minimal(service: bool) -> QuestionnaireSet {
    let mut q = String::from(
        r#"format = "csirt-questionnaire/1"
id = "minimal"
version = "1"
title = { ja = "最小の質問票", en = "Minimal questionnaire" }
source = { ja = "テスト", en = "Test" }

[[scales]]
id = "two"
name = { ja = "二段階", en = "Two levels" }
options = [
  { key = "yes", level = 1, ja = "はい", en = "Yes" },
  { key = "no", level = 0, ja = "いいえ", en = "No" },
]

[[areas]]
id = "all"
name = { ja = "全体", en = "All" }

[[sections]]
id = "1"
title = { ja = "全体", en = "All" }

[[items]]
id = "1.1"
section = "1"
type = "scale"
scale = "two"
text = { ja = "方針がありますか", en = "Is there a policy?" }
area = "all"
recommendation = { ja = "方針を定めてください", en = "Write a policy" }
"#,
    );
    if service {
        q.push_str(
            r#"
[[items]]
id = "1.2"
section = "1"
type = "service"
text = { ja = "脆弱性の調整", en = "Vulnerability coordination" }
area = "all"
"#,
        );
    }
    csirt_model::compile_texts("minimal", &q, None).unwrap()
}

fn minimal_assessment(service: bool) -> Assessment {
    let mut v = serde_json::json!({
        "format": "csirt-assessment/1",
        "questionnaire": "minimal",
        "organisation": { "name": "Minimal K.K." },
        "date": "2026-04-01",
        "answers": { "1.1": "no" }
    });
    if service {
        v["answers"]["1.2"] = "outsourced".into();
    }
    csirt_model::assessment::parse(v.to_string().as_bytes()).unwrap()
}

#[test]
fn a_questionnaire_without_sim3_services_setup_items_or_benchmark_gets_none_of_those_parts() {
    let set = minimal(false);
    for lang in [Lang::Ja, Lang::En] {
        let d = doc(&set, &minimal_assessment(false), lang);
        let k = kinds(&d);
        assert!(!k.contains(&SectionKind::Sim3), "{k:?}");
        assert!(!k.contains(&SectionKind::Services), "{k:?}");
        assert!(!k.contains(&SectionKind::Peers), "{k:?}");
        assert!(k.contains(&SectionKind::Summary) && k.contains(&SectionKind::Gaps));
        assert!(!has_status_list(&d));
        assert_eq!(
            radar_legend(&d)[1],
            "",
            "no benchmark, no band in the legend"
        );
        let all = serde_json::to_string(&d).unwrap();
        for word in [
            "66",
            "surveyed",
            "調査対象",
            "set-up items",
            "構築時",
            "2015",
        ] {
            assert!(!all.contains(word), "{lang:?}: {word:?} in the report");
        }
    }
}

#[test]
fn service_items_get_the_services_section_even_without_a_benchmark() {
    let set = minimal(true);
    for (lang, yours, none) in [
        (Lang::Ja, "外注", "比較対象の基準データはありません"),
        (
            Lang::En,
            "Outsourced",
            "there is no benchmark to compare with",
        ),
    ] {
        let d = doc(&set, &minimal_assessment(true), lang);
        let services = d
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::Services)
            .expect("a services section");
        let text = serde_json::to_string(&services.blocks).unwrap();
        assert!(text.contains(yours) && text.contains(none), "{text}");
        assert!(
            !text.contains('★'),
            "no scored service, no note on it: {text}"
        );
    }
}

#[test]
fn jpcert_keeps_its_sim3_and_services_views_and_sim3_does_not_repeat_its_radar() {
    for b in BUILTINS {
        let set = csirt_model::load::builtin_set(b.id).unwrap();
        let a = csirt_model::demo::demo_of(b.id, Lang::En).unwrap();
        let d = doc(&set, &a, Lang::En);
        let k = kinds(&d);
        let q = &set.questionnaire;
        let services = q
            .items
            .iter()
            .any(|i| matches!(i.kind, csirt_model::ItemKind::Service { .. }));
        assert_eq!(k.contains(&SectionKind::Services), services, "{}", b.id);
        assert_eq!(has_status_list(&d), !q.setup_items.is_empty(), "{}", b.id);
        match b.id {
            "jpcert-2015" => {
                assert!(k.contains(&SectionKind::Sim3) && services);
            }
            "sim3" => assert!(!k.contains(&SectionKind::Sim3), "{k:?}"),
            _ => {}
        }
    }
}

#[test]
fn the_change_since_last_names_two_questionnaire_versions() {
    let set = csirt_model::builtin().unwrap();
    let a = csirt_model::demo::demo_assessment(Lang::En);
    let score = csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), &a).unwrap();
    let mut earlier = score.clone();
    earlier.date = Some("2025-04-01".into());
    earlier.questionnaire_version = "2015.0".into();
    let mut trend = csirt_scoring::trend(&[&earlier, &score]);
    let note = trend.note.clone().expect("two versions are named");
    let input = ReportInput {
        questionnaire: &set.questionnaire,
        benchmark: set.benchmark.as_deref(),
        assessment: &a,
        score: &score,
    };
    for lang in [Lang::Ja, Lang::En] {
        let extras = ReportExtras {
            trend: Some(&trend),
            ..ReportExtras::default()
        };
        let d = build(&input, &extras, lang, &ReportOptions::default());
        let since = d
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::SinceLast)
            .expect("the change since the last assessment");
        assert!(since
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Note { text } if *text == note.get(lang))));
    }
    trend.note = None;
    let extras = ReportExtras {
        trend: Some(&trend),
        ..ReportExtras::default()
    };
    let d = build(&input, &extras, Lang::En, &ReportOptions::default());
    let text = serde_json::to_string(&d).unwrap();
    assert!(!text.contains("different versions"));
}

/// A seed file's number ("000", "002", "004") standing alone in `text`: the product's internal
/// name for a source document, which means nothing to a reader.
fn bare_seed_numbers(text: &str) -> Vec<String> {
    let c: Vec<char> = text.chars().collect();
    (0..c.len().saturating_sub(2))
        .filter(|&i| c[i] == '0' && c[i + 1] == '0' && c[i + 2].is_ascii_digit())
        .filter(|&i| i == 0 || !(c[i - 1].is_ascii_alphanumeric() || c[i - 1] == '.'))
        .filter(|&i| c.get(i + 3).is_none_or(|n| !n.is_ascii_alphanumeric()))
        .map(|i| {
            c[i.saturating_sub(30)..(i + 33).min(c.len())]
                .iter()
                .collect()
        })
        .collect()
}

/// The reports of the PSIRT, SIM3 and staffing questionnaires cite their sources by title, never
/// by the seed file's number or the word "seed" (jpcert-2015's benchmark sources still do; its
/// report is left as it is).
#[test]
fn reports_other_than_jpcert_name_no_seed_numbers() {
    assert_eq!(bare_seed_numbers("000 の「適材適所」").len(), 1);
    assert_eq!(bare_seed_numbers("002; NCA").len(), 1);
    assert!(bare_seed_numbers("2025-10-01 10.004 A001 0.002").is_empty());
    for b in BUILTINS.iter().filter(|b| b.id != "jpcert-2015") {
        let set = csirt_model::load::builtin_set(b.id).unwrap();
        for lang in [Lang::Ja, Lang::En] {
            let a = csirt_model::demo::demo_of(b.id, lang).unwrap();
            let d = doc(&set, &a, lang);
            let text = serde_json::to_string(&d.sections).unwrap();
            let found = bare_seed_numbers(&text);
            assert!(found.is_empty(), "{} {lang:?}: {found:?}", b.id);
            for word in ["seed", "Seed", "シード"] {
                assert!(!text.contains(word), "{} {lang:?}: {word}", b.id);
            }
        }
    }
}
