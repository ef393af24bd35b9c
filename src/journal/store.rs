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

/// A run that has just started draws its first frame before it journals
/// `run-started` (a few milliseconds later): a watcher or an approver that
/// finds the journal still empty waits up to `limit` for its first line.
pub fn wait_for_first_line(path: &Path, limit: std::time::Duration) {
    let start = std::time::Instant::now();
    while start.elapsed() < limit && std::fs::metadata(path).is_ok_and(|m| m.len() == 0) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
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

/// Replaces the file at `path` with `parts` (written one after the
/// other): a temporary file of this process in the same directory (0700,
/// created when missing), 0600, then a rename, so a reader never sees half
/// a file and two writers never share a temporary file.
pub fn write_private_atomic(path: &Path, parts: &[&[u8]]) -> io::Result<()> {
    use std::io::Write;
    let dir = path.parent().unwrap_or(Path::new("."));
    create_private_dir_all(dir)?;
    let name = path
        .file_name()
        .map_or_else(|| "file".to_string(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!("{name}.tmp-{}", std::process::id()));
    let mut f = private_file_options()
        .create(true)
        .write(true)
        .truncate(true)
        .open(&tmp)?;
    let written = parts.iter().try_for_each(|p| f.write_all(p));
    drop(f);
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    Ok(())
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
    list_under(&runs_dir(data))
}

/// Every journal under a `runs/` directory, oldest first.
pub fn list_under(root: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let root = root.to_path_buf();
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

/// Which journals the history of this process reads: the bastion's own
/// (`<data>/runs/`), the copies of a team's remote runs cached by
/// `crate::remote` (`<data>/remote/runs/`), or both. Set once by the
/// command line (`--local-only`, `--remote-only`); both by default. A run
/// present in both places is read once, from the local copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Scope {
    #[default]
    Both,
    LocalOnly,
    RemoteOnly,
}

static SCOPE: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Sets the [`Scope`] the history reads for the rest of the process.
pub fn set_scope(scope: Scope) {
    let n = match scope {
        Scope::Both => 0,
        Scope::LocalOnly => 1,
        Scope::RemoteOnly => 2,
    };
    SCOPE.store(n, std::sync::atomic::Ordering::Relaxed);
}

pub fn scope() -> Scope {
    match SCOPE.load(std::sync::atomic::Ordering::Relaxed) {
        1 => Scope::LocalOnly,
        2 => Scope::RemoteOnly,
        _ => Scope::Both,
    }
}

/// Where the cached copies of remote runs live: a data dir of their own.
pub fn remote_cache_dir(data: &Path) -> PathBuf {
    data.join("remote")
}

/// The `runs/` directories the history reads under the current [`Scope`],
/// the local one first (it wins when a run is in both).
pub fn history_roots(data: &Path) -> Vec<PathBuf> {
    let local = runs_dir(data);
    let remote = runs_dir(&remote_cache_dir(data));
    match scope() {
        Scope::Both => vec![local, remote],
        Scope::LocalOnly => vec![local],
        Scope::RemoteOnly => vec![remote],
    }
}

/// Every journal the history reads (see [`Scope`]), oldest first; a run id
/// found in more than one root is listed once, from the first.
pub fn history_list(data: &Path) -> io::Result<Vec<PathBuf>> {
    let mut out: Vec<PathBuf> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for root in history_roots(data) {
        for path in list_under(&root)? {
            if seen.insert(run_id_of(&path)) {
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

/// [`find`] over the journals the history reads (see [`Scope`]).
pub fn history_find(data: &Path, prefix: &str) -> Result<PathBuf, FindError> {
    let all = history_list(data).map_err(|e| FindError::Unreadable(runs_dir(data), e))?;
    pick(all, prefix, data)
}

/// The journal of a run the history read, wherever it lives.
pub fn history_path(data: &Path, run_id: &str) -> PathBuf {
    let local = journal_path(data, run_id);
    if scope() == Scope::LocalOnly || local.exists() {
        return local;
    }
    let cached = journal_path(&remote_cache_dir(data), run_id);
    if cached.exists() || scope() == Scope::RemoteOnly {
        cached
    } else {
        local
    }
}

/// The journal of a run id, or of the only run id starting with `prefix`.
pub fn find(data: &Path, prefix: &str) -> Result<PathBuf, FindError> {
    let all = list(data).map_err(|e| FindError::Unreadable(runs_dir(data), e))?;
    pick(all, prefix, data)
}

/// Why [`find`] found no single run; people read it through
/// `i18n::find_error`, in their language.
#[derive(Debug)]
pub enum FindError {
    /// The runs directory cannot be read.
    Unreadable(PathBuf, std::io::Error),
    /// No run id starts with the prefix.
    NoRun { prefix: String, data: PathBuf },
    /// Several run ids start with it.
    Ambiguous { prefix: String, count: usize },
}

fn pick(all: Vec<PathBuf>, prefix: &str, data: &Path) -> Result<PathBuf, FindError> {
    let matches: Vec<PathBuf> = all
        .into_iter()
        .filter(|p| run_id_of(p).starts_with(prefix))
        .collect();
    match matches.len() {
        1 => Ok(matches.into_iter().next().unwrap_or_default()),
        0 => Err(FindError::NoRun {
            prefix: prefix.to_string(),
            data: data.to_path_buf(),
        }),
        count => Err(FindError::Ambiguous {
            prefix: prefix.to_string(),
            count,
        }),
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
