//! TUI benchmarks (run: `cargo bench --bench tui`):
//! - start to first frame for a 500-step procedure (load, check, engine,
//!   first render at 120x40), in process; target < 50 ms;
//! - one frame at 200x50; target < 2 ms.
//!
//! The real binary in a PTY (first frame, idle bytes/minute, keypress
//! latency under shell flood) is measured by `benches/tui_terminal.rs`.

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use pasos::i18n::Lang;
use pasos::journal::{Mode, Operator};
use pasos::run::{Engine, FakeClock, RunConfig};
use pasos::tui::app::App;
use pasos::tui::keymap::Keymap;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

#[path = "common/generated.rs"]
mod generated;

fn start(text: &str) -> App {
    let loaded = pasos::procedure::check_bytes(text.as_bytes());
    let p = loaded.procedure.expect("valid");
    let cfg = RunConfig {
        run_id: "bench".into(),
        mode: Mode::Live,
        environment: None,
        operator: Operator::default(),
        source: "bench.toml".into(),
        procedure_sha256: String::new(),
        forced: false,
        preset: Vec::new(),
    };
    let (engine, _) = Engine::start(p, Box::new(FakeClock::at(Utc::now())), cfg);
    App::new(engine, Keymap::defaults(), Lang::Es)
}

fn bench(c: &mut Criterion) {
    let text = generated::generated_procedure(500);
    c.bench_function("start to first frame, 500 steps (120x40)", |b| {
        b.iter(|| {
            let app = start(&text);
            let mut term = Terminal::new(TestBackend::new(120, 40)).unwrap();
            term.draw(|f| pasos::tui::view::draw(f, &app, None))
                .unwrap();
        })
    });
    let app = start(&text);
    let mut term = Terminal::new(TestBackend::new(200, 50)).unwrap();
    c.bench_function("render one frame at 200x50 (500 steps)", |b| {
        b.iter(|| {
            term.draw(|f| pasos::tui::view::draw(f, &app, None))
                .unwrap();
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
