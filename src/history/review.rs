//! Reading a run back from its journal alone: steps with actual vs estimated times, deviations, notes, rollback.
//!
//! [`RunReview::from_lines`] folds the lines of one journal into what a
//! reviewer asks about a past run: who ran it and who resumed it, when it
//! started and ended, every step with its attempts, commands, exit codes and
//! validations, the actual time against the estimate, the deviations and
//! notes, the rollback and the interruptions. It needs no procedure file:
//! the `run-started` event's profile gives every step's title, phase and
//! estimate as they were when the run started; journals written before the
//! profile existed still read, with what their events say (steps in the
//! order they were first seen, without titles or estimates).
//!
//! It shares the TUI's review, `pasos report` and `pasos export --run`, so it
//! knows no UI and no words: consumers render it.

use super::record::{RunRecord, build};
use crate::journal::{
    DeviationKind, Event, Interruption as Cause, Line, Operator, Profile, StepOutcome, StepWhy,
    ValidationProblem,
};
use crate::procedure::estimate::Estimate;
use chrono::{DateTime, Utc};

use crate::journal::event::UNDO_PREFIX;

/// The `phase` the profile gives the full rollback's R-steps.
const ROLLBACK_PHASE: &str = "rollback";

/// A run read back from its journal.
#[derive(Debug, Clone)]
pub struct RunReview {
    /// The run's one record (what the listing, the KPIs and the report
    /// read): procedure, operator, start, status, wall clock, working time.
    pub record: RunRecord,
    /// The procedure as it was when the run started (empty in old journals).
    pub profile: Profile,
    /// Who started the run, then who resumed it, in order.
    pub operators: Vec<OperatorTurn>,
    /// When `run-finished` was written; `None` for an open or interrupted run.
    pub ended: Option<DateTime<Utc>>,
    pub prerequisites: Vec<PrerequisiteEntry>,
    /// Variables as set, in order (a variable set twice appears twice;
    /// secrets have no value).
    pub variables: Vec<VariableEntry>,
    /// Every step of the profile in its order (forward steps, then the
    /// R-steps), then the steps the events name that the profile does not
    /// (undo steps, or all of them in an old journal) in first-seen order.
    pub steps: Vec<StepReview>,
    pub deviations: Vec<DeviationEntry>,
    pub notes: Vec<NoteEntry>,
    /// Steps confirmed by typing (critical steps).
    pub confirmations: Vec<ConfirmationEntry>,
    /// Answers to the rollback decision tree.
    pub decisions: Vec<DecisionEntry>,
    /// The options chosen at the procedure's choices, in order.
    pub choices: Vec<ChoiceEntry>,
    /// The answers to steps' conditions, in order.
    pub conditions: Vec<ConditionEntry>,
    /// Reference snippets sent to the shell, in order.
    pub snippets: Vec<SnippetEntry>,
    pub rollback: Option<RollbackReview>,
    /// Every time the run stopped without finishing, with its resumption
    /// when there was one.
    pub interruptions: Vec<Interruption>,
}

/// One operator's turn at the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperatorTurn {
    pub at: DateTime<Utc>,
    pub operator: Operator,
    /// `false` for the one who started the run, `true` for a resumption.
    pub resumed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrerequisiteEntry {
    pub at: DateTime<Utc>,
    pub group: String,
    pub item: String,
    /// The command that checked it, when it was checked by one.
    pub check: Option<String>,
    pub exit_code: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VariableEntry {
    pub at: DateTime<Utc>,
    pub name: String,
    /// `None` for secrets.
    pub value: Option<String>,
    pub secret: bool,
}

/// What kind of step a [`StepReview`] is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepKind {
    /// A step of the procedure's phases.
    Forward,
    /// A step's own rollback, run during a rollback (`undo:3`).
    Undo {
        /// The id of the step it undoes.
        of: String,
    },
    /// A step of the full rollback (R1..Rn).
    Rollback,
}

/// Where a step stands at the end of the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    /// Never started nor skipped.
    NotReached,
    /// Started and not finished when the journal ends (an open run).
    InProgress,
    /// The outcome of its last `step-finished`, or `Interrupted` when the
    /// run stopped during its last attempt.
    Ended(StepOutcome),
    /// A step of an option the operator did not choose: it did not run
    /// (not a skip, not a deviation).
    NotChosen,
    /// Its condition was answered "no": it did not run (not a skip, not a
    /// deviation).
    SkippedByCondition,
}

