//! Raw mode, the alternate screen and bracketed paste, restored on every
//! exit path: drop, early return, panic (a hook restores before the
//! message prints) and, for the read-only screens, SIGINT/SIGTERM/SIGHUP.
//!
//! Nothing here may panic when the terminal is gone (a dropped SSH
//! session makes every write fail with EIO): errors are ignored, and a
//! terminal whose cursor cannot be shown again is forgotten instead of
//! dropped (ratatui's drop would `eprintln!`, which panics on a dead
//! stderr).

use crossterm::{cursor, event, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::Stdout;
use std::mem::ManuallyDrop;

pub struct TerminalGuard {
    pub terminal: ManuallyDrop<Terminal<CrosstermBackend<Stdout>>>,
    /// The watch [`TerminalGuard::exit_on_signals`] set, closed with the
    /// guard: a run the catalog hands over to handles its own signals
    /// (a hang-up is journaled before the process ends).
    signals: Option<signal_hook::iterator::Handle>,
}

/// Puts the terminal back as it was: bracketed paste off, main screen,
/// cursor shown, cooked mode. Safe to call on a dead terminal.
pub fn restore() {
    let _ = execute!(
        std::io::stdout(),
        event::DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

impl TerminalGuard {
    pub fn enter() -> std::io::Result<TerminalGuard> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
        terminal::enable_raw_mode()?;
        let mut out = std::io::stdout();
        if let Err(e) = execute!(
            out,
            terminal::EnterAlternateScreen,
            event::EnableBracketedPaste,
            cursor::Hide
        ) {
            restore();
            return Err(e);
        }
        let terminal = match Terminal::new(CrosstermBackend::new(out)) {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        Ok(TerminalGuard {
            terminal: ManuallyDrop::new(terminal),
            signals: None,
        })
    }

    /// For screens with nothing to save (the review browser, KPIs):
    /// SIGINT, SIGTERM and SIGHUP restore the terminal and end the process
    /// with 128 + the signal's number, as a shell reports it.
    pub fn exit_on_signals(&mut self) {
        use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
        let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
            return;
        };
        self.signals = Some(signals.handle());
        std::thread::spawn(move || {
            if let Some(sig) = signals.forever().next() {
                restore();
                std::process::exit(128 + sig);
            }
        });
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        if let Some(h) = self.signals.take() {
            h.close();
        }
        restore();
        if self.terminal.show_cursor().is_ok() {
            // SAFETY: dropped once, here; the field is never used again.
            unsafe { ManuallyDrop::drop(&mut self.terminal) };
        }
        // Otherwise the terminal is gone: dropping it would report the
        // failure with `eprintln!` and panic. It is left to the process's
        // end (a few buffers).
    }
}
