//! One live run of a procedure per data directory: a lock file under
//! `<data>/locks/` names the run holding it. A lock left by a dead process
//! on this host is taken over; anything else needs `--force`, which the
//! journal records.

use super::operator::hostname;
use crate::journal::store;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug)]
pub struct RunLock {
    path: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub run_id: String,
    pub pid: u32,
    pub host: String,
}

#[derive(Debug)]
pub enum LockError {
    Held(Holder),
    Io(std::io::Error),
}

fn lock_path(data: &Path, procedure_id: &str) -> PathBuf {
    let safe: String = procedure_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    data.join("locks").join(format!("{safe}.lock"))
}

fn read_holder(path: &Path) -> Option<Holder> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut parts = text.split_whitespace();
    Some(Holder {
        run_id: parts.next()?.to_string(),
        pid: parts.next()?.parse().ok()?,
        host: parts.next()?.to_string(),
    })
}

fn alive(h: &Holder) -> bool {
    if h.host != hostname() {
        return true; // another machine sharing the data dir: cannot tell, assume alive
    }
    Path::new(&format!("/proc/{}", h.pid)).exists()
}

impl RunLock {
    /// Takes the lock for `run_id`. Returns the holder it replaced, if it
    /// forced or took over a stale lock.
    pub fn acquire(
        data: &Path,
        procedure_id: &str,
        run_id: &str,
        force: bool,
    ) -> Result<(RunLock, Option<Holder>), LockError> {
        let path = lock_path(data, procedure_id);
        if let Some(dir) = path.parent() {
            store::create_private_dir_all(dir).map_err(LockError::Io)?;
        }
        let mut replaced = None;
        for _ in 0..2 {
            match store::private_file_options()
                .write(true)
                .create_new(true)
                .open(&path)
            {
                Ok(mut f) => {
                    writeln!(f, "{run_id} {} {}", std::process::id(), hostname())
                        .map_err(LockError::Io)?;
                    return Ok((RunLock { path }, replaced));
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    let holder = read_holder(&path);
                    match holder {
                        Some(h) if alive(&h) && !force => return Err(LockError::Held(h)),
                        other => {
                            replaced = other;
                            std::fs::remove_file(&path).map_err(LockError::Io)?;
                        }
                    }
                }
                Err(e) => return Err(LockError::Io(e)),
            }
        }
        Err(LockError::Io(std::io::Error::other(
            "the lock file keeps reappearing",
        )))
    }
}

impl Drop for RunLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}