/// One step of the run.
#[derive(Debug, Clone)]
pub struct StepReview {
    pub id: String,
    /// From the profile; `None` in old journals and for undo steps.
    pub title: Option<String>,
    /// The phase id from the profile (`rollback` for R-steps).
    pub phase: Option<String>,
    pub kind: StepKind,
    /// As written in the procedure (`30s`, `5-10m`).
    pub estimate_text: Option<String>,
    /// Parsed from `estimate_text`; `None` when absent or unreadable.
    pub estimate: Option<Estimate>,
    pub state: StepState,
    /// Why the last `step-finished` ended as it did: the cause pasos
    /// recorded and/or the operator's reason (skip, override).
    pub why: StepWhy,
    pub attempts: Vec<Attempt>,
    /// Commands sent for this step, procedure's and hand-typed, in order.
    pub commands: Vec<CommandRun>,
    pub validations: Vec<ValidationEntry>,
    /// Its own rollback (`undo:<id>`) ran and ended done.
    pub undone: bool,
    /// Step time as the journal recorded it with the latest outcome (the
    /// operator's, across attempts); `None` in older journals.
    pub step_ms: Option<u64>,
}

/// One attempt at a step: from `step-started` to its `step-finished` (the
/// last one, when an override finished it again), or to the interruption
/// or end of journal that cut it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    /// 1 for the first attempt.
    pub number: u32,
    pub started: DateTime<Utc>,
    /// `None` when the journal ends during it.
    pub ended: Option<DateTime<Utc>>,
    /// `None` while in progress; `Interrupted` when the run stopped during it.
    pub outcome: Option<StepOutcome>,
    /// As `step-finished` says; from the timestamps when it did not finish
    /// (until the interruption, or the last event of an open run).
    pub duration_ms: u64,
}

/// One command sent to the shell for a step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommandRun {
    pub at: DateTime<Utc>,
    /// The attempt it belongs to; 0 when sent while no attempt of the step
    /// was open (a command typed by hand before starting the step).
    pub attempt: u32,
    /// As journaled (secrets already redacted).
    pub command: String,
    /// Typed by the operator in the shell rather than sent from the procedure.
    pub manual: bool,
    /// `None` when the journal has no `command-finished` for it.
    pub exit_code: Option<i32>,
    pub duration_ms: Option<u64>,
    /// Where its output starts in the run's transcript.
    pub transcript_offset: Option<u64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationEntry {
    pub at: DateTime<Utc>,
    pub attempt: u32,
    pub passed: bool,
    pub problems: Vec<ValidationProblem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeviationEntry {
    pub at: DateTime<Utc>,
    pub step: Option<String>,
    pub kind: DeviationKind,
    /// The operator's own words.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEntry {
    pub at: DateTime<Utc>,
    pub step: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmationEntry {
    pub at: DateTime<Utc>,
    pub step: String,
    pub typed: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionEntry {
    pub at: DateTime<Utc>,
    pub node: String,
    pub answer: bool,
}

/// The option the operator chose at a choice step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChoiceEntry {
    pub at: DateTime<Utc>,
    pub step: String,
    pub option: String,
    /// The steps of the other options, which did not run.
    pub not_chosen: Vec<String>,
}

/// The operator's answer to a step's condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConditionEntry {
    pub at: DateTime<Utc>,
    pub step: String,
    pub answer: bool,
}

/// A reference snippet's command sent to the shell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetEntry {
    pub at: DateTime<Utc>,
    pub snippet: String,
    pub command: String,
}

/// The rollback of the run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollbackReview {
    pub at: DateTime<Utc>,
    /// The step the run was at when it started.
    pub from_step: Option<String>,
    pub reason: String,
    /// The undo and R-steps planned when it started, in order.
    pub plan: Vec<String>,
    /// The steps started after it began, in the order they first started;
    /// their outcomes are in [`RunReview::step`].
    pub ran: Vec<String>,
    /// When the run finished (the rollback ends the run); `None` if it had
    /// not when the journal ends.
    pub ended: Option<DateTime<Utc>>,
}

impl RollbackReview {
    /// Wall clock from its start to the end of the run (interruptions
    /// included); `None` while unfinished.
    pub fn duration_ms(&self) -> Option<u64> {
        self.ended.map(|e| ms_between(self.at, e))
    }
}

