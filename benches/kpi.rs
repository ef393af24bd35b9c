//! `pasos kpi` end to end (run: `cargo bench --bench kpi`): the release
//! binary with `--format json` over 10,000 generated journals of 50 events
//! each (12 procedures, rollbacks, interruptions), median of several runs.
//!
//! - cold: no index (`<data>/cache` removed before each run, so every
//!   journal is read, verified and folded, and the index written); the
//!   page cache is warm (dropping it needs root and a quiet machine);
//! - warm: the index is there and every journal unchanged.
//!
//! Targets: cold < 500 ms, warm < 100 ms. `KPI_BENCH_RUNS=N` changes the
//! number of runs (default 7); the data is generated once under the
//! system temp dir and reused.

#[path = "../tests/support/journal_gen.rs"]
mod journal_gen;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const JOURNALS: usize = 10_000;
const EVENTS: u64 = 50;
const PROCEDURES: usize = 12;
/// Bump when the generator changes, to regenerate the data.
const DATA_VERSION: &str = "kpi-bench-1";

fn data_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pasos-kpi-bench-{JOURNALS}x{EVENTS}"));
    let marker = dir.join("generated");
    if std::fs::read_to_string(&marker).ok().as_deref() == Some(DATA_VERSION) {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let t = Instant::now();
    for n in 0..JOURNALS {
        let path = journal_gen::bench_journal(&dir, n, PROCEDURES, EVENTS);
        if n == 0 {
            let v = pasos::journal::verify_file(&path).unwrap();
            assert!(v.intact(), "{:?}", v.problems);
            assert_eq!(v.events as u64, EVENTS);
        }
    }
    std::fs::write(&marker, DATA_VERSION).unwrap();
    eprintln!(
        "generated {JOURNALS} journals of {EVENTS} events in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    dir
}

fn kpi(data: &Path) -> (Duration, String) {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args(["kpi", "--format", "json", "--data-dir"])
        .arg(data)
        .env("LANG", "en_US.UTF-8")
        .output()
        .expect("run pasos");
    let took = t.elapsed();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (took, String::from_utf8_lossy(&out.stdout).into_owned())
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    // `cargo bench -- <filter>` passes arguments; `cargo test --benches`
    // passes nothing to a harness-less bench but must not take minutes.
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let runs: usize = std::env::var("KPI_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let data = data_dir();
    let cache = data.join("cache");
    let mut cold = Vec::new();
    let mut cold_out = String::new();
    for _ in 0..runs {
        let _ = std::fs::remove_dir_all(&cache);
        let (t, out) = kpi(&data);
        cold.push(t);
        cold_out = out;
    }
    let mut warm = Vec::new();
    let mut warm_out = String::new();
    for _ in 0..runs {
        let (t, out) = kpi(&data);
        warm.push(t);
        warm_out = out;
    }
    assert_eq!(cold_out, warm_out, "the index changed the figures");
    let v: serde_json::Value = serde_json::from_str(&warm_out).unwrap();
    assert_eq!(v["global"]["executions"], JOURNALS);
    assert_eq!(v["global"]["unverified"], 0);
    let (c, w) = (median(cold), median(warm));
    let verdict = |d: Duration, limit: u64| {
        if d < Duration::from_millis(limit) {
            "ok"
        } else {
            "OVER TARGET"
        }
    };
    println!("pasos kpi --format json, {JOURNALS} journals x {EVENTS} events, median of {runs}:");
    println!(
        "  cold (no index, page cache warm): {:>6.1} ms  (target < 500 ms: {})",
        c.as_secs_f64() * 1000.0,
        verdict(c, 500)
    );
    println!(
        "  warm (index fresh):               {:>6.1} ms  (target < 100 ms: {})",
        w.as_secs_f64() * 1000.0,
        verdict(w, 100)
    );
}
