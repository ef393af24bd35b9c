//! One line per run: what, who, where, when, how long, how it ended.

use crate::journal::{Event, Line, Mode, RunOutcome};
use crate::run::parse_ts;
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Finished(RunOutcome),
    /// Journal ends with `run-interrupted`.
    Interrupted,
    /// Journal ends without either: running now, or crashed.
    Open,
}

#[derive(Debug, Clone)]
pub struct RunSummary {
    pub run_id: String,
    pub procedure_id: String,
    pub procedure_title: String,
    pub version: String,
    pub environment: Option<String>,
    pub mode: Mode,
    pub operator: String,
    pub started: DateTime<Utc>,
    pub last_event: DateTime<Utc>,
    pub status: Status,
    pub duration_ms: u64,
    pub deviations: usize,
    pub rolled_back: bool,
    /// Lines of the journal; 0 when built from an index record.
    pub events: usize,
}

impl RunSummary {
    pub fn from_lines(lines: &[Line]) -> Option<RunSummary> {
        let first = lines.first()?;
        let Event::RunStarted {
            run_id,
            procedure_id,
            procedure_title,
            version,
            environment,
            mode,
            operator,
            ..
        } = &first.event
        else {
            return None;
        };
        let started = parse_ts(&first.ts);
        let last = lines.last().map(|l| parse_ts(&l.ts)).unwrap_or(started);
        let mut status = Status::Open;
        let mut duration_ms = (last - started).num_milliseconds().max(0) as u64;
        let (mut deviations, mut rolled_back) = (0, false);
        for l in lines {
            match &l.event {
                Event::Deviation { .. } => deviations += 1,
                Event::RollbackStarted { .. } => rolled_back = true,
                Event::RunInterrupted { .. } => status = Status::Interrupted,
                Event::RunResumed { .. } => status = Status::Open,
                Event::RunFinished {
                    outcome,
                    duration_ms: d,
                } => {
                    status = Status::Finished(*outcome);
                    duration_ms = *d;
                }
                _ => {}
            }
        }
        Some(RunSummary {
            run_id: run_id.clone(),
            procedure_id: procedure_id.clone(),
            procedure_title: procedure_title.clone(),
            version: version.clone(),
            environment: environment.clone(),
            mode: *mode,
            operator: operator.label(),
            started,
            last_event: last,
            status,
            duration_ms,
            deviations,
            rolled_back,
            events: lines.len(),
        })
    }

    /// The summary of a run the history's index already read and verified
    /// (duration = working time, interruptions left out).
    pub fn from_record(r: &crate::history::kpi::RunRecord) -> RunSummary {
        use crate::history::kpi::{RunMode, RunStatus};
        let started = r.started();
        RunSummary {
            run_id: r.run_id.clone(),
            procedure_id: r.procedure_id.clone(),
            procedure_title: r.procedure_title.clone(),
            version: r.version.clone(),
            environment: r.environment.clone(),
            mode: match r.mode {
                RunMode::Live => Mode::Live,
                RunMode::Rehearsal => Mode::Rehearsal,
            },
            operator: r.operator.clone(),
            started,
            last_event: started + chrono::Duration::milliseconds(r.wall_ms as i64),
            status: match r.status {
                RunStatus::Success => Status::Finished(RunOutcome::Success),
                RunStatus::Failed => Status::Finished(RunOutcome::Failed),
                RunStatus::RolledBack => Status::Finished(RunOutcome::RolledBack),
                RunStatus::Aborted => Status::Finished(RunOutcome::Aborted),
                RunStatus::Interrupted => Status::Interrupted,
                RunStatus::Open => Status::Open,
            },
            duration_ms: r.working_ms(),
            deviations: r.deviations.len(),
            rolled_back: r.rolled_back(),
            events: 0,
        }
    }

    pub fn outcome_word(&self) -> &'static str {
        match self.status {
            Status::Finished(RunOutcome::Success) => "success",
            Status::Finished(RunOutcome::Failed) => "failed",
            Status::Finished(RunOutcome::RolledBack) => "rolled-back",
            Status::Finished(RunOutcome::Aborted) => "aborted",
            Status::Interrupted => "interrupted",
            Status::Open => "open",
        }
    }
}
