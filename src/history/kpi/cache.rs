//! The KPI index: `<data>/cache/kpi-index`, the verdict of every journal
//! (its compact record, or why it does not verify) keyed by what a change
//! to the journal or its `.head` would alter.
//!
//! The key of a journal is its path relative to the data directory, and
//! for the journal and its `.head`: size, modification time and status
//! change time (nanoseconds) and inode. Appending changes size and mtime;
//! an edit that keeps the size and resets the mtime (`touch -d`) still
//! changes the ctime, which no user can set; replacing the file changes the
//! inode. A changed key means the journal is read and verified again.
//!
//! The file is `PASOSKPI`, a little-endian `u32` format version, then in
//! postcard (a compact serde format; JSON would take longer to read than
//! the budget of a warm `pasos kpi`) the distinct step plans (most runs of
//! a procedure share one) and the entries, each naming its plan by number. A file that is missing,
//! unreadable, of another version or corrupt is ignored (and rewritten by
//! the next scan), never an error. Written atomically (temporary file, then
//! rename), file 0600 in a 0700 directory, like the journals.

use super::super::scan::Verdict;
use super::record::StepPlan;
use crate::journal::store;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const MAGIC: &[u8; 8] = b"PASOSKPI";
/// Bump when [`Verdict`], the record or the key change shape.
const VERSION: u32 = 5;
pub const FILE_NAME: &str = "kpi-index";

/// `<data>/cache/kpi-index`.
pub fn index_path(data: &Path) -> PathBuf {
    data.join("cache").join(FILE_NAME)
}

/// Size, times and inode of a file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub len: u64,
    pub mtime_ns: i128,
    pub ctime_ns: i128,
    pub ino: u64,
}

impl Stamp {
    fn of(path: &Path) -> Option<Stamp> {
        std::fs::metadata(path)
            .ok()
            .map(|m| Stamp::from_metadata(&m))
    }

    pub fn from_metadata(m: &std::fs::Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Stamp {
                len: m.len(),
                mtime_ns: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()),
                ctime_ns: i128::from(m.ctime()) * 1_000_000_000 + i128::from(m.ctime_nsec()),
                ino: m.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let mtime_ns = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i128);
            Stamp {
                len: m.len(),
                mtime_ns,
                ctime_ns: 0,
                ino: 0,
            }
        }
    }
}

/// What must not have changed for an entry to be reused.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileKey {
    pub journal: Stamp,
    /// `None` when the `.head` is missing (which fails verification).
    pub head: Option<Stamp>,
}

impl FileKey {
    /// `None` when the journal cannot be looked at (it is then read, and
    /// the read reports why).
    pub fn of(journal: &Path) -> Option<FileKey> {
        Some(FileKey {
            journal: Stamp::of(journal)?,
            head: Stamp::of(&store::head_path(journal)),
        })
    }
}

/// The journal's path relative to the data dir, as the index keys it.
pub fn relative(data: &Path, journal: &Path) -> String {
    journal
        .strip_prefix(data)
        .unwrap_or(journal)
        .to_string_lossy()
        .into_owned()
}

/// An entry's plan number when it has none (a journal that fails).
const NO_PLAN: u32 = u32::MAX;

#[derive(Serialize)]
struct EntryOut<'a, K> {
    path: &'a str,
    key: &'a K,
    verdict: &'a Verdict,
    plan: u32,
}

#[derive(Serialize)]
struct FileOut<'a, K> {
    plans: Vec<&'a [StepPlan]>,
    entries: Vec<EntryOut<'a, K>>,
}

#[derive(Deserialize)]
struct EntryIn<K> {
    path: String,
    key: K,
    verdict: Verdict,
    plan: u32,
}

#[derive(Deserialize)]
struct FileIn<K> {
    plans: Vec<Vec<StepPlan>>,
    entries: Vec<EntryIn<K>>,
}

/// The entries of an index file in this format at `path`, whatever their
/// key (the KPI index keys journals by [`FileKey`]; the index of the
/// cached remote runs, `crate::remote::index`, by the segments a copy was
/// made of). `None` when the file is missing, of another version or
/// corrupt.
pub fn load_entries<K: serde::de::DeserializeOwned>(
    path: &Path,
) -> Option<Vec<(String, K, Verdict)>> {
    let bytes = read_cache(path).ok()?;
    entries_from_bytes(&bytes)
}

