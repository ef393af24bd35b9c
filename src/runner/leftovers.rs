//! What a process killed with SIGKILL (or a crash) leaves behind, cleaned
//! at the next start: the shell's private directories of dead processes
//! (`pasos-shell-<pid>-…`, `pasos-run-<pid>-…`, named with the pid that
//! made them) and lock files nobody holds. Only this user's entries, only
//! when their process is provably gone.

use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// The directories where private dirs are made.
fn temp_bases() -> Vec<PathBuf> {
    let mut out = vec![std::env::temp_dir()];
    if let Some(d) = std::env::var_os("XDG_RUNTIME_DIR").map(PathBuf::from)
        && d.is_dir()
        && !out.contains(&d)
    {
        out.push(d);
    }
    out
}

/// The pid in `pasos-shell-<pid>-…` or `pasos-run-<pid>-…`.
fn owner_pid(name: &str) -> Option<u32> {
    let rest = name
        .strip_prefix("pasos-shell-")
        .or_else(|| name.strip_prefix("pasos-run-"))?;
    rest.split('-').next()?.parse().ok()
}

fn alive(pid: u32) -> bool {
    Path::new(&format!("/proc/{pid}")).exists()
}

/// Removes private dirs of dead pasos processes of this user. Returns how
/// many went.
pub fn sweep_temp() -> usize {
    // SAFETY: getuid has no preconditions.
    let uid = unsafe { libc::getuid() };
    let mut removed = 0;
    for base in temp_bases() {
        let Ok(entries) = std::fs::read_dir(&base) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Some(pid) = owner_pid(&name) else {
                continue;
            };
            let Ok(meta) = std::fs::symlink_metadata(entry.path()) else {
                continue;
            };
            if meta.is_dir()
                && meta.uid() == uid
                && pid != std::process::id()
                && !alive(pid)
                && std::fs::remove_dir_all(entry.path()).is_ok()
            {
                removed += 1;
            }
        }
    }
    removed
}

/// Removes lock files under `<data>/locks` that nobody holds (taking each
/// one's lock first, as a holder would, so a live lock is never removed),
/// except `keep`: the lock about to be taken, whose previous holder the
/// takeover journals.
pub fn sweep_locks(data: &Path, keep: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(data.join("locks")) else {
        return 0;
    };
    let mut removed = 0;
    for entry in entries.flatten() {
        let path = entry.path();
        if path != keep
            && path.extension().is_some_and(|e| e == "lock")
            && super::lock::remove_if_free(&path)
        {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::owner_pid;

    #[test]
    fn only_names_with_a_pid_are_considered() {
        assert_eq!(owner_pid("pasos-shell-123-abcd"), Some(123));
        assert_eq!(owner_pid("pasos-run-77-20261206T000000000Z-aaaa"), Some(77));
        assert_eq!(owner_pid("pasos-20261206T000000000Z-aaaa"), None);
        assert_eq!(owner_pid("pasos-demo"), None);
    }
}
