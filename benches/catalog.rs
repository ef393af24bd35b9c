//! Catalog start-up (run: `cargo bench --bench catalog`): 200 procedure
//! files and a history of 10,000 journals of 50 events (the KPI bench's
//! data), with the history's index warm.
//!
//! - in process: `Catalog::load` (the procedure files read and validated
//!   in parallel while the history is scanned through the index) plus the
//!   catalog screen's first frame at 200x50 — what `pasos open` does
//!   before the first key can be read;
//! - end to end: the release binary `pasos index DIR --format json`
//!   (process start, the same load, the JSON written).
//!
//! Target: under 100 ms warm. Median of `CATALOG_BENCH_RUNS` (default 7).

#[path = "../tests/support/journal_gen.rs"]
mod journal_gen;

use pasos::catalog::Catalog;
use pasos::i18n::Lang;
use pasos::tui::catalog::app::CatalogApp;
use pasos::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const JOURNALS: usize = 10_000;
const EVENTS: u64 = 50;
const HISTORY_PROCEDURES: usize = 12;
const PROCEDURES: usize = 200;
const DATA_VERSION: &str = "catalog-bench-1";

fn root() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pasos-catalog-bench-{PROCEDURES}-{JOURNALS}"));
    let marker = dir.join("generated");
    if std::fs::read_to_string(&marker).ok().as_deref() == Some(DATA_VERSION) {
        return dir;
    }
    let _ = std::fs::remove_dir_all(&dir);
    let t = Instant::now();
    let data = dir.join("data");
    for n in 0..JOURNALS {
        journal_gen::bench_journal(&data, n, HISTORY_PROCEDURES, EVENTS);
    }
    let procedures = dir.join("procedures");
    std::fs::create_dir_all(&procedures).unwrap();
    let criticality = ["critica", "alta", "media", "baja"];
    let category = [
        "despliegue",
        "reversion",
        "mantenimiento",
        "diagnostico",
        "escalado",
    ];
    let frequency = ["diaria", "semanal", "mensual", "trimestral", "on-demand"];
    for n in 0..PROCEDURES {
        let mut s = format!(
            "[procedure]\nid = \"PROC-BENCH-{n}\"\ntitle = \"Procedimiento de prueba número {n}\"\ncategory = \"{}\"\ncriticality = \"{}\"\nfrequency = \"{}\"\nestimate = \"12-24m\"\nversion = \"1.0.0\"\nupdated = 2026-0{}-15\n\n[[phases]]\nid = \"main\"\nkind = \"execution\"\n",
            category[n % 5],
            criticality[n % 4],
            frequency[n % 5],
            1 + n % 9
        );
        for i in 1..=12 {
            s.push_str(&format!(
                "\n[[phases.steps]]\nid = \"{i}\"\ntitle = \"Paso {i} del procedimiento\"\nestimate = \"1-2m\"\ncommands = [\"systemctl status api-{i} --no-pager\"]\nexpected = \"active (running)\"\n"
            ));
        }
        std::fs::write(procedures.join(format!("PROC-BENCH-{n:03}.toml")), s).unwrap();
    }
    std::fs::write(&marker, DATA_VERSION).unwrap();
    eprintln!(
        "generated {PROCEDURES} procedures and {JOURNALS} journals in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    dir
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn in_process(root: &Path) -> (Duration, usize) {
    let t = Instant::now();
    let dirs = vec![root.join("procedures")];
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let (catalog, scan) = Catalog::load(&dirs, &root.join("data"), today).unwrap();
    let entries = catalog.entries.len();
    let mut app = CatalogApp::new(
        catalog,
        scan,
        Keymap::defaults(),
        Lang::Es,
        root.join("data"),
    );
    app.set_size(200, 50);
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    term.draw(|f| pasos::tui::view::draw_catalog(f, &app))
        .unwrap();
    let took = t.elapsed();
    std::mem::forget(app);
    (took, entries)
}

fn binary(root: &Path) -> (Duration, String) {
    let t = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_pasos"))
        .args([
            "index",
            "procedures",
            "--format",
            "json",
            "--data-dir",
            "data",
        ])
        .current_dir(root)
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

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let runs: usize = std::env::var("CATALOG_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7);
    let root = root();
    // Warm the index once.
    let (_, out) = binary(&root);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["kpi"]["documented"], PROCEDURES);
    assert_eq!(v["procedures"].as_array().unwrap().len(), PROCEDURES);
    let mut inside = Vec::new();
    for _ in 0..runs {
        let (t, n) = in_process(&root);
        assert_eq!(n, PROCEDURES);
        inside.push(t);
    }
    let mut outside = Vec::new();
    for _ in 0..runs {
        outside.push(binary(&root).0);
    }
    let (i, o) = (median(inside), median(outside));
    let verdict = |d: Duration| {
        if d < Duration::from_millis(100) {
            "ok"
        } else {
            "OVER TARGET"
        }
    };
    println!(
        "catalog start-up, {PROCEDURES} procedures, {JOURNALS} journals x {EVENTS} events, index warm, median of {runs}:"
    );
    println!(
        "  load + first frame (in process): {:>6.1} ms  (target < 100 ms: {})",
        i.as_secs_f64() * 1000.0,
        verdict(i)
    );
    println!(
        "  pasos index --format json:       {:>6.1} ms  (target < 100 ms: {})",
        o.as_secs_f64() * 1000.0,
        verdict(o)
    );
}
