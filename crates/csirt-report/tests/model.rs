//! The report model: snapshots of what the report says (demo in ja and en, and a case with a
//! workshop, a trend and the assessor's words), the finish rules checked over every string of
//! the model in both languages, the report options, and the renderers fed from the model.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use csirt_model::workshop::{Consensus, Workshop, WorkshopRespondent};
use csirt_model::{builtin, demo::demo_assessment, Answer, Assessment, Lang, Narrative};
use csirt_report::build::build;
use csirt_report::model::{Block, Figure, Logo, ReportDoc, Voice};
use csirt_report::{Format, Preset, ReportExtras, ReportInput, ReportOptions, SectionKind};
use csirt_scoring::{score, ScoreReport};

const MESSAGE: &str = "Fund a second incident handler this year.\n\nThe team handles incidents well but depends on one person.";
const FINDING: &str = "Escalation to the legal department is informal.";
const GAP_NOTE: &str = "Our regulator asks for this in the next audit.";

/// One scored case: the assessment, its score and the extras' parts.
struct Case {
    a: Assessment,
    score: ScoreReport,
    divergence: Vec<csirt_scoring::Divergence>,
    notes: Vec<(String, String)>,
    trend: Option<csirt_scoring::Trend>,
}

fn set() -> csirt_model::QuestionnaireSet {
    builtin().unwrap()
}

fn scored(set: &csirt_model::QuestionnaireSet, a: &Assessment) -> ScoreReport {
    score(&set.questionnaire, set.benchmark.as_deref(), a).unwrap()
}

fn demo_case(set: &csirt_model::QuestionnaireSet, lang: Lang) -> Case {
    let a = demo_assessment(lang);
    let score = scored(set, &a);
    Case {
        a,
        score,
        divergence: Vec::new(),
        notes: Vec::new(),
        trend: None,
    }
}

/// The demo with a workshop of two respondents who disagree, an earlier assessment, and the
/// assessor's message, findings and a note on the top gap.
fn rich_case(set: &csirt_model::QuestionnaireSet, lang: Lang) -> Case {
    let q = &set.questionnaire;
    let mut a = demo_assessment(lang);
    let top_gap = scored(set, &a).gaps[0].item.clone();
    // The second respondent answers three scale items one option lower (or higher).
    let mut other = a.answers.clone();
    let mut changed = Vec::new();
    for (id, ans) in other.0.iter_mut() {
        if changed.len() == 3 {
            break;
        }
        let Some(item) = q.item(id) else { continue };
        if let (csirt_model::ItemKind::Scale { .. }, Answer::Text(k)) = (&item.kind, &*ans) {
            let keys: Vec<&str> = item.options().iter().map(|o| o.key.as_str()).collect();
            let at = keys.iter().position(|x| x == k).unwrap();
            let to = if at + 1 < keys.len() { at + 1 } else { at - 1 };
            *ans = Answer::Text(keys[to].to_string());
            changed.push(id.clone());
        }
    }
    let mut consensus = csirt_model::assessment::StrictMap::default();
    consensus.insert(
        changed[0].clone(),
        Consensus {
            answer: a.answers.get(&changed[0]).unwrap().clone(),
            other: None,
            note: Some("Agreed after the policy was shown.".into()),
        },
    );
    let respondent = |name: &str, role: &str, answers| WorkshopRespondent {
        name: name.into(),
        role: Some(role.into()),
        answers,
        other: Default::default(),
        comments: Default::default(),
        evidence: Default::default(),
    };
    // The facilitator answered the second disputed item as Aoki did, and nothing was agreed
    // on it: the facilitator's answer is scored, provisionally.
    let mut facilitator_answers = csirt_model::assessment::StrictMap::default();
    facilitator_answers.insert(
        changed[1].clone(),
        a.answers.get(&changed[1]).unwrap().clone(),
    );
    a.workshop = Some(Workshop {
        facilitator_answers,
        facilitator_other: Default::default(),
        respondents: vec![
            respondent("Aoki", "CSIRT lead", a.answers.clone()),
            respondent("Baba", "IT operations", other),
        ],
        consensus,
    });
    let mut gap_notes = csirt_model::assessment::StrictMap::default();
    gap_notes.insert(top_gap, GAP_NOTE.to_string());
    a.narrative = Some(Narrative {
        message: MESSAGE.into(),
        findings: vec![FINDING.into()],
        gap_notes,
    });
    let score = scored(set, &a);
    // The earlier assessment: a year before, every answer the lowest option of its scale.
    let mut before = demo_assessment(lang);
    before.date = Some("2025-04-01".into());
    for (id, ans) in before.answers.0.iter_mut() {
        if let (Some(item), Answer::Text(_)) = (q.item(id), &*ans) {
            if matches!(item.kind, csirt_model::ItemKind::Scale { .. }) {
                *ans = Answer::Text(item.options()[0].key.clone());
            }
        }
    }
    let before = scored(set, &before);
    let trend = csirt_scoring::trend(&[&before, &score]);
    let (divergence, notes) = csirt_scoring::workshop_report(q, &a, "Facilitator");
    Case {
        a,
        score,
        divergence,
        notes,
        trend: Some(trend),
    }
}

