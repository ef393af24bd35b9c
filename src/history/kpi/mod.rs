//! Key figures over many runs: per procedure (and version), per step, global.
//!
//! The pipeline, UI-free:
//!
//! 1. [`crate::history::scan::scan`] collects every journal of a data
//!    directory, verifies it and folds it into a compact [`RunRecord`]
//!    (through the index in [`cache`] when it is fresh). Journals that fail
//!    verification come back apart, as [`Unverified`], never in the records.
//! 2. [`compute`] filters the records ([`Filter`]) and computes [`Kpis`]:
//!    [`GlobalKpi`], and per procedure [`ProcedureKpi`] with its
//!    [`Figures`], per-version figures, per-step [`StepKpi`] (actual
//!    durations against the estimate, a [`Suggestion`]) and its
//!    [`HistoryRow`]s.
//! 3. Consumers render [`Kpis`] (`pasos kpi`: table, Markdown, JSON, CSV;
//!    the TUI: charts). Every type serializes to the documented JSON.
//!
//! What counts is decided in [`record`] (durations, pauses, steps) and
//! [`procedure::Figures`] (executions, rehearsals, success rate).

pub mod cache;
pub mod filter;
pub mod global;
pub mod output;
pub mod parallel;
pub mod patch;
pub mod procedure;
pub mod render;
pub mod stats;
pub mod step;
pub mod suggest;
pub mod walk;

pub use crate::history::record::{self, RunMode, RunRecord, RunStatus, build, read};
pub use crate::history::scan::{Scan, Unverified};
pub use filter::Filter;
pub use global::GlobalKpi;
pub use procedure::{Figures, HistoryRow, VersionKpi};
pub use stats::DurationStats;
pub use step::StepKpi;
pub use suggest::Suggestion;

use serde::Serialize;

/// Everything `pasos kpi` shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kpis {
    /// The filter the figures were computed with.
    pub filter: Filter,
    pub global: GlobalKpi,
    /// One per procedure with at least one run (live or rehearsal) that
    /// passes the filter, by procedure id.
    pub procedures: Vec<ProcedureKpi>,
    /// Journals that failed verification: never in the figures, and listed
    /// whatever the filter (what they say cannot be trusted).
    pub unverified: Vec<Unverified>,
    /// Seed 001's figures over the procedures directory (documented, tested
    /// in the last quarter, reviewed within cadence), when there is one;
    /// set by the caller (`crate::catalog::CatalogKpi`), whatever the filter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub catalog: Option<crate::catalog::CatalogKpi>,
}

/// The figures of one procedure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProcedureKpi {
    pub procedure_id: String,
    /// The title of its most recent run.
    pub title: String,
    /// The procedure file of its most recent run, as given to `pasos run`.
    pub source: String,
    /// Every version together.
    pub figures: Figures,
    /// Per version, in the order each version was first run.
    pub versions: Vec<VersionKpi>,
    /// Per step, over every version's executions.
    pub steps: Vec<StepKpi>,
    /// Ids of the steps whose median is over the estimate, worst first.
    pub over_runs: Vec<String>,
    /// The executions (rehearsals left out), oldest first.
    pub history: Vec<HistoryRow>,
}

/// The figures of the runs of `scan` that pass `filter`.
pub fn compute(scan: &Scan, filter: &Filter) -> Kpis {
    let mut runs: Vec<&RunRecord> = scan.runs.iter().filter(|r| filter.keeps(r)).collect();
    runs.sort_by(|a, b| (a.started_ms, &a.run_id).cmp(&(b.started_ms, &b.run_id)));
    let mut by_procedure: std::collections::BTreeMap<&str, Vec<&RunRecord>> =
        std::collections::BTreeMap::new();
    for r in &runs {
        by_procedure.entry(&r.procedure_id).or_default().push(r);
    }
    let procedures = by_procedure
        .values()
        .map(|runs| procedure_kpi(runs))
        .collect();
    Kpis {
        filter: filter.clone(),
        global: GlobalKpi::of(&runs, scan.unverified.len()),
        procedures,
        unverified: scan.unverified.clone(),
        catalog: None,
    }
}

/// `runs`: every run of one procedure, oldest first (at least one).
fn procedure_kpi(runs: &[&RunRecord]) -> ProcedureKpi {
    let latest = runs.last().copied();
    let live: Vec<&RunRecord> = runs.iter().copied().filter(|r| r.is_live()).collect();
    let mut versions: Vec<&str> = Vec::new();
    for r in runs {
        if !versions.contains(&r.version.as_str()) {
            versions.push(&r.version);
        }
    }
    let steps = step::steps(&live);
    ProcedureKpi {
        procedure_id: latest.map(|r| r.procedure_id.clone()).unwrap_or_default(),
        title: latest
            .map(|r| r.procedure_title.clone())
            .unwrap_or_default(),
        source: latest.map(|r| r.source.clone()).unwrap_or_default(),
        figures: Figures::of(runs.iter().copied()),
        versions: versions
            .into_iter()
            .map(|v| VersionKpi {
                version: v.to_string(),
                figures: Figures::of(runs.iter().copied().filter(|r| r.version == v)),
            })
            .collect(),
        over_runs: step::over_runs(&steps),
        steps,
        history: live.iter().map(|r| HistoryRow::of(r)).collect(),
    }
}
