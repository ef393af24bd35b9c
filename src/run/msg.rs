//! What drives the engine (`Msg`), what it asks the outer loop to do
//! (`Effect`), and why it may refuse (`Refusal`).

use crate::journal::{Event, Operator, StepOutcome};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// The operator ticks a prerequisite off.
    ConfirmPrerequisite {
        group: usize,
        item: usize,
    },
    /// Run a prerequisite's check command.
    CheckPrerequisite {
        group: usize,
        item: usize,
    },
    /// The result of a prerequisite's check command.
    PrerequisiteChecked {
        group: usize,
        item: usize,
        exit_code: i32,
    },
    /// Start anyway with prerequisites unconfirmed (a deviation).
    WaivePrerequisites {
        reason: String,
    },
    SetVariable {
        name: String,
        value: String,
    },
    /// Start (or retry) a step; `typed` is the confirmation when needed.
    StartStep {
        step: String,
        typed: Option<String>,
    },
    /// The shell received a command (from the step or typed by hand).
    CommandSent {
        step: String,
        command: String,
        manual: bool,
        transcript_offset: Option<u64>,
    },
    /// A command finished, with its exit code and (bounded) output.
    CommandFinished {
        step: String,
        exit_code: i32,
        duration_ms: u64,
        output: String,
    },
    /// The step's validation command finished.
    ValidationFinished {
        step: String,
        exit_code: i32,
        output: String,
    },
    /// The operator says how a manual / rehearsed / foreign-shell step went.
    Report {
        step: String,
        outcome: StepOutcome,
    },
    /// Change a step's outcome; needs a reason and is a deviation.
    Override {
        step: String,
        outcome: StepOutcome,
        reason: String,
    },
    Skip {
        step: String,
        reason: String,
    },
    Note {
        step: Option<String>,
        text: String,
    },
    AnswerDecision {
        node: String,
        answer: bool,
    },
    StartRollback {
        reason: String,
    },
    /// End the run now, as failed (if a step failed) or aborted.
    Abort {
        reason: String,
    },
    /// SIGHUP, a dropped SSH session, quitting to resume later.
    Interrupt {
        cause: crate::journal::Interruption,
    },
    Resume {
        operator: Operator,
        discarded_torn_bytes: Option<u64>,
    },
}

// Effects live for one loop turn; boxing the journal event would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Append and fsync before showing anything as done.
    Journal(Event),
    /// Send the step's commands to the shell, in order. Secrets travel in
    /// `env`, never in the command text.
    RunCommands {
        step: String,
        commands: Vec<String>,
        env: Vec<(String, String)>,
    },
    RunValidation {
        step: String,
        command: String,
        env: Vec<(String, String)>,
    },
    CheckPrerequisite {
        group: usize,
        item: usize,
        command: String,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NoSuchStep(String),
    NoSuchPrerequisite,
    NoSuchVariable(String),
    NoSuchDecision(String),
    /// The value does not match the variable's pattern.
    BadValue {
        name: String,
        pattern: String,
    },
    ReasonRequired,
    /// The step needs a typed confirmation: one of these texts.
    NeedsConfirmation {
        step: String,
        accepted: Vec<String>,
    },
    WrongConfirmation {
        step: String,
        accepted: Vec<String>,
    },
    PrerequisitesPending(usize),
    VariablesMissing(Vec<String>),
    /// Steps must go in order; these come first.
    NotNext {
        step: String,
        next: String,
    },
    WrongState {
        step: String,
        state: String,
    },
    RunNotActive,
    AlreadyRollingBack,
    /// A secret shorter than [`crate::secret::MIN_SECRET_LEN`]: it could
    /// not be told apart from ordinary output, so it could not be redacted.
    SecretTooShort {
        name: String,
        min: usize,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NoSuchStep(s) => write!(f, "there is no step `{s}`"),
            Refusal::NoSuchPrerequisite => write!(f, "there is no such prerequisite"),
            Refusal::NoSuchVariable(v) => write!(f, "the procedure declares no variable `{v}`"),
            Refusal::NoSuchDecision(n) => write!(f, "the decision tree has no node `{n}`"),
            Refusal::BadValue { name, pattern } => {
                write!(f, "the value of {name} must match `{pattern}`")
            }
            Refusal::ReasonRequired => write!(f, "a written reason is required"),
            Refusal::NeedsConfirmation { step, accepted } => write!(
                f,
                "step {step} needs a typed confirmation: type {}",
                accepted.join(" or ")
            ),
            Refusal::WrongConfirmation { step, accepted } => write!(
                f,
                "that does not confirm step {step}: type {}",
                accepted.join(" or ")
            ),
            Refusal::PrerequisitesPending(n) => write!(
                f,
                "{n} prerequisite(s) are not confirmed; confirm them or start anyway with a reason"
            ),
            Refusal::VariablesMissing(v) => {
                write!(f, "variables without a value: {}", v.join(", "))
            }
            Refusal::NotNext { step, next } => write!(
                f,
                "step {step} is not next: do (or skip, with a reason) step {next} first"
            ),
            Refusal::WrongState { step, state } => write!(f, "step {step} is {state}"),
            Refusal::RunNotActive => write!(f, "the run is not active"),
            Refusal::AlreadyRollingBack => write!(f, "the rollback is already under way"),
            Refusal::SecretTooShort { name, min } => {
                write!(f, "{name}: a secret must have at least {min} characters")
            }
        }
    }
}
