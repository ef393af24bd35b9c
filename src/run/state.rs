//! The state of a run, as the journal's events build it.

use crate::journal::{DeviationKind, Mode, Operator, RunOutcome, StepState, StepWhy};
use chrono::{DateTime, Utc};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepStatus {
    Pending,
    Running,
    /// Commands finished; the validation command is running.
    AwaitingValidation,
    /// A manual step, a rehearsal, or a shell pasos cannot read: the
    /// operator says how it went.
    AwaitingOperator,
    Done,
    Failed,
    Skipped,
    RolledBack,
    Interrupted,
    /// A step of an option the operator did not choose: it does not run.
    NotChosen,
    /// The operator answered "no" to the step's condition: it does not run,
    /// and that is not a deviation.
    SkippedByCondition,
}

impl StepStatus {
    pub fn is_finished(self) -> bool {
        matches!(
            self,
            StepStatus::Done
                | StepStatus::Skipped
                | StepStatus::RolledBack
                | StepStatus::NotChosen
                | StepStatus::SkippedByCondition
        )
    }

    /// Left out by the operator's answer to a choice or a condition: not
    /// run, not a skip, not a deviation.
    pub fn is_left_out(self) -> bool {
        matches!(self, StepStatus::NotChosen | StepStatus::SkippedByCondition)
    }
    pub fn is_active(self) -> bool {
        matches!(
            self,
            StepStatus::Running | StepStatus::AwaitingValidation | StepStatus::AwaitingOperator
        )
    }
    /// The checklist box, readable without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            StepStatus::Pending => "[ ]",
            StepStatus::Running | StepStatus::AwaitingValidation | StepStatus::AwaitingOperator => {
                "[>]"
            }
            StepStatus::Done => "[x]",
            StepStatus::Failed => "[!]",
            StepStatus::Skipped => "[-]",
            StepStatus::RolledBack => "[~]",
            StepStatus::Interrupted => "[?]",
            // A branch not taken.
            StepStatus::NotChosen => "[/]",
            // The condition was answered "no".
            StepStatus::SkippedByCondition => "[n]",
        }
    }

    /// The state as a journal names it.
    pub fn journal(self) -> StepState {
        match self {
            StepStatus::Pending => StepState::Pending,
            StepStatus::Running => StepState::Running,
            StepStatus::AwaitingValidation => StepState::AwaitingValidation,
            StepStatus::AwaitingOperator => StepState::AwaitingOperator,
            StepStatus::Done => StepState::Done,
            StepStatus::Failed => StepState::Failed,
            StepStatus::Skipped => StepState::Skipped,
            StepStatus::RolledBack => StepState::RolledBack,
            StepStatus::Interrupted => StepState::Interrupted,
            StepStatus::NotChosen => StepState::NotChosen,
            StepStatus::SkippedByCondition => StepState::SkippedByCondition,
        }
    }

    /// Was attempted, so its changes may need undoing.
    pub fn was_attempted(self) -> bool {
        !matches!(
            self,
            StepStatus::Pending
                | StepStatus::Skipped
                | StepStatus::NotChosen
                | StepStatus::SkippedByCondition
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunStatus {
    /// Prerequisites and variables before the first step.
    Preparing,
    Running,
    RollingBack,
    Finished(RunOutcome),
    Interrupted,
}

/// What kind of checklist item a run item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// A step of the forward path: phase index, step index in the phase.
    Forward { phase: usize, step: usize },
    /// A step of the full rollback (`R1`..).
    FullRollback { step: usize },
    /// The own rollback of a forward item, run during a rollback.
    Undo { of: usize },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub kind: ItemKind,
    pub status: StepStatus,
    pub attempts: u32,
    pub started_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// The start of the first attempt: step time counts from here.
    pub first_started_at: Option<DateTime<Utc>>,
    /// Runtime of the step's commands, all attempts, in milliseconds.
    pub command_ms: u64,
    /// Time spent in earlier attempts, in milliseconds.
    pub spent_before_ms: u64,
    /// Why the last attempt ended as it did: the operator's reason and/or
    /// the cause pasos recorded.
    pub why: StepWhy,
    /// Exit codes of the step's commands in this attempt.
    pub exit_codes: Vec<i32>,
    /// A command of this attempt was ended by the shell's death or by its
    /// timeout: the step failed whatever the code says.
    pub stopped: Option<crate::journal::ExitSource>,
    pub confirmed: bool,
    pub notes: Vec<String>,
}

impl Item {
    pub fn new(id: String, kind: ItemKind) -> Self {
        Item {
            id,
            kind,
            status: StepStatus::Pending,
            attempts: 0,
            started_at: None,
            finished_at: None,
            first_started_at: None,
            command_ms: 0,
            spent_before_ms: 0,
            why: StepWhy::default(),
            exit_codes: Vec::new(),
            stopped: None,
            confirmed: false,
            notes: Vec::new(),
        }
    }
}

/// The shell's working directory and exported variables, as recorded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ShellContext {
    pub cwd: Option<String>,
    pub env: BTreeMap<String, String>,
    /// Variables whose values were not recorded (secrets): asked again.
    pub withheld: std::collections::BTreeSet<String>,
}

