//! `pasos check` on a generated 2,000-step procedure (target: < 100 ms),
//! loading the 500-step procedure `pasos run` starts with (the part of
//! its first frame that grows with the file),
//! and on decision trees that are chains of 10,000 and 100,000 questions
//! (target: < 1 s; walks are iterative and linear).
//! Run: `cargo bench --bench check`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "common/generated.rs"]
mod generated;
use generated::generated_procedure;
#[path = "common/decision_chain.rs"]
mod decision_chain;
use decision_chain::decision_chain;

fn bench(c: &mut Criterion) {
    let text = generated_procedure(2000);
    let loaded = pasos::procedure::check_bytes(text.as_bytes());
    assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics.first());
    assert_eq!(
        loaded.procedure.as_ref().map(|p| p.steps().count()),
        Some(2000)
    );
    c.bench_function("check 2000-step procedure", |b| {
        b.iter(|| pasos::procedure::check_bytes(black_box(text.as_bytes())))
    });
    // What `pasos run` does before its first frame (no lints).
    let run500 = generated_procedure(500);
    c.bench_function("load 500-step procedure", |b| {
        b.iter(|| pasos::procedure::load_bytes(black_box(run500.as_bytes())))
    });
    let mut group = c.benchmark_group("check decision chain");
    group.sample_size(10);
    for n in [10_000, 100_000] {
        let text = decision_chain(n);
        let loaded = pasos::procedure::check_bytes(text.as_bytes());
        assert_eq!(loaded.errors(), 0, "{:?}", loaded.diagnostics.first());
        group.bench_function(format!("{n} nodes"), |b| {
            b.iter(|| pasos::procedure::check_bytes(black_box(text.as_bytes())))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
