//! Why the engine ended a step the way it did, as a fact: the journal keeps
//! the numbers and patterns, and each reader renders them in their own
//! language (`i18n::step_cause`). The operator's own words (the reason of
//! an override or a skip) stay in `reason`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum StepCause {
    /// Command `command` (1-based) of `of` exited with `exit_code`.
    CommandExited {
        command: usize,
        of: usize,
        exit_code: i32,
    },
    /// The validation did not pass: its exit code was not the expected one,
    /// and/or its output did not match `unmatched`.
    ValidationFailed {
        exit_code: i32,
        expected: i32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unmatched: Option<String>,
    },
    /// The step's own output did not match the expected pattern.
    OutputMismatch { pattern: String },
    /// A rehearsal: the commands were shown, not run.
    Rehearsal,
    /// The step in progress was stopped because the rollback started.
    RollbackStarted,
    /// The step in progress was stopped because the run was aborted.
    Aborted,
}
