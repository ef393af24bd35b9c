//! Figures of one procedure (all versions together, and per version), and
//! its history of executions.

use super::record::{RunRecord, RunStatus};
use super::stats::{DurationStats, ratio};
use crate::journal::RunOutcome;
use chrono::{DateTime, Utc};
use serde::Serialize;

/// The figures of a set of runs of one procedure.
///
/// Executions are live runs; rehearsals and unattended test runs are only
/// counted (`rehearsals`, `tests`, `last_test`).
/// An interrupted or open execution counts as an execution and in
/// `rollbacks` / `deviations`, but not in the success rate or the durations.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    /// Live runs: finished, interrupted or still open.
    pub executions: usize,
    /// Executions whose journal has `run-finished`.
    pub finished: usize,
    pub successes: usize,
    pub failed: usize,
    /// Finished with the outcome `rolled-back`.
    pub rolled_back: usize,
    pub aborted: usize,
    /// Stopped with `run-interrupted` and not resumed (yet).
    pub interrupted: usize,
    /// Journal ends without finishing or being interrupted (running, or
    /// crashed).
    pub open: usize,
    /// `successes / finished`, 0..1 with four decimals; `null` when none
    /// finished.
    pub success_rate: Option<f64>,
    /// Working time (wall clock minus interruptions) of the finished
    /// executions.
    pub duration: Option<DurationStats>,
    /// Executions in which a rollback started, whatever their outcome.
    pub rollbacks: usize,
    /// Mean working time from `rollback-started` to `run-finished`, over
    /// the rollbacks of finished executions.
    pub rollback_avg_ms: Option<u64>,
    /// `deviation` events in the executions.
    pub deviations: usize,
    /// Start of the most recent execution.
    #[serde(serialize_with = "super::output::opt_time")]
    pub last_execution: Option<DateTime<Utc>>,
    /// Rehearsals (dry runs), not counted anywhere above.
    pub rehearsals: usize,
    /// Unattended test runs (`pasos run --unattended`), not counted
    /// anywhere above.
    pub tests: usize,
    /// Start of the most recent test run, whatever its outcome.
    #[serde(serialize_with = "super::output::opt_time")]
    pub last_test: Option<DateTime<Utc>>,
    /// Whether that test run finished with success.
    pub last_test_passed: Option<bool>,
    /// Executions under supervision (`pasos run --supervised-by`).
    pub supervised: usize,
}

impl Figures {
    /// Figures of `runs` (live and rehearsals mixed; rehearsals are only
    /// counted).
    pub fn of<'a>(runs: impl IntoIterator<Item = &'a RunRecord>) -> Figures {
        let mut f = Figures {
            executions: 0,
            finished: 0,
            successes: 0,
            failed: 0,
            rolled_back: 0,
            aborted: 0,
            interrupted: 0,
            open: 0,
            success_rate: None,
            duration: None,
            rollbacks: 0,
            rollback_avg_ms: None,
            deviations: 0,
            last_execution: None,
            rehearsals: 0,
            tests: 0,
            last_test: None,
            last_test_passed: None,
            supervised: 0,
        };
        let mut durations = Vec::new();
        let mut rollback_times = Vec::new();
        for r in runs {
            if r.is_test() {
                f.tests += 1;
                let started = r.started();
                if f.last_test.is_none_or(|t| started > t) {
                    f.last_test = Some(started);
                    f.last_test_passed = Some(r.status == RunStatus::Finished(RunOutcome::Success));
                }
                continue;
            }
            if !r.is_live() {
                f.rehearsals += 1;
                continue;
            }
            f.executions += 1;
            if r.supervisor.is_some() {
                f.supervised += 1;
            }
            match r.status {
                RunStatus::Finished(RunOutcome::Success) => f.successes += 1,
                RunStatus::Finished(RunOutcome::Failed) => f.failed += 1,
                RunStatus::Finished(RunOutcome::RolledBack) => f.rolled_back += 1,
                RunStatus::Finished(RunOutcome::Aborted) => f.aborted += 1,
                RunStatus::Interrupted => f.interrupted += 1,
                RunStatus::Open => f.open += 1,
            }
            if r.status.is_finished() {
                f.finished += 1;
                durations.push(r.working_ms());
            }
            if let Some(rb) = &r.rollback {
                f.rollbacks += 1;
                rollback_times.extend(rb.duration_ms);
            }
            f.deviations += r.deviations.len();
            let started = r.started();
            if f.last_execution.is_none_or(|t| started > t) {
                f.last_execution = Some(started);
            }
        }
        f.success_rate = ratio(f.successes, f.finished);
        f.duration = DurationStats::of(&durations);
        f.rollback_avg_ms = DurationStats::of(&rollback_times).map(|s| s.avg_ms);
        f
    }
}

/// The figures of one version of a procedure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionKpi {
    pub version: String,
    pub figures: Figures,
}

/// One row of the "Historial de Ejecuciones" table: one execution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HistoryRow {
    pub run_id: String,
    #[serde(serialize_with = "super::output::time")]
    pub started: DateTime<Utc>,
    pub operator: String,
    pub environment: Option<String>,
    pub version: String,
    /// Working time so far (to `run-finished`, or to the last event).
    pub duration_ms: u64,
    pub status: RunStatus,
    pub rolled_back: bool,
    /// Times the run was interrupted (and resumed or not).
    pub interruptions: u32,
    /// Each deviation: its step, what kind, the operator's reason.
    pub deviations: Vec<crate::history::record::DeviationRecord>,
    /// Each note, with its step when it is about one.
    pub notes: Vec<crate::history::record::NoteRecord>,
}

impl HistoryRow {
    pub fn of(r: &RunRecord) -> HistoryRow {
        HistoryRow {
            run_id: r.run_id.clone(),
            started: r.started(),
            operator: r.operator.clone(),
            environment: r.environment.clone(),
            version: r.version.clone(),
            duration_ms: r.working_ms(),
            status: r.status,
            rolled_back: r.rolled_back(),
            interruptions: r.interruptions,
            deviations: r.deviations.clone(),
            notes: r.notes.clone(),
        }
    }
}
