//! Reading the operator's answers and writing the session. Lines (and
//! secrets) are read on a helper thread, one at a time on request, so a
//! signal (SIGHUP, SIGTERM, Ctrl-C) is noticed while waiting. Output goes
//! through a writer thread, so a blocked stdout (a pipe nobody reads)
//! never keeps a signal from being honoured. End of input, or too many
//! unusable answers in a row from a script, interrupts the run: it is
//! never lost, and never loops forever.

use crate::runner::ending::Ending;
use std::io::{BufRead, Read, Write};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, SyncSender, TrySendError, channel};
use std::sync::{Arc, OnceLock};
use std::time::Duration;

/// Answers in a row that recorded nothing (unknown choices, refused
/// values) after which a run whose input is not a terminal stops as
/// interrupted instead of asking forever.
pub const UNUSABLE_LIMIT: u32 = 20;

/// Set by SIGHUP and SIGTERM: output still queued may be dropped.
fn stopping() -> &'static Arc<AtomicBool> {
    static STOPPING: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    STOPPING.get_or_init(|| Arc::new(AtomicBool::new(false)))
}

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
        for sig in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
            let _ = signal_hook::flag::register(sig, stopping().clone());
        }
        s
    }

    /// SIGHUP or SIGTERM: the session is going away.
    pub fn ending(&self) -> Option<Ending> {
        if self.hangup.load(Ordering::SeqCst) {
            Some(Ending::Hangup)
        } else if self.terminate.load(Ordering::SeqCst) {
            Some(Ending::Terminate)
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
    Ending(Ending),
}

/// What the reading thread is asked for.
enum Ask {
    Line,
    /// A secret from the terminal, not echoed.
    Secret,
}

pub struct Input {
    ask: Sender<Ask>,
    lines: Receiver<Option<String>>,
    signals: Signals,
    tty: bool,
    /// Answers in a row that recorded nothing.
    unusable: u32,
}

impl Input {
    pub fn new(signals: Signals) -> Input {
        let (ask, asked) = channel::<Ask>();
        let (send, lines) = channel();
        std::thread::spawn(move || {
            let stdin = std::io::stdin();
            while let Ok(what) = asked.recv() {
                let got = match what {
                    Ask::Secret => rpassword::read_password().ok(),
                    Ask::Line => {
                        // Bounded: a line without an end cannot eat memory.
                        let mut line = Vec::new();
                        match stdin.lock().take(64 * 1024).read_until(b'\n', &mut line) {
                            Ok(0) | Err(_) => None,
                            Ok(_) => Some(
                                String::from_utf8_lossy(&line)
                                    .trim_end_matches(['\n', '\r'])
                                    .to_string(),
                            ),
                        }
                    }
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
            unusable: 0,
        }
    }

    /// Something was recorded: the answers are being used.
    pub fn progress(&mut self) {
        self.unusable = 0;
    }

    /// End of input: a person at a terminal quits; a script has nothing
    /// more to say.
    fn ended(&self) -> NoAnswer {
        if self.tty {
            NoAnswer::Quit
        } else {
            NoAnswer::Ending(Ending::NoInput)
        }
    }

    pub fn line(&mut self, prompt: &str) -> Result<String, NoAnswer> {
        self.read(prompt, Ask::Line, false)
    }

    /// Asks, then waits for the answer, a signal or the end of input. A
    /// secret is never echoed.
    fn read(&mut self, prompt: &str, what: Ask, secret: bool) -> Result<String, NoAnswer> {
        if !self.tty {
            self.unusable += 1;
            if self.unusable > UNUSABLE_LIMIT {
                return Err(NoAnswer::Ending(Ending::NoInput));
            }
        }
        say_inline(prompt);
        self.signals.interrupt.store(false, Ordering::SeqCst);
        // rpassword turns echo off; a signal must not leave it off.
        let saved = matches!(what, Ask::Secret)
            .then(terminal_settings)
            .flatten();
        if self.ask.send(what).is_err() {
            return Err(self.ended());
        }
        let restore = || {
            if let Some(t) = &saved {
                set_terminal_settings(t);
            }
        };
        loop {
            if let Some(why) = self.signals.ending() {
                restore();
                return Err(NoAnswer::Ending(why));
            }
            if self.signals.interrupt.swap(false, Ordering::SeqCst) {
                restore();
                say("");
                return Err(NoAnswer::Quit);
            }
            match self.lines.recv_timeout(Duration::from_millis(100)) {
                Ok(Some(l)) => {
                    if secret {
                        say("********");
                    } else if !self.tty {
                        say(&l); // echo scripted answers so the log reads like a session
                    }
                    return Ok(l);
                }
                Ok(None) | Err(RecvTimeoutError::Disconnected) => {
                    restore();
                    say("");
                    return Err(self.ended());
                }
                Err(RecvTimeoutError::Timeout) => {}
            }
        }
    }

    /// A secret: not echoed on a terminal; a plain line otherwise.
    pub fn secret(&mut self, prompt: &str) -> Result<String, NoAnswer> {
        let what = if self.tty { Ask::Secret } else { Ask::Line };
        self.read(prompt, what, true)
    }
}

fn terminal_settings() -> Option<libc::termios> {
    // SAFETY: tcgetattr fills a termios this function owns.
    unsafe {
        let mut t: libc::termios = std::mem::zeroed();
        (libc::tcgetattr(0, &mut t) == 0).then_some(t)
    }
}

fn set_terminal_settings(t: &libc::termios) {
    // SAFETY: tcsetattr with settings read from the same descriptor.
    unsafe {
        libc::tcsetattr(0, libc::TCSANOW, t);
    }
}

/// Output waiting for the writer thread, in chunks.
static QUEUED: AtomicUsize = AtomicUsize::new(0);

fn writer() -> &'static SyncSender<Vec<u8>> {
    static TX: OnceLock<SyncSender<Vec<u8>>> = OnceLock::new();
    TX.get_or_init(|| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<u8>>(1024);
        std::thread::spawn(move || {
            let mut out = std::io::stdout();
            while let Ok(bytes) = rx.recv() {
                // A closed terminal (a dropped SSH session) is not an error.
                let _ = out.write_all(&bytes);
                let _ = out.flush();
                QUEUED.fetch_sub(1, Ordering::SeqCst);
            }
        });
        tx
    })
}

/// Queues bytes for stdout. When stdout is blocked and the queue full, it
/// waits, but gives up (drops the bytes) once the session is ending.
fn queue(bytes: Vec<u8>) {
    if bytes.is_empty() {
        return;
    }
    let tx = writer();
    QUEUED.fetch_add(1, Ordering::SeqCst);
    let mut bytes = bytes;
    loop {
        match tx.try_send(bytes) {
            Ok(()) => return,
            Err(TrySendError::Full(b)) => {
                if stopping().load(Ordering::SeqCst) {
                    QUEUED.fetch_sub(1, Ordering::SeqCst);
                    return;
                }
                bytes = b;
                std::thread::sleep(Duration::from_millis(5));
            }
            Err(TrySendError::Disconnected(_)) => {
                QUEUED.fetch_sub(1, Ordering::SeqCst);
                return;
            }
        }
    }
}

/// Waits until everything queued is written, unless the session is
/// ending (then stdout may never drain) or `limit` passes.
pub fn drain(limit: Duration) {
    let start = std::time::Instant::now();
    while QUEUED.load(Ordering::SeqCst) > 0 && start.elapsed() < limit {
        if stopping().load(Ordering::SeqCst) && start.elapsed() > Duration::from_millis(500) {
            return;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Prints a line. Text from the procedure file is in it: control
/// characters are shown, never sent raw to the terminal.
pub fn say(text: &str) {
    let text = crate::diagnostic::printable(text);
    let mut b = Vec::with_capacity(text.len() + 1);
    b.extend_from_slice(text.as_bytes());
    b.push(b'\n');
    queue(b);
}

pub fn say_inline(text: &str) {
    queue(crate::diagnostic::printable(text).as_bytes().to_vec());
}

pub fn write_raw(bytes: &[u8]) {
    queue(bytes.to_vec());
}