/// The bytes of a cache file: a regular file only (a FIFO or a device put
/// in its place must not hang or flood the reader), of at most 1 GiB.
pub fn read_cache(path: &Path) -> Result<Vec<u8>, crate::procedure::source_file::SourceError> {
    crate::procedure::source_file::read(path, 1 << 30)
}

fn entries_from_bytes<K: serde::de::DeserializeOwned>(
    bytes: &[u8],
) -> Option<Vec<(String, K, Verdict)>> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (version, body) = rest.split_first_chunk::<4>()?;
    if u32::from_le_bytes(*version) != VERSION {
        return None;
    }
    let file: FileIn<K> = postcard::from_bytes(body).ok()?;
    let plans: Vec<Arc<[StepPlan]>> = file.plans.into_iter().map(Arc::from).collect();
    let mut out = Vec::with_capacity(file.entries.len());
    for mut e in file.entries {
        if let Verdict::Verified(r) = &mut e.verdict {
            r.plan = plans.get(e.plan as usize)?.clone();
        }
        out.push((e.path, e.key, e.verdict));
    }
    Some(out)
}

/// The index as read from disk.
#[derive(Debug, Default)]
pub struct Index {
    entries: HashMap<String, (FileKey, Verdict)>,
}

impl Index {
    /// The index of `data`, or an empty one when there is none or it cannot
    /// be used.
    pub fn load(data: &Path) -> Index {
        let Ok(bytes) = read_cache(&index_path(data)) else {
            return Index::default();
        };
        Self::from_bytes(&bytes).unwrap_or_default()
    }

    fn from_bytes(bytes: &[u8]) -> Option<Index> {
        let entries = entries_from_bytes::<FileKey>(bytes)?
            .into_iter()
            .map(|(path, key, verdict)| (path, (key, verdict)))
            .collect();
        Some(Index { entries })
    }

    /// The verdict stored for `path` if its key is still `key`, taken out
    /// of the index.
    pub fn take(&mut self, path: &str, key: &FileKey) -> Option<Verdict> {
        match self.entries.get(path) {
            Some((k, _)) if k == key => self.entries.remove(path).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

/// Replaces the index of `data` with these entries (path, key, verdict).
pub fn save<'a>(
    data: &Path,
    entries: impl Iterator<Item = (&'a str, &'a FileKey, &'a Verdict)>,
) -> io::Result<()> {
    save_entries(&index_path(data), entries)
}

/// Replaces the index file at `path` with these entries (path, key,
/// verdict), atomically, 0600 in a 0700 directory.
pub fn save_entries<'a, K: Serialize + 'a>(
    path: &Path,
    entries: impl Iterator<Item = (&'a str, &'a K, &'a Verdict)>,
) -> io::Result<()> {
    let mut plans: Vec<&[StepPlan]> = Vec::new();
    let mut numbers: HashMap<&[StepPlan], u32> = HashMap::new();
    let list: Vec<EntryOut<K>> = entries
        .map(|(path, key, verdict)| {
            let plan = match verdict {
                Verdict::Verified(r) => *numbers.entry(&r.plan).or_insert_with(|| {
                    plans.push(&r.plan);
                    (plans.len() - 1) as u32
                }),
                Verdict::Failed(_) => NO_PLAN,
            };
            EntryOut {
                path,
                key,
                verdict,
                plan,
            }
        })
        .collect();
    let body = postcard::to_stdvec(&FileOut {
        plans,
        entries: list,
    })
    .map_err(io::Error::other)?;
    store::write_private_atomic(path, &[MAGIC, &VERSION.to_le_bytes(), &body])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_and_other_versions_are_ignored() {
        assert!(Index::from_bytes(b"").is_none());
        assert!(Index::from_bytes(b"PASOSKPI").is_none());
        let mut other = MAGIC.to_vec();
        other.extend_from_slice(&(VERSION + 1).to_le_bytes());
        other.extend_from_slice(&[0, 0]);
        assert!(Index::from_bytes(&other).is_none());
        let mut corrupt = MAGIC.to_vec();
        corrupt.extend_from_slice(&VERSION.to_le_bytes());
        corrupt.extend_from_slice(&[0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2]);
        assert!(Index::from_bytes(&corrupt).is_none());
        let mut empty = MAGIC.to_vec();
        empty.extend_from_slice(&VERSION.to_le_bytes());
        // No plans, no entries.
        empty.extend_from_slice(&[0, 0]);
        assert_eq!(Index::from_bytes(&empty).unwrap().len(), 0);
    }
}
