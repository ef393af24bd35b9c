//! Catalog start-up (run: `cargo bench --bench catalog`): 200 procedure
//! files and a history of 10,000 journals of 50 events (the KPI bench's
//! data), with the history's index warm.
//!
//! - in process, what `pasos open` does before the first key can be read:
//!   `Catalog::load_files` (the procedure files read and validated in
//!   parallel, the figures the last scan left in `catalog-summary`) plus
//!   the catalog screen's first frame at 200x50; the history's scan then
//!   runs behind the screen, measured on its own (`Catalog::load`: files
//!   and the verified history through the KPI index);
//! - end to end: the release binary `pasos open DIR` in a pseudo-terminal,
//!   from spawn to the first frame with its figures on the screen, and
//!   `pasos index DIR --format json` (process start, the full verified
//!   load, the JSON written).
//!
//! Target: catalog start-up under 100 ms warm. Median of
//! `CATALOG_BENCH_RUNS` (default 7).

#[path = "../tests/support/journal_gen.rs"]
mod journal_gen;
#[path = "../tests/support/pty_screen.rs"]
mod pty_screen;

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

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// The catalog's first frame as `pasos open` draws it.
fn in_process(root: &Path) -> (Duration, usize) {
    let t = Instant::now();
    let dirs = vec![root.join("procedures")];
    let catalog = Catalog::load_files(&dirs, &root.join("data"), today());
    assert!(
        catalog.entries.iter().any(|e| e.history.executions > 0),
        "the summary is warm"
    );
    let entries = catalog.entries.len();
    let mut app = CatalogApp::new(
        catalog,
        Default::default(),
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

/// The procedure files and the verified history: what the scan behind
/// the screen (and `pasos index`) waits for.
fn verified(root: &Path) -> Duration {
    let t = Instant::now();
    let dirs = vec![root.join("procedures")];
    let (catalog, scan) = Catalog::load(&dirs, &root.join("data"), today()).unwrap();
    let took = t.elapsed();
    assert_eq!(scan.runs.len(), JOURNALS);
    std::mem::forget((catalog, scan));
    took
}

/// `pasos open procedures` in a pseudo-terminal (the end-to-end tests'
/// harness, 120x40): spawn to the first frame with the procedures and
/// their figures.
fn open_in_pty(root: &Path) -> Duration {
    let t = Instant::now();
    let mut s = pty_screen::spawn(
        &["open", "procedures", "--data-dir", "data"],
        &root.join("data"),
        root,
    );
    let took = loop {
        let screen = s.text();
        if screen.contains("PROC-BENCH-0") && screen.contains('%') {
            break t.elapsed();
        }
        assert!(t.elapsed() < Duration::from_secs(10), "no frame:\n{screen}");
        std::thread::sleep(Duration::from_micros(500));
    };
    s.send("q");
    let _ = s.child.wait();
    took
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
    let mut full = Vec::new();
    for _ in 0..runs {
        full.push(verified(&root));
    }
    let mut pty = Vec::new();
    for _ in 0..runs {
        pty.push(open_in_pty(&root));
    }
    let mut outside = Vec::new();
    for _ in 0..runs {
        outside.push(binary(&root).0);
    }
    let (i, f, p, o) = (median(inside), median(full), median(pty), median(outside));
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
        "  pasos open, spawn to first frame in a PTY: {:>6.1} ms  (target < 100 ms: {})",
        p.as_secs_f64() * 1000.0,
        verdict(p)
    );
    println!(
        "  behind the screen: files + verified history (in process): {:>6.1} ms",
        f.as_secs_f64() * 1000.0
    );
    println!(
        "  pasos index --format json (waits for the verified history): {:>6.1} ms",
        o.as_secs_f64() * 1000.0
    );
}
