//! Where journals live: `<data>/runs/YYYY/MM/<run-id>.jsonl` (+ `.head`),
//! directories 0700 and files 0600; run ids sort by time.

use chrono::{DateTime, Datelike, Utc};
use std::io;
use std::path::{Path, PathBuf};

/// `20261123T200501123Z-3f9a`: UTC start time to the millisecond, then a
/// random suffix so two runs started in the same millisecond differ.
pub fn new_run_id(now: DateTime<Utc>) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u32(std::process::id());
    h.write_i64(now.timestamp_nanos_opt().unwrap_or_default());
    format!(
        "{}-{:04x}",
        now.format("%Y%m%dT%H%M%S%3fZ"),
        h.finish() & 0xffff
    )
}

/// The start time encoded in a run id, if it has one.
pub fn run_id_time(run_id: &str) -> Option<DateTime<Utc>> {
    let stamp = run_id.split('-').next()?;
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%S%3fZ")
        .ok()
        .map(|n| n.and_utc())
}

pub fn runs_dir(data: &Path) -> PathBuf {
    data.join("runs")
}

pub fn journal_path(data: &Path, run_id: &str) -> PathBuf {
    let t = run_id_time(run_id).unwrap_or_else(Utc::now);
    runs_dir(data)
        .join(format!("{:04}", t.year()))
        .join(format!("{:02}", t.month()))
        .join(format!("{run_id}.jsonl"))
}

/// The `.head` file next to a journal: the last seq and hash written.
pub fn head_path(journal: &Path) -> PathBuf {
    journal.with_extension("head")
}

/// The run id of a journal path (its file stem).
pub fn run_id_of(journal: &Path) -> String {
    journal
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Creates `dir` and its missing parents with mode 0700.
pub fn create_private_dir_all(dir: &Path) -> io::Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
}

pub fn private_file_options() -> std::fs::OpenOptions {
    let mut o = std::fs::OpenOptions::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o
}

/// Every journal under the data dir, oldest first.
pub fn list(data: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let root = runs_dir(data);
    if !root.exists() {
        return Ok(out);
    }
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "jsonl") {
                out.push(path);
            }
        }
    }
    out.sort_by_key(|p| run_id_of(p));
    Ok(out)
}

/// The `.head` files under the data dir whose journal is gone (deleted
/// during or after its run): each stands for a missing journal.
pub fn orphan_heads(data: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let root = runs_dir(data);
    if !root.exists() {
        return Ok(out);
    }
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir)? {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "head")
                && !path.with_extension("jsonl").exists()
            {
                out.push(path);
            }
        }
    }
    out.sort_by_key(|p| run_id_of(p));
    Ok(out)
}

/// The journal of a run id, or of the only run id starting with `prefix`.
pub fn find(data: &Path, prefix: &str) -> Result<PathBuf, String> {
    let all = list(data).map_err(|e| format!("cannot read {}: {e}", runs_dir(data).display()))?;
    let matches: Vec<PathBuf> = all
        .into_iter()
        .filter(|p| run_id_of(p).starts_with(prefix))
        .collect();
    match matches.len() {
        1 => Ok(matches.into_iter().next().unwrap_or_default()),
        0 => Err(format!("no run `{prefix}` in {}", data.display())),
        n => Err(format!(
            "`{prefix}` matches {n} runs; give more of the run id"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn run_ids_sort_by_time_and_encode_it() {
        let t1 = "2026-11-23T20:05:01.123Z".parse::<DateTime<Utc>>().unwrap();
        let t2 = "2026-11-23T20:05:01.124Z".parse::<DateTime<Utc>>().unwrap();
        let (a, b) = (new_run_id(t1), new_run_id(t2));
        assert!(a < b, "{a} < {b}");
        assert!(a.starts_with("20261123T200501123Z-"));
        assert_eq!(run_id_time(&a), Some(t1));
        let p = journal_path(Path::new("/d"), &a);
        assert_eq!(p, Path::new("/d/runs/2026/11").join(format!("{a}.jsonl")));
    }
}
