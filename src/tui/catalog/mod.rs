//! The procedure catalog (`pasos` on a terminal, `pasos open`): every
//! procedure of the configured directories with its figures from history,
//! grouped by criticality and category. Enter opens one to rehearse or run
//! it (the caller hands over to the run screen), `K` its KPIs, `l` its runs.

pub mod app;

use super::keymap::Keymap;
use super::terminal::TerminalGuard;
use crate::catalog::Catalog;
use crate::history::scan::Scan;
use crate::i18n::Lang;
use app::{CatalogApp, Chosen};
use crossterm::event::{self, Event, KeyEventKind};
use std::path::PathBuf;

pub struct CatalogOptions {
    pub catalog: Catalog,
    pub scan: Scan,
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
    app.ascii = opts.ascii;
    app.color = opts.color;
    app.mono = opts.mono;
    let mut guard = TerminalGuard::enter().map_err(|e| format!("cannot use this terminal: {e}"))?;
    guard.exit_on_signals();
    run_loop(&mut app, &mut guard).map_err(|e| format!("terminal error: {e}"))?;
    drop(guard);
    Ok(app.chosen)
}

fn run_loop(app: &mut CatalogApp, guard: &mut TerminalGuard) -> std::io::Result<()> {
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
