//! The team history against a real Garage on loopback (run:
//! `cargo bench --bench remote`; needs `garage` on PATH):
//!
//! - `pasos kpi` from a bastion that has none of the runs, over 10,000
//!   runs in the bucket (generated journals of 50 events, sent once with
//!   `pasos sync` from another data dir, which reads them back and leaves
//!   them as packs): cold (empty cache: every run listed, fetched from the
//!   packs, put together, verified, folded) and warm (the cache is fresh:
//!   no request, the remote runs' index read) — targets < 10 s and
//!   < 150 ms; for the record, cold for the first reader ever (packs
//!   deleted: one GET per segment, and it writes the packs) and warm with a
//!   forced refresh (the bucket listed again, nothing new to fetch).
//! - Upload overhead: the demo procedure's wall time (scripted answers, a
//!   run of about half a second: the overhead is mostly fixed, so this is
//!   its worst case) with and without a remote configured, each bastion
//!   running it again in its own data dir (median of `REMOTE_BENCH_RUNS`,
//!   default 5) — target < 5 %.
//!
//! `REMOTE_BENCH_JOURNALS=N` changes the 10,000.

mod common {
    pub use super::tests_common::*;
}
#[path = "../tests/support/garage.rs"]
mod garage;
#[path = "../tests/support/journal_gen.rs"]
mod journal_gen;
#[path = "../tests/common/mod.rs"]
mod tests_common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn pasos(config: &Path, data: &Path, g: &garage::Garage, args: &[&str]) -> (Duration, String) {
    let t = Instant::now();
    let mut c = Command::new(env!("CARGO_BIN_EXE_pasos"));
    c.args(args)
        .env("PASOS_CONFIG_DIR", config)
        .env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8");
    for (k, v) in g.env() {
        c.env(k, v);
    }
    let out = c.output().expect("run pasos");
    let took = t.elapsed();
    assert!(
        out.status.success(),
        "pasos {args:?}: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (took, String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Removes the packs under `prefix`, as if no reader had written any.
fn delete_packs(g: &garage::Garage, prefix: &str) {
    let cfg = pasos::remote::RemoteConfig {
        location: pasos::remote::Location::parse(&format!("s3://{}/{prefix}", g.bucket)).unwrap(),
        endpoint: Some(g.endpoint.clone()),
        region: Some(garage::REGION.into()),
        retention_days: 90,
        refresh_seconds: 0,
    };
    let rt = pasos::remote::client::runtime().unwrap();
    let c = pasos::remote::Client::with_keys(&cfg, &g.key_id, &g.secret).unwrap();
    let packs = rt.block_on(c.list(&c.key("packs"))).unwrap();
    eprintln!(
        "{} packs in the bucket, deleted for the first reader",
        packs.len()
    );
    for p in packs {
        rt.block_on(c.delete(&p.location)).unwrap();
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn demo(config: &Path, data: &Path, work: &Path, g: &garage::Garage) -> Duration {
    let input = [
        "y", "", "", "", "", "", "3", "", "o", "by hand", "", "", "", "",
    ]
    .join("\n")
        + "\n";
    let t = Instant::now();
    let mut c = Command::new(env!("CARGO_BIN_EXE_pasos"));
    c.args(["run", "--plain"])
        .arg(format!("--var=WORKDIR={}", work.display()))
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/procedures/demo.toml"))
        .env("PASOS_CONFIG_DIR", config)
        .env("PASOS_DATA_DIR", data)
        .env("LANG", "en_US.UTF-8")
        // A secret comes from the environment (`--var` refuses secrets).
        .env("PASOS_VAR_NOTIFY_TOKEN", "tok-bench")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    for (k, v) in g.env() {
        c.env(k, v);
    }
    let mut child = c.spawn().expect("pasos run");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success());
    t.elapsed()
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let Some(g) = garage::Garage::start("bench remote") else {
        return;
    };
    let journals: usize = std::env::var("REMOTE_BENCH_JOURNALS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let runs: usize = std::env::var("REMOTE_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let root = tempfile::tempdir().unwrap();
    let dir = |name: &str| {
        let d = root.path().join(name);
        std::fs::create_dir_all(&d).unwrap();
        d
    };
    let (config, stale_config, plain_config) =
        (dir("config"), dir("config-refresh"), dir("config-local"));
    std::fs::write(
        config.join("config.toml"),
        g.pasos_config("bench")
            .replace("refresh_seconds = 0", "refresh_seconds = 3600"),
    )
    .unwrap();
    std::fs::write(stale_config.join("config.toml"), g.pasos_config("bench")).unwrap();

    // 1. The bucket: `journals` runs sent by one bastion.
    let uploader = dir("uploader");
    let t = Instant::now();
    for n in 0..journals {
        journal_gen::bench_journal(&uploader, n, 12, 50);
    }
    eprintln!(
        "generated {journals} journals in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let (took, out) = pasos(&config, &uploader, &g, &["sync"]);
    eprintln!(
        "pasos sync of {journals} runs: {:.1} s\n{out}",
        took.as_secs_f64()
    );

    // 2. The first reader ever: no packs in the bucket yet (the uploader's
    //    sync read its runs back and packed them: those packs go first).
    let first = dir("first-reader");
    delete_packs(&g, "bench");
    let (first_cold, out) = pasos(&config, &first, &g, &["kpi", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["global"]["executions"], journals);

    // 3. A lead's machine with none of them, the bucket packed.
    let lead = dir("lead");
    let (cold, out) = pasos(&config, &lead, &g, &["kpi", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["global"]["executions"], journals);
    let mut warm = Vec::new();
    let mut refreshed = Vec::new();
    for _ in 0..runs {
        warm.push(pasos(&config, &lead, &g, &["kpi", "--format", "json"]).0);
        refreshed.push(pasos(&stale_config, &lead, &g, &["kpi", "--format", "json"]).0);
    }
    let verdict = |d: Duration, limit: u64| {
        if d < Duration::from_millis(limit) {
            "ok"
        } else {
            "OVER TARGET"
        }
    };
    println!("pasos kpi --format json over {journals} remote runs (Garage on loopback):");
    println!(
        "  cold (empty cache):            {:>8.1} ms  (target < 10000 ms: {})",
        ms(cold),
        verdict(cold, 10_000)
    );
    println!(
        "  cold, first reader (no packs): {:>8.1} ms  (one GET per segment; it leaves packs)",
        ms(first_cold)
    );
    let w = median(warm);
    println!(
        "  warm (cache fresh), median {runs}: {:>8.1} ms  (target < 150 ms: {})",
        ms(w),
        verdict(w, 150)
    );
    println!(
        "  warm + bucket listed again:    {:>8.1} ms  (median {runs}; nothing new to fetch)",
        ms(median(refreshed))
    );

    // 4. Upload overhead on a run's wall time: one bastion with a remote,
    //    one without, each running the demo again and again in its own data
    //    dir as a bastion does (the first run of each is not counted: it
    //    probes the bucket, which a bastion does once a day).
    let (local_data, remote_data) = (dir("local"), dir("remote"));
    let work = dir("work");
    demo(&plain_config, &local_data, &work.join("warm-a"), &g);
    demo(&config, &remote_data, &work.join("warm-b"), &g);
    let (mut with, mut without) = (Vec::new(), Vec::new());
    for i in 0..runs {
        without.push(demo(
            &plain_config,
            &local_data,
            &work.join(format!("a-{i}")),
            &g,
        ));
        with.push(demo(
            &config,
            &remote_data,
            &work.join(format!("b-{i}")),
            &g,
        ));
    }
    let (a, b) = (median(without), median(with));
    let overhead = (b.as_secs_f64() / a.as_secs_f64() - 1.0) * 100.0;
    println!(
        "demo run wall time, median of {runs}: local only {:.1} ms, with remote {:.1} ms: overhead {overhead:+.1} % (target < 5 %: {})",
        ms(a),
        ms(b),
        if overhead < 5.0 { "ok" } else { "OVER TARGET" }
    );
}
