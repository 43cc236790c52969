//! Writes the demo report (PDF and HTML, ja and en; and one with the assessor's words and a
//! logo) into a folder, and times in-process renders of the demo PDF, for comparing pages.
//! Usage: cargo run --release -p csirt-report --example render -- <folder> [logo file]
#![allow(clippy::expect_used)]
use csirt_report::{Format, ReportExtras, ReportInput, ReportOptions};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().unwrap_or_else(|| ".".into()));
    let logo = args.next().map(|p| std::fs::read(p).expect("logo file"));
    let set = csirt_model::builtin().expect("questionnaire");
    for lang in [csirt_model::Lang::Ja, csirt_model::Lang::En] {
        let a = csirt_model::demo::demo_assessment(lang);
        let score =
            csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), &a).expect("score");
        let input = ReportInput {
            questionnaire: &set.questionnaire,
            benchmark: set.benchmark.as_deref(),
            assessment: &a,
            score: &score,
        };
        let extras = ReportExtras::default();
        let options = ReportOptions::default();
        for format in [Format::Pdf, Format::Html] {
            let bytes =
                csirt_report::render(&input, &extras, lang, &options, format, 0).expect("render");
            let name = format!("demo-{}.{}", lang.code(), format.extension());
            std::fs::write(dir.join(name), bytes).expect("write");
        }
        let n = 20;
        let t = Instant::now();
        for _ in 0..n {
            csirt_report::render(&input, &extras, lang, &options, Format::Pdf, 0).expect("pdf");
        }
        eprintln!("{lang}: {:?} a render (mean of {n})", t.elapsed() / n);
        // The same with the assessor's words and, when given, a logo.
        let top = score.gaps[0].item.clone();
        let mut gap_notes = csirt_model::assessment::StrictMap::default();
        gap_notes.insert(top, "This is what our regulator asks about first.".into());
        let mut with_words = a.clone();
        with_words.narrative = Some(csirt_model::Narrative {
            message: "Fund a second incident handler this year, and make the legal department part of escalation.\n\nThe team is capable but depends on one person.".into(),
            findings: vec!["Escalation to the legal department is informal.".into()],
            gap_notes,
        });
        let input = ReportInput {
            assessment: &with_words,
            ..input
        };
        let options = ReportOptions {
            logo: logo
                .clone()
                .map(|b| csirt_report::model::Logo::from_bytes(b).expect("logo")),
            ..Default::default()
        };
        let bytes =
            csirt_report::render(&input, &extras, lang, &options, Format::Pdf, 0).expect("render");
        std::fs::write(dir.join(format!("narrative-{}.pdf", lang.code())), bytes).expect("write");
    }
}
