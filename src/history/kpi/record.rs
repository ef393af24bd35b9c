//! The compact record of one run that every KPI is computed from: what the
//! figures need and nothing else, small enough to keep in the index.
//!
//! What counts, decided once here and documented for the figures:
//!
//! - **Wall clock** of a run: from the `run-started` line to the
//!   `run-finished` line (journal timestamps); for a run that has not
//!   finished, to its last line.
//! - **Working time** (the duration every figure uses): the wall clock
//!   minus the pauses. A pause runs from the last line written *before* a
//!   `run-interrupted` line to the `run-resumed` line that follows it. (After
//!   a crash the interruption is only written when the run is resumed, so
//!   the line before it is the only trace of when work stopped; after a quit
//!   the two are the same moment.) A pause that never ended (an interrupted
//!   run not resumed) is not counted: the run's time stops at its last line.
//! - **Rollback time**: from `rollback-started` to `run-finished`, minus the
//!   pauses in between; unknown while the run has not finished.
//! - **A step's duration in a run**: the sum of `step-finished.duration_ms`
//!   of its attempts that ended `done` or `failed` (a step tried twice costs
//!   both tries). A step only skipped has no duration; an attempt cut by an
//!   interruption wrote no `step-finished` and adds nothing.

use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Whether the run was a rehearsal. Rehearsals (dry runs: commands shown,
/// not run) are not executions of the procedure: they are counted apart and
/// left out of every other figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunMode {
    Live,
    Rehearsal,
}

/// Where a run stands at the end of its journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunStatus {
    Success,
    Failed,
    RolledBack,
    Aborted,
    /// The journal ends with `run-interrupted`: resumable, never finished.
    Interrupted,
    /// The journal ends with neither: running now, or crashed.
    Open,
}

impl RunStatus {
    /// Whether the journal has `run-finished`.
    pub fn is_finished(self) -> bool {
        !matches!(self, RunStatus::Interrupted | RunStatus::Open)
    }

    /// The stable kebab-case name (JSON, CSV).
    pub fn name(self) -> &'static str {
        match self {
            RunStatus::Success => "success",
            RunStatus::Failed => "failed",
            RunStatus::RolledBack => "rolled-back",
            RunStatus::Aborted => "aborted",
            RunStatus::Interrupted => "interrupted",
            RunStatus::Open => "open",
        }
    }
}

/// How a step ended in a run (its last attempt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepEnd {
    Done,
    Failed,
    Skipped,
}

/// One step of one run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepSample {
    pub id: String,
    /// Sum of the attempts that ended done or failed, in milliseconds.
    pub duration_ms: u64,
    /// `step-finished` lines that ended done or failed.
    pub attempts: u32,
    /// The outcome of the last `step-finished` of the step.
    pub last: StepEnd,
}

impl StepSample {
    /// Whether this is a sample of the step's duration (it was worked on,
    /// not only skipped).
    pub fn is_sample(&self) -> bool {
        self.attempts > 0
    }
}

/// A step of the procedure as the run's profile recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct StepPlan {
    pub id: String,
    pub title: String,
    /// The phase id, or `rollback` for the full rollback's R-steps.
    pub phase: String,
    /// As written (`5-10m`).
    #[serde(default)]
    pub estimate: Option<String>,
}

/// The rollback of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RollbackRecord {
    /// The step the rollback started from, when the engine recorded one.
    pub from_step: Option<String>,
    /// Working time from `rollback-started` to `run-finished`; `None`
    /// while the run has not finished.
    pub duration_ms: Option<u64>,
}

/// The compact record of one verified run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunRecord {
    pub run_id: String,
    pub procedure_id: String,
    pub procedure_title: String,
    pub version: String,
    /// The procedure file as given to `pasos run` (relative to where the
    /// run was started, or absolute).
    pub source: String,
    pub environment: Option<String>,
    pub mode: RunMode,
    /// `--operator NAME` when given, else `user@host`.
    pub operator: String,
    /// `user@host` of the operator who started the run.
    pub login: String,
    /// Start (the `run-started` line), milliseconds since the Unix epoch.
    pub started_ms: i64,
    pub status: RunStatus,
    /// See the module docs: start to finish (or to the last line).
    pub wall_ms: u64,
    /// Sum of the pauses between an interruption and its resumption.
    pub paused_ms: u64,
    /// `run-interrupted` lines.
    pub interruptions: u32,
    pub rollback: Option<RollbackRecord>,
    /// Each deviation as `step: what — reason` (or `what — reason`).
    pub deviations: Vec<String>,
    /// Each note's text, with its step when it has one (`3: text`).
    pub notes: Vec<String>,
    /// Steps in the order they first finished.
    pub steps: Vec<StepSample>,
    /// An incident procedure (counts for MTTR).
    pub incident: bool,
    /// The procedure's steps with their estimates, from the profile; runs
    /// with the same profile share it. The index stores each distinct plan
    /// once (see `cache`), so it is not serialized with the record.
    #[serde(skip)]
    pub plan: Arc<[StepPlan]>,
}

impl RunRecord {
    /// The duration every figure uses: wall clock minus pauses.
    pub fn working_ms(&self) -> u64 {
        self.wall_ms.saturating_sub(self.paused_ms)
    }

    pub fn started(&self) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(self.started_ms)
            .single()
            .unwrap_or_default()
    }

    pub fn is_live(&self) -> bool {
        self.mode == RunMode::Live
    }

    pub fn rolled_back(&self) -> bool {
        self.rollback.is_some()
    }
}
