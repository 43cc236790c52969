//! The "Staffing by role" section: a snapshot of its model for the roles demo (ja and en), that
//! it appears only for a questionnaire with roles, and that every format renders its chart.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::load::builtin_set;
use csirt_model::{Assessment, Lang, QuestionnaireSet};
use csirt_report::build::build;
use csirt_report::model::{Block, Figure, ReportDoc, Section};
use csirt_report::{Format, ReportExtras, ReportInput, ReportOptions, SectionKind};
use csirt_scoring::{score, ScoreReport};

fn roles_demo() -> (QuestionnaireSet, Assessment, ScoreReport) {
    let set = builtin_set("csirt-roles").unwrap();
    let a = csirt_model::assessment::parse(include_bytes!(
        "../../../questionnaires/csirt-roles/demo.json"
    ))
    .unwrap();
    let s = score(&set.questionnaire, set.benchmark.as_deref(), &a).unwrap();
    (set, a, s)
}

fn doc(
    set: &QuestionnaireSet,
    a: &Assessment,
    s: &ScoreReport,
    lang: Lang,
    o: &ReportOptions,
) -> ReportDoc {
    let input = ReportInput {
        questionnaire: &set.questionnaire,
        benchmark: set.benchmark.as_deref(),
        assessment: a,
        score: s,
    };
    build(&input, &ReportExtras::default(), lang, o)
}

fn staffing_only() -> ReportOptions {
    ReportOptions {
        sections: Some(vec![SectionKind::Staffing]),
        ..ReportOptions::default()
    }
}

fn section(doc: &ReportDoc) -> &Section {
    doc.sections
        .iter()
        .find(|s| s.kind == SectionKind::Staffing)
        .expect("a staffing section")
}

#[test]
fn snapshot_of_the_staffing_section_of_the_roles_demo() {
    let (set, a, s) = roles_demo();
    for (lang, name) in [(Lang::Ja, "staffing_ja"), (Lang::En, "staffing_en")] {
        let d = doc(&set, &a, &s, lang, &staffing_only());
        insta::assert_json_snapshot!(name, section(&d));
    }
}

#[test]
fn the_section_has_the_chart_one_row_per_role_and_the_advice() {
    let (set, a, s) = roles_demo();
    let d = doc(&set, &a, &s, Lang::En, &ReportOptions::default());
    let sec = section(&d);
    assert_eq!(sec.title, "Staffing by role");
    let bars = sec
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Figure(Figure::RoleCoverage { bars, .. }) => Some(bars),
            _ => None,
        })
        .expect("the role-coverage chart");
    assert_eq!(bars.len(), set.questionnaire.roles.len());
    let advice = sec
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Bullets { items, .. } => Some(items),
            _ => None,
        })
        .expect("advice");
    assert!(advice[0].starts_with("Priority 1: nobody covers the legal adviser role"));
}

#[test]
fn no_staffing_section_without_roles() {
    let set = builtin_set("jpcert-2015").unwrap();
    let a = csirt_model::demo::demo_assessment(Lang::En);
    let s = score(&set.questionnaire, set.benchmark.as_deref(), &a).unwrap();
    let d = doc(&set, &a, &s, Lang::En, &ReportOptions::default());
    assert!(d.sections.iter().all(|x| x.kind != SectionKind::Staffing));
}

#[test]
fn every_format_draws_the_role_chart() {
    let (set, a, s) = roles_demo();
    let input = ReportInput {
        questionnaire: &set.questionnaire,
        benchmark: set.benchmark.as_deref(),
        assessment: &a,
        score: &s,
    };
    let o = staffing_only();
    let html = csirt_report::render(
        &input,
        &ReportExtras::default(),
        Lang::En,
        &o,
        Format::Html,
        0,
    )
    .unwrap();
    let html = String::from_utf8(html).unwrap();
    assert!(
        html.contains("<svg") && html.contains("Forensic engineer") && html.contains("Vendor fits")
    );
    for f in [Format::Pdf, Format::Docx] {
        let bytes =
            csirt_report::render(&input, &ReportExtras::default(), Lang::Ja, &o, f, 0).unwrap();
        assert!(bytes.len() > 1000);
    }
}
