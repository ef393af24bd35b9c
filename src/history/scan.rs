//! Collecting the journals of a data directory for the history: verified, with verification failures kept apart.
//!
//! Every journal under `<data>/runs/` is verified (the hash chain and the
//! `.head`, as `pasos log verify` does) and folded into a compact
//! [`RunRecord`]. A journal that does not verify is returned in
//! [`Scan::unverified`] with its first problem, and nothing it says reaches
//! the records. With the index ([`crate::history::kpi::cache`]) a journal
//! whose file has not changed since the last scan is not read again.

use crate::history::kpi::cache::{self, FileKey, Index};
use crate::history::kpi::parallel;
use crate::history::kpi::walk::{self, Found};
use crate::history::record::RunRecord;
use crate::history::record::read::record_from_bytes;
use crate::journal::store;
use crate::journal::verify::{Problem, verify_file_bytes};
use serde::{Deserialize, Serialize};
use std::io;
use std::path::{Path, PathBuf};

/// A journal left out of the figures because it does not verify.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unverified {
    pub run_id: String,
    pub path: PathBuf,
    /// The first problem verification found, in words.
    pub problem: String,
}

/// What one journal gave: its record, or why it does not verify.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Verified(Box<RunRecord>),
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanOptions {
    /// Read and update the index; `false` reads every journal.
    pub use_index: bool,
}

impl Default for ScanOptions {
    fn default() -> Self {
        ScanOptions { use_index: true }
    }
}

/// How the index was used (for tests and benchmarks).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexUse {
    /// Journals whose verdict came from the index.
    pub reused: usize,
    /// Journals read and verified.
    pub read: usize,
    /// The index file was rewritten.
    pub written: bool,
    /// Why the index could not be written (the scan itself succeeded).
    pub write_error: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Scan {
    /// Verified runs, in run-id (start time) order.
    pub runs: Vec<RunRecord>,
    /// Journals that do not verify, in run-id order.
    pub unverified: Vec<Unverified>,
    pub index: IndexUse,
}

/// Every journal of `data`, verified.
///
/// The cached remote runs (unless `--local-only`) come from their own
/// index, `crate::remote::index`, written with the copies: no walk and no
/// `stat` of ten thousand cached files. Without that index (a copy made by
/// an older pasos, `--no-index`) they are walked like the local ones. A
/// run in both places is taken from the local copy.
pub fn scan(data: &Path, opts: &ScanOptions) -> io::Result<Scan> {
    let remote_root = store::runs_dir(&store::remote_cache_dir(data));
    let roots = store::history_roots(data);
    let walks_local = roots.contains(&store::runs_dir(data));
    let try_remote = opts.use_index
        && roots.contains(&remote_root)
        && crate::remote::index::path(data).is_file();
    // The indexes load while the directories are read.
    let (walked, mut old, remote) = std::thread::scope(|s| {
        let loading = s.spawn(|| {
            if opts.use_index {
                Index::load(data)
            } else {
                Index::default()
            }
        });
        let loading_remote = s.spawn(|| {
            if try_remote {
                crate::remote::index::load(data)
            } else {
                None
            }
        });
        let walked = walk_roots(
            roots
                .iter()
                .filter(|r| !try_remote || **r != remote_root)
                .cloned()
                .collect(),
        );
        let old = loading
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        let remote = loading_remote
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (walked, old, remote)
    });
    // An index that does not read: the cached copies are walked after all.
    let journals = match (&remote, try_remote) {
        (None, true) => walk_roots(roots),
        _ => walked,
    };
    let indexed = old.len();
    let mut slots: Vec<(String, PathBuf, String, FileKey, Option<Verdict>)> = journals?
        .into_iter()
        .map(|(stem, Found { path, key })| {
            let rel = cache::relative(data, &path);
            let known = key.and_then(|k| old.take(&rel, &k));
            (stem, path, rel, key.unwrap_or_default(), known)
        })
        .collect();
    let walked = slots.len();
    let missing: Vec<usize> = (0..slots.len()).filter(|i| slots[*i].4.is_none()).collect();
    let fresh = parallel::map(&missing, |i| examine(&slots[*i].1));
    let mut index = IndexUse {
        reused: slots.len() - missing.len(),
        read: missing.len(),
        ..IndexUse::default()
    };
    for (i, v) in missing.iter().zip(fresh) {
        slots[*i].4 = Some(v);
    }
    // The KPI index is the local runs' (`--remote-only` leaves it alone).
    if opts.use_index && walks_local && (index.read > 0 || indexed != walked) {
        let entries = slots
            .iter()
            .filter_map(|(_, _, rel, key, v)| v.as_ref().map(|v| (rel.as_str(), key, v)));
        match cache::save(data, entries) {
            Ok(()) => index.written = true,
            Err(e) => index.write_error = Some(e.to_string()),
        }
    }
    if let Some(remote) = remote {
        let local: std::collections::HashSet<String> = slots.iter().map(|s| s.0.clone()).collect();
        let cache_dir = store::remote_cache_dir(data);
        for (run_id, (_, verdict)) in remote {
            if local.contains(&run_id) {
                continue;
            }
            index.reused += 1;
            let path = store::journal_path(&cache_dir, &run_id);
            slots.push((
                run_id,
                path,
                String::new(),
                FileKey::default(),
                Some(verdict),
            ));
        }
        slots.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    }
    let mut out = Scan {
        index,
        ..Scan::default()
    };
    for (run_id, path, _, _, verdict) in slots {
        match verdict {
            Some(Verdict::Verified(r)) => out.runs.push(*r),
            Some(Verdict::Failed(problem)) => out.unverified.push(Unverified {
                run_id,
                path,
                problem,
            }),
            None => {}
        }
    }
    Ok(out)
}

/// The journals under these `runs/` roots, in run-id order; a run id met
/// twice is taken from the first root.
fn walk_roots(roots: Vec<PathBuf>) -> io::Result<Vec<(String, Found)>> {
    let mut all: Vec<(String, Found)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for root in roots {
        for (stem, found) in walk::journals_under(root)? {
            if seen.insert(stem.clone()) {
                all.push((stem, found));
            }
        }
    }
    all.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    Ok(all)
}

/// Verifies one journal and reads its record from the verified lines.
pub fn examine(path: &Path) -> Verdict {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => return Verdict::Failed(format!("unreadable: {e}")),
    };
    let v = verify_file_bytes(path, &bytes);
    if let Some(p) = v.first_problem() {
        return Verdict::Failed(describe(p));
    }
    match record_from_bytes(&bytes, v.events) {
        Ok(r) => Verdict::Verified(Box::new(r)),
        Err(e) => Verdict::Failed(e),
    }
}

fn describe(p: &Problem) -> String {
    match p.line {
        Some(n) if !p.detail.contains(&format!("line {n}")) => {
            format!("{} (line {n}): {}", p.kind, p.detail)
        }
        _ => format!("{}: {}", p.kind, p.detail),
    }
}