/// A stop of the run without finishing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interruption {
    /// When `run-interrupted` was written.
    pub at: DateTime<Utc>,
    /// When the run actually stopped: `at`, except when the interruption
    /// was only recorded on resuming (a crash, a kill, a dropped
    /// connection: `run-interrupted` and `run-resumed` carry the same
    /// time), where it is the time of the event before it.
    pub stopped: DateTime<Utc>,
    /// `None` in a journal that resumed without recording why it stopped.
    pub cause: Option<Cause>,
    /// The step in progress when it stopped.
    pub step: Option<String>,
    pub resumed: Option<Resumption>,
}

impl Interruption {
    /// How long the run stood still: from `stopped` to the resumption.
    pub fn gap_ms(&self) -> Option<u64> {
        self.resumed
            .as_ref()
            .map(|r| ms_between(self.stopped, r.at))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resumption {
    pub at: DateTime<Utc>,
    pub operator: Operator,
    /// Bytes of a torn last line set aside when resuming.
    pub discarded_torn_bytes: Option<u64>,
}

/// Actual time against an estimate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Versus {
    /// Faster than the estimate's lower end, by this much.
    Under { by_ms: u64 },
    /// Within the estimate (inclusive at both ends).
    Within,
    /// Slower than the estimate's upper end, by this much.
    Over { by_ms: u64 },
}

impl Versus {
    pub fn of(actual_ms: u64, estimate: Estimate) -> Versus {
        let (min, max) = (estimate.min_secs * 1000, estimate.max_secs * 1000);
        if actual_ms < min {
            Versus::Under {
                by_ms: min - actual_ms,
            }
        } else if actual_ms > max {
            Versus::Over {
                by_ms: actual_ms - max,
            }
        } else {
            Versus::Within
        }
    }
}

fn ms_between(from: DateTime<Utc>, to: DateTime<Utc>) -> u64 {
    (to - from).num_milliseconds().max(0) as u64
}

impl StepReview {
    fn new(id: &str) -> StepReview {
        let kind = match id.strip_prefix(UNDO_PREFIX) {
            Some(of) => StepKind::Undo { of: of.to_string() },
            None => StepKind::Forward,
        };
        StepReview {
            id: id.to_string(),
            title: None,
            phase: None,
            kind,
            estimate_text: None,
            estimate: None,
            state: StepState::NotReached,
            why: StepWhy::default(),
            attempts: Vec::new(),
            commands: Vec::new(),
            validations: Vec::new(),
            undone: false,
            step_ms: None,
        }
    }

    /// The final outcome, when the step ended.
    pub fn outcome(&self) -> Option<StepOutcome> {
        match self.state {
            StepState::Ended(o) => Some(o),
            _ => None,
        }
    }

    /// Time spent on it: step time, the operator's, from its first start
    /// to its outcome across attempts (older journals: every attempt's
    /// duration added up).
    pub fn actual_ms(&self) -> u64 {
        self.step_ms
            .unwrap_or_else(|| self.attempts.iter().map(|a| a.duration_ms).sum())
    }

    /// When it first started.
    pub fn started(&self) -> Option<DateTime<Utc>> {
        self.attempts.first().map(|a| a.started)
    }

    /// When its last attempt ended.
    pub fn ended(&self) -> Option<DateTime<Utc>> {
        self.attempts.last().and_then(|a| a.ended)
    }

    /// Actual time against the estimate, for a step that ended done or
    /// failed and has an estimate (not for one skipped, interrupted or
    /// still in progress: its time says nothing about the estimate).
    pub fn versus(&self) -> Option<Versus> {
        match self.state {
            StepState::Ended(StepOutcome::Skipped | StepOutcome::Interrupted) => None,
            StepState::Ended(_) if !self.attempts.is_empty() => {
                self.estimate.map(|e| Versus::of(self.actual_ms(), e))
            }
            _ => None,
        }
    }

    fn open_attempt(&self) -> Option<u32> {
        self.attempts
            .last()
            .filter(|a| a.ended.is_none())
            .map(|a| a.number)
    }