fn doc_of(
    set: &csirt_model::QuestionnaireSet,
    c: &Case,
    lang: Lang,
    o: &ReportOptions,
) -> ReportDoc {
    let input = ReportInput {
        questionnaire: &set.questionnaire,
        benchmark: set.benchmark.as_deref(),
        assessment: &c.a,
        score: &c.score,
    };
    let extras = ReportExtras {
        divergence: &c.divergence,
        consensus_notes: &c.notes,
        trend: c.trend.as_ref(),
        peers: None,
        peer_criteria: None,
        plan: None,
    };
    build(&input, &extras, lang, o)
}

fn render(
    set: &csirt_model::QuestionnaireSet,
    c: &Case,
    lang: Lang,
    o: &ReportOptions,
    f: Format,
) -> Vec<u8> {
    let input = ReportInput {
        questionnaire: &set.questionnaire,
        benchmark: set.benchmark.as_deref(),
        assessment: &c.a,
        score: &c.score,
    };
    let extras = ReportExtras {
        divergence: &c.divergence,
        consensus_notes: &c.notes,
        trend: c.trend.as_ref(),
        peers: None,
        peer_criteria: None,
        plan: None,
    };
    csirt_report::render(&input, &extras, lang, o, f, 0).unwrap()
}

#[test]
fn snapshot_of_the_demo_in_japanese() {
    let set = set();
    let doc = doc_of(
        &set,
        &demo_case(&set, Lang::Ja),
        Lang::Ja,
        &ReportOptions::default(),
    );
    insta::assert_json_snapshot!("demo_ja", doc);
}

#[test]
fn snapshot_of_the_demo_in_english() {
    let set = set();
    let doc = doc_of(
        &set,
        &demo_case(&set, Lang::En),
        Lang::En,
        &ReportOptions::default(),
    );
    insta::assert_json_snapshot!("demo_en", doc);
}

#[test]
fn snapshot_with_workshop_trend_and_the_assessors_words() {
    let set = set();
    for lang in [Lang::Ja, Lang::En] {
        let doc = doc_of(
            &set,
            &rich_case(&set, lang),
            lang,
            &ReportOptions::default(),
        );
        insta::assert_json_snapshot!(format!("rich_{}", lang.code()), doc);
    }
}

/// One string of the model and whose words it is.
struct Text<'a> {
    text: &'a str,
    assessor: bool,
    summary: bool,
    report_prose: bool,
}

