//! `pasos check` on a generated 2,000-step procedure (target: < 100 ms).
//! Run: `cargo bench --bench check`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

#[path = "common/generated.rs"]
mod generated;
use generated::generated_procedure;

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
