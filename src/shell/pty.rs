//! The shell process in a pseudo-terminal (portable-pty): spawning it,
//! the writer thread (input never blocks the caller), resizing and the
//! process groups behind signals.

use portable_pty::{Child, ChildKiller, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};

/// What the pane's emulator is: programs inside get this `TERM`.
pub const TERM: &str = "xterm-256color";

/// What to start.
pub struct Launch<'a> {
    pub program: &'a Path,
    pub args: &'a [String],
    pub env: &'a [(String, String)],
    pub cwd: Option<&'a Path>,
    pub rows: u16,
    pub cols: u16,
}

/// A running shell in a PTY; the output side is handed out once.
pub struct Pty {
    master: Box<dyn MasterPty + Send>,
    killer: Box<dyn ChildKiller + Send + Sync>,
    input: Sender<Vec<u8>>,
    pid: Option<u32>,
}

/// The parts of a new PTY that go to their own threads.
pub struct Spawned {
    pub pty: Pty,
    pub reader: Box<dyn Read + Send>,
    pub child: Box<dyn Child + Send + Sync>,
}

fn other(e: impl std::fmt::Display) -> io::Error {
    io::Error::other(e.to_string())
}

pub fn spawn(launch: &Launch<'_>) -> io::Result<Spawned> {
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: launch.rows.max(1),
            cols: launch.cols.max(2),
            pixel_width: 0,
            pixel_height: 0,
        })
        .map_err(other)?;
    let mut cmd = CommandBuilder::new(launch.program.as_os_str());
    cmd.args(launch.args);
    cmd.env("TERM", TERM);
    cmd.env_remove("COLUMNS");
    cmd.env_remove("LINES");
    for (k, v) in launch.env {
        cmd.env(k, v);
    }
    let cwd: PathBuf = match launch.cwd {
        Some(d) => d.to_path_buf(),
        None => std::env::current_dir()?,
    };
    cmd.cwd(cwd);
    let child = pair.slave.spawn_command(cmd).map_err(other)?;
    drop(pair.slave);
    let reader = pair.master.try_clone_reader().map_err(other)?;
    let mut writer = pair.master.take_writer().map_err(other)?;
    let (input, rx) = channel::<Vec<u8>>();
    std::thread::Builder::new()
        .name("pasos-shell-input".into())
        .spawn(move || {
            for bytes in rx {
                if writer
                    .write_all(&bytes)
                    .and_then(|_| writer.flush())
                    .is_err()
                {
                    return;
                }
            }
        })?;
    let pty = Pty {
        killer: child.clone_killer(),
        pid: child.process_id(),
        master: pair.master,
        input,
    };
    Ok(Spawned { pty, reader, child })
}

impl Pty {
    /// Queues bytes for the shell; never blocks.
    pub fn write(&self, bytes: Vec<u8>) {
        if !bytes.is_empty() {
            let _ = self.input.send(bytes);
        }
    }

    /// A handle the output thread uses to send terminal replies.
    pub fn input(&self) -> Sender<Vec<u8>> {
        self.input.clone()
    }

    pub fn resize(&self, rows: u16, cols: u16) -> io::Result<()> {
        self.master
            .resize(PtySize {
                rows: rows.max(1),
                cols: cols.max(2),
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(other)
    }

    pub fn pid(&self) -> Option<u32> {
        self.pid
    }

    pub fn raw_fd(&self) -> Option<i32> {
        self.master.as_raw_fd()
    }

    /// The terminal's foreground process group, when it is not the shell
    /// itself (a command runs).
    pub fn foreground_group(&self) -> Option<i32> {
        let pgid = self.master.process_group_leader()?;
        (Some(pgid as u32) != self.pid && pgid > 0).then_some(pgid)
    }

    /// Sends `signal` to the foreground command's process group; false
    /// when the shell itself is in the foreground.
    pub fn signal_foreground(&self, signal: i32) -> bool {
        match self.foreground_group() {
            // SAFETY: kill(2) on a process group id we just read.
            Some(pgid) => unsafe { libc::kill(-pgid, signal) == 0 },
            None => false,
        }
    }

    /// Ends the shell and everything in its session.
    pub fn kill(&mut self) {
        if let Some(pid) = self.pid {
            // The shell leads its own session and process group.
            // SAFETY: plain kill(2) calls.
            unsafe {
                if let Some(pgid) = self.foreground_group() {
                    libc::kill(-pgid, libc::SIGHUP);
                }
                libc::kill(-(pid as i32), libc::SIGHUP);
                libc::kill(pid as i32, libc::SIGHUP);
            }
        }
        let _ = self.killer.kill();
    }
}
