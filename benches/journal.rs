//! Journal benchmarks (run: `cargo bench --bench journal`):
//! - append + fsync of one event (the rate a run can record at);
//! - `log verify` of a 1,000,000-event journal (target < 2 s on 2 cores).

use chrono::{TimeZone, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use pasos::journal::line::{Line, genesis};
use pasos::journal::{Event, JournalWriter, Mode, Operator, Redactor, store, verify_file_fast};
use std::io::Write;

fn event(i: u64) -> Event {
    match i % 4 {
        0 => Event::StepStarted { step: format!("{}", i % 50), attempt: 1 },
        1 => Event::CommandSent {
            step: format!("{}", i % 50),
            command: "PGPASSWORD=\"${DB_PASSWORD}\" psql -h db-prod-01.interno -c 'SELECT count(*) FROM users'".into(),
            manual: false,
            transcript_offset: Some(i * 120),
        },
        2 => Event::CommandFinished { step: format!("{}", i % 50), exit_code: 0, duration_ms: 812 },
        _ => Event::StepFinished { step: format!("{}", i % 50), outcome: pasos::journal::StepOutcome::Done, duration_ms: 900, why: pasos::journal::StepWhy::default()},
    }
}

/// Writes a journal of `n` events directly (no fsync), with its head.
fn big_journal(dir: &std::path::Path, n: u64) -> std::path::PathBuf {
    let t0 = Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap();
    let run_id = store::new_run_id(t0);
    let path = store::journal_path(dir, &run_id);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).unwrap());
    let mut prev = genesis(&run_id);
    let mut last = (0, String::new());
    for seq in 1..=n {
        let ev = if seq == 1 {
            Event::RunStarted {
                run_id: run_id.clone(),
                procedure_id: "PROC-BENCH".into(),
                procedure_title: "bench".into(),
                version: "1.0.0".into(),
                procedure_sha256: "00".repeat(32),
                source: "bench.toml".into(),
                environment: None,
                mode: Mode::Live,
                operator: Operator::default(),
                forced: false,
                profile: Default::default(),
            }
        } else {
            event(seq)
        };
        let line = Line::new(
            seq,
            t0 + chrono::Duration::milliseconds(seq as i64),
            prev,
            ev,
        );
        out.write_all(line.to_text().as_bytes()).unwrap();
        out.write_all(b"\n").unwrap();
        prev = line.hash.clone();
        last = (seq, line.hash);
    }
    out.flush().unwrap();
    std::fs::write(store::head_path(&path), format!("{} {}\n", last.0, last.1)).unwrap();
    path
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(std::env::var("PASOS_BENCH_DIR").unwrap_or_else(|_| ".".into()))
        .unwrap();
    let run_id = store::new_run_id(Utc::now());
    let mut w = JournalWriter::create(
        &store::journal_path(dir.path(), &run_id),
        &run_id,
        Redactor::default(),
    )
    .unwrap();
    let mut i = 0;
    c.bench_function("journal append+fsync", |b| {
        b.iter(|| {
            i += 1;
            w.append(event(i), Utc::now()).unwrap()
        })
    });

    let path = big_journal(dir.path(), 1_000_000);
    let size = std::fs::metadata(&path).unwrap().len();
    eprintln!("1,000,000-event journal: {:.1} MB", size as f64 / 1e6);
    let v = verify_file_fast(&path).unwrap();
    assert!(v.intact(), "{:?}", v.problems.first());
    assert_eq!(v.events, 1_000_000);
    let mut g = c.benchmark_group("verify");
    g.sample_size(10);
    g.bench_function("log verify 1,000,000 events", |b| {
        b.iter(|| verify_file_fast(&path).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