    /// Ends the open attempt as cut short at `at`.
    fn cut(&mut self, at: DateTime<Utc>, outcome: Option<StepOutcome>) {
        if let Some(a) = self.attempts.last_mut().filter(|a| a.ended.is_none()) {
            a.duration_ms = ms_between(a.started, at);
            if outcome.is_some() {
                a.ended = Some(at);
                a.outcome = outcome;
            }
            if let Some(o) = outcome {
                self.state = StepState::Ended(o);
            }
        }
    }
}

impl RunReview {
    /// The question a decision-tree node asked, when the journal recorded
    /// the tree (journals from before that only know the node's id).
    pub fn question(&self, node: &str) -> Option<&str> {
        self.profile
            .decisions
            .iter()
            .find(|q| q.id == node)
            .map(|q| q.question.as_str())
    }
}

impl RunReview {
    /// Reads a run from its journal lines (in file order, as
    /// `journal::verify_file` returns them). `None` when the first line is
    /// not `run-started`.
    pub fn from_lines(lines: &[Line]) -> Option<RunReview> {
        let record = build::from_lines(lines).ok()?;
        let first = lines.first()?;
        let Event::RunStarted {
            operator, profile, ..
        } = &first.event
        else {
            return None;
        };
        let mut b = Builder::new(record, first.ts, operator.clone(), (**profile).clone());
        let mut prev = first.ts;
        for line in lines.iter().skip(1) {
            let at = line.ts;
            b.apply(&line.event, at, prev);
            prev = at;
        }
        b.finish(prev);
        Some(b.review)
    }

    /// The step with this id.
    pub fn step(&self, id: &str) -> Option<&StepReview> {
        self.steps.iter().find(|s| s.id == id)
    }

    /// Time the run stood still between interruptions and resumptions
    /// (the record's figure: the same everywhere).
    pub fn paused_ms(&self) -> u64 {
        self.record.paused_ms
    }

    /// The run's working time: wall clock without the pauses.
    pub fn active_ms(&self) -> u64 {
        self.record.working_ms()
    }

    /// The whole procedure's estimate, from the profile.
    pub fn estimate(&self) -> Option<Estimate> {
        self.profile
            .estimate
            .as_deref()
            .and_then(|e| Estimate::parse(e).ok())
    }

    /// Steps that ran more than once.
    pub fn retried_steps(&self) -> impl Iterator<Item = &StepReview> {
        self.steps.iter().filter(|s| s.attempts.len() > 1)
    }
}

/// Folds events into a [`RunReview`].
struct Builder {
    review: RunReview,
    /// The command waiting for its `command-finished`: (step index, command index).
    in_flight: Option<(usize, usize)>,
    /// The time of the event before the last `run-interrupted`.
    before_interruption: Option<DateTime<Utc>>,
}

impl Builder {
    fn new(
        record: RunRecord,
        started: DateTime<Utc>,
        operator: Operator,
        profile: Profile,
    ) -> Builder {
        let steps = profile
            .steps
            .iter()
            .map(|p| {
                let mut s = StepReview::new(&p.id);
                s.title = Some(p.title.clone());
                s.phase = Some(p.phase.clone());
                if p.phase == ROLLBACK_PHASE && s.kind == StepKind::Forward {
                    s.kind = StepKind::Rollback;
                }
                s.estimate_text = p.estimate.clone();
                s.estimate = p.estimate.as_deref().and_then(|e| Estimate::parse(e).ok());
                s
            })
            .collect();
        Builder {
            review: RunReview {
                record,
                profile,
                operators: vec![OperatorTurn {
                    at: started,
                    operator,
                    resumed: false,
                }],
                ended: None,
                prerequisites: Vec::new(),
                variables: Vec::new(),
                steps,
                deviations: Vec::new(),
                notes: Vec::new(),
                confirmations: Vec::new(),
                decisions: Vec::new(),
                choices: Vec::new(),
                conditions: Vec::new(),
                snippets: Vec::new(),
                rollback: None,
                interruptions: Vec::new(),
            },
            in_flight: None,
            before_interruption: None,
        }
    }

    /// The index of a step, added (in first-seen order) if the profile
    /// does not have it.
    fn step(&mut self, id: &str) -> usize {
        if let Some(i) = self.review.steps.iter().position(|s| s.id == id) {
            return i;
        }
        let mut s = StepReview::new(id);
        if self.review.rollback.is_some() && s.kind == StepKind::Forward {
            s.kind = StepKind::Rollback;
        }
        self.review.steps.push(s);
        self.review.steps.len() - 1
    }

