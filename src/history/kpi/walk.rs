//! Finding the journals of a data directory with what their index key
//! needs: every `*.jsonl` under `<data>/runs/` (what `store::list` finds),
//! each with the stamps of itself and its `.head`.
//!
//! Tens of thousands of journals make this the floor of a warm `pasos kpi`,
//! so it reads each directory once, the directories of a level in parallel,
//! and takes each file's stamp relative to its open directory (the entries'
//! own types and `fstatat`, no `stat` of the whole path per file).

use super::cache::{FileKey, Stamp};
use super::parallel;
use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};

/// One journal.
#[derive(Debug)]
pub struct Found {
    pub path: PathBuf,
    /// `None` when the journal could not be looked at (it is then read,
    /// and the read says why).
    pub key: Option<FileKey>,
}

/// What one directory holds.
#[derive(Default)]
struct Listing {
    journals: Vec<(String, PathBuf, Option<Stamp>)>,
    heads: HashMap<String, Stamp>,
    dirs: Vec<PathBuf>,
}

fn stamp(entry: &std::fs::DirEntry, is_symlink: bool) -> Option<Stamp> {
    let m = if is_symlink {
        std::fs::metadata(entry.path())
    } else {
        entry.metadata()
    };
    m.ok().map(|m| Stamp::from_metadata(&m))
}

fn read(dir: &Path) -> io::Result<Listing> {
    let mut out = Listing::default();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let name = entry.file_name();
        let path_is_dir = || {
            if kind.is_symlink() {
                entry.path().is_dir()
            } else {
                kind.is_dir()
            }
        };
        let bytes = name.as_encoded_bytes();
        if let Some(stem) = bytes.strip_suffix(b".jsonl") {
            if path_is_dir() {
                out.dirs.push(entry.path());
                continue;
            }
            let stem = String::from_utf8_lossy(stem).into_owned();
            out.journals
                .push((stem, entry.path(), stamp(&entry, kind.is_symlink())));
        } else if let Some(stem) = bytes.strip_suffix(b".head") {
            if let Some(s) = stamp(&entry, kind.is_symlink()) {
                out.heads
                    .insert(String::from_utf8_lossy(stem).into_owned(), s);
            }
        } else if path_is_dir() {
            out.dirs.push(entry.path());
        }
    }
    Ok(out)
}

/// Every journal the history reads (`<data>/runs/`, and the cached remote
/// runs unless `--local-only`: see `store::Scope`), in run-id (start time)
/// order; a run in both places is taken from the local copy.
pub fn journals(data: &Path) -> io::Result<Vec<Found>> {
    let mut all: Vec<(String, Found)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for root in crate::journal::store::history_roots(data) {
        for (stem, found) in journals_under(root)? {
            if seen.insert(stem.clone()) {
                all.push((stem, found));
            }
        }
    }
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(all.into_iter().map(|(_, f)| f).collect())
}

/// The journals under one `runs/` root, with their run ids (unordered).
pub fn journals_under(root: PathBuf) -> io::Result<Vec<(String, Found)>> {
    if !root.exists() {
        return Ok(Vec::new());
    }
    let mut found: Vec<(String, Found)> = Vec::new();
    let mut level = vec![root];
    while !level.is_empty() {
        let listings = parallel::map(&level, |d| read(d));
        let mut next = Vec::new();
        for listing in listings {
            let mut l = listing?;
            next.append(&mut l.dirs);
            for (stem, path, journal) in l.journals {
                let head = l.heads.get(&stem).copied();
                let key = journal.map(|journal| FileKey { journal, head });
                found.push((stem, Found { path, key }));
            }
        }
        level = next;
    }
    Ok(found)
}
