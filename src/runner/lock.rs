//! One writer per journal: one live run of a procedure per data directory.
//!
//! The lock is an advisory `flock` on `<data>/locks/<procedure>.lock`,
//! taken without blocking on an open file, so acquiring it is atomic and a
//! holder that dies (even by SIGKILL) releases it with its last file
//! descriptor. The file names the holder (`run pid host`) for messages and
//! for the journal; it is written only after the lock is held.
//!
//! A holder removes the file while it still holds the lock, and an
//! acquirer checks after locking that the path still names the file it
//! locked (else it retries): so nobody ever removes a lock it does not
//! hold, and an unlinked file can never hand out a second lock.
//!
//! A lock file with a holder in it but no `flock` on it was left by a
//! process that died without cleaning up: taking it over is safe (the
//! holder is provably gone) and the journal records the previous holder.
//! A live holder is never joined: `--force` asks a holder on this host to
//! stop cleanly (SIGTERM, which journals `run-interrupted`) and waits for
//! it to release the lock; a holder on another host is never forced.

use super::operator::hostname;
use crate::journal::store;
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[derive(Debug)]
pub struct RunLock {
    path: PathBuf,
    file: File,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holder {
    pub run_id: String,
    pub pid: u32,
    pub host: String,
}

/// How the lock was taken, for the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Taken {
    /// Nobody had it.
    Free,
    /// Its previous holder died without releasing it cleanly.
    Stale(Holder),
    /// Its previous holder was asked to stop (`--force`) and did.
    Stopped(Holder),
}

#[derive(Debug)]
pub enum LockError {
    /// A live run holds it.
    Held(Holder),
    /// A live run holds it and did not stop when asked (`--force`).
    DidNotStop(Holder),
    /// Held by a process on another host: never forced from here.
    Remote(Holder),
    Io(PathBuf, std::io::Error),
}

/// How long `--force` waits for a holder to journal its interruption and
/// let go: its in-flight command's grace, SIGINT and SIGKILL, and margin.
const STOP_WAIT: Duration = Duration::from_secs(20);

