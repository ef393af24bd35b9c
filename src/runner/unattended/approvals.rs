//! Approvals in an unattended run: nobody can be waited for, so only a
//! change-window approval signed ahead of time (`pasos approve --procedure
//! ID [STEP] --from … --until …`) can answer one. Before the start, the
//! window approvals on file are read for their role, step and window (a
//! cheap check, to refuse early); during the run they are verified like in
//! any run (signature, team file, role, not the operator's own key).

use crate::trust::approval::{Request, Signed, pending, window_dir};
use chrono::{DateTime, Utc};
use std::path::Path;

/// A window approval on file that holds now: the step (`None` for the
/// procedure's own approval) and the role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OnFile {
    pub step: Option<String>,
    pub role: String,
}

/// The window approvals of `procedure` in `data` whose window holds `now`.
pub fn windows_on_file(data: &Path, procedure: &str, now: DateTime<Utc>) -> Vec<OnFile> {
    pending(&[window_dir(data, procedure)])
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .filter_map(|t| Signed::parse(&t).ok())
        .filter_map(|s| Request::parse(&s.text).ok())
        .filter(|r| r.procedure == procedure && r.run.is_none())
        .filter(|r| r.window.is_some_and(|(from, to)| from <= now && now <= to))
        .map(|r| OnFile {
            step: r.step,
            role: r.role,
        })
        .collect()
}
