//! The shell of the line-oriented runner: one persistent `bash` (or `sh`)
//! over pipes, so `cd` and variables persist from step to step. Each
//! command is written to a private file and sourced with stdin from
//! /dev/null (it cannot eat the control stream), followed by a marker
//! carrying a per-session nonce and the exit status.
//!
//! The shell runs in its own process group: Ctrl-C reaches pasos, which
//! forwards it to the command in flight.
//!
//! Its output goes through one streaming redactor (secrets in every form,
//! split across reads or not) before anyone sees it: the caller's `out`
//! and the output tail get redacted text only.

use crate::journal::Redactor;
use crate::shell::redact_stream::StreamRedactor;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

pub struct PipeShell {
    child: Child,
    stdin: ChildStdin,
    rx: Receiver<Option<Vec<u8>>>,
    nonce: String,
    dir: PathBuf,
    counter: u64,
    redact: StreamRedactor,
}

/// How one command ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finished {
    /// `None` when the shell died (it ran `exit`, or was killed).
    pub exit_code: Option<i32>,
    pub duration_ms: u64,
    /// What it printed (the tail, bounded).
    pub output: String,
    /// Ctrl-C was forwarded to it.
    pub interrupted: bool,
}

const OUTPUT_TAIL: usize = 64 * 1024;

/// A partial line is shown after the output has been quiet this long.
const QUIET: Duration = Duration::from_millis(200);

fn shell_program() -> String {
    ["/bin/bash", "/usr/bin/bash", "/bin/sh"]
        .iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(|p| p.to_string())
        .unwrap_or_else(|| "sh".into())
}

