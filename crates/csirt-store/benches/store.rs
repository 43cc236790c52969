//! Criterion benchmarks of the two hot paths: autosaving one answer, loading a full assessment.
#![allow(clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use csirt_model::{builtin, demo::demo_assessment, Answer, Lang};
use csirt_store::Store;

fn store_benches(c: &mut Criterion) {
    let set = builtin().expect("built-in questionnaire");
    let q = &set.questionnaire;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("bench.sqlite3")).expect("open");
    let id = store
        .import(q, &demo_assessment(Lang::Ja), None)
        .expect("import demo");

    let keys = ["a", "b", "c", "d", "e"];
    let mut n = 0usize;
    c.bench_function("save one answer (on-disk, WAL, synchronous=FULL)", |b| {
        b.iter(|| {
            n += 1;
            let answer = Answer::Text(keys[n % keys.len()].to_string());
            store
                .save_answer(q, id, None, "4.1", &answer, None)
                .expect("save");
        })
    });
    c.bench_function("load a full assessment", |b| {
        b.iter(|| store.load_assessment(q, id).expect("load"))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50);
    targets = store_benches
}
criterion_main!(benches);
