//! The catalog's figures as the last verified scan of the history left
//! them: `<data>/cache/catalog-summary`, each procedure id's [`History`].
//!
//! The catalog screen draws its first frame from this file and the
//! procedure files alone, without waiting for the history: verifying it
//! (every journal looked at, the KPI index read) takes about 100 ms at
//! 10,000 runs. The scan then runs behind the screen, its figures replace
//! these, and the file is written again. Until then the footer says the
//! figures are being checked. A file that is missing, of another version
//! or does not read is ignored: the figures then show once the scan ends.

use super::entry::History;
use crate::journal::store;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Bump when [`History`] changes shape.
const VERSION: u32 = 1;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    version: u32,
    /// Journals of the history that did not verify.
    pub unverified: usize,
    pub histories: HashMap<String, History>,
}

/// `<data>/cache/catalog-summary`.
pub fn path(data: &Path) -> PathBuf {
    data.join("cache").join("catalog-summary")
}

impl Summary {
    pub fn new(unverified: usize, histories: HashMap<String, History>) -> Summary {
        Summary {
            version: VERSION,
            unverified,
            histories,
        }
    }

    /// The summary of `data`, when there is a readable one of this version.
    pub fn load(data: &Path) -> Option<Summary> {
        let bytes = crate::history::kpi::cache::read_cache(&path(data)).ok()?;
        serde_json::from_slice::<Summary>(&bytes)
            .ok()
            .filter(|s| s.version == VERSION)
    }

    /// Replaces the summary of `data` (atomically, 0600).
    pub fn save(&self, data: &Path) -> std::io::Result<()> {
        let body = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        store::write_private_atomic(&path(data), &[&body])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::record::RunStatus;

    #[test]
    fn a_summary_reads_back_and_anything_else_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(Summary::load(dir.path()), None);
        let h = History {
            executions: 3,
            success_rate: Some(2.0 / 3.0),
            avg_ms: Some(61_000),
            last_execution: Some("2026-11-23T20:05:01.123Z".parse().unwrap()),
            last_status: Some(RunStatus::FAILED),
            tests: 1,
            last_test: None,
            last_test_passed: Some(true),
            rehearsals: 2,
        };
        let s = Summary::new(4, HashMap::from([("PROC-1".to_string(), h)]));
        s.save(dir.path()).unwrap();
        assert_eq!(Summary::load(dir.path()), Some(s.clone()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(path(dir.path()))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(path(dir.path()), b"{\"version\":1,").unwrap();
        assert_eq!(Summary::load(dir.path()), None);
        // A FIFO in its place is not waited on.
        std::fs::remove_file(path(dir.path())).unwrap();
        let fifo = std::ffi::CString::new(path(dir.path()).to_str().unwrap()).unwrap();
        // SAFETY: mkfifo on a path this test owns.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        assert_eq!(Summary::load(dir.path()), None);
        std::fs::remove_file(path(dir.path())).unwrap();
        // Nor one in place of the KPI index.
        let index = crate::history::kpi::cache::index_path(dir.path());
        let fifo = std::ffi::CString::new(index.to_str().unwrap()).unwrap();
        // SAFETY: as above.
        assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
        assert!(crate::history::kpi::cache::Index::load(dir.path()).is_empty());
        let mut other = s;
        other.version = VERSION + 1;
        std::fs::write(path(dir.path()), serde_json::to_vec(&other).unwrap()).unwrap();
        assert_eq!(Summary::load(dir.path()), None);
    }
}
