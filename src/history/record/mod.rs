//! The one record of a run the history reads: the listing (`pasos log
//! list`, the browser), the KPIs, the report and `export --run` all start
//! from it; the detailed review (`history::review`) is a richer view built
//! beside it from the same lines. Small enough to keep in the index.
//!
//! What counts, decided once here and documented for the figures:
//!
//! - **Wall clock** of a run: from the `run-started` line to the
//!   `run-finished` line (journal timestamps); for a run that has not
//!   finished, to its last line.
//! - **Working time** (the duration every figure uses, on every screen and
//!   in every file): the wall clock minus the pauses. A pause runs from the
//!   `run-interrupted` line to the `run-resumed` line that follows it;
//!   after a crash the interruption is only written by the session that
//!   resumes, in the same instant as `run-resumed`, and then the pause runs
//!   from the line before it (the last trace of work). A pause that never
//!   ended (an interrupted run not resumed) is not counted: the run's time
//!   stops at its last line.
//! - **Rollback time**: from `rollback-started` to `run-finished`, minus the
//!   pauses in between; unknown while the run has not finished.
//! - **A step's duration in a run**: the sum of `step-finished.duration_ms`
//!   of its attempts that ended `done` or `failed` (a step tried twice costs
//!   both tries). A step only skipped has no duration; an attempt cut by an
//!   interruption wrote no `step-finished` and adds nothing.

pub mod build;
pub mod fact;
pub mod read;

pub use crate::journal::Mode as RunMode;
use crate::journal::{DeviationKind, RunOutcome};
use chrono::{DateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::sync::Arc;

/// Where a run stands at the end of its journal: the one run-end type of
/// the history. A finished run carries the journal's own
/// [`RunOutcome`]; serialized as one kebab-case word (`success`, `failed`,
/// `rolled-back`, `aborted`, `interrupted`, `open`), the words the catalog
/// translates once (`history-run-end`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RunStatus {
    Finished(RunOutcome),
    /// The journal ends with `run-interrupted`: resumable, never finished.
    Interrupted,
    /// The journal ends with neither: running now, or crashed.
    Open,
}

impl RunStatus {
    pub const SUCCESS: RunStatus = RunStatus::Finished(RunOutcome::Success);
    pub const FAILED: RunStatus = RunStatus::Finished(RunOutcome::Failed);
    pub const ROLLED_BACK: RunStatus = RunStatus::Finished(RunOutcome::RolledBack);
    pub const ABORTED: RunStatus = RunStatus::Finished(RunOutcome::Aborted);

    /// Every status, in the order tables show them.
    pub const ALL: [RunStatus; 6] = [
        RunStatus::SUCCESS,
        RunStatus::FAILED,
        RunStatus::ROLLED_BACK,
        RunStatus::ABORTED,
        RunStatus::Interrupted,
        RunStatus::Open,
    ];

    /// Whether the journal has `run-finished`.
    pub fn is_finished(self) -> bool {
        matches!(self, RunStatus::Finished(_))
    }

    /// The stable kebab-case name (JSON, CSV, `--outcome`, the catalog's
    /// selector).
    pub fn name(self) -> &'static str {
        match self {
            RunStatus::Finished(RunOutcome::Success) => "success",
            RunStatus::Finished(RunOutcome::Failed) => "failed",
            RunStatus::Finished(RunOutcome::RolledBack) => "rolled-back",
            RunStatus::Finished(RunOutcome::Aborted) => "aborted",
            RunStatus::Interrupted => "interrupted",
            RunStatus::Open => "open",
        }
    }

    /// The status named `name` (as [`RunStatus::name`] writes it).
    pub fn from_name(name: &str) -> Option<RunStatus> {
        RunStatus::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The word a person reads, in `lang`.
    pub fn word(self, lang: crate::i18n::Lang) -> String {
        crate::tr!(lang, "history-run-end", status = self.name())
    }
}

impl Serialize for RunStatus {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for RunStatus {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        RunStatus::from_name(&name)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown run status `{name}`")))
    }
}

/// One deviation: what the operator did, and why in their words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviationRecord {
    pub step: Option<String>,
    pub kind: DeviationKind,
    pub reason: String,
}

impl DeviationRecord {
    /// `step 4: failed → done (overridden): <reason>`, in `lang`.
    pub fn line(&self, lang: crate::i18n::Lang) -> String {
        crate::history::words::deviation_with_reason(
            lang,
            self.step.as_deref(),
            &self.kind,
            &self.reason,
        )
    }
}

/// One note, in the operator's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRecord {
    pub step: Option<String>,
    pub text: String,
}

impl NoteRecord {
    /// `3: text`, or the text alone when it is about no step.
    pub fn line(&self) -> String {
        match &self.step {
            Some(s) => format!("{s}: {}", self.text),
            None => self.text.clone(),
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
    /// Who did it, when not the run's operator (a run handed over).
    /// (Never skipped when serialized: the KPI index is postcard.)
    #[serde(default)]
    pub by: Option<String>,
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
    /// The operators who resumed it (a handoff), in order, once each.
    #[serde(default)]
    pub operators: Vec<String>,
    /// `--supervised-by`: who supervised the run (no
    /// `skip_serializing_if`: the KPI index's binary form needs every field).
    #[serde(default)]
    pub supervisor: Option<String>,
    /// Start (the `run-started` line), milliseconds since the Unix epoch.
    pub started_ms: i64,
    /// The last line's time, milliseconds since the Unix epoch.
    pub last_ms: i64,
    pub status: RunStatus,
    /// See the module docs: start to finish (or to the last line).
    pub wall_ms: u64,
    /// Sum of the pauses between an interruption and its resumption.
    pub paused_ms: u64,
    /// `run-interrupted` lines.
    pub interruptions: u32,
    pub rollback: Option<RollbackRecord>,
    pub deviations: Vec<DeviationRecord>,
    pub notes: Vec<NoteRecord>,
    /// The operator's reason for ending the run (an abort).
    pub end_reason: Option<String>,
    /// Lines of the journal that took part in the record.
    pub events: u64,
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

    /// The time of the journal's last line.
    pub fn last_event(&self) -> DateTime<Utc> {
        Utc.timestamp_millis_opt(self.last_ms)
            .single()
            .unwrap_or_default()
    }

    pub fn is_live(&self) -> bool {
        self.mode == RunMode::Live
    }

    /// An unattended drill (`pasos run --unattended`): counted for "last
    /// test", kept apart from live runs everywhere else.
    pub fn is_test(&self) -> bool {
        self.mode == RunMode::Test
    }

    /// The outcome as listings show it: a rehearsal or a test run says so
    /// next to its outcome, so it is never read as a real execution.
    pub fn outcome_word(&self, lang: crate::i18n::Lang) -> String {
        let word = self.status.word(lang);
        match self.mode {
            RunMode::Rehearsal => {
                format!("{word} ({})", crate::tr!(lang, "history-mark-rehearsal"))
            }
            RunMode::Test => format!("{word} ({})", crate::tr!(lang, "unattended-list-mark")),
            _ => word,
        }
    }

    pub fn rolled_back(&self) -> bool {
        self.rollback.is_some()
    }
}
