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
pub fn scan(data: &Path, opts: &ScanOptions) -> io::Result<Scan> {
    // The index loads while the directories are read.
    let (journals, mut old) = std::thread::scope(|s| {
        let loading = s.spawn(|| {
            if opts.use_index {
                Index::load(data)
            } else {
                Index::default()
            }
        });
        let journals = walk::journals(data);
        let old = loading
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (journals, old)
    });
    let indexed = old.len();
    let mut slots: Vec<(PathBuf, String, FileKey, Option<Verdict>)> = journals?
        .into_iter()
        .map(|Found { path, key }| {
            let rel = cache::relative(data, &path);
            let known = key.and_then(|k| old.take(&rel, &k));
            (path, rel, key.unwrap_or_default(), known)
        })
        .collect();
    let missing: Vec<usize> = (0..slots.len()).filter(|i| slots[*i].3.is_none()).collect();
    let fresh = parallel::map(&missing, |i| examine(&slots[*i].0));
    let mut index = IndexUse {
        reused: slots.len() - missing.len(),
        read: missing.len(),
        ..IndexUse::default()
    };
    for (i, v) in missing.iter().zip(fresh) {
        slots[*i].3 = Some(v);
    }
    if opts.use_index && (index.read > 0 || indexed != slots.len()) {
        let entries = slots
            .iter()
            .filter_map(|(_, rel, key, v)| v.as_ref().map(|v| (rel.as_str(), key, v)));
        match cache::save(data, entries) {
            Ok(()) => index.written = true,
            Err(e) => index.write_error = Some(e.to_string()),
        }
    }
    let mut out = Scan {
        index,
        ..Scan::default()
    };
    for (path, _, _, verdict) in slots {
        match verdict {
            Some(Verdict::Verified(r)) => out.runs.push(*r),
            Some(Verdict::Failed(problem)) => out.unverified.push(Unverified {
                run_id: store::run_id_of(&path),
                path,
                problem,
            }),
            None => {}
        }
    }
    Ok(out)
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
