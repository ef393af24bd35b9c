//! The runs the browser lists: one summary per journal, whether it
//! verifies, and the filter people type (every word must match).

use crate::history::RunSummary;
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
            s.started
                .with_timezone(&chrono::Local)
                .format("%Y-%m-%d %H:%M"),
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

/// Every run under the data dir, newest first. Journals that cannot be
/// read at all are skipped; those that do not verify are kept and flagged.
pub fn load(data: &Path) -> Result<Vec<RunEntry>, String> {
    let paths = store::list(data)
        .map_err(|e| format!("cannot read {}: {e}", store::runs_dir(data).display()))?;
    let mut out: Vec<RunEntry> = paths
        .into_iter()
        .filter_map(|path| {
            let v = verify_file(&path).ok()?;
            let summary = RunSummary::from_lines(&v.lines)?;
            Some(RunEntry {
                summary,
                intact: v.intact(),
                path,
            })
        })
        .collect();
    out.reverse();
    Ok(out)
}