/// Every string of the model, marked by voice and place.
fn strings(doc: &ReportDoc) -> Vec<Text<'_>> {
    let mut out = Vec::new();
    fn t(text: &str, assessor: bool, summary: bool, report_prose: bool) -> Text<'_> {
        Text {
            text,
            assessor,
            summary,
            report_prose,
        }
    }
    out.push(t(&doc.title, false, false, false));
    out.push(t(&doc.confidentiality, false, false, true));
    out.push(t(&doc.assessor_label, false, false, false));
    for f in &doc.cover.facts {
        out.push(t(&f.label, false, false, false));
        out.push(t(&f.value, false, false, false));
    }
    for s in &doc.sections {
        let sum = s.kind == SectionKind::Summary;
        out.push(t(&s.title, false, sum, false));
        for b in &s.blocks {
            match b {
                Block::Heading { text } => out.push(t(text, false, sum, false)),
                Block::Paragraph { text, voice } => out.push(t(
                    text,
                    *voice == Voice::Assessor,
                    sum,
                    *voice == Voice::Report,
                )),
                Block::Bullets { items, voice } => {
                    for i in items {
                        out.push(t(i, *voice == Voice::Assessor, sum, false));
                    }
                }
                Block::Note { text } => out.push(t(text, false, sum, true)),
                Block::Headline(h) => {
                    out.push(t(&h.label, false, sum, false));
                    out.push(t(&h.value, false, sum, false));
                    for c in &h.context {
                        out.push(t(c, false, sum, false));
                    }
                }
                Block::Callout(c) => {
                    let own = c.voice == Voice::Assessor;
                    out.push(t(&c.title, false, sum, false));
                    for l in &c.lines {
                        out.push(t(l, own, sum, !own && !c.list));
                    }
                }
                Block::StatusList(l) => {
                    out.push(t(&l.title, false, sum, false));
                    for e in &l.entries {
                        out.push(t(&e.title, false, sum, false));
                        out.push(t(&e.text, false, sum, false));
                    }
                }
                Block::Findings(fs) => {
                    for f in fs {
                        for x in [
                            &f.finding,
                            &f.consequence,
                            &f.action,
                            &f.why_ranked,
                            &f.code,
                        ] {
                            out.push(t(x, false, sum, false));
                        }
                        if let Some(n) = &f.assessor_note {
                            out.push(t(n, true, sum, false));
                        }
                    }
                }
                Block::Table(tb) => {
                    for c in &tb.columns {
                        out.push(t(&c.title, false, sum, false));
                    }
                    for r in &tb.rows {
                        for c in r {
                            out.push(t(&c.text, c.voice == Voice::Assessor, sum, false));
                            if let Some(s) = &c.small {
                                out.push(t(s, false, sum, false));
                            }
                            if let Some(n) = &c.assessor_note {
                                out.push(t(n, true, sum, false));
                            }
                        }
                    }
                }
                Block::Figure(f) => match f {
                    Figure::Radar {
                        axes,
                        legend,
                        caption,
                    } => {
                        for a in axes {
                            out.push(t(&a.label, false, sum, false));
                            out.push(t(&a.value, false, sum, false));
                        }
                        for l in legend {
                            out.push(t(l, false, sum, false));
                        }
                        out.push(t(caption, false, sum, true));
                    }
                    Figure::Standing { bars, caption } => {
                        for b in bars {
                            out.push(t(&b.label, false, sum, false));
                        }
                        out.push(t(caption, false, sum, true));
                    }
                    Figure::RoleCoverage { bars, caption } => {
                        for b in bars {
                            out.push(t(&b.label, false, sum, false));
                            out.push(t(&b.text, false, sum, false));
                        }
                        out.push(t(caption, false, sum, true));
                    }
                    Figure::Trend(c) => {
                        for s in &c.series {
                            out.push(t(&s.name, false, sum, false));
                        }
                        out.push(t(&c.caption, false, sum, true));
                    }
                    Figure::OpenActions { caption, .. } => {
                        out.push(t(caption, false, sum, true));
                    }
                },
            }
        }
    }
    out
}

