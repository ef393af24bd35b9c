//! What a journal records: one event per state change of a run.

use super::facts::{DeviationKind, InterruptionWhy, Problems, StepWhy};
use serde::{Deserialize, Serialize};

/// The prefix of the id of a step's own rollback, as the journal names it
/// (`undo:3` undoes step 3).
pub const UNDO_PREFIX: &str = "undo:";

/// Who ran it, from where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Operator {
    pub user: String,
    pub host: String,
    /// `SSH_CLIENT` / `SSH_CONNECTION` when the operator is over SSH.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ssh: Option<String>,
    /// `--operator NAME`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl Operator {
    /// `user@host`, the login the run was started from.
    pub fn login(&self) -> String {
        format!("{}@{}", self.user, self.host)
    }

    /// How a person is named on screen and on paper: `--operator NAME`,
    /// else [`Operator::login`].
    pub fn label(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.login())
    }
}

/// What the history needs to know about the procedure of a run: its
/// classification and the estimate of every step, as they were at the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Profile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub frequency: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criticality: Option<String>,
    /// The whole procedure's estimate as written (`45-60m`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rto: Option<String>,
    /// An incident procedure (emergency frequency, troubleshooting or
    /// disaster recovery, or one with severity levels): counts for MTTR.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub incident: bool,
    /// Forward steps in order, then the full rollback's R-steps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepProfile>,
    /// The decision tree's questions, so a report names what was asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<DecisionProfile>,
}

/// A question of the rollback decision tree, as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DecisionProfile {
    pub id: String,
    pub question: String,
}

