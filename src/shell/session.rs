//! [`Shell`]: one persistent interactive shell in a PTY for a run, with
//! the emulated screen, per-command exit codes from the markers, secrets
//! handed over unseen, signals, restart and the transcript.

use super::core::{Core, Queued};
use super::emulator::{Emulator, PaneSize};
use super::event::ShellEvent;
use super::keys::{KeyModes, encode_key, encode_paste};
use super::program::{self, ShellKind};
use super::pty::{self, Launch, Pty};
use super::reader::{self, Notify, ReaderParts, Shared};
use super::secrets;
use super::tracker::{Phase, Tracker};
use super::transcript::{Transcript, TranscriptConfig};
use crate::journal::Redactor;
use alacritty_terminal::term::TermMode;
use crossterm::event::KeyEvent;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::Duration;

pub const DEFAULT_SCROLLBACK: usize = 10_000;

/// How to start the shell.
#[derive(Clone)]
pub struct ShellConfig {
    /// `None`: `$SHELL` when it is bash, zsh or fish, else bash, else sh.
    pub program: Option<PathBuf>,
    /// Load the user's own rc files (tests turn this off).
    pub load_user_rc: bool,
    pub rows: u16,
    pub cols: u16,
    /// Lines of scrollback kept (default 10,000).
    pub scrollback: usize,
    pub cwd: Option<PathBuf>,
    /// Extra environment for the shell.
    pub env: Vec<(String, String)>,
    pub transcript: Option<TranscriptConfig>,
    /// Applied to the transcript and to command texts in events.
    pub redactor: Redactor,
    /// Called from the shell's threads after events were queued.
    pub notify: Option<Notify>,
}

impl Default for ShellConfig {
    fn default() -> Self {
        ShellConfig {
            program: None,
            load_user_rc: true,
            rows: 24,
            cols: 80,
            scrollback: DEFAULT_SCROLLBACK,
            cwd: None,
            env: Vec::new(),
            transcript: None,
            redactor: Redactor::default(),
            notify: None,
        }
    }
}

/// Why the shell cannot take a command now.
#[derive(Debug)]
pub enum ShellError {
    /// A command is running (or was sent and has not started yet).
    Busy,
    /// The pane is in another shell (`ssh`...): use a sentinel.
    Foreign(String),
    /// This shell has no integration to load secrets with (sh).
    SecretsUnsupported,
    Exited,
    Io(io::Error),
}

impl fmt::Display for ShellError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShellError::Busy => write!(f, "the shell is busy with a command"),
            ShellError::Foreign(p) => write!(f, "the pane is inside `{p}`, not pasos's shell"),
            ShellError::SecretsUnsupported => {
                write!(f, "this shell cannot receive secrets without showing them")
            }
            ShellError::Exited => write!(f, "the shell has exited"),
            ShellError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ShellError {}

impl From<io::Error> for ShellError {
    fn from(e: io::Error) -> Self {
        ShellError::Io(e)
    }
}

/// A private directory for the rc files and the secrets FIFO, removed
/// when the shell goes.
struct PrivateDir(PathBuf);

impl PrivateDir {
    fn create(nonce: &str) -> io::Result<PrivateDir> {
        let base = std::env::var_os("XDG_RUNTIME_DIR")
            .map(PathBuf::from)
            .filter(|d| d.is_dir())
            .unwrap_or_else(std::env::temp_dir);
        let dir = base.join(format!("pasos-shell-{}-{nonce}", std::process::id()));
        let mut b = std::fs::DirBuilder::new();
        {
            use std::os::unix::fs::DirBuilderExt;
            b.mode(0o700);
        }
        b.create(&dir)?;
        Ok(PrivateDir(dir))
    }
}

impl Drop for PrivateDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn new_nonce() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default(),
    );
    format!("{:016x}", h.finish())
}

/// The embedded shell of a run.
pub struct Shell {
    config: ShellConfig,
    program: PathBuf,
    kind: ShellKind,
    nonce: String,
    dir: PrivateDir,
    pty: Pty,
    shared: Arc<Shared>,
    events: Receiver<ShellEvent>,
    events_tx: Sender<ShellEvent>,
    reader_done: Receiver<()>,
}

