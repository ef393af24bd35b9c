//! What drives the engine (`Msg`), what it asks the outer loop to do
//! (`Effect`), and why it may refuse (`Refusal`). A refusal is a fact;
//! people read it through `i18n::refusal`, in their language.

use super::StepStatus;
use crate::journal::{Event, ExitSource, Operator, RestartCause, StepOutcome};

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
        source: ExitSource,
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
    /// Pick `option` of the choice step `step`: the choice step is done,
    /// the steps of the other options become [`StepStatus::NotChosen`].
    Choose {
        step: String,
        option: String,
    },
    /// Answer the condition of `step` before it starts: `false` leaves it
    /// out ([`StepStatus::SkippedByCondition`], not a deviation), `true`
    /// lets it start (a confirmation still applies).
    AnswerCondition {
        step: String,
        answer: bool,
    },
    /// Send command `command` (0-based) of the reference snippet `snippet`
    /// to the shell, as if typed by hand.
    SendSnippet {
        snippet: String,
        command: usize,
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
    /// The shell's working context changed (see [`Event::ShellContext`]).
    ShellContext {
        cwd: Option<String>,
        set: Vec<(String, String)>,
        unset: Vec<String>,
        withheld: Vec<String>,
    },
    /// The shell ended and a new one is starting (see
    /// [`Event::ShellRestarted`]).
    ShellRestarted {
        cause: RestartCause,
        exit_code: Option<i32>,
        step: Option<String>,
    },
    Resume {
        operator: Operator,
        discarded_torn_bytes: Option<u64>,
    },
    /// A second person's approval, verified (see `trust::approval`).
    Approve(crate::journal::Approval),
    /// An approval that arrived and was refused, with why.
    RefuseApproval(crate::journal::ApprovalRefusal),
    /// The operator hands the run over to the next one.
    Handoff {
        to: String,
        note: String,
    },
    /// `--supervised-by NAME`: the run is supervised by this person.
    Supervise(String),
    /// The front end saw the supervisor watching, or no longer.
    SupervisorWatching(bool),
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
    /// Put a snippet's command in the shell, as the operator would type
    /// it: the TUI types it at the prompt for the operator to run; line
    /// mode runs it as a command typed by hand.
    SendToShell { snippet: String, command: String },
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
        state: StepStatus,
    },
    /// The step is not among what is left to do (e.g. a forward step
    /// while the rollback runs).
    NotLeft {
        step: String,
    },
    RunNotActive,
    AlreadyRollingBack,
    /// The step waits for these roles to approve it (`pasos approve`).
    AwaitingApproval {
        run: String,
        step: String,
        roles: Vec<String>,
    },
    /// The critical step waits for the supervisor to watch or approve it.
    AwaitingSupervisor {
        run: String,
        step: String,
        supervisor: String,
    },
    /// A secret shorter than [`crate::secret::MIN_SECRET_LEN`]: it could
    /// not be told apart from ordinary output, so it could not be redacted.
    SecretTooShort {
        name: String,
        min: usize,
    },
    /// The step is a choice: pick an option ([`Msg::Choose`]) instead of
    /// starting or skipping it. The UI turns it into the question.
    ChoiceNeeded {
        step: String,
    },
    /// The step has a condition not answered yet ([`Msg::AnswerCondition`]).
    /// The UI turns it into the question.
    ConditionUnanswered {
        step: String,
    },
    /// The step is not a choice.
    NotAChoice {
        step: String,
    },
    /// The choice has no such option; `options` are its ids.
    NoSuchOption {
        step: String,
        option: String,
        options: Vec<String>,
    },
    /// The step has no condition.
    NoCondition {
        step: String,
    },
    /// The condition or choice was answered already.
    AlreadyAnswered {
        step: String,
    },
    NoSuchSnippet {
        snippet: String,
    },
    /// The snippet has no command with that index.
    NoSuchSnippetCommand {
        snippet: String,
        command: usize,
    },
}