impl Profile {
    pub fn is_empty(&self) -> bool {
        *self == Profile::default()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct StepProfile {
    pub id: String,
    pub title: String,
    /// The phase id, or `rollback` for the full rollback's steps.
    pub phase: String,
    /// As written (`5-10m`); parse with `procedure::estimate::Estimate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Mode {
    Live,
    /// Dry run: commands are shown, not run.
    Rehearsal,
    /// An unattended drill (`pasos run --unattended`, staging or CI):
    /// commands run for real, answers come from flags. Kept apart from
    /// live runs in every figure.
    Test,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepOutcome {
    Done,
    Failed,
    Skipped,
    RolledBack,
    Interrupted,
}

/// Where a command's exit code comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExitSource {
    /// An OSC 133 `D` marker authenticated with the session's key.
    Marker,
    /// A `printf` sentinel with a one-time token (a foreign shell).
    Sentinel,
    /// The operator said how it went.
    Operator,
    /// The shell died while the command ran: the code is not the
    /// command's own.
    ShellExited,
    /// pasos stopped the command at its timeout.
    TimedOut,
}

impl ExitSource {
    pub fn name(self) -> &'static str {
        match self {
            ExitSource::Marker => "marker",
            ExitSource::Sentinel => "sentinel",
            ExitSource::Operator => "operator",
            ExitSource::ShellExited => "shell-exited",
            ExitSource::TimedOut => "timed-out",
        }
    }
}

/// Why the run's shell was replaced by a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RestartCause {
    /// It exited by itself (`exit`, end of input), with `exit_code`.
    Exited,
    /// A signal ended it (`kill -9`).
    Killed,
    /// The operator asked for a new shell.
    Operator,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunOutcome {
    Success,
    Failed,
    RolledBack,
    Aborted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Event {
    RunStarted {
        run_id: String,
        procedure_id: String,
        procedure_title: String,
        version: String,
        /// SHA-256 of the procedure file as loaded.
        procedure_sha256: String,
        source: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        environment: Option<String>,
        mode: Mode,
        operator: Operator,
        /// Started with `--force` despite another live run's lock.
        #[serde(default)]
        forced: bool,
        /// The procedure as it was when the run started (estimates, steps),
        /// so the history reads a journal without its procedure file.
        #[serde(default, skip_serializing_if = "Profile::is_empty")]
        profile: Box<Profile>,
    },
    PrerequisiteConfirmed {
        group: String,
        item: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        check: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        exit_code: Option<i32>,
    },
    /// A prerequisite's check command failed (the item stays unconfirmed).
    PrerequisiteFailed {
        group: String,
        item: String,
        check: String,
        exit_code: i32,
    },
    VariableSet {
        name: String,
        /// `None` for secrets: only the name is recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        value: Option<String>,
        secret: bool,
    },
    StepStarted {
        step: String,
        attempt: u32,
    },
    CommandSent {
        step: String,
        command: String,
        /// Typed by the operator rather than sent from the procedure.
        #[serde(default)]
        manual: bool,
        /// Byte offset in the transcript where its output starts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        transcript_offset: Option<u64>,
    },
    CommandFinished {
        step: String,
        exit_code: i32,
        duration_ms: u64,
        /// Absent in journals written before it was recorded.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        source: Option<ExitSource>,
    },
    ValidationResult {
        step: String,
        passed: bool,
        /// What it found wrong (empty when it passed).
        #[serde(flatten)]
        problems: Problems,
    },
    StepFinished {
        step: String,
        outcome: StepOutcome,
        /// This attempt: from its start to this outcome.
        duration_ms: u64,
        /// The operator's reason and/or the cause pasos recorded.
        #[serde(flatten)]
        why: StepWhy,
        /// Step time, the operator's: from the step's first start to this
        /// outcome, across attempts, run interruptions excluded. Absent in
        /// journals written before it was recorded (read `duration_ms`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step_ms: Option<u64>,
        /// The runtime of the step's commands, all attempts.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        command_ms: Option<u64>,
    },
    /// The operator overrode what the procedure or the exit codes said.
    Deviation {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<String>,
        #[serde(flatten, with = "super::facts::deviation_wire")]
        kind: DeviationKind,
        /// The operator's own words.
        reason: String,
    },
    Note {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<String>,
        text: String,
    },
    Confirmation {
        step: String,
        typed: String,
    },
    /// The operator picked `option` of the choice step `step`; the steps
    /// of the other options (`not_chosen`, recorded so the history reads
    /// the journal without its procedure) do not run.
    ChoiceMade {
        step: String,
        option: String,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        not_chosen: Vec<String>,
    },
    /// The operator answered the condition of `step` before it ran: yes
    /// runs it, no skips it (not a deviation).
    ConditionAnswered {
        step: String,
        answer: bool,
    },
    /// The operator sent a command of a reference snippet to the shell
    /// (after variable substitution).
    SnippetSent {
        snippet: String,
        command: String,
    },
    /// The operator answered a question of the rollback decision tree.
    DecisionAnswered {
        node: String,
        answer: bool,
    },
    RollbackStarted {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        from_step: Option<String>,
        reason: String,
        /// The steps to undo, in order, as planned when it started.
        plan: Vec<String>,
    },
    /// During a rollback, a step's undo was done by other items: the
    /// full-rollback steps that cover it (`R2`), or another step's undo
    /// with the same commands (`undo:6`).
    StepUndone {
        step: String,
        by: Vec<String>,
    },
    /// The shell's working context changed after a command: what a resume
    /// gives back to a new shell. Values of secret-looking variables are
    /// never recorded, only their names (`withheld`).
    ShellContext {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cwd: Option<String>,
        /// Exported variables set or changed.
        #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
        set: std::collections::BTreeMap<String, String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        unset: Vec<String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        withheld: Vec<String>,
    },
    /// The embedded shell ended and a new one took its place: variables
    /// and `cd` of the old one are gone.
    ShellRestarted {
        cause: RestartCause,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        exit_code: Option<i32>,
        /// The step whose command was running when it ended.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<String>,
    },
    RunInterrupted {
        #[serde(flatten)]
        why: InterruptionWhy,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        step: Option<String>,
    },
    RunResumed {
        operator: Operator,
        /// Bytes of a torn last line found (and set aside) when resuming.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        discarded_torn_bytes: Option<u64>,
    },
    RunFinished {
        outcome: RunOutcome,
        duration_ms: u64,
        /// The operator's reason, for a run they ended (aborted).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    /// A second person's signed approval was verified and accepted.
    ApprovalGranted(super::Approval),
    /// An approval arrived and was refused.
    ApprovalRefused(super::ApprovalRefusal),
    /// The operator handed the run over (a `run-interrupted` follows).
    Handoff(super::Handoff),
    /// The run is supervised, or a critical step was (see `supervision`).
    Supervision(super::Supervision),
}

impl Event {
    /// Every free-text field, for redaction.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Event::RunStarted { source, .. } => vec![source],
            Event::PrerequisiteConfirmed { item, check, .. } => {
                let mut v = vec![item];
                v.extend(check.as_mut());
                v
            }
            Event::VariableSet { value, .. } => value.as_mut().into_iter().collect(),
            Event::CommandSent { command, .. } => vec![command],
            Event::PrerequisiteFailed { item, check, .. } => vec![item, check],
            Event::ValidationResult { problems, .. } => problems.texts_mut(),
            Event::StepFinished { why, .. } => why.reason.as_mut().into_iter().collect(),
            Event::Deviation { kind, reason, .. } => {
                let mut v = vec![reason];
                if let DeviationKind::Legacy(what) = kind {
                    v.push(what);
                }
                v
            }
            Event::Note { text, .. } => vec![text],
            Event::Confirmation { typed, .. } => vec![typed],
            Event::SnippetSent { command, .. } => vec![command],
            Event::RollbackStarted { reason, .. } => vec![reason],
            Event::RunInterrupted { why, .. } => why.texts_mut(),
            Event::RunFinished { reason, .. } => reason.as_mut().into_iter().collect(),
            Event::ApprovalGranted(a) => a.note.as_mut().into_iter().collect(),
            Event::Handoff(h) => vec![&mut h.note],
            Event::ApprovalRefused(_) | Event::Supervision(_) => Vec::new(),
            Event::ShellContext { cwd, set, .. } => {
                let mut v: Vec<&mut String> = set.values_mut().collect();
                v.extend(cwd.as_mut());
                v
            }
            Event::StepStarted { .. }
            | Event::CommandFinished { .. }
            | Event::RunResumed { .. }
            | Event::DecisionAnswered { .. }
            | Event::ChoiceMade { .. }
            | Event::ConditionAnswered { .. }
            | Event::ShellRestarted { .. }
            | Event::StepUndone { .. } => Vec::new(),
        }
    }

    /// The step an event concerns, when it concerns one.
    pub fn step(&self) -> Option<&str> {
        match self {
            Event::StepStarted { step, .. }
            | Event::CommandSent { step, .. }
            | Event::CommandFinished { step, .. }
            | Event::ValidationResult { step, .. }
            | Event::StepFinished { step, .. }
            | Event::Confirmation { step, .. }
            | Event::ChoiceMade { step, .. }
            | Event::ConditionAnswered { step, .. }
            | Event::StepUndone { step, .. } => Some(step),
            Event::Deviation { step, .. } | Event::Note { step, .. } => step.as_deref(),
            Event::RollbackStarted { from_step, .. } => from_step.as_deref(),
            Event::ApprovalGranted(a) => a.step.as_deref(),
            Event::ApprovalRefused(r) => r.step.as_deref(),
            Event::Handoff(h) => h.at_step.as_deref(),
            Event::Supervision(s) => s.step.as_deref(),
            Event::RunInterrupted { step, .. } | Event::ShellRestarted { step, .. } => {
                step.as_deref()
            }
            _ => None,
        }
    }

    /// The kebab-case name of the event, as written in `type`.
    pub fn kind(&self) -> &'static str {
        match self {
            Event::RunStarted { .. } => "run-started",
            Event::PrerequisiteConfirmed { .. } => "prerequisite-confirmed",
            Event::PrerequisiteFailed { .. } => "prerequisite-failed",
            Event::VariableSet { .. } => "variable-set",
            Event::StepStarted { .. } => "step-started",
            Event::CommandSent { .. } => "command-sent",
            Event::CommandFinished { .. } => "command-finished",
            Event::ValidationResult { .. } => "validation-result",
            Event::StepFinished { .. } => "step-finished",
            Event::Deviation { .. } => "deviation",
            Event::Note { .. } => "note",
            Event::Confirmation { .. } => "confirmation",
            Event::DecisionAnswered { .. } => "decision-answered",
            Event::ChoiceMade { .. } => "choice-made",
            Event::ConditionAnswered { .. } => "condition-answered",
            Event::SnippetSent { .. } => "snippet-sent",
            Event::RollbackStarted { .. } => "rollback-started",
            Event::StepUndone { .. } => "step-undone",
            Event::ShellRestarted { .. } => "shell-restarted",
            Event::ShellContext { .. } => "shell-context",
            Event::RunInterrupted { .. } => "run-interrupted",
            Event::RunResumed { .. } => "run-resumed",
            Event::RunFinished { .. } => "run-finished",
            Event::ApprovalGranted(_) => "approval-granted",
            Event::ApprovalRefused(_) => "approval-refused",
            Event::Handoff(_) => "handoff",
            Event::Supervision(_) => "supervision",
        }
    }
}