impl Shell {
    /// Starts the shell; its first `Prompt` event says it is ready.
    pub fn spawn(config: ShellConfig) -> io::Result<Shell> {
        let program = program::choose(config.program.as_deref());
        let kind = ShellKind::of(&program);
        let nonce = new_nonce();
        let dir = PrivateDir::create(&nonce)?;
        let transcript = match &config.transcript {
            Some(t) => Some(Transcript::open(
                t,
                config.cols,
                config.rows,
                config.redactor.clone(),
                &program.to_string_lossy(),
            )?),
            None => None,
        };
        let (events_tx, events) = channel();
        let (pty, shared, reader_done) = start(
            &config,
            &program,
            kind,
            &nonce,
            &dir.0,
            transcript,
            events_tx.clone(),
        )?;
        Ok(Shell {
            config,
            program,
            kind,
            nonce,
            dir,
            pty,
            shared,
            events,
            events_tx,
            reader_done,
        })
    }

    pub fn kind(&self) -> ShellKind {
        self.kind
    }

    pub fn program(&self) -> &Path {
        &self.program
    }

    pub fn pid(&self) -> Option<u32> {
        self.pty.pid()
    }

    /// The next event, waiting up to `timeout`.
    pub fn next_event(&self, timeout: Duration) -> Option<ShellEvent> {
        match self.events.recv_timeout(timeout) {
            Ok(e) => Some(self.received(e)),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }

    /// The next event if one is waiting.
    pub fn try_event(&self) -> Option<ShellEvent> {
        self.events.try_recv().ok().map(|e| self.received(e))
    }

    fn received(&self, e: ShellEvent) -> ShellEvent {
        if e == ShellEvent::Output {
            self.shared.output_pending.store(false, Ordering::Release);
        }
        e
    }

    pub fn phase(&self) -> Phase {
        self.shared.lock().tracker.phase()
    }

    pub fn is_exited(&self) -> bool {
        self.shared.exited.load(Ordering::Acquire)
    }

    /// The program the pane is in when it is not our shell (`ssh`...).
    pub fn foreign(&self) -> Option<String> {
        self.shared.lock().tracker.foreign().map(str::to_string)
    }

    /// The working directory the shell last reported.
    pub fn cwd(&self) -> Option<String> {
        self.shared.lock().tracker.cwd().map(str::to_string)
    }

    /// Runs a step's command: pasted whole (bracketed paste) and Enter.
    /// Secrets in `env` are exported without being typed. If the prompt is
    /// not shown yet (the previous command just finished), it is sent as
    /// soon as it is. `CommandStarted` / `CommandFinished` follow.
    pub fn run(&self, command: &str, env: &[(String, String)]) -> Result<(), ShellError> {
        self.send_command(command, env, &[], true)
    }

    /// Like [`Shell::run`], with `public` variables exported the same way
    /// but not treated as secrets (their values stay readable in the
    /// transcript and in hand-typed command texts).
    pub fn run_with_public(
        &self,
        command: &str,
        secret: &[(String, String)],
        public: &[(String, String)],
    ) -> Result<(), ShellError> {
        self.send_command(command, secret, public, true)
    }

    /// Types the command at the prompt without Enter, for the operator to
    /// edit and run; when run it is reported as the step's (`manual:
    /// false`) with the text as finally run.
    pub fn type_at_prompt(
        &self,
        command: &str,
        env: &[(String, String)],
    ) -> Result<(), ShellError> {
        self.send_command(command, env, &[], false)
    }

    /// Like [`Shell::type_at_prompt`], with `public` variables exported but
    /// not treated as secrets (see [`Shell::run_with_public`]).
    pub fn type_at_prompt_with_public(
        &self,
        command: &str,
        secret: &[(String, String)],
        public: &[(String, String)],
    ) -> Result<(), ShellError> {
        self.send_command(command, secret, public, false)
    }

    fn send_command(
        &self,
        command: &str,
        env: &[(String, String)],
        public: &[(String, String)],
        enter: bool,
    ) -> Result<(), ShellError> {
        if self.is_exited() {
            return Err(ShellError::Exited);
        }
        let mut core = self.shared.lock();
        if let Some(p) = core.tracker.foreign() {
            return Err(ShellError::Foreign(p.to_string()));
        }
        if core.tracker.phase() == Phase::Running
            || core.tracker.own_pending()
            || core.queued.is_some()
        {
            return Err(ShellError::Busy);
        }
        let load_env = !env.is_empty() || !public.is_empty();
        if load_env {
            if !self.kind.has_preexec() {
                return Err(ShellError::SecretsUnsupported);
            }
            let all: Vec<(String, String)> = env.iter().chain(public).cloned().collect();
            core.delivery = Some(secrets::deliver(&self.dir.0, self.kind, &all)?);
            for (_, v) in env {
                core.tracker.add_secret(v.clone());
                if let Some(t) = core.transcript.as_mut() {
                    t.add_secret(v.clone());
                }
            }
        }
        let q = Queued {
            text: command.to_string(),
            load_env,
            enter,
        };
        if core.tracker.phase() == Phase::Ready {
            let mut events = Vec::new();
            let bytes = encode_input(&mut core, &q, &mut events);
            // Queued under the lock, before the input: events stay in order.
            let any = self.queue_events(events);
            drop(core);
            self.pty.write(bytes);
            self.notify(any);
        } else {
            core.queued = Some(q);
        }
        Ok(())
    }

    /// Runs a command where our markers cannot come from (after `ssh`),
    /// followed by a `printf` sentinel that reports its exit code. The
    /// command and the sentinel are visible; secrets cannot be sent.
    pub fn run_with_sentinel(&self, command: &str) -> Result<(), ShellError> {
        if self.is_exited() {
            return Err(ShellError::Exited);
        }
        let mut core = self.shared.lock();
        let sentinel = format!("printf '\\033]633;S;%s;{}\\007' \"$?\"", self.nonce);
        let text = format!("{}\n{sentinel}", command.trim_end_matches('\n'));
        let bracketed = core.emulator.mode().contains(TermMode::BRACKETED_PASTE);
        let mut bytes = encode_paste(&text, bracketed);
        bytes.push(b'\r');
        let offset = core.transcript.as_mut().and_then(|t| t.boundary().ok());
        let started = core.tracker.start_own(command, true, offset);
        let any = self.queue_events(vec![started]);
        drop(core);
        self.pty.write(bytes);
        self.notify(any);
        Ok(())
    }

    /// Queues events (call with the core locked, so they keep their
    /// place among the output thread's).
    fn queue_events(&self, events: Vec<ShellEvent>) -> bool {
        let any = !events.is_empty();
        for e in events {
            let _ = self.events_tx.send(e);
        }
        any
    }

    fn notify(&self, any: bool) {
        if any && let Some(n) = &self.shared.notify {
            n();
        }
    }

    /// A key the operator pressed in the pane; the view returns to the
    /// bottom of the scrollback.
    pub fn send_key(&self, key: &KeyEvent) {
        let bytes = {
            let mut core = self.shared.lock();
            core.emulator.scroll_to_bottom();
            let modes = KeyModes {
                app_cursor: core.emulator.mode().contains(TermMode::APP_CURSOR),
            };
            encode_key(key, modes)
        };
        self.pty.write(bytes);
    }

    /// Text pasted by the operator (bracketed when the program wants it).
    pub fn paste(&self, text: &str) {
        let bytes = {
            let mut core = self.shared.lock();
            core.emulator.scroll_to_bottom();
            encode_paste(
                text,
                core.emulator.mode().contains(TermMode::BRACKETED_PASTE),
            )
        };
        self.pty.write(bytes);
    }

    /// Raw bytes to the shell (tests, replays).
    pub fn write_bytes(&self, bytes: &[u8]) {
        self.pty.write(bytes.to_vec());
    }

    /// Resizes the PTY and the emulator together (and notes it in the
    /// transcript).
    pub fn resize(&self, rows: u16, cols: u16) -> io::Result<()> {
        let mut core = self.shared.lock();
        core.emulator.resize(PaneSize { rows, cols });
        if let Some(t) = core.transcript.as_mut() {
            t.resize(cols, rows)?;
        }
        self.pty.resize(rows, cols)
    }

    /// Ctrl-C for the foreground command (SIGINT to its process group, so
    /// it works even when the program turned the terminal's signals off);
    /// at the prompt, a plain ^C that clears the line.
    pub fn interrupt(&self) {
        if !self.pty.signal_foreground(libc::SIGINT) {
            self.pty.write(vec![0x03]);
        }
    }

    /// The foreground command's process group and program name, when a
    /// command (not the shell) owns the terminal.
    pub fn foreground(&self) -> Option<(i32, String)> {
        let pgid = self.pty.foreground_group()?;
        Some((pgid, super::foreign::process_name(pgid).unwrap_or_default()))
    }

    /// SIGTERM to the foreground command; false when there is none.
    pub fn terminate_foreground(&self) -> bool {
        self.pty.signal_foreground(libc::SIGTERM)
    }

    /// SIGKILL to the foreground command (it hangs); false when none.
    pub fn kill_foreground(&self) -> bool {
        self.pty.signal_foreground(libc::SIGKILL)
    }

    /// Ends the shell and starts a new one (same settings, same
    /// transcript). Its `Exited` is not reported; the new shell's first
    /// `Prompt` is. Variables and `cd` of the old shell are lost.
    pub fn restart(&mut self) -> io::Result<()> {
        self.pty.kill();
        let _ = self.reader_done.recv_timeout(Duration::from_secs(3));
        let (transcript, size) = {
            let mut core = self.shared.lock();
            (core.transcript.take(), core.emulator.size())
        };
        self.config.rows = size.rows;
        self.config.cols = size.cols;
        let (events_tx, events) = channel();
        let (pty, shared, reader_done) = start(
            &self.config,
            &self.program,
            self.kind,
            &self.nonce,
            &self.dir.0,
            transcript,
            events_tx.clone(),
        )?;
        self.pty = pty;
        self.shared = shared;
        self.events = events;
        self.events_tx = events_tx;
        self.reader_done = reader_done;
        Ok(())
    }

    /// Reads the emulator (the pane widget draws from `term()`).
    pub fn with_emulator<R>(&self, f: impl FnOnce(&Emulator) -> R) -> R {
        f(&self.shared.lock().emulator)
    }

    /// The visible text of the pane.
    pub fn screen_text(&self) -> String {
        self.with_emulator(|e| e.screen_text())
    }

    /// Scrolls the view (positive = up into the scrollback).
    pub fn scroll(&self, lines: i32) {
        self.shared.lock().emulator.scroll(lines);
    }

    pub fn scroll_to_bottom(&self) {
        self.shared.lock().emulator.scroll_to_bottom();
    }

    /// The transcript's current end (everything so far written out): a
    /// journal event can point there.
    pub fn transcript_offset(&self) -> Option<u64> {
        let mut core = self.shared.lock();
        let t = core.transcript.as_mut()?;
        let off = t.boundary().ok()?;
        let _ = t.flush();
        Some(off)
    }

    /// Writes the transcript's buffered lines to its file.
    pub fn flush_transcript(&self) -> io::Result<()> {
        let mut core = self.shared.lock();
        match core.transcript.as_mut() {
            Some(t) => {
                t.flush_held()?;
                t.flush()
            }
            None => Ok(()),
        }
    }

    pub fn transcript_path(&self) -> Option<&Path> {
        self.config.transcript.as_ref().map(|t| t.path.as_path())
    }

    /// A value learned during the run that must be redacted from now on.
    pub fn add_secret(&self, secret: String) {
        let mut core = self.shared.lock();
        core.tracker.add_secret(secret.clone());
        if let Some(t) = core.transcript.as_mut() {
            t.add_secret(secret);
        }
    }
}

impl Drop for Shell {
    fn drop(&mut self) {
        self.pty.kill();
        let _ = self.reader_done.recv_timeout(Duration::from_secs(2));
        let mut core = self.shared.lock();
        core.delivery = None;
        if let Some(t) = core.transcript.as_mut() {
            let _ = t.finish();
            let _ = t.boundary();
            let _ = t.flush();
        }
    }
}

/// Starts a shell process with its threads.
fn start(
    config: &ShellConfig,
    program: &Path,
    kind: ShellKind,
    nonce: &str,
    dir: &Path,
    transcript: Option<Transcript>,
    events: Sender<ShellEvent>,
) -> io::Result<(Pty, Arc<Shared>, Receiver<()>)> {
    let program::Invocation { args, mut env } = program::integration(kind, dir)?;
    env.push(("PASOS_SHELL_NONCE".into(), nonce.into()));
    env.push(("PASOS_SHELL_DIR".into(), dir.to_string_lossy().into_owned()));
    env.push((
        "PASOS_SHELL_USER_RC".into(),
        if config.load_user_rc { "1" } else { "0" }.into(),
    ));
    env.extend(config.env.iter().cloned());
    let spawned = pty::spawn(&Launch {
        program,
        args: &args,
        env: &env,
        cwd: config.cwd.as_deref(),
        rows: config.rows,
        cols: config.cols,
    })?;
    let emulator = Emulator::new(
        PaneSize {
            rows: config.rows,
            cols: config.cols,
        },
        config.scrollback,
    );
    let tracker = Tracker::new(config.redactor.clone(), !kind.has_preexec());
    let shared = Arc::new(Shared {
        core: std::sync::Mutex::new(Core::new(emulator, tracker, transcript, nonce.into())),
        output_pending: std::sync::atomic::AtomicBool::new(false),
        exited: std::sync::atomic::AtomicBool::new(false),
        notify: config.notify.clone(),
    });
    let master_fd = spawned
        .pty
        .raw_fd()
        .ok_or_else(|| io::Error::other("the PTY has no descriptor"))?;
    // SAFETY: duplicating a descriptor we hold; the output thread owns
    // the copy and closes it.
    let fd = unsafe { libc::fcntl(master_fd, libc::F_DUPFD_CLOEXEC, 0) };
    if fd < 0 {
        return Err(io::Error::last_os_error());
    }
    let (waiter_tx, waiter_rx) = channel();
    let (owner_tx, owner_rx) = channel();
    reader::spawn_reader(
        ReaderParts {
            shared: shared.clone(),
            reader: spawned.reader,
            fd,
            shell_pid: spawned.pty.pid(),
            input: spawned.pty.input(),
            events: events.clone(),
        },
        vec![waiter_tx, owner_tx],
    )?;
    reader::spawn_waiter(spawned.child, waiter_rx, shared.clone(), events)?;
    Ok((spawned.pty, shared, owner_rx))
}

/// Encodes queued input now that the prompt is shown, and notes the
/// command as ours.
pub(super) fn encode_input(core: &mut Core, q: &Queued, events: &mut Vec<ShellEvent>) -> Vec<u8> {
    let mut bytes = Vec::new();
    if q.load_env {
        bytes.extend_from_slice(secrets::LOAD_KEY);
    }
    // End of line, then erase it: whatever was typed at the prompt goes.
    bytes.extend_from_slice(b"\x05\x15");
    let bracketed = core.emulator.mode().contains(TermMode::BRACKETED_PASTE);
    bytes.extend_from_slice(&encode_paste(&q.text, bracketed));
    if q.enter {
        bytes.push(b'\r');
    }
    if core.tracker.prompt_only() {
        if q.enter {
            let offset = core.transcript.as_mut().and_then(|t| t.boundary().ok());
            events.push(core.tracker.start_own(&q.text, false, offset));
        }
    } else {
        core.tracker.expect_own(&q.text, !q.enter);
    }
    bytes
}