/// Every model the finish rules are checked on: the demo and the rich case, both languages,
/// and the staffing section of the roles questionnaire's demo.
fn every_model() -> Vec<ReportDoc> {
    let set = set();
    let mut out = Vec::new();
    let roles = csirt_model::load::builtin_set("csirt-roles").unwrap();
    let roles_demo = csirt_model::assessment::parse(include_bytes!(
        "../../../questionnaires/csirt-roles/demo.json"
    ))
    .unwrap();
    let staffing_only = ReportOptions {
        sections: Some(vec![SectionKind::Staffing]),
        ..ReportOptions::default()
    };
    for lang in [Lang::Ja, Lang::En] {
        let roles_case = Case {
            score: scored(&roles, &roles_demo),
            a: roles_demo.clone(),
            divergence: Vec::new(),
            notes: Vec::new(),
            trend: None,
        };
        let staffing = doc_of(&roles, &roles_case, lang, &staffing_only);
        // The staffing section joins the demo, so it meets the same rules as the rest.
        let mut demo = doc_of(
            &set,
            &demo_case(&set, lang),
            lang,
            &ReportOptions::default(),
        );
        demo.sections.extend(staffing.sections);
        out.push(demo);
        out.push(doc_of(
            &set,
            &demo_case(&set, lang),
            lang,
            &ReportOptions::default(),
        ));
        out.push(doc_of(
            &set,
            &rich_case(&set, lang),
            lang,
            &ReportOptions::default(),
        ));
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

/// The text with quoted or bracketed passages removed: the original titles of the cited
/// Japanese sources, which are names, not report text.
fn outside_citations(s: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    let mut straight = false;
    for c in s.chars() {
        match c {
            '"' => straight = !straight,
            '“' | '(' | '「' => depth += 1,
            '”' | ')' | '」' if depth > 0 => depth -= 1,
            _ if depth == 0 && !straight => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn no_japanese_in_the_english_report_but_names_and_the_assessors_words() {
    for doc in every_model().iter().filter(|d| d.lang == Lang::En) {
        let mut checked = 0;
        for s in strings(doc) {
            if s.assessor || s.text == doc.organisation {
                continue;
            }
            let bare = outside_citations(s.text);
            assert!(
                !bare.chars().any(is_cjk),
                "Japanese in the English report: {:?}",
                s.text
            );
            for leaked in ["アンケート", "【", "】"] {
                assert!(!s.text.contains(leaked), "{leaked} in {:?}", s.text);
            }
            checked += 1;
        }
        assert!(checked > 500, "only {checked} strings checked");
    }
}

#[test]
fn no_doubled_full_stops_anywhere() {
    for doc in every_model() {
        for s in strings(&doc) {
            for doubled in ["。。", "..", "．．", "。.", ".。"] {
                assert!(!s.text.contains(doubled), "{doubled:?} in {:?}", s.text);
            }
        }
    }
}

#[test]
fn nothing_is_cut_off_on_the_summary() {
    for doc in every_model() {
        let summary: Vec<_> = strings(&doc).into_iter().filter(|s| s.summary).collect();
        assert!(summary.len() > 30);
        for s in summary {
            assert!(
                !s.text.contains('…'),
                "cut text on the summary: {:?}",
                s.text
            );
        }
    }
}

#[test]
fn no_notes_addressed_to_developers() {
    for doc in every_model() {
        for s in strings(&doc) {
            for dev in [
                "automated test",
                "自動テスト",
                "PDF/A",
                "tagged",
                "タグ付き",
            ] {
                assert!(!s.text.contains(dev), "{dev:?} in {:?}", s.text);
            }
        }
    }
}

#[test]
fn the_japanese_report_speaks_in_desu_masu() {
    for doc in every_model().iter().filter(|d| d.lang == Lang::Ja) {
        let mut sentences = 0;
        for s in strings(doc).iter().filter(|s| s.report_prose) {
            for sentence in s.text.split_inclusive('。').filter(|x| x.ends_with('。')) {
                let body = sentence.trim_end_matches('。');
                assert!(
                    ["す", "ん", "さい", "した"]
                        .iter()
                        .any(|e| body.ends_with(e)),
                    "not です・ます: {sentence:?}"
                );
                sentences += 1;
            }
        }
        assert!(sentences > 20, "only {sentences} sentences");
    }
}

#[test]
fn answer_labels_start_with_a_capital_in_english() {
    let set = set();
    let c = demo_case(&set, Lang::En);
    let doc = doc_of(&set, &c, Lang::En, &ReportOptions::default());
    let mut seen = 0;
    for s in &doc.sections {
        for b in &s.blocks {
            let Block::Table(t) = b else { continue };
            for (k, col) in t.columns.iter().enumerate() {
                if !matches!(
                    col.title.as_str(),
                    "Answer" | "Your answer" | "Current → target" | "Yours"
                ) {
                    continue;
                }
                for r in &t.rows {
                    let first = r[k].text.chars().next();
                    if let Some(ch) = first.filter(|c| c.is_alphabetic()) {
                        assert!(ch.is_uppercase(), "{:?} in {}", r[k].text, col.title);
                        seen += 1;
                    }
                }
            }
        }
    }
    assert!(seen > 50, "only {seen} answer labels");
}

#[test]
fn the_cover_names_who_ran_the_assessment_and_who_answered() {
    let set = set();
    for lang in [Lang::Ja, Lang::En] {
        let (ran, answered, none) = match lang {
            Lang::Ja => ("評価の実施", "回答者", "記録なし"),
            Lang::En => ("Assessment run by", "Answered by", "Not recorded"),
        };
        let fact = |doc: &ReportDoc, label: &str| {
            doc.cover
                .facts
                .iter()
                .find(|f| f.label == label)
                .map(|f| f.value.clone())
                .unwrap_or_else(|| panic!("no {label:?} on the cover"))
        };
        let demo = doc_of(
            &set,
            &demo_case(&set, lang),
            lang,
            &ReportOptions::default(),
        );
        assert_eq!(fact(&demo, answered), none);
        assert_eq!(fact(&demo, ran), none);
        let rich = doc_of(
            &set,
            &rich_case(&set, lang),
            lang,
            &ReportOptions::default(),
        );
        let who = fact(&rich, answered);
        assert!(
            who.contains("Aoki") && who.contains("Baba (IT operations)"),
            "{who}"
        );
        assert_ne!(fact(&rich, ran), none);
    }
}

#[test]
fn the_summary_asks_for_a_decision_and_gives_the_number_its_context() {
    let set = set();
    for lang in [Lang::Ja, Lang::En] {
        let c = demo_case(&set, lang);
        let doc = doc_of(&set, &c, lang, &ReportOptions::default());
        let summary = &doc.sections[0];
        assert_eq!(summary.kind, SectionKind::Summary);
        let Some(Block::Headline(h)) = summary.blocks.first() else {
            panic!("no headline first")
        };
        assert_eq!(h.value, format!("{:.0}", c.score.overall.unwrap()));
        let level = format!("{:.1}", c.score.overall.unwrap() / 25.0);
        assert!(
            h.context
                .iter()
                .any(|l| l.contains("SIM3") && l.contains(&level)),
            "{:?}",
            h.context
        );
        let line = c.score.benchmark_ref.as_ref().unwrap().line();
        assert!(h.context.iter().any(|l| l.contains(line.get(lang))));
        // Without a message, the ask comes from the top gaps' action phrases.
        let ask = summary
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Callout(c) if c.voice == Voice::Report => Some(c),
                _ => None,
            })
            .expect("no ask box");
        assert_eq!(ask.lines.len(), 4, "{:?}", ask.lines);
        let first = set.questionnaire.item(&c.score.gaps[0].item).unwrap();
        let action = first.action.as_ref().unwrap().get(lang);
        assert_eq!(
            ask.lines[1].trim_end_matches(['.', '。']),
            action.trim_end_matches(['.', '。']),
        );
        // The standing names its benchmark.
        let standing = doc
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::Standing)
            .unwrap();
        assert!(standing
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Note { text } if text.contains(line.get(lang)))));
    }
}

