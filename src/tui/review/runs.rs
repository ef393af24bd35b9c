//! The runs the browser lists (from `history::listing`), newest first, and
//! the filter people type (every word must match).

use crate::history::listing::Listing;
use crate::history::local_time::minute_no_offset;
use crate::history::scan::Unverified;
use crate::journal::store;
use std::path::Path;

/// One run of the list (see `history::listing`).
pub use crate::history::listing::Listed as RunEntry;

impl RunEntry {
    /// Every word of `filter` appears (case-insensitively) in the run's
    /// id, procedure, title, operator, environment, outcome (its English
    /// word or `label`, as shown) or start date.
    pub fn matches(&self, filter: &str, label: &str) -> bool {
        let s = &self.record;
        let hay = format!(
            "{} {} {} {} {} {} {} {} {}",
            s.run_id,
            s.procedure_id,
            s.procedure_title,
            s.operator,
            s.environment.as_deref().unwrap_or(""),
            s.status.name(),
            label,
            minute_no_offset(s.started(), &chrono::Local),
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

/// Every run under the data dir, newest first, and the journals that
/// cannot be read as a run.
pub fn load(data: &Path) -> Result<(Vec<RunEntry>, Vec<Unverified>), String> {
    let listing = crate::history::listing::list(data)
        .map_err(|e| format!("cannot read {}: {e}", store::runs_dir(data).display()))?;
    Ok(newest_first(listing))
}

/// The same, from a listing already made.
pub fn newest_first(listing: Listing) -> (Vec<RunEntry>, Vec<Unverified>) {
    let mut runs = listing.runs;
    runs.reverse();
    (runs, listing.unreadable)
}
