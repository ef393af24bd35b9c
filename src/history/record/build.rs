//! Folding a journal's lines, in order, into its [`RunRecord`].
//!
//! Every line gives its timestamp (for the wall clock and the pauses); only
//! the events the figures need are handed over, as [`Fact`]s, so a reader
//! may skip parsing the rest.

use super::fact::Fact;
use super::{
    DeviationRecord, NoteRecord, RollbackRecord, RunRecord, RunStatus, StepEnd, StepSample,
};
use crate::journal::{Line, StepOutcome};
use chrono::{DateTime, Utc};

fn ms_between(from: DateTime<Utc>, to: DateTime<Utc>) -> u64 {
    (to - from).num_milliseconds().max(0) as u64
}

/// Accumulates one journal's lines.
#[derive(Default)]
pub struct RecordBuilder {
    record: Option<RunRecord>,
    started: Option<DateTime<Utc>>,
    /// Time of the line before the current one, and of the last line.
    prev_ts: Option<DateTime<Utc>>,
    last_ts: Option<DateTime<Utc>>,
    lines: u64,
    finished: Option<DateTime<Utc>>,
    /// When the open pause began.
    pause_from: Option<DateTime<Utc>>,
    /// (start, paused_ms so far) of the rollback.
    rollback_from: Option<(DateTime<Utc>, u64)>,
    error: Option<String>,
    /// The operator at work now (who started, then who resumed).
    current: Option<String>,
}

impl RecordBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// One line: its time, and its fact when the record needs its event
    /// (`None` otherwise).
    pub fn line(&mut self, ts: DateTime<Utc>, event: Option<Fact>) {
        self.prev_ts = self.last_ts.replace(ts);
        self.lines += 1;
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
                            by: None,
                        });
                        rec.steps.len() - 1
                    }
                };
                let s = &mut rec.steps[i];
                // Whoever ended it last did it; the run's own operator
                // is not repeated.
                s.by = self.current.clone().filter(|c| *c != rec.operator);
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
            Fact::Deviation { step, kind, reason } => {
                rec.deviations.push(DeviationRecord { step, kind, reason })
            }
            Fact::Note { step, text } => rec.notes.push(NoteRecord { step, text }),
            Fact::RollbackStarted { from_step } if rec.rollback.is_none() => {
                rec.rollback = Some(RollbackRecord {
                    from_step,
                    duration_ms: None,
                });
                self.rollback_from = Some((ts, rec.paused_ms));
            }
            Fact::Interrupted { crash } => {
                rec.interruptions += 1;
                rec.status = RunStatus::Interrupted;
                if self.pause_from.is_none() {
                    // After a crash the resuming session writes the
                    // interruption: the run stopped at the line before.
                    self.pause_from = Some(match crash {
                        true => self.prev_ts.unwrap_or(ts),
                        false => ts,
                    });
                }
            }
            Fact::Supervised { supervisor } => rec.supervisor = Some(supervisor),
            Fact::Resumed { operator } => {
                if let Some(o) = operator {
                    if o != rec.operator && !rec.operators.contains(&o) {
                        rec.operators.push(o.clone());
                    }
                    self.current = Some(o);
                }
                rec.status = RunStatus::Open;
                if let Some(from) = self.pause_from.take() {
                    rec.paused_ms += ms_between(from, ts);
                }
            }
            Fact::Finished { outcome, reason } => {
                rec.status = RunStatus::Finished(outcome);
                rec.end_reason = reason;
                self.finished = Some(ts);
            }
            _ => {}
        }
    }

    fn start(&mut self, started: DateTime<Utc>, e: super::fact::Started) {
        if self.record.is_some() {
            self.error = Some("a second `run-started` line".into());
            return;
        }
        self.started = Some(started);
        let login = format!("{}@{}", e.operator.user, e.operator.host);
        self.current = Some(e.operator.label());
        self.record = Some(RunRecord {
            run_id: e.run_id,
            procedure_id: e.procedure_id,
            procedure_title: e.procedure_title,
            version: e.version,
            source: e.source,
            environment: e.environment,
            mode: e.mode,
            operator: e.operator.name.unwrap_or_else(|| login.clone()),
            login,
            operators: Vec::new(),
            supervisor: None,
            started_ms: started.timestamp_millis(),
            last_ms: started.timestamp_millis(),
            status: RunStatus::Open,
            wall_ms: 0,
            paused_ms: 0,
            interruptions: 0,
            rollback: None,
            deviations: Vec::new(),
            notes: Vec::new(),
            end_reason: None,
            events: 0,
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
        let last = self.last_ts.unwrap_or(started);
        let end = self.finished.unwrap_or(last);
        rec.wall_ms = ms_between(started, end);
        rec.last_ms = last.timestamp_millis();
        rec.events = self.lines;
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
        b.line(l.ts, Fact::of(&l.event));
    }
    b.finish()
}
