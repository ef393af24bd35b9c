//! Where checkpoints live: `<run-id>.checkpoints/` beside the journal
//! (mode 0700), one `<seq>.msg` (the signed text) and one `<seq>.sig` (the
//! SSHSIG, PEM) per checkpoint, mode 0600, seq zero-padded so `ls` sorts
//! them. Stock OpenSSH checks one pair with
//! `ssh-keygen -Y verify … -s 00000012.sig < 00000012.msg`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

pub fn dir(journal: &Path) -> PathBuf {
    journal.with_extension("checkpoints")
}

pub fn stem(seq: u64) -> String {
    format!("{seq:08}")
}

pub fn msg_path(dir: &Path, seq: u64) -> PathBuf {
    dir.join(format!("{}.msg", stem(seq)))
}

pub fn sig_path(dir: &Path, seq: u64) -> PathBuf {
    dir.join(format!("{}.sig", stem(seq)))
}

/// Writes one checkpoint: message and signature each written to a
/// temporary file and renamed, the signature last, so a reader never sees
/// a signature without its message.
pub fn write(journal: &Path, seq: u64, msg: &str, sig: &str) -> io::Result<()> {
    let d = dir(journal);
    crate::journal::store::create_private_dir_all(&d)?;
    put(&msg_path(&d, seq), msg.as_bytes())?;
    put(&sig_path(&d, seq), sig.as_bytes())
}

fn put(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension("tmp");
    let mut f = crate::journal::store::private_file_options()
        .create(true)
        .write(true)
        .truncate(true)
        .open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_data()?;
    drop(f);
    std::fs::rename(&tmp, path)
}

/// A checkpoint's files as found on disk.
#[derive(Debug, Clone)]
pub struct Stored {
    /// The seq its file name says.
    pub seq: u64,
    pub msg: PathBuf,
    pub sig: PathBuf,
}

/// Every checkpoint of a journal, by seq; files that are not
/// `<digits>.msg` are left out. An empty list when there is no directory.
pub fn list(journal: &Path) -> io::Result<Vec<Stored>> {
    let d = dir(journal);
    let entries = match std::fs::read_dir(&d) {
        Ok(e) => e,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for entry in entries {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let Some(digits) = name.strip_suffix(".msg") else {
            continue;
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let Ok(seq) = digits.parse::<u64>() else {
            continue;
        };
        out.push(Stored {
            seq,
            sig: path.with_extension("sig"),
            msg: path,
        });
    }
    out.sort_by_key(|s| s.seq);
    Ok(out)
}

/// The last checkpoint's message, to go on from when a run is resumed.
pub fn last_message(journal: &Path) -> Option<String> {
    let all = list(journal).ok()?;
    let last = all.last()?;
    std::fs::read_to_string(&last.msg).ok()
}