impl PipeShell {
    pub fn spawn(dir: PathBuf) -> std::io::Result<PipeShell> {
        crate::journal::store::create_private_dir_all(&dir)?;
        let mut cmd = Command::new(shell_program());
        cmd.stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("PAGER", "cat")
            .env("GIT_PAGER", "cat")
            .env("SYSTEMD_PAGER", "")
            .env("PSQL_PAGER", "cat");
        #[cfg(unix)]
        {
            use std::os::unix::process::CommandExt;
            cmd.process_group(0);
        }
        let mut child = cmd.spawn()?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| std::io::Error::other("no stdin"))?;
        // One pipe for both streams keeps output and the end marker in order.
        stdin.write_all(b"exec 2>&1\n")?;
        // Ctrl-C forwarded to a command must not end the shell itself. A
        // trap (unlike an ignored signal) is reset in child processes, so
        // the command still gets the default SIGINT.
        stdin.write_all(b"trap ':' INT\n")?;
        let (tx, rx) = channel();
        for stream in [
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn Read + Send>),
        ]
        .into_iter()
        .flatten()
        {
            let tx = tx.clone();
            std::thread::spawn(move || {
                let mut stream = stream;
                let mut buf = [0u8; 16 * 1024];
                loop {
                    match stream.read(&mut buf) {
                        Ok(0) | Err(_) => {
                            let _ = tx.send(None);
                            return;
                        }
                        Ok(n) => {
                            if tx.send(Some(buf[..n].to_vec())).is_err() {
                                return;
                            }
                        }
                    }
                }
            });
        }
        let nonce = format!("{:016x}", {
            use std::hash::{BuildHasher, Hasher};
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u32(std::process::id());
            h.finish()
        });
        Ok(PipeShell {
            child,
            stdin,
            rx,
            nonce,
            dir,
            counter: 0,
            redact: StreamRedactor::new(Redactor::default()),
        })
    }

    /// A value that must not be shown from now on.
    pub fn add_secret(&mut self, secret: &str) {
        self.redact.add_secret_str(secret);
    }

    fn marker(&self) -> String {
        format!("\x1ePASOS-{}-", self.nonce)
    }

    /// Runs one command; `out` receives its output as it arrives. Ctrl-C
    /// (`sigint`) is forwarded to the command; `stop` gives up waiting.
    pub fn run(
        &mut self,
        command: &str,
        env: &[(String, String)],
        out: &mut dyn FnMut(&[u8]),
        sigint: &AtomicBool,
    ) -> std::io::Result<Finished> {
        self.counter += 1;
        let file = self.dir.join(format!("cmd-{}.sh", self.counter));
        // Only the command goes to disk; variables (secrets among them)
        // travel through the pipe, in memory.
        {
            let mut f = crate::journal::store::private_file_options()
                .create(true)
                .write(true)
                .truncate(true)
                .open(&file)?;
            f.write_all(command.as_bytes())?;
            f.write_all(b"\n")?;
        }
        let mut line = String::new();
        for (k, v) in env {
            line.push_str(&format!(
                "export {k}={}\n",
                crate::run::substitute::shell_quote(v)
            ));
        }
        line.push_str(&format!(
            ". '{}' </dev/null; __pasos_rc=$?; rm -f '{}'; printf '\\036PASOS-{}-%s\\036\\n' \"$__pasos_rc\"\n",
            file.display(),
            file.display(),
            self.nonce
        ));
        let started = Instant::now();
        self.stdin.write_all(line.as_bytes())?;
        self.stdin.flush()?;
        let marker = self.marker();
        let mut pending: Vec<u8> = Vec::new();
        let mut output: Vec<u8> = Vec::new();
        let mut interrupted = false;
        let mut closed = 0;
        let mut last_data = Instant::now();
        loop {
            if sigint.swap(false, Ordering::SeqCst) {
                interrupted = true;
                self.signal(libc::SIGINT);
            }
            match self.rx.recv_timeout(Duration::from_millis(50)) {
                Ok(Some(chunk)) => {
                    last_data = Instant::now();
                    pending.extend_from_slice(&chunk);
                    if let Some(pos) = find(&pending, marker.as_bytes()) {
                        let rest = &pending[pos + marker.len()..];
                        if let Some(end) = rest.iter().position(|b| *b == 0x1e) {
                            let code = std::str::from_utf8(&rest[..end])
                                .ok()
                                .and_then(|s| s.parse().ok());
                            let before = pending[..pos].to_vec();
                            pass(&mut self.redact, out, &mut output, &before, true, false);
                            return Ok(self.finished(code, started, output, interrupted));
                        }
                        continue;
                    }
                    // Keep back what may be the start of a marker.
                    let keep = pending
                        .iter()
                        .rposition(|b| *b == 0x1e)
                        .unwrap_or(pending.len());
                    let ready: Vec<u8> = pending.drain(..keep).collect();
                    pass(&mut self.redact, out, &mut output, &ready, false, false);
                }
                Ok(None) => {
                    closed += 1;
                    if closed >= 2 {
                        let ready: Vec<u8> = std::mem::take(&mut pending);
                        pass(&mut self.redact, out, &mut output, &ready, true, false);
                        let status = self.child.wait().ok().and_then(|s| s.code());
                        let _ = status;
                        return Ok(self.finished(None, started, output, interrupted));
                    }
                }
                Err(RecvTimeoutError::Timeout) => {
                    if last_data.elapsed() >= QUIET {
                        pass(&mut self.redact, out, &mut output, &[], false, true);
                    }
                }
                Err(RecvTimeoutError::Disconnected) => {
                    pass(&mut self.redact, out, &mut output, &[], true, false);
                    return Ok(self.finished(None, started, output, interrupted));
                }
            }
        }
    }

    fn finished(
        &self,
        code: Option<i32>,
        started: Instant,
        output: Vec<u8>,
        interrupted: bool,
    ) -> Finished {
        let mut text = String::from_utf8_lossy(&output).into_owned();
        if text.len() > OUTPUT_TAIL {
            let mut cut = text.len() - OUTPUT_TAIL;
            while !text.is_char_boundary(cut) {
                cut += 1;
            }
            text.drain(..cut);
        }
        Finished {
            exit_code: code,
            duration_ms: started.elapsed().as_millis() as u64,
            output: text,
            interrupted,
        }
    }

    /// Sends a signal to the shell's process group (the command in flight).
    pub fn signal(&self, sig: i32) {
        let pgid = self.child.id() as i32;
        unsafe {
            libc::kill(-pgid, sig);
        }
    }

    pub fn is_alive(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for PipeShell {
    fn drop(&mut self) {
        self.signal(libc::SIGHUP);
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Output through the redactor: `quiet` releases a partial line, `end`
/// everything (the command's output is over).
fn pass(
    redact: &mut StreamRedactor,
    out: &mut dyn FnMut(&[u8]),
    output: &mut Vec<u8>,
    bytes: &[u8],
    end: bool,
    quiet: bool,
) {
    let mut text = redact.push(bytes);
    if quiet {
        text.push_str(&redact.flush());
    }
    if end {
        text.push_str(&redact.flush());
        text.push_str(&redact.finish());
    }
    emit(out, output, text.as_bytes());
}

fn emit(out: &mut dyn FnMut(&[u8]), output: &mut Vec<u8>, bytes: &[u8]) {
    if bytes.is_empty() {
        return;
    }
    out(bytes);
    output.extend_from_slice(bytes);
    if output.len() > 2 * OUTPUT_TAIL {
        output.drain(..output.len() - OUTPUT_TAIL);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}
