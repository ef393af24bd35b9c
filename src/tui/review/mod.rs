//! The review browser (`pasos log` on a terminal): past runs with filters,
//! a run's timeline, steps, deviations and notes, and its transcript
//! replayed at any command's output. Read-only: nothing here writes.

pub mod app;
pub mod detail;
pub mod kpi;
pub mod runs;

use super::keymap::Keymap;
use super::terminal::TerminalGuard;
use crate::i18n::Lang;
use app::ReviewApp;
use crossterm::event::{self, Event, KeyEventKind};
use std::path::Path;

pub struct BrowseOptions<'a> {
    pub data_dir: &'a Path,
    pub keymap: Keymap,
    pub lang: Lang,
    pub ascii: bool,
    pub color: bool,
    pub mono: bool,
    /// Words the list starts filtered by.
    pub filter: String,
    pub start: Start,
}

/// The first screen.
pub enum Start {
    /// The list of runs.
    Runs,
    /// Figures already computed (`pasos kpi` on a terminal), on the
    /// procedure their filter names, if any, with the scan they came from
    /// (the list of runs is built from it, not read again).
    Kpis(
        Box<crate::history::kpi::Kpis>,
        Box<crate::history::scan::Scan>,
    ),
}

/// Runs the browser until the operator quits. Errors are for the caller
/// to print once the terminal is restored.
pub fn browse(opts: BrowseOptions) -> Result<(), String> {
    let data = opts.data_dir;
    let (listing, kpis) = match opts.start {
        Start::Runs => (
            crate::history::listing::list(data)
                .map_err(|e| format!("cannot read {}: {e}", data.display()))?,
            None,
        ),
        Start::Kpis(kpis, scan) => (crate::history::listing::from_scan(data, *scan), Some(kpis)),
    };
    let (runs, unreadable) = runs::newest_first(listing);
    let mut app = ReviewApp::new(runs, opts.keymap, opts.lang, data.to_path_buf());
    app.unreadable = unreadable.into_iter().map(|u| u.run_id).collect();
    app.ascii = opts.ascii;
    app.color = opts.color;
    app.mono = opts.mono;
    app.set_filter(&opts.filter);
    if let Some(kpis) = kpis {
        let select = kpis.filter.procedure.clone();
        app.screen = app::Screen::Kpi(Box::new(kpi::KpiView::new(*kpis, select.as_deref())));
    }
    let mut guard = TerminalGuard::enter().map_err(|e| format!("cannot use this terminal: {e}"))?;
    guard.exit_on_signals();
    run_loop(&mut app, &mut guard).map_err(|e| format!("terminal error: {e}"))
}

fn run_loop(app: &mut ReviewApp, guard: &mut TerminalGuard) -> std::io::Result<()> {
    loop {
        let size = guard.terminal.size()?;
        app.set_size(size.width, size.height);
        if std::mem::take(&mut app.redraw) {
            guard.terminal.clear()?;
        }
        let (ascii, basic) = (app.ascii, app.mono);
        guard.terminal.draw(|f| {
            super::view::draw_review(f, app);
            if ascii || basic {
                super::view::degrade::degrade(f.buffer_mut(), ascii, basic);
            }
        })?;
        // Blocking read: idle is 0 % CPU and nothing is written.
        match event::read()? {
            Event::Key(k) if k.kind != KeyEventKind::Release => app.key(k),
            Event::Resize(..) => {}
            _ => continue,
        }
        if app.quit {
            return Ok(());
        }
    }
}
