//! The catalog of procedures: every procedure file of the configured
//! directories (`procedures_dir`, default `./procedures/`) with what the
//! history says about it, and when its review is due. UI-free: the TUI
//! (`tui::catalog`), `pasos index` and `pasos kpi` render it.
//!
//! Loading reads the procedure files and scans the history (through the
//! KPI index, see `history::scan`) at the same time. The catalog screen
//! does not wait for the scan: it starts from the figures the last scan
//! left ([`summary`]) and takes the verified ones when the scan ends.

pub mod cadence;
pub mod config;
pub mod entry;
pub mod files;
pub mod index;
pub mod kpi;
pub mod summary;

pub use cadence::Review;
pub use entry::{Entry, History};
pub use files::Broken;
pub use kpi::CatalogKpi;

use crate::history::record::RunRecord;
use crate::history::scan::{Scan, ScanOptions, scan};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct Catalog {
    /// The directories looked in.
    pub dirs: Vec<PathBuf>,
    /// Those of `dirs` that do not exist.
    pub missing_dirs: Vec<PathBuf>,
    /// In catalog order: criticality, category, id.
    pub entries: Vec<Entry>,
    /// `*.toml` files that are not procedures pasos can run.
    pub broken: Vec<Broken>,
    /// The date reviews and "last quarter" are counted from.
    pub today: NaiveDate,
    /// Journals of the history that do not verify (left out).
    pub unverified: usize,
    /// The figures come from a verified scan of the history, not (yet)
    /// from the summary the last scan left.
    pub verified: bool,
}

impl Catalog {
    /// The catalog of `found` procedure files with the figures of `runs`
    /// (the history's verified runs, oldest first).
    pub fn build(
        dirs: Vec<PathBuf>,
        found: &[files::Found],
        broken: Vec<Broken>,
        runs: &[RunRecord],
        today: NaiveDate,
    ) -> Catalog {
        let mut entries: Vec<Entry> = found
            .iter()
            .map(|f| Entry::new(f, History::default(), today))
            .collect();
        entries.sort_by_cached_key(Entry::sort_key);
        let mut catalog = Catalog {
            missing_dirs: dirs.iter().filter(|d| !d.is_dir()).cloned().collect(),
            dirs,
            entries,
            broken,
            today,
            unverified: 0,
            verified: false,
        };
        catalog.set_runs(runs);
        catalog
    }

    /// Every entry's figures from `runs` (the history's verified runs,
    /// oldest first).
    pub fn set_runs(&mut self, runs: &[RunRecord]) {
        let mut by_id: HashMap<&str, Vec<&RunRecord>> = HashMap::new();
        for r in runs {
            by_id.entry(r.procedure_id.as_str()).or_default().push(r);
        }
        for e in &mut self.entries {
            let runs = by_id.get(e.id.as_str()).map(Vec::as_slice).unwrap_or(&[]);
            e.history = History::of(runs);
        }
        self.verified = true;
    }

    /// The figures of a finished scan of the history; the summary the next
    /// start begins from is written (a failure to write it only costs that
    /// start its figures until its own scan ends).
    pub fn set_scan(&mut self, scanned: &Scan, data: &Path) {
        self.set_runs(&scanned.runs);
        self.unverified = scanned.unverified.len();
        let _ = self.summary().save(data);
    }

    /// The figures as a summary for the next start.
    pub fn summary(&self) -> summary::Summary {
        summary::Summary::new(
            self.unverified,
            self.entries
                .iter()
                .map(|e| (e.id.clone(), e.history.clone()))
                .collect(),
        )
    }

    /// The procedure files of `dirs` with the figures the last scan of
    /// `data` left (none when there is no summary): what the catalog
    /// screen draws first, while [`scan`] verifies the history.
    pub fn load_files(dirs: &[PathBuf], data: &Path, today: NaiveDate) -> Catalog {
        let ((found, broken), last) = std::thread::scope(|s| {
            let files = s.spawn(|| files::load(dirs));
            let last = summary::Summary::load(data);
            let files = files
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (files, last)
        });
        let mut catalog = Catalog::build(dirs.to_vec(), &found, broken, &[], today);
        catalog.verified = false;
        if let Some(last) = last {
            for e in &mut catalog.entries {
                e.history = last.histories.get(&e.id).cloned().unwrap_or_default();
            }
            catalog.unverified = last.unverified;
        }
        catalog
    }

    /// Reads the procedure files of `dirs` and the history of `data` (at
    /// the same time), and builds the catalog. The scan is returned too,
    /// for screens that list runs or figures from it.
    pub fn load(
        dirs: &[PathBuf],
        data: &Path,
        today: NaiveDate,
    ) -> std::io::Result<(Catalog, Scan)> {
        let (files, scanned) = std::thread::scope(|s| {
            let files = s.spawn(|| files::load(dirs));
            let scanned = scan(data, &ScanOptions::default());
            let files = files
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (files, scanned)
        });
        let scanned = scanned?;
        let (found, broken) = files;
        let mut catalog = Catalog::build(dirs.to_vec(), &found, broken, &[], today);
        catalog.set_scan(&scanned, data);
        Ok((catalog, scanned))
    }

    /// The global figures of seed 001 over this catalog.
    pub fn kpi(&self) -> CatalogKpi {
        CatalogKpi::of(self)
    }
}