#[test]
fn the_assessors_words_appear_marked_as_theirs() {
    let set = set();
    for lang in [Lang::Ja, Lang::En] {
        let c = rich_case(&set, lang);
        let doc = doc_of(&set, &c, lang, &ReportOptions::default());
        let all = strings(&doc);
        let own: Vec<&str> = all.iter().filter(|s| s.assessor).map(|s| s.text).collect();
        let first = MESSAGE.split("\n\n").next().unwrap();
        for want in [
            first,
            "The team handles incidents well but depends on one person.",
            FINDING,
            GAP_NOTE,
        ] {
            assert!(
                own.contains(&want),
                "{want:?} not marked as the assessor's: {own:?}"
            );
        }
        // Nothing of theirs appears unmarked.
        for s in all.iter().filter(|s| !s.assessor) {
            for want in [FINDING, GAP_NOTE] {
                assert!(!s.text.contains(want), "{want:?} unmarked");
            }
        }
        // The ask box quotes the message; the gap note sits beside its gap in both places.
        let summary = &doc.sections[0];
        assert!(summary.blocks.iter().any(
            |b| matches!(b, Block::Callout(c) if c.voice == Voice::Assessor && c.lines == [first])
        ));
        let top = &c.score.gaps[0].item;
        assert!(summary.blocks.iter().any(|b| matches!(b, Block::Findings(f) if f[0].assessor_note.as_deref() == Some(GAP_NOTE) && f[0].code.contains(top.as_str()))));
        let gaps = doc
            .sections
            .iter()
            .find(|s| s.kind == SectionKind::Gaps)
            .unwrap();
        let table = gaps
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) => Some(t),
                _ => None,
            })
            .unwrap();
        let row = table
            .rows
            .iter()
            .find(|r| r[1].small.as_deref() == Some(top.as_str()))
            .unwrap();
        assert_eq!(row.last().unwrap().assessor_note.as_deref(), Some(GAP_NOTE));
        assert_eq!(
            table
                .rows
                .iter()
                .filter(|r| r.iter().any(|c| c.assessor_note.is_some()))
                .count(),
            1
        );
    }
}

