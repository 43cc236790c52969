//! Criterion benchmarks: pooling 10,000 contributions (plain, and sealed to the collector), and
//! scoring the demo against a pooled benchmark. The contributions are generated here for the
//! measurement only; no generated figure is shipped.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use csirt_model::contribution::ProfileValue;
use csirt_model::date::Date;
use csirt_model::{
    builtin, builtin_texts, compile_texts, demo::demo_assessment, Answer, Contribution,
    ContributionId, Form, ItemKind, Lang, Profile, Questionnaire, Sector, SizeBand, StrictMap,
};
use csirt_pool::{build, Dimension, Input, Options};

/// `n` varied contributions: contribution `j` answers item `i` with key `(i * 7 + j * 13) % k`.
fn contributions(q: &Questionnaire, n: usize) -> Vec<Contribution> {
    (0..n)
        .map(|j| {
            let mut answers = StrictMap::default();
            for (i, item) in q.items.iter().filter(|i| i.benchmark).enumerate() {
                let keys: Vec<String> = match &item.kind {
                    ItemKind::Service { .. } => {
                        vec!["in-house".into(), "outsourced".into(), "none".into()]
                    }
                    ItemKind::Number { .. } => vec!["5-9".into(), "10-19".into()],
                    _ => item.options().iter().map(|o| o.key.clone()).collect(),
                };
                let k = keys[(i * 7 + j * 13) % keys.len()].clone();
                let answer = match item.kind {
                    ItemKind::Multiple { .. } => Answer::Keys(vec![k]),
                    _ => Answer::Text(k),
                };
                answers.insert(item.id.clone(), answer);
            }
            let mut id = [0u8; 16];
            id[..8].copy_from_slice(&(j as u64).to_le_bytes());
            Contribution {
                format: csirt_model::CONTRIBUTION_FORMAT.into(),
                questionnaire: q.id.clone(),
                questionnaire_version: q.version.clone(),
                id: ContributionId::from_bytes(id),
                month: format!("2026-{:02}", 1 + j % 12),
                profile: Profile {
                    sector: Some(Sector::ALL[j % Sector::ALL.len()]),
                    size: Some(SizeBand::ALL[j % SizeBand::ALL.len()]),
                    form: Some(Form::ALL[j % Form::ALL.len()]),
                },
                answers,
            }
        })
        .collect()
}

fn pool_benches(c: &mut Criterion) {
    let set = builtin().expect("valid");
    let q = &set.questionnaire;
    let cs = contributions(q, 10_000);
    let plain: Vec<Input> = cs
        .iter()
        .enumerate()
        .map(|(i, c)| Input {
            name: format!("c{i}.json"),
            bytes: c.to_json_pretty().into_bytes(),
        })
        .collect();
    let pair = csirt_export::encrypt::keygen();
    let recipient = csirt_export::encrypt::parse_recipient(&pair.public_key).unwrap();
    let identity = csirt_export::encrypt::parse_identity(&pair.identity_file).unwrap();
    let sealed: Vec<Input> = plain
        .iter()
        .map(|i| Input {
            name: i.name.clone(),
            bytes: csirt_export::encrypt::seal_to(&i.bytes, &recipient).unwrap(),
        })
        .collect();
    let opts = |identity| Options {
        questionnaire: q,
        identity,
        min_cell: 5,
        collector: "bench".into(),
        build_date: "2026-11-29".parse::<Date>().unwrap(),
        by: vec![Dimension::Sector, Dimension::Size, Dimension::Form],
    };
    let mut group = c.benchmark_group("pool");
    group.sample_size(10);
    group.bench_function("build from 10,000 contributions", |b| {
        b.iter(|| build(&plain, &opts(None)).expect("pool").used)
    });
    group.bench_function("build from 10,000 sealed contributions", |b| {
        b.iter(|| build(&sealed, &opts(Some(&identity))).expect("pool").used)
    });
    group.finish();

    // Segments wait for the benchmark parser that reads them; the figures for all are scored.
    let mut whole = opts(None);
    whole.by.clear();
    let pooled = build(&plain, &whole).expect("pool");
    let (q_text, _) = builtin_texts();
    let pooled_set = compile_texts("pooled", q_text, Some(&pooled.toml)).expect("compiles");
    let demo = demo_assessment(Lang::Ja);
    c.bench_function("score one assessment against a pooled benchmark", |b| {
        b.iter(|| {
            csirt_scoring::score(
                &pooled_set.questionnaire,
                pooled_set.benchmark.as_deref(),
                &demo,
            )
            .expect("score")
        })
    });
}

criterion_group!(benches, pool_benches);
criterion_main!(benches);