/// Output kept per attempt for validation patterns: the tail wins.
pub const OUTPUT_LIMIT: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deviation {
    pub step: Option<String>,
    pub kind: DeviationKind,
    /// The operator's own words.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    pub run_id: String,
    pub mode: Mode,
    pub environment: Option<String>,
    pub operator: Operator,
    pub status: RunStatus,
    /// Status before an interruption, restored on resume.
    pub status_before_interrupt: Option<RunStatus>,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    pub items: Vec<Item>,
    /// `prerequisites[group][item]` confirmed.
    pub prerequisites: Vec<Vec<bool>>,
    pub prerequisites_waived: bool,
    /// Non-secret values as recorded; secrets are `None` here.
    pub variables: BTreeMap<String, Option<String>>,
    pub deviations: Vec<Deviation>,
    pub notes: Vec<(Option<String>, String)>,
    /// Decision tree answers by node id.
    pub answers: BTreeMap<String, bool>,
    /// The option chosen, by choice step id.
    pub choices: BTreeMap<String, String>,
    /// Condition answers, by step id.
    pub conditions: BTreeMap<String, bool>,
    pub rollback_reason: Option<String>,
    /// The operator's reason for ending the run (an abort).
    pub end_reason: Option<String>,
    /// Item ids to run during the rollback, in order (from `rollback-started`).
    pub rollback_plan: Vec<String>,
    /// The operator's command in flight: (step, typed by hand).
    pub in_flight: Option<(String, bool)>,
    pub resumes: u32,
    /// The command sent and not finished yet: (step, text).
    pub unfinished_command: Option<(String, String)>,
    /// The command that was running when the run was interrupted.
    pub interrupted_command: Option<(String, String)>,
    /// The shell's working context as last recorded: what a resume gives
    /// back (see [`crate::journal::Event::ShellContext`]).
    pub shell: ShellContext,
    /// When the run was interrupted, and resumed (`None` while it is
    /// not): excluded from step time.
    pub pauses: Vec<(DateTime<Utc>, Option<DateTime<Utc>>)>,
    /// Approvals granted so far.
    pub approvals: Vec<crate::journal::Approval>,
    /// SHA-256 of every approval signature recorded, granted or refused.
    pub approvals_seen: std::collections::BTreeSet<String>,
    /// The last handoff, while the run waits for the next operator.
    pub handoff: Option<crate::journal::Handoff>,
    /// `--supervised-by`: who supervises the run.
    pub supervisor: Option<String>,
    /// Critical steps supervised so far: step id, `watcher` or `approval`.
    pub supervised: BTreeMap<String, String>,
}