    fn apply(&mut self, event: &Event, at: DateTime<Utc>, prev: DateTime<Utc>) {
        let r = &mut self.review;
        match event {
            // A failed check leaves the item unconfirmed; the review lists
            // what was confirmed.
            Event::RunStarted { .. } | Event::PrerequisiteFailed { .. } => {}
            Event::PrerequisiteConfirmed {
                group,
                item,
                check,
                exit_code,
            } => r.prerequisites.push(PrerequisiteEntry {
                at,
                group: group.clone(),
                item: item.clone(),
                check: check.clone(),
                exit_code: *exit_code,
            }),
            Event::VariableSet {
                name,
                value,
                secret,
            } => r.variables.push(VariableEntry {
                at,
                name: name.clone(),
                value: value.clone(),
                secret: *secret,
            }),
            Event::StepStarted { step, attempt } => {
                let i = self.step(step);
                if let Some(rb) = self.review.rollback.as_mut()
                    && !rb.ran.contains(step)
                {
                    rb.ran.push(step.clone());
                }
                let s = &mut self.review.steps[i];
                s.cut(at, Some(StepOutcome::Interrupted));
                s.attempts.push(Attempt {
                    number: *attempt,
                    started: at,
                    ended: None,
                    outcome: None,
                    duration_ms: 0,
                });
                s.state = StepState::InProgress;
                s.why = StepWhy::default();
            }
            Event::CommandSent {
                step,
                command,
                manual,
                transcript_offset,
            } => {
                let i = self.step(step);
                let s = &mut self.review.steps[i];
                s.commands.push(CommandRun {
                    at,
                    attempt: s.open_attempt().unwrap_or(0),
                    command: command.clone(),
                    manual: *manual,
                    exit_code: None,
                    duration_ms: None,
                    transcript_offset: *transcript_offset,
                });
                self.in_flight = Some((i, s.commands.len() - 1));
            }
            Event::CommandFinished {
                step,
                exit_code,
                duration_ms,
                ..
            } => {
                let i = self.step(step);
                let target = match self.in_flight.take() {
                    Some((si, ci)) if si == i => Some(ci),
                    _ => self.review.steps[i]
                        .commands
                        .iter()
                        .rposition(|c| c.exit_code.is_none()),
                };
                if let Some(c) = target.and_then(|ci| self.review.steps[i].commands.get_mut(ci)) {
                    c.exit_code = Some(*exit_code);
                    c.duration_ms = Some(*duration_ms);
                }
            }
            Event::ValidationResult {
                step,
                passed,
                problems,
            } => {
                let i = self.step(step);
                let s = &mut self.review.steps[i];
                s.validations.push(ValidationEntry {
                    at,
                    attempt: s
                        .open_attempt()
                        .or(s.attempts.last().map(|a| a.number))
                        .unwrap_or(0),
                    passed: *passed,
                    problems: problems.0.clone(),
                });
            }
            Event::StepFinished {
                step,
                outcome,
                duration_ms,
                why,
                step_ms,
                ..
            } => {
                let i = self.step(step);
                let s = &mut self.review.steps[i];
                if step_ms.is_some() {
                    s.step_ms = *step_ms;
                }
                // An override finishes the attempt again: the last word counts.
                if let Some(a) = s
                    .attempts
                    .last_mut()
                    .filter(|a| a.ended.is_none() || a.outcome != Some(StepOutcome::Interrupted))
                {
                    a.ended = Some(at);
                    a.outcome = Some(*outcome);
                    a.duration_ms = *duration_ms;
                }
                s.state = StepState::Ended(*outcome);
                s.why = why.clone();
                if *outcome == StepOutcome::Done
                    && let StepKind::Undo { of } = s.kind.clone()
                {
                    let j = self.step(&of);
                    self.review.steps[j].undone = true;
                }
            }
            Event::Deviation { step, kind, reason } => r.deviations.push(DeviationEntry {
                at,
                step: step.clone(),
                kind: kind.clone(),
                reason: reason.clone(),
            }),
            Event::Note { step, text } => r.notes.push(NoteEntry {
                at,
                step: step.clone(),
                text: text.clone(),
            }),
            Event::Confirmation { step, typed } => r.confirmations.push(ConfirmationEntry {
                at,
                step: step.clone(),
                typed: typed.clone(),
            }),
            Event::ChoiceMade {
                step,
                option,
                not_chosen,
            } => {
                r.choices.push(ChoiceEntry {
                    at,
                    step: step.clone(),
                    option: option.clone(),
                    not_chosen: not_chosen.clone(),
                });
                let i = self.step(step);
                self.review.steps[i].state = StepState::Ended(StepOutcome::Done);
                for id in not_chosen {
                    let j = self.step(id);
                    if self.review.steps[j].state == StepState::NotReached {
                        self.review.steps[j].state = StepState::NotChosen;
                    }
                }
            }
            Event::ConditionAnswered { step, answer } => {
                r.conditions.push(ConditionEntry {
                    at,
                    step: step.clone(),
                    answer: *answer,
                });
                let i = self.step(step);
                if !answer && self.review.steps[i].state == StepState::NotReached {
                    self.review.steps[i].state = StepState::SkippedByCondition;
                }
            }
            Event::SnippetSent { snippet, command } => r.snippets.push(SnippetEntry {
                at,
                snippet: snippet.clone(),
                command: command.clone(),
            }),
            Event::DecisionAnswered { node, answer } => r.decisions.push(DecisionEntry {
                at,
                node: node.clone(),
                answer: *answer,
            }),
            Event::RollbackStarted {
                from_step,
                reason,
                plan,
            } => {
                r.rollback = Some(RollbackReview {
                    at,
                    from_step: from_step.clone(),
                    reason: reason.clone(),
                    plan: plan.clone(),
                    ran: Vec::new(),
                    ended: None,
                });
            }
            Event::StepUndone { step, .. } => {
                let j = self.step(step);
                self.review.steps[j].undone = true;
            }
            Event::ShellRestarted { .. } => self.in_flight = None,
            Event::ShellContext { .. } => {}
            Event::RunInterrupted { why, step } => {
                self.in_flight = None;
                self.before_interruption = Some(prev);
                for s in &mut r.steps {
                    s.cut(at, Some(StepOutcome::Interrupted));
                }
                r.interruptions.push(Interruption {
                    at,
                    stopped: at,
                    cause: Some(why.0.clone()),
                    step: step.clone(),
                    resumed: None,
                });
            }
            Event::RunResumed {
                operator,
                discarded_torn_bytes,
            } => {
                let resumption = Resumption {
                    at,
                    operator: operator.clone(),
                    discarded_torn_bytes: *discarded_torn_bytes,
                };
                match r.interruptions.last_mut().filter(|i| i.resumed.is_none()) {
                    Some(i) => {
                        if i.cause == Some(Cause::Crash) {
                            // Recorded by the resuming session: the run
                            // stopped after the event before it, and so did
                            // the attempts it cut.
                            i.stopped = self.before_interruption.unwrap_or(i.at);
                            for a in r.steps.iter_mut().flat_map(|s| s.attempts.iter_mut()) {
                                if a.ended == Some(i.at)
                                    && a.outcome == Some(StepOutcome::Interrupted)
                                {
                                    a.ended = Some(i.stopped.max(a.started));
                                    a.duration_ms = ms_between(a.started, i.stopped);
                                }
                            }
                        }
                        i.resumed = Some(resumption);
                    }
                    None => r.interruptions.push(Interruption {
                        at: prev,
                        stopped: prev,
                        cause: None,
                        step: None,
                        resumed: Some(resumption),
                    }),
                }
                r.operators.push(OperatorTurn {
                    at,
                    operator: operator.clone(),
                    resumed: true,
                });
            }
            // The timeline words them from the lines themselves.
            Event::ApprovalGranted(_)
            | Event::ApprovalRefused(_)
            | Event::Handoff(_)
            | Event::Supervision(_) => {}
            Event::RunFinished { .. } => {
                self.in_flight = None;
                for s in &mut r.steps {
                    s.cut(at, Some(StepOutcome::Interrupted));
                }
                r.ended = Some(at);
                if let Some(rb) = r.rollback.as_mut() {
                    rb.ended = Some(at);
                }
            }
        }
    }

    /// A journal that ends with a step still open: its time runs to the
    /// last event.
    fn finish(&mut self, last: DateTime<Utc>) {
        for s in &mut self.review.steps {
            s.cut(last, None);
        }
    }
}
