//! The verdict of every cached remote run, `<data>/remote/kpi-index`: its
//! compact record (or why it does not verify), keyed by the segments its
//! copy was made of. Written by [`super::pull::refresh`], the only writer
//! of the cached copies, right after it made them; read by the history's
//! scan instead of walking and stat-ing ten thousand cached files.
//!
//! So a warm `pasos kpi` reads this one file for the remote runs. What it
//! trusts: that the copies under `<data>/remote/runs/` are the ones pasos
//! wrote (they are verified when written; the bucket itself is checked by
//! `pasos log verify --remote`, and a copy's file by `pasos log verify`).
//! The file has the KPI index's format
//! ([`crate::history::kpi::cache::load_entries`]); a missing or unreadable
//! one makes the scan walk the cached copies as before.

use super::keys::content_hash;
use crate::history::kpi::cache;
use crate::history::scan::Verdict;
use crate::journal::store;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "kpi-index";

pub fn path(data: &Path) -> PathBuf {
    store::remote_cache_dir(data).join(FILE_NAME)
}

/// What a copy was made of: a hash of its segment keys (the manifest's
/// list for the run).
pub fn key_of(segments: &[String]) -> String {
    content_hash(segments.join("\n").as_bytes())
}

/// Run id → (key, verdict).
pub type Entries = BTreeMap<String, (String, Verdict)>;

/// The index, or `None` when there is none or it cannot be used.
pub fn load(data: &Path) -> Option<Entries> {
    let entries = cache::load_entries::<String>(&path(data))?;
    Some(
        entries
            .into_iter()
            .map(|(id, key, verdict)| (id, (key, verdict)))
            .collect(),
    )
}

/// Replaces the index; on failure removes it, so the scan walks the cached
/// copies rather than miss the runs a stale index does not name.
pub fn save(data: &Path, entries: &Entries) -> std::io::Result<()> {
    let file = path(data);
    let written = cache::save_entries(
        &file,
        entries
            .iter()
            .map(|(id, (key, verdict))| (id.as_str(), key, verdict)),
    );
    if written.is_err() {
        let _ = std::fs::remove_file(&file);
    }
    written
}
