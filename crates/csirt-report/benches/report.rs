//! Criterion benchmark of rendering the full demo report in Japanese and in English.
#![allow(clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use csirt_model::{builtin, demo::demo_assessment, Lang};
use csirt_report::{render_pdf_at, ReportInput};

fn report_benches(c: &mut Criterion) {
    let set = builtin().expect("built-in questionnaire");
    for lang in [Lang::Ja, Lang::En] {
        let a = demo_assessment(lang);
        let score =
            csirt_scoring::score(&set.questionnaire, set.benchmark.as_deref(), &a).expect("score");
        let input = ReportInput {
            questionnaire: &set.questionnaire,
            benchmark: set.benchmark.as_deref(),
            assessment: &a,
            score: &score,
        };
        c.bench_function(&format!("render demo report ({lang})"), |b| {
            b.iter(|| render_pdf_at(&input, lang, 0).expect("render"))
        });
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = report_benches
}
criterion_main!(benches);
