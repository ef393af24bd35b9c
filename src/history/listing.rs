//! Every run of a data directory for listings (`pasos log list`, the
//! browser): the run's record per journal through the history's index (see
//! `scan`: only new or changed journals are read), whether it verifies,
//! and the journals that cannot be read as a run at all.

use super::record::{RunRecord, build};
use super::scan::{Scan, ScanOptions, Unverified, scan};
use crate::journal::{store, verify_file};
use std::io;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Listed {
    pub record: RunRecord,
    /// The journal verifies.
    pub intact: bool,
    pub path: PathBuf,
}

#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Oldest first. Journals that do not verify are here too, flagged.
    pub runs: Vec<Listed>,
    /// Journals without a readable `run-started` (nothing to summarize):
    /// still named, with what verification found.
    pub unreadable: Vec<Unverified>,
}

pub fn list(data: &Path) -> io::Result<Listing> {
    Ok(from_scan(data, scan(data, &ScanOptions::default())?))
}

/// The listing of a scan already made (`pasos kpi` hands its own over).
pub fn from_scan(data: &Path, scan: Scan) -> Listing {
    let mut out = Listing {
        runs: scan
            .runs
            .into_iter()
            .map(|r| Listed {
                path: store::journal_path(data, &r.run_id),
                record: r,
                intact: true,
            })
            .collect(),
        unreadable: Vec::new(),
    };
    for u in scan.unverified {
        let record = verify_file(&u.path)
            .ok()
            .and_then(|v| build::from_lines(&v.lines).ok());
        match record {
            Some(record) => out.runs.push(Listed {
                record,
                intact: false,
                path: u.path,
            }),
            None => out.unreadable.push(u),
        }
    }
    out.runs
        .sort_by(|a, b| a.record.run_id.cmp(&b.record.run_id));
    out
}
