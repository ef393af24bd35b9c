//! Folding a journal's lines, in order, into its [`RunRecord`].
//!
//! Every line gives its timestamp (for the wall clock and the pauses); only
//! the events the figures need are handed over, as [`Fact`]s, so a reader
//! may skip parsing the rest.

use super::fact::Fact;
use super::record::{RollbackRecord, RunMode, RunRecord, RunStatus, StepEnd, StepSample};
use crate::journal::{Line, Mode, RunOutcome, StepOutcome};
use chrono::{DateTime, Utc};

fn parse_ts(ts: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(ts)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn ms_between(from: DateTime<Utc>, to: DateTime<Utc>) -> u64 {
    (to - from).num_milliseconds().max(0) as u64
}

/// Accumulates one journal's lines.
#[derive(Default)]
pub struct RecordBuilder {
    record: Option<RunRecord>,
    started: Option<DateTime<Utc>>,
    /// Timestamp of the line before the current one, and of the last line.
    prev_ts: String,
    last_ts: String,
    finished: Option<DateTime<Utc>>,
    pause_from: Option<DateTime<Utc>>,
    /// (start, paused_ms so far) of the rollback.
    rollback_from: Option<(DateTime<Utc>, u64)>,
    error: Option<String>,
}

impl RecordBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// One line: its `ts` as written, and its fact when the figures need
    /// its event (`None` otherwise).
    pub fn line(&mut self, ts: &str, event: Option<Fact>) {
        std::mem::swap(&mut self.prev_ts, &mut self.last_ts);
        self.last_ts.clear();
        self.last_ts.push_str(ts);
        let Some(event) = event else { return };
        if let Fact::Started(started) = event {
            self.start(ts, *started);
            return;
        }
        let Some(rec) = self.record.as_mut() else {
            return;
        };
        match event {
            Fact::StepFinished {
                step,
                outcome,
                duration_ms,
                step_ms,
            } => {
                let i = match rec.steps.iter().position(|s| s.id == step) {
                    Some(i) => i,
                    None => {
                        rec.steps.push(StepSample {
                            id: step,
                            duration_ms: 0,
                            attempts: 0,
                            last: StepEnd::Skipped,
                        });
                        rec.steps.len() - 1
                    }
                };
                let s = &mut rec.steps[i];
                match outcome {
                    StepOutcome::Done | StepOutcome::Failed => {
                        // Step time is cumulative: the latest one holds;
                        // older journals add their attempts up.
                        match step_ms {
                            Some(ms) => s.duration_ms = ms,
                            None => s.duration_ms += duration_ms,
                        }
                        s.attempts += 1;
                        s.last = if outcome == StepOutcome::Done {
                            StepEnd::Done
                        } else {
                            StepEnd::Failed
                        };
                    }
                    StepOutcome::Skipped => s.last = StepEnd::Skipped,
                    StepOutcome::RolledBack | StepOutcome::Interrupted => {}
                }
            }
            Fact::Deviation { step, what, reason } => rec.deviations.push(match step {
                Some(s) => format!("{s}: {what} — {reason}"),
                None => format!("{what} — {reason}"),
            }),
            Fact::Note { step, text } => rec.notes.push(match step {
                Some(s) => format!("{s}: {text}"),
                None => text,
            }),
            Fact::RollbackStarted { from_step } if rec.rollback.is_none() => {
                rec.rollback = Some(RollbackRecord {
                    from_step,
                    duration_ms: None,
                });
                self.rollback_from = parse_ts(ts).map(|t| (t, rec.paused_ms));
            }
            Fact::Interrupted => {
                rec.interruptions += 1;
                rec.status = RunStatus::Interrupted;
                if self.pause_from.is_none() {
                    self.pause_from = parse_ts(&self.prev_ts).or_else(|| parse_ts(ts));
                }
            }
            Fact::Resumed => {
                rec.status = RunStatus::Open;
                if let (Some(from), Some(to)) = (self.pause_from.take(), parse_ts(ts)) {
                    rec.paused_ms += ms_between(from, to);
                }
            }
            Fact::Finished { outcome } => {
                rec.status = match outcome {
                    RunOutcome::Success => RunStatus::Success,
                    RunOutcome::Failed => RunStatus::Failed,
                    RunOutcome::RolledBack => RunStatus::RolledBack,
                    RunOutcome::Aborted => RunStatus::Aborted,
                };
                self.finished = parse_ts(ts);
            }
            _ => {}
        }
    }

    fn start(&mut self, ts: &str, e: super::fact::Started) {
        if self.record.is_some() {
            self.error = Some("a second `run-started` line".into());
            return;
        }
        let Some(started) = parse_ts(ts) else {
            self.error = Some(format!("`run-started` has a bad time `{ts}`"));
            return;
        };
        self.started = Some(started);
        let login = format!("{}@{}", e.operator.user, e.operator.host);
        self.record = Some(RunRecord {
            run_id: e.run_id,
            procedure_id: e.procedure_id,
            procedure_title: e.procedure_title,
            version: e.version,
            source: e.source,
            environment: e.environment,
            mode: match e.mode {
                Mode::Live => RunMode::Live,
                Mode::Rehearsal => RunMode::Rehearsal,
            },
            operator: e.operator.name.unwrap_or_else(|| login.clone()),
            login,
            started_ms: started.timestamp_millis(),
            status: RunStatus::Open,
            wall_ms: 0,
            paused_ms: 0,
            interruptions: 0,
            rollback: None,
            deviations: Vec::new(),
            notes: Vec::new(),
            steps: Vec::new(),
            incident: e.profile.incident,
            plan: e.profile.steps.into(),
        });
    }

    /// The record, or why there is none (no `run-started` first).
    pub fn finish(self) -> Result<RunRecord, String> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let (Some(mut rec), Some(started)) = (self.record, self.started) else {
            return Err("the journal has no `run-started` line".into());
        };
        let end = self
            .finished
            .or_else(|| parse_ts(&self.last_ts))
            .unwrap_or(started);
        rec.wall_ms = ms_between(started, end);
        if let (Some(rb), Some((from, paused_before)), Some(done)) =
            (rec.rollback.as_mut(), self.rollback_from, self.finished)
        {
            let paused_inside = rec.paused_ms.saturating_sub(paused_before);
            rb.duration_ms = Some(ms_between(from, done).saturating_sub(paused_inside));
        }
        Ok(rec)
    }
}

/// The record of a journal already parsed into lines.
pub fn from_lines(lines: &[Line]) -> Result<RunRecord, String> {
    let mut b = RecordBuilder::new();
    for l in lines {
        b.line(&l.ts, Fact::of(&l.event));
    }
    b.finish()
}
