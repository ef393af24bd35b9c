//! The output thread (blocking reads, as in mprocs) and the waiter for the
//! shell's exit. The output thread polls with a timeout so it can also
//! show a synchronized update whose time is up, watch the foreground
//! process while a command runs, and write out transcript lines held
//! back while the shell is quiet.

use super::core::Core;
use super::event::ShellEvent;
use portable_pty::Child;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Called after events were sent, so an async loop can wake up.
pub type Notify = Arc<dyn Fn() + Send + Sync>;

/// What the threads and the owner share.
pub struct Shared {
    pub core: Mutex<Core>,
    /// An `Output` event is on its way and not yet received.
    pub output_pending: AtomicBool,
    pub exited: AtomicBool,
    pub notify: Option<Notify>,
}

impl Shared {
    pub fn lock(&self) -> std::sync::MutexGuard<'_, Core> {
        self.core.lock().unwrap_or_else(|e| e.into_inner())
    }
}

const READ_BUF: usize = 64 * 1024;
const FOREGROUND_EVERY: Duration = Duration::from_millis(200);
const TRANSCRIPT_FLUSH_EVERY: Duration = Duration::from_millis(500);

/// Waits up to `timeout_ms` for `fd` to be readable.
fn wait_readable(fd: i32, timeout_ms: i32) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd.
    let n = unsafe { libc::poll(&mut p, 1, timeout_ms) };
    n != 0
}

pub struct ReaderParts {
    pub shared: Arc<Shared>,
    pub reader: Box<dyn Read + Send>,
    /// A duplicate of the PTY master, owned by the thread (poll, tcgetpgrp).
    pub fd: i32,
    pub shell_pid: Option<u32>,
    pub input: Sender<Vec<u8>>,
    pub events: Sender<ShellEvent>,
}

/// Starts the output thread; each of `done` gets `()` when it has ended.
pub fn spawn_reader(parts: ReaderParts, done: Vec<Sender<()>>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("pasos-shell-output".into())
        .spawn(move || {
            let mut parts = parts;
            read_loop(&mut parts);
            // SAFETY: the thread owns this duplicate descriptor.
            unsafe { libc::close(parts.fd) };
            for d in done {
                let _ = d.send(());
            }
        })?;
    Ok(())
}

fn read_loop(p: &mut ReaderParts) {
    let mut buf = vec![0u8; READ_BUF];
    let mut last_foreground = Instant::now();
    let mut last_flush = Instant::now();
    let mut dirty_transcript = false;
    loop {
        let timeout_ms = {
            let core = p.shared.lock();
            if let Some(d) = core.emulator.sync_deadline() {
                d.saturating_duration_since(Instant::now()).as_millis() as i32 + 1
            } else if core.tracker.is_running() {
                FOREGROUND_EVERY.as_millis() as i32
            } else if dirty_transcript {
                TRANSCRIPT_FLUSH_EVERY.as_millis() as i32
            } else {
                -1
            }
        };
        let readable = wait_readable(p.fd, timeout_ms);
        let mut n = 0;
        if readable {
            match p.reader.read(&mut buf) {
                Ok(0) => break,
                Ok(k) => n = k,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => break,
            }
        }
        let mut events = Vec::new();
        let mut replies = Vec::new();
        let mut sent_any = false;
        {
            let mut core = p.shared.lock();
            if n > 0 {
                core.process(&buf[..n], &mut events, &mut replies);
                dirty_transcript = true;
            }
            core.flush_sync(&mut events, &mut replies);
            if core.tracker.is_running() && last_foreground.elapsed() >= FOREGROUND_EVERY {
                last_foreground = Instant::now();
                let program = foreground_program(p.fd, p.shell_pid);
                core.tracker.foreground(program, &mut events);
            }
            if let Some(queued) = ready_input(&mut core, &mut events) {
                replies.push(queued);
            }
            let finished = events.iter().any(|e| {
                matches!(
                    e,
                    ShellEvent::CommandFinished { .. } | ShellEvent::Prompt { .. }
                )
            });
            if dirty_transcript
                && (n == 0 || finished || last_flush.elapsed() >= TRANSCRIPT_FLUSH_EVERY)
                && let Some(t) = core.transcript.as_mut()
            {
                if n == 0 || t.held_longer_than(TRANSCRIPT_FLUSH_EVERY.as_secs_f64()) {
                    let _ = t.flush_held();
                }
                let _ = t.flush();
                last_flush = Instant::now();
                dirty_transcript = n != 0;
            }
            if n > 0 && !p.shared.output_pending.swap(true, Ordering::AcqRel) {
                events.insert(0, ShellEvent::Output);
            }
            // Sent under the lock: every event, from here or from the
            // owner's calls, is queued in the order things happened.
            for e in events.drain(..) {
                let _ = p.events.send(e);
                sent_any = true;
            }
        }
        for r in replies {
            let _ = p.input.send(r);
        }
        if sent_any && let Some(notify) = &p.shared.notify {
            notify();
        }
    }
    let mut core = p.shared.lock();
    if let Some(t) = core.transcript.as_mut() {
        let _ = t.finish();
        let _ = t.boundary();
        let _ = t.flush();
    }
}

/// The queued input, encoded, once the shell shows its prompt.
fn ready_input(core: &mut Core, events: &mut Vec<ShellEvent>) -> Option<Vec<u8>> {
    if core.tracker.phase() != super::tracker::Phase::Ready {
        return None;
    }
    let q = core.queued.take()?;
    Some(super::session::encode_input(core, &q, events))
}

/// The name of the terminal's foreground process when it is not the shell.
fn foreground_program(fd: i32, shell_pid: Option<u32>) -> Option<String> {
    // SAFETY: tcgetpgrp on a descriptor this thread owns.
    let pgid = unsafe { libc::tcgetpgrp(fd) };
    if pgid <= 0 || Some(pgid as u32) == shell_pid {
        return None;
    }
    super::foreign::process_name(pgid)
}

/// Starts the waiter: when the shell exits (and its output is read, or a
/// moment has passed), `Exited` is sent.
pub fn spawn_waiter(
    mut child: Box<dyn Child + Send + Sync>,
    reader_done: Receiver<()>,
    shared: Arc<Shared>,
    events: Sender<ShellEvent>,
) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("pasos-shell-wait".into())
        .spawn(move || {
            let status = child.wait();
            let _ = reader_done.recv_timeout(Duration::from_millis(500));
            let code = match status {
                Ok(s) if s.signal().is_none() => Some(s.exit_code() as i32),
                _ => None,
            };
            shared.exited.store(true, Ordering::Release);
            let _ = events.send(ShellEvent::Exited { code });
            if let Some(notify) = &shared.notify {
                notify();
            }
        })?;
    Ok(())
}