#[test]
fn presets_and_explicit_sections_choose_the_sections() {
    let set = set();
    let c = rich_case(&set, Lang::En);
    let kinds = |o: &ReportOptions| -> Vec<SectionKind> {
        doc_of(&set, &c, Lang::En, o)
            .sections
            .iter()
            .map(|s| s.kind)
            .collect()
    };
    use SectionKind::*;
    let board = ReportOptions {
        preset: Preset::Board,
        ..Default::default()
    };
    assert_eq!(kinds(&board), [Summary, SinceLast, Gaps, Roadmap]);
    let team = ReportOptions {
        preset: Preset::Team,
        ..Default::default()
    };
    assert_eq!(
        kinds(&team),
        [
            Summary,
            SinceLast,
            Standing,
            Gaps,
            Roadmap,
            Sim3,
            Services,
            AppendixAnswers,
            AppendixDisagreements
        ]
    );
    let full = kinds(&ReportOptions::default());
    assert!(full.contains(&AppendixMethod) && full.contains(&AppendixDisagreements));
    // An explicit list wins over the preset and keeps the report's order.
    let chosen = ReportOptions {
        sections: Some(vec![AppendixDisagreements, Gaps]),
        preset: Preset::Board,
        ..Default::default()
    };
    assert_eq!(kinds(&chosen), [Gaps, AppendixDisagreements]);
    // Appendices are lettered in the order they appear.
    let doc = doc_of(&set, &c, Lang::En, &chosen);
    assert!(
        doc.sections[1].title.starts_with("Appendix A:"),
        "{}",
        doc.sections[1].title
    );
    let doc = doc_of(&set, &c, Lang::En, &team);
    let letters: Vec<&str> = doc
        .sections
        .iter()
        .filter(|s| s.appendix)
        .map(|s| &s.title[..10])
        .collect();
    assert_eq!(letters, ["Appendix A", "Appendix B"]);
}

#[test]
fn the_confidentiality_line_can_be_replaced() {
    let set = set();
    let c = demo_case(&set, Lang::Ja);
    let o = ReportOptions {
        confidentiality: Some("  関係者限り  ".into()),
        ..Default::default()
    };
    assert_eq!(doc_of(&set, &c, Lang::Ja, &o).confidentiality, "関係者限り");
    let blank = ReportOptions {
        confidentiality: Some("   ".into()),
        ..Default::default()
    };
    let default = doc_of(&set, &c, Lang::Ja, &ReportOptions::default()).confidentiality;
    assert_eq!(doc_of(&set, &c, Lang::Ja, &blank).confidentiality, default);
}

#[test]
fn the_html_renders_every_section_and_marks_the_assessors_words() {
    let set = set();
    for lang in [Lang::Ja, Lang::En] {
        let c = rich_case(&set, lang);
        let doc = doc_of(&set, &c, lang, &ReportOptions::default());
        let html = String::from_utf8(render(
            &set,
            &c,
            lang,
            &ReportOptions::default(),
            Format::Html,
        ))
        .unwrap();
        for s in &doc.sections {
            let title = s.title.replace('&', "&amp;").replace('"', "&quot;");
            assert!(html.contains(&format!("<h1>{title}</h1>")), "{title}");
        }
        assert!(html.contains(&format!(
            "<div class=\"assessor\"><div class=\"who\">{}</div>",
            doc.assessor_label
        )));
        assert!(html.contains(GAP_NOTE) && html.contains(FINDING));
        assert_eq!(
            html.matches("<svg").count(),
            1 + 1
                + doc
                    .sections
                    .iter()
                    .flat_map(|s| &s.blocks)
                    .filter(|b| matches!(b, Block::Figure(Figure::Standing { .. })))
                    .count()
        );
    }
}