pub fn lock_path(data: &Path, procedure_id: &str) -> PathBuf {
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

fn parse_holder(text: &str) -> Option<Holder> {
    let mut parts = text.split_whitespace();
    Some(Holder {
        run_id: parts.next()?.to_string(),
        pid: parts.next()?.parse().ok()?,
        host: parts.next()?.to_string(),
    })
}

fn read_holder(file: &mut File) -> Option<Holder> {
    let mut text = String::new();
    file.rewind().ok()?;
    file.take(4096).read_to_string(&mut text).ok()?;
    parse_holder(&text)
}

/// `flock(LOCK_EX | LOCK_NB)`: Ok(true) when taken, Ok(false) when held.
fn try_flock(file: &File) -> std::io::Result<bool> {
    loop {
        // SAFETY: flock on a descriptor this File owns; no memory involved.
        let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
        if r == 0 {
            return Ok(true);
        }
        let e = std::io::Error::last_os_error();
        match e.raw_os_error() {
            Some(libc::EWOULDBLOCK) => return Ok(false),
            Some(libc::EINTR) => continue,
            _ => return Err(e),
        }
    }
}

/// True when the path still names the very file `file` is open on.
fn still_linked(path: &Path, file: &File) -> std::io::Result<bool> {
    let open = file.metadata()?;
    match std::fs::metadata(path) {
        Ok(now) => Ok(now.dev() == open.dev() && now.ino() == open.ino()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

impl RunLock {
    /// Takes the lock for `run_id`, or says who holds it. With `force`, a
    /// live holder on this host is asked to stop cleanly and waited for.
    pub fn acquire(
        data: &Path,
        procedure_id: &str,
        run_id: &str,
        force: bool,
    ) -> Result<(RunLock, Taken), LockError> {
        let path = lock_path(data, procedure_id);
        let io = |e| LockError::Io(path.clone(), e);
        if let Some(dir) = path.parent() {
            store::create_private_dir_all(dir).map_err(io)?;
        }
        let mut asked: Option<(Holder, Instant)> = None;
        loop {
            let mut file = store::private_file_options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(io)?;
            if try_flock(&file).map_err(io)? {
                if !still_linked(&path, &file).map_err(io)? {
                    continue; // its holder removed it as we opened it
                }
                let previous = read_holder(&mut file);
                file.set_len(0).map_err(io)?;
                file.rewind().map_err(io)?;
                writeln!(file, "{run_id} {} {}", std::process::id(), hostname()).map_err(io)?;
                // The flock is what excludes; the holder's name is for
                // messages and, after a machine crash, for the takeover
                // note. Synced aside: a disk that is slow to sync (seconds
                // under load) must not hold back the run's first frame.
                if let Ok(copy) = file.try_clone() {
                    std::thread::spawn(move || copy.sync_data());
                }
                // A holder asked to stop removes its file as it goes.
                let taken = match (asked, previous) {
                    (Some((h, _)), _) => Taken::Stopped(h),
                    (None, Some(p)) => Taken::Stale(p),
                    (None, None) => Taken::Free,
                };
                return Ok((RunLock { path, file }, taken));
            }
            // Held. Its content is written right after the lock is taken:
            // give a fresh holder a moment to write it.
            let holder = (0..20).find_map(|_| {
                read_holder(&mut file).or_else(|| {
                    std::thread::sleep(Duration::from_millis(10));
                    None
                })
            });
            let Some(holder) = holder else {
                return Err(LockError::Held(Holder {
                    run_id: "?".into(),
                    pid: 0,
                    host: "?".into(),
                }));
            };
            if !force {
                return Err(LockError::Held(holder));
            }
            if holder.host != hostname() {
                return Err(LockError::Remote(holder));
            }
            match &asked {
                None => {
                    // SAFETY: kill(2) with a pid read from the lock file of
                    // a live process on this host; no memory involved.
                    unsafe { libc::kill(holder.pid as libc::pid_t, libc::SIGTERM) };
                    asked = Some((holder, Instant::now()));
                }
                Some((h, since)) => {
                    if *h != holder || since.elapsed() > STOP_WAIT {
                        return Err(LockError::DidNotStop(holder));
                    }
                }
            }
            drop(file);
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

/// Removes the lock file at `path` if nobody holds it: taken first, then
/// removed while held, like a holder leaving. True when it went.
pub fn remove_if_free(path: &Path) -> bool {
    let Ok(file) = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
    else {
        return false;
    };
    if try_flock(&file).unwrap_or(false) && still_linked(path, &file).unwrap_or(false) {
        return std::fs::remove_file(path).is_ok();
    }
    false
}

impl Drop for RunLock {
    fn drop(&mut self) {
        // Removed while still held (see the module's note), then released
        // when the file closes.
        if still_linked(&self.path, &self.file).unwrap_or(false) {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_acquire_sees_the_live_holder_and_a_released_lock_is_free() {
        let dir = tempfile::tempdir().unwrap();
        let (first, taken) = RunLock::acquire(dir.path(), "PROC-1", "run-a", false).unwrap();
        assert_eq!(taken, Taken::Free);
        match RunLock::acquire(dir.path(), "PROC-1", "run-b", false) {
            Err(LockError::Held(h)) => {
                assert_eq!(h.run_id, "run-a");
                assert_eq!(h.pid, std::process::id());
            }
            other => panic!("{other:?}"),
        }
        drop(first);
        assert!(
            !lock_path(dir.path(), "PROC-1").exists(),
            "released and removed"
        );
        let (_second, taken) = RunLock::acquire(dir.path(), "PROC-1", "run-b", false).unwrap();
        assert_eq!(taken, Taken::Free);
    }

    #[test]
    fn a_lock_file_without_a_live_flock_is_taken_over_and_names_its_holder() {
        let dir = tempfile::tempdir().unwrap();
        let path = lock_path(dir.path(), "PROC-1");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "run-dead 999999 some-host\n").unwrap();
        let (_lock, taken) = RunLock::acquire(dir.path(), "PROC-1", "run-new", false).unwrap();
        assert_eq!(
            taken,
            Taken::Stale(Holder {
                run_id: "run-dead".into(),
                pid: 999999,
                host: "some-host".into()
            })
        );
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("run-new "), "{text}");
    }
}
