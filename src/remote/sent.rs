//! What of each local run is already in the bucket: one small state file
//! per run, `<data>/remote/sent/<run-id>.json` (0600), advanced after every
//! segment the bucket accepted. Whatever lies beyond it is the upload
//! queue: a failed upload leaves its mark where it was and is retried in
//! the background and by `pasos sync`.

use crate::journal::store;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sent {
    /// Bytes of the journal in the bucket (whole lines only).
    pub journal_bytes: u64,
    /// The seq of the last journal line in the bucket.
    pub journal_seq: u64,
    /// Side files (`cast`, `checkpoints/…`): bytes in the bucket.
    #[serde(default)]
    pub files: BTreeMap<String, u64>,
    /// Objects this bastion wrote for the run.
    #[serde(default)]
    pub objects: u64,
    /// Why the last attempt failed, while it has not succeeded since.
    #[serde(default)]
    pub error: Option<String>,
}

pub fn dir(data: &Path) -> PathBuf {
    store::remote_cache_dir(data).join("sent")
}

pub fn path(data: &Path, run_id: &str) -> PathBuf {
    dir(data).join(format!("{run_id}.json"))
}

/// The run's state; nothing sent yet when there is no file (or it does not
/// read: the segments are then sent again, under the same keys).
pub fn load(data: &Path, run_id: &str) -> Option<Sent> {
    let bytes = std::fs::read(path(data, run_id)).ok()?;
    serde_json::from_slice(&bytes).ok()
}

pub fn save(data: &Path, run_id: &str, sent: &Sent) -> io::Result<()> {
    let dir = dir(data);
    store::create_private_dir_all(&dir)?;
    let target = path(data, run_id);
    let tmp = target.with_extension("json.tmp");
    let mut f = store::private_file_options()
        .create(true)
        .write(true)
        .truncate(true)
        .open(&tmp)?;
    f.write_all(&serde_json::to_vec(sent).map_err(io::Error::other)?)?;
    f.sync_data()?;
    drop(f);
    std::fs::rename(&tmp, &target)
}

/// Every run with a state file.
pub fn all(data: &Path) -> BTreeMap<String, Sent> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir(data)) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "json") {
            let id = store::run_id_of(&p);
            if let Some(s) = load(data, &id) {
                out.insert(id, s);
            }
        }
    }
    out
}

/// One uploader per run at a time (the run's own and `pasos sync` may
/// overlap): an exclusive `flock` on `<run-id>.lock`, released on drop.
pub struct RunLock {
    _file: std::fs::File,
}

pub fn lock(data: &Path, run_id: &str, wait: bool) -> io::Result<Option<RunLock>> {
    let dir = dir(data);
    store::create_private_dir_all(&dir)?;
    let file = store::private_file_options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(dir.join(format!("{run_id}.lock")))?;
    #[cfg(unix)]
    {
        use std::os::unix::io::AsRawFd;
        let op = if wait {
            libc::LOCK_EX
        } else {
            libc::LOCK_EX | libc::LOCK_NB
        };
        // SAFETY: flock on a file descriptor this function owns.
        let rc = unsafe { libc::flock(file.as_raw_fd(), op) };
        if rc != 0 {
            let e = io::Error::last_os_error();
            if e.kind() == io::ErrorKind::WouldBlock {
                return Ok(None);
            }
            return Err(e);
        }
    }
    Ok(Some(RunLock { _file: file }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_privately_and_locks_exclude() {
        let d = tempfile::tempdir().unwrap();
        assert_eq!(load(d.path(), "r1"), None);
        let mut s = Sent {
            journal_bytes: 10,
            journal_seq: 2,
            ..Sent::default()
        };
        s.files.insert("cast".into(), 7);
        save(d.path(), "r1", &s).unwrap();
        assert_eq!(load(d.path(), "r1"), Some(s.clone()));
        assert_eq!(all(d.path()).len(), 1);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path(d.path(), "r1"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let held = lock(d.path(), "r1", false).unwrap();
        assert!(held.is_some());
        assert!(lock(d.path(), "r1", false).unwrap().is_none());
        drop(held);
        assert!(lock(d.path(), "r1", false).unwrap().is_some());
    }
}