#[test]
fn the_pdf_renders_from_the_model_with_every_option() {
    let set = set();
    let c = rich_case(&set, Lang::Ja);
    let o = ReportOptions {
        preset: Preset::Board,
        logo: Some(Logo::from_bytes(png(120, 40, 3)).unwrap()),
        confidentiality: Some("関係者限り".into()),
        ..Default::default()
    };
    let pdf = render(&set, &c, Lang::Ja, &o, Format::Pdf);
    let full = render(&set, &c, Lang::Ja, &ReportOptions::default(), Format::Pdf);
    assert!(pdf.starts_with(b"%PDF"));
    assert!(pdf.len() < full.len(), "the board report is the shorter");
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let images = doc
        .objects
        .values()
        .filter(|o| matches!(o, lopdf::Object::Stream(s) if s.dict.get(b"Subtype").ok().and_then(|v| v.as_name().ok()) == Some(b"Image".as_slice())))
        .count();
    assert_eq!(images, 1, "the logo is drawn once, on the cover");
}

/// A PNG of `w` × `h` pixels with `channels` channels (1 to 4), encoded by the png crate.
fn png(w: u32, h: u32, channels: u8) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut e = png::Encoder::new(&mut out, w, h);
        e.set_color(match channels {
            1 => png::ColorType::Grayscale,
            2 => png::ColorType::GrayscaleAlpha,
            3 => png::ColorType::Rgb,
            _ => png::ColorType::Rgba,
        });
        e.set_depth(png::BitDepth::Eight);
        let mut w_ = e.write_header().unwrap();
        let data: Vec<u8> = (0..w as usize * h as usize * usize::from(channels))
            .map(|i| (i % 251) as u8)
            .collect();
        w_.write_image_data(&data).unwrap();
    }
    out
}

#[test]
fn a_logo_is_checked_by_content_and_size() {
    use csirt_model::Localized;
    use csirt_report::ReportError;
    for ch in 1..=4 {
        let l = Logo::from_bytes(png(64, 32, ch)).unwrap();
        assert_eq!((l.width_px, l.height_px), (64, 32));
    }
    // Not an image, or an image of another kind, whatever its name would say.
    for bytes in [
        b"hello, world".to_vec(),
        b"GIF89a\x01\x00\x01\x00".to_vec(),
        Vec::new(),
    ] {
        assert!(matches!(
            Logo::from_bytes(bytes),
            Err(ReportError::LogoFormat)
        ));
    }
    // Cut short: the header promises more than there is.
    let whole = png(64, 64, 3);
    let cut = whole[..whole.len() / 2].to_vec();
    assert!(matches!(
        Logo::from_bytes(cut),
        Err(ReportError::LogoUnreadable(_))
    ));
    let jpeg_header_only = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F'];
    assert!(matches!(
        Logo::from_bytes(jpeg_header_only),
        Err(ReportError::LogoUnreadable(_))
    ));
    // Too many pixels a side (refused before decoding), too many bytes.
    let e = Logo::from_bytes(png(4001, 1, 1)).unwrap_err();
    assert!(matches!(
        e,
        ReportError::LogoTooWide {
            width: 4001,
            height: 1
        }
    ));
    assert!(Logo::from_bytes(png(4000, 1, 1)).is_ok());
    let mut big = png(8, 8, 3);
    big.resize(2 * 1024 * 1024 + 1, 0);
    let e = Logo::from_bytes(big).unwrap_err();
    assert!(matches!(e, ReportError::LogoTooBig { .. }));
    // Every refusal reads in both languages and keeps its figures.
    let e = ReportError::LogoTooWide {
        width: 4001,
        height: 1,
    };
    assert!(e.localized(Lang::Ja).contains("4001") && e.localized(Lang::Ja).contains("ピクセル"));
    assert!(e.localized(Lang::En).contains("4001"));
    for e in [
        ReportError::LogoFormat,
        ReportError::LogoTooBig { bytes: 3_000_000 },
        ReportError::LogoUnreadable("x".into()),
    ] {
        assert_ne!(e.localized(Lang::Ja), e.localized(Lang::En));
        assert!(e.localized(Lang::Ja).contains("ロゴ"));
    }
}

