//! Criterion benchmarks: loading and validating the questionnaire, scoring one assessment, and
//! scoring a consultancy's archive of 10,000 assessments, against the 2015 survey and against a
//! pooled benchmark (the synthetic test pool, exact counts for every scored item).
#![allow(clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use csirt_model::{builtin, demo::demo_assessment, Answer, Lang};

fn scoring_benches(c: &mut Criterion) {
    c.bench_function("load and validate the questionnaire and benchmark", |b| {
        b.iter(|| builtin().expect("valid"))
    });
    let set = builtin().expect("valid");
    let q = &set.questionnaire;
    let bench = set.benchmark.as_deref();
    let demo = demo_assessment(Lang::Ja);
    c.bench_function("score one assessment", |b| {
        b.iter(|| csirt_scoring::score(q, bench, &demo).expect("score"))
    });
    // An archive of varied assessments: each one shifts the demo's scale answers.
    let keys = ["a", "b", "c", "d", "e"];
    let archive: Vec<_> = (0..10_000)
        .map(|n| {
            let mut a = demo.clone();
            for (i, item) in ["4.1", "4.2", "4.3", "4.4", "2.11", "3.4"]
                .iter()
                .enumerate()
            {
                a.answers.insert(
                    item.to_string(),
                    Answer::Text(keys[(n + i) % 5].to_string()),
                );
            }
            a
        })
        .collect();
    let mut group = c.benchmark_group("archive");
    group.sample_size(10);
    group.bench_function("score 10,000 assessments", |b| {
        b.iter(|| {
            let scorer = csirt_scoring::Scorer::new(q, bench);
            archive
                .iter()
                .filter_map(|a| scorer.score(a).expect("score").overall)
                .sum::<f64>()
        })
    });
    // The same against a pooled benchmark: every scored item has an exact-count figure, so
    // every standing is computed (the survey leaves most without one).
    let catalog = csirt_model::Catalog::load(None).expect("catalog").0;
    let pool_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/benchmarks/synthetic-pool.toml");
    let pool = csirt_model::load_benchmark_file(&pool_path, &catalog).expect("pool");
    group.bench_function("score 10,000 assessments against a pooled benchmark", |b| {
        b.iter(|| {
            let scorer = csirt_scoring::Scorer::new(q, Some(&pool));
            archive
                .iter()
                .filter_map(|a| scorer.score(a).expect("score").overall)
                .sum::<f64>()
        })
    });
    group.finish();
    c.bench_function("score one assessment against a pooled benchmark", |b| {
        b.iter(|| csirt_scoring::score(q, Some(&pool), &demo).expect("score"))
    });
}

criterion_group!(benches, scoring_benches);
criterion_main!(benches);
