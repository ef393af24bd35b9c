//! The runs the browser lists: one summary per journal, whether it
//! verifies, and the filter people type (every word must match).

use crate::history::RunSummary;
use crate::history::local_time::minute_no_offset;
use crate::history::scan::{ScanOptions, scan};
use crate::journal::{store, verify_file};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone)]
pub struct RunEntry {
    pub summary: RunSummary,
    pub intact: bool,
    pub path: PathBuf,
}

impl RunEntry {
    /// Every word of `filter` appears (case-insensitively) in the run's
    /// id, procedure, title, operator, environment, outcome (its English
    /// word or `label`, as shown) or start date.
    pub fn matches(&self, filter: &str, label: &str) -> bool {
        let s = &self.summary;
        let hay = format!(
            "{} {} {} {} {} {} {} {} {}",
            s.run_id,
            s.procedure_id,
            s.procedure_title,
            s.operator,
            s.environment.as_deref().unwrap_or(""),
            s.outcome_word(),
            label,
            minute_no_offset(s.started, &chrono::Local),
            if self.intact {
                ""
            } else {
                "unverified tampered"
            }
        )
        .to_lowercase();
        filter
            .split_whitespace()
            .all(|w| hay.contains(&w.to_lowercase()))
    }
}

/// Every run under the data dir, newest first, through the history's
/// index (see `history::scan`): only new or changed journals are read.
/// Journals that do not verify are kept and flagged; those that cannot be
/// read at all are skipped.
pub fn load(data: &Path) -> Result<Vec<RunEntry>, String> {
    let scan = scan(data, &ScanOptions::default())
        .map_err(|e| format!("cannot read {}: {e}", store::runs_dir(data).display()))?;
    let mut out: Vec<RunEntry> = scan
        .runs
        .iter()
        .map(|r| RunEntry {
            summary: RunSummary::from_record(r),
            intact: true,
            path: store::journal_path(data, &r.run_id),
        })
        .collect();
    for u in &scan.unverified {
        let Ok(v) = verify_file(&u.path) else {
            continue;
        };
        if let Some(summary) = RunSummary::from_lines(&v.lines) {
            out.push(RunEntry {
                summary,
                intact: false,
                path: u.path.clone(),
            });
        }
    }
    out.sort_by(|a, b| b.summary.run_id.cmp(&a.summary.run_id));
    Ok(out)
}
