//! Reading the operator's answers. Lines are read on a helper thread, one
//! at a time on request, so a signal (SIGHUP, SIGTERM, Ctrl-C) is noticed
//! while waiting. End of input means "quit": the run is interrupted, never
//! lost.

use std::io::{BufRead, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

/// Signals the runner watches.
#[derive(Clone, Default)]
pub struct Signals {
    pub interrupt: Arc<AtomicBool>,
    pub hangup: Arc<AtomicBool>,
    pub terminate: Arc<AtomicBool>,
}

impl Signals {
    pub fn install() -> Signals {
        let s = Signals::default();
        let _ = signal_hook::flag::register(signal_hook::consts::SIGINT, s.interrupt.clone());
        let _ = signal_hook::flag::register(signal_hook::consts::SIGHUP, s.hangup.clone());
        let _ = signal_hook::flag::register(signal_hook::consts::SIGTERM, s.terminate.clone());
        s
    }

    /// SIGHUP or SIGTERM: the session is going away.
    pub fn ending(&self) -> Option<&'static str> {
        if self.hangup.load(Ordering::SeqCst) {
            Some("SIGHUP (terminal or SSH session closed)")
        } else if self.terminate.load(Ordering::SeqCst) {
            Some("SIGTERM")
        } else {
            None
        }
    }
}

/// Why there is no answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoAnswer {
    /// End of input, or Ctrl-C at a prompt.
    Quit,
    /// SIGHUP / SIGTERM.
    Ending(&'static str),
}

pub struct Input {
    ask: Sender<()>,
    lines: Receiver<Option<String>>,
    signals: Signals,
    tty: bool,
}

impl Input {
    pub fn new(signals: Signals) -> Input {
        let (ask, asked) = channel::<()>();
        let (send, lines) = channel();
        std::thread::spawn(move || {
            let stdin = std::io::stdin();
            while asked.recv().is_ok() {
                let mut line = String::new();
                let got = match stdin.lock().read_line(&mut line) {
                    Ok(0) | Err(_) => None,
                    Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_string()),
                };
                let eof = got.is_none();
                if send.send(got).is_err() || eof {
                    return;
                }
            }
        });
        use std::io::IsTerminal;
        Input {
            ask,
            lines,
            signals,
            tty: std::io::stdin().is_terminal(),
        }
    }

    pub fn line(&mut self, prompt: &str) -> Result<String, NoAnswer> {
        say_inline(prompt);
        self.signals.interrupt.store(false, Ordering::SeqCst);
        if self.ask.send(()).is_err() {
            return Err(NoAnswer::Quit);
        }
        loop {
            if let Some(why) = self.signals.ending() {
                return Err(NoAnswer::Ending(why));
            }
            if self.signals.interrupt.swap(false, Ordering::SeqCst) {
                say("");
                return Err(NoAnswer::Quit);
            }
            match self.lines.recv_timeout(Duration::from_millis(100)) {
                Ok(Some(l)) => {
                    if !self.tty {
                        say(&l); // echo scripted answers so the log reads like a session
                    }
                    return Ok(l);
                }
                Ok(None) | Err(RecvTimeoutError::Disconnected) => {
                    say("");
                    return Err(NoAnswer::Quit);
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
        }
    }

    /// A secret: not echoed on a terminal; a plain line otherwise.
    pub fn secret(&mut self, prompt: &str) -> Result<String, NoAnswer> {
        if self.tty {
            say_inline(prompt);
            rpassword::read_password().map_err(|_| NoAnswer::Quit)
        } else {
            say_inline(prompt);
            self.signals.interrupt.store(false, Ordering::SeqCst);
            if self.ask.send(()).is_err() {
                return Err(NoAnswer::Quit);
            }
            match self.lines.recv() {
                Ok(Some(l)) => {
                    say("********");
                    Ok(l)
                }
                _ => Err(NoAnswer::Quit),
            }
        }
    }
}

/// Prints a line; a closed terminal (a dropped SSH session) is not an error.
pub fn say(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "{text}");
    let _ = out.flush();
}

pub fn say_inline(text: &str) {
    let mut out = std::io::stdout().lock();
    let _ = write!(out, "{text}");
    let _ = out.flush();
}

pub fn write_raw(bytes: &[u8]) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(bytes);
    let _ = out.flush();
}
