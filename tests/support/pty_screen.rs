//! The real `pasos` binary full screen in a pseudo-terminal, read through
//! a terminal emulator (the harness of `tests/tui_e2e.rs`, shared).

#![allow(dead_code)] // each test binary uses a different subset

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Screen {
    parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte pasos wrote to the terminal, for escape sequences the
    /// emulator does not keep (OSC 52).
    raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
}

/// `pasos ARGS` at 120x40 in a pseudo-terminal, English, no colour,
/// started in `cwd`.
pub fn spawn(args: &[&str], data: &std::path::Path, cwd: &std::path::Path) -> Screen {
    spawn_with(args, data, cwd, &[])
}

/// [`spawn`] with more environment variables.
pub fn spawn_with(
    args: &[&str],
    data: &std::path::Path,
    cwd: &std::path::Path,
    env: &[(&str, &str)],
) -> Screen {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 40,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        })
        .unwrap();
    let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_pasos"));
    cmd.args(args);
    cmd.cwd(cwd);
    cmd.env("PASOS_DATA_DIR", data);
    cmd.env("TERM", "xterm-256color");
    cmd.env("LANG", "en_US.UTF-8");
    cmd.env("NO_COLOR", "1");
    cmd.env("SHELL", "/bin/bash");
    cmd.env("HISTFILE", "/dev/null");
    // The machine's own ~/.bashrc (pyenv, conda...) stays out of the test.
    cmd.env("HOME", cwd);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let child = pty.slave.spawn_command(cmd).unwrap();
    drop(pty.slave);
    let parser = Arc::new(Mutex::new(vt100::Parser::new(
        std::num::NonZeroU16::new(40).unwrap(),
        std::num::NonZeroU16::new(120).unwrap(),
        0,
    )));
    let mut reader = pty.master.try_clone_reader().unwrap();
    let p = parser.clone();
    let raw = Arc::new(Mutex::new(Vec::new()));
    let r = raw.clone();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            r.lock().unwrap().extend_from_slice(&buf[..n]);
            p.lock().unwrap().process(&buf[..n]);
        }
    });
    let writer = pty.master.take_writer().unwrap();
    // Keep the master open as long as the screen lives.
    std::mem::forget(pty.master);
    Screen {
        parser,
        raw,
        writer,
        child,
    }
}

impl Screen {
    /// Everything written to the terminal so far, raw.
    pub fn bytes(&self) -> Vec<u8> {
        self.raw.lock().unwrap().clone()
    }

    pub fn text(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    pub fn wait_for(&self, needle: &str) {
        self.wait_for_any(&[needle]);
    }

    /// Waits until `needle` is no longer on the screen.
    pub fn wait_gone(&self, needle: &str) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            if !self.text().contains(needle) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("`{needle}` never went away; the screen:\n{}", self.text());
    }

    /// Waits until one of `needles` is on the screen.
    pub fn wait_for_any(&self, needles: &[&str]) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) {
            let text = self.text();
            if needles.iter().any(|n| text.contains(n)) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("{needles:?} never appeared; the screen:\n{}", self.text());
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Quits (q, y) and waits for the exit.
    /// Kills pasos with SIGKILL, as a crash would: nothing runs on its way
    /// out, so the journal ends wherever it was.
    pub fn crash(mut self) {
        if let Some(pid) = self.child.process_id() {
            unsafe {
                libc::kill(pid as i32, libc::SIGKILL);
            }
        }
        let _ = self.child.wait();
    }

    /// Quits: `q`, then `y` on the quit dialog, or `i` (interrupt the
    /// command, journaled) when a command is still running and pasos asks.
    pub fn quit(mut self) -> Option<u32> {
        self.send("q");
        std::thread::sleep(std::time::Duration::from_millis(200));
        let text = self.text();
        if text.contains("still running") || text.contains("en ejecución:") {
            self.send("i");
        } else {
            self.send("y");
        }
        self.child.wait().ok().map(|s| s.exit_code())
    }
}
