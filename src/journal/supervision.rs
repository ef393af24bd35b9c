//! The fact of a supervised run (`pasos run --supervised-by NAME`): who
//! supervises it, and at each critical step how the supervisor was there,
//! watching live (`pasos watch`) or by their signed approval.

use serde::{Deserialize, Serialize};

/// Journaled once at the start with no step (the run is supervised by
/// `supervisor`), then once per critical step as it starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Supervision {
    pub supervisor: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<String>,
    /// For a step: `watcher` or `approval`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// The supervisor was watching the run live.
pub const BY_WATCHER: &str = "watcher";
/// The supervisor signed an approval for the step.
pub const BY_APPROVAL: &str = "approval";

/// Whether a person's name (as the team file or a watcher gives it,
/// `ana@example`) is the supervisor named on the command line (`ana` or
/// `ana@example`).
pub fn same_person(supervisor: &str, name: &str) -> bool {
    let sup = supervisor.trim();
    !sup.is_empty() && (name == sup || name.split('@').next() == Some(sup))
}
