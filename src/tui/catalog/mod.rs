//! The procedure catalog (`pasos` on a terminal, `pasos open`): every
//! procedure of the configured directories with its figures from history,
//! grouped by criticality and category. Enter opens one to rehearse or run
//! it (the caller hands over to the run screen), `K` its KPIs, `l` its runs.

pub mod app;

use super::keymap::Keymap;
use super::terminal::TerminalGuard;
use crate::catalog::Catalog;
use crate::history::scan::{Scan, ScanOptions, scan};
use crate::i18n::Lang;
use app::{CatalogApp, Chosen};
use crossterm::event::{self, Event, KeyEventKind};
use std::path::PathBuf;

pub struct CatalogOptions {
    pub catalog: Catalog,
    pub scan: Scan,
    /// Scan the history behind the screen, from the first frame on (the
    /// catalog then starts from the last summary's figures).
    pub scan_history: bool,
    pub data_dir: PathBuf,
    pub config_file: PathBuf,
    pub keymap: Keymap,
    pub lang: Lang,
    pub ascii: bool,
    pub color: bool,
    pub mono: bool,
}

/// Runs the catalog until the operator quits or chooses a procedure; the
/// terminal is restored before this returns. Errors are for the caller to
/// print.
pub fn browse(opts: CatalogOptions) -> Result<Option<Chosen>, String> {
    let mut app = CatalogApp::new(
        opts.catalog,
        opts.scan,
        opts.keymap,
        opts.lang,
        opts.data_dir,
    );
    app.config_file = opts.config_file;
    let (tx, rx) = std::sync::mpsc::channel();
    if opts.scan_history {
        app.pending = Some(rx);
    }
    app.ascii = opts.ascii;
    app.color = opts.color;
    app.mono = opts.mono;
    let mut guard = TerminalGuard::enter().map_err(|e| format!("cannot use this terminal: {e}"))?;
    guard.exit_on_signals();
    // Started once the first frame is out, so that it does not compete
    // with it for the CPU.
    let mut scanning = None;
    let data = app.data_dir.clone();
    let start_scan = || {
        if opts.scan_history {
            scanning = Some(std::thread::spawn(move || {
                let scanned = scan(&data, &ScanOptions::default()).map_err(|e| e.to_string());
                let _ = tx.send(scanned);
            }));
        }
    };
    let looped = run_loop(&mut app, &mut guard, start_scan);
    drop(guard);
    // Never cut the scan short: it may be writing the KPI index.
    if let Some(s) = scanning {
        let _ = s.join();
    }
    looped.map_err(|e| format!("terminal error: {e}"))?;
    Ok(app.chosen)
}

fn run_loop(
    app: &mut CatalogApp,
    guard: &mut TerminalGuard,
    after_first_frame: impl FnOnce(),
) -> std::io::Result<()> {
    let mut after_first_frame = Some(after_first_frame);
    loop {
        let size = guard.terminal.size()?;
        app.set_size(size.width, size.height);
        if std::mem::take(&mut app.redraw) {
            guard.terminal.clear()?;
        }
        let (ascii, basic) = (app.ascii, app.mono);
        guard.terminal.draw(|f| {
            super::view::draw_catalog(f, app);
            if ascii || basic {
                super::view::degrade::degrade(f.buffer_mut(), ascii, basic);
            }
        })?;
        if let Some(f) = after_first_frame.take() {
            f();
        }
        // Blocking read: idle is 0 % CPU and nothing is written. While
        // the history's scan runs, its end is looked for between keys.
        loop {
            if app.pending.is_some() && !event::poll(std::time::Duration::from_millis(15))? {
                if app.poll_history() {
                    break;
                }
                continue;
            }
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    app.key(k);
                    app.poll_history();
                    break;
                }
                Event::Resize(..) => break,
                _ => {}
            }
        }
        if app.quit {
            return Ok(());
        }
    }
}