#[test]
fn a_jpeg_logo_is_accepted() {
    // The smallest baseline JPEG we can find on the system, when there is one.
    let candidates = [
        "/usr/share/pixmaps/debian-logo.jpg",
        "/usr/share/doc/libjpeg-turbo-progs/testimg.jpg",
    ];
    let found = std::process::Command::new("sh")
        .args([
            "-c",
            "find /usr/share -name '*.jpg' -size -200k 2>/dev/null | head -5",
        ])
        .output()
        .map(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let mut tried = 0;
    for p in candidates.iter().map(|s| s.to_string()).chain(found) {
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        tried += 1;
        let l = Logo::from_bytes(bytes).unwrap_or_else(|e| panic!("{p}: {e}"));
        assert!(l.width_px > 0 && l.height_px > 0);
        assert_eq!(l.format, csirt_report::model::ImageFormat::Jpeg);
    }
    if tried == 0 {
        eprintln!("no JPEG on this system; the JPEG path is checked by the refusals only");
    }
}

#[test]
fn the_summary_says_how_many_answers_are_derived_and_unconfirmed() {
    let set = set();
    for lang in [Lang::Ja, Lang::En] {
        let mut c = demo_case(&set, lang);
        // Without derived answers, no such line.
        let plain = doc_of(&set, &c, lang, &ReportOptions::default());
        let said = |doc: &ReportDoc, needle: &str| {
            doc.sections
                .iter()
                .filter(|s| s.kind == SectionKind::Summary)
                .flat_map(|s| &s.blocks)
                .any(|b| matches!(b, Block::Paragraph { text, .. } if text.contains(needle)))
        };
        let needle = match lang {
            Lang::Ja => "まだ確認されていません",
            Lang::En => "not yet confirmed",
        };
        assert!(!said(&plain, needle));
        let items: Vec<(String, Vec<String>)> =
            c.a.answers
                .iter()
                .take(3)
                .map(|(k, _)| (k.clone(), vec!["x".to_string()]))
                .collect();
        c.a.derived = Some(csirt_model::Derivation {
            source: csirt_model::DerivedSource {
                questionnaire: "older".into(),
                title: csirt_model::Text::new("旧質問票", "the older questionnaire"),
                date: Some("2024-04-01".into()),
            },
            items: csirt_model::StrictMap(items),
        });
        c.score = scored(&set, &c.a);
        let answered = c.score.completeness.answered;
        let doc = doc_of(&set, &c, lang, &ReportOptions::default());
        let line = match lang {
            Lang::Ja => format!("回答 {answered} 件のうち 3 件は「旧質問票（2024-04-01 の評価）」から導出したもので、まだ確認されていません"),
            Lang::En => format!("3 of {answered} answers are derived from the older questionnaire (assessment of 2024-04-01), not yet confirmed"),
        };
        assert!(said(&doc, &line), "{line}");
        // Appendix A marks each derived answer not yet confirmed, beside the answer.
        let marker = match lang {
            Lang::Ja => "（導出・未確認: x から）",
            Lang::En => " (derived from x, not yet confirmed)",
        };
        let marked = strings(&doc)
            .iter()
            .filter(|s| s.text.contains(marker))
            .count();
        assert_eq!(marked, 3, "{marker}");
        assert!(!strings(&plain).iter().any(|s| s.text.contains(marker)));
    }
}

/// The app's trend chart with an area toggled off in its legend: that area's line and legend
/// entry are gone, the overall line and the other areas stay.
#[test]
fn the_apps_trend_chart_leaves_out_the_areas_toggled_off() {
    let set = set();
    let case = rich_case(&set, Lang::En);
    let trend = case.trend.unwrap();
    let q = &set.questionnaire;
    let (first, second) = (&q.areas[0], &q.areas[1]);
    let all = csirt_report::charts::trend_svg(&trend, q, Lang::En);
    assert!(all.contains(first.name.get(Lang::En)));
    let some = csirt_report::charts::trend_svg_showing(
        &trend,
        q,
        Lang::En,
        std::slice::from_ref(&first.id),
    );
    assert!(!some.contains(first.name.get(Lang::En)));
    assert!(some.contains(second.name.get(Lang::En)));
    assert!(some.contains("Overall"));
}
