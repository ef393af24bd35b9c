//! Figures over every procedure.

use super::record::{RunRecord, RunStatus};
use super::stats::{DurationStats, ratio};
use crate::journal::RunOutcome;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GlobalKpi {
    /// Distinct procedures with at least one execution.
    pub procedures_run: usize,
    /// Live runs of every procedure.
    pub executions: usize,
    pub finished: usize,
    pub successes: usize,
    /// `successes / finished`, 0..1 with four decimals.
    pub success_rate: Option<f64>,
    /// Rehearsals (dry runs), not counted in any other figure.
    pub rehearsals: usize,
    /// Unattended test runs, not counted in any other figure.
    pub tests: usize,
    /// Executions in which a rollback started.
    pub runs_with_rollback: usize,
    /// `runs_with_rollback / executions`, 0..1 with four decimals.
    pub rollback_share: Option<f64>,
    /// Executions of incident procedures (the profile's `incident`:
    /// emergency frequency, troubleshooting or disaster recovery, or one
    /// with severity levels).
    pub incident_executions: usize,
    /// Mean time to recovery: the mean working time of the incident
    /// executions that finished with success (the service was restored).
    pub mttr_ms: Option<u64>,
    /// How many executions the MTTR is the mean of.
    pub mttr_samples: usize,
    /// Journals that failed verification (left out of every figure).
    pub unverified: usize,
}

impl GlobalKpi {
    /// `runs` already filtered; `unverified` is the count of journals that
    /// failed verification.
    pub fn of(runs: &[&RunRecord], unverified: usize) -> GlobalKpi {
        let live: Vec<&&RunRecord> = runs.iter().filter(|r| r.is_live()).collect();
        let mut procedures: Vec<&str> = live.iter().map(|r| r.procedure_id.as_str()).collect();
        procedures.sort_unstable();
        procedures.dedup();
        let finished = live.iter().filter(|r| r.status.is_finished()).count();
        let successes = live
            .iter()
            .filter(|r| r.status == RunStatus::Finished(RunOutcome::Success))
            .count();
        let with_rollback = live.iter().filter(|r| r.rolled_back()).count();
        let incident: Vec<&&&RunRecord> = live.iter().filter(|r| r.incident).collect();
        let recovered: Vec<u64> = incident
            .iter()
            .filter(|r| r.status == RunStatus::Finished(RunOutcome::Success))
            .map(|r| r.working_ms())
            .collect();
        GlobalKpi {
            procedures_run: procedures.len(),
            executions: live.len(),
            finished,
            successes,
            success_rate: ratio(successes, finished),
            rehearsals: runs
                .iter()
                .filter(|r| r.mode == crate::journal::Mode::Rehearsal)
                .count(),
            tests: runs.iter().filter(|r| r.is_test()).count(),
            runs_with_rollback: with_rollback,
            rollback_share: ratio(with_rollback, live.len()),
            incident_executions: incident.len(),
            mttr_ms: DurationStats::of(&recovered).map(|s| s.avg_ms),
            mttr_samples: recovered.len(),
            unverified,
        }
    }
}
