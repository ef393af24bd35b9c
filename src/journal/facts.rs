//! The facts a journal records where older versions wrote English
//! sentences: what a deviation was, why a step ended the way it did, what a
//! validation found, why a run stopped. Rendering translates them
//! (`history::words`); the only free text left in a journal is the
//! operator's own (reasons, notes, typed confirmations) and what the
//! procedure and the shell said (item texts, commands, patterns).
//!
//! Journals written before these facts existed still read: each type is
//! read through a wire form that also accepts the old sentence and turns
//! it back into the fact it stood for (`legacy`).

use super::event::StepOutcome;
use super::legacy;
use serde::{Deserialize, Serialize};

/// Where a step stood, as a journal names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StepState {
    Pending,
    Running,
    AwaitingValidation,
    AwaitingOperator,
    Done,
    Failed,
    Skipped,
    RolledBack,
    Interrupted,
    /// A step of an option the operator did not choose.
    NotChosen,
    /// A step whose condition the operator answered "no".
    SkippedByCondition,
}

impl StepState {
    /// The stable kebab-case name (as written in a journal).
    pub fn name(self) -> &'static str {
        match self {
            StepState::Pending => "pending",
            StepState::Running => "running",
            StepState::AwaitingValidation => "awaiting-validation",
            StepState::AwaitingOperator => "awaiting-operator",
            StepState::Done => "done",
            StepState::Failed => "failed",
            StepState::Skipped => "skipped",
            StepState::RolledBack => "rolled-back",
            StepState::Interrupted => "interrupted",
            StepState::NotChosen => "not-chosen",
            StepState::SkippedByCondition => "skipped-by-condition",
        }
    }

    pub fn of_outcome(o: StepOutcome) -> StepState {
        match o {
            StepOutcome::Done => StepState::Done,
            StepOutcome::Failed => StepState::Failed,
            StepOutcome::Skipped => StepState::Skipped,
            StepOutcome::RolledBack => StepState::RolledBack,
            StepOutcome::Interrupted => StepState::Interrupted,
        }
    }
}

/// What the operator did against the procedure or the exit codes. Its own
/// serde form is the plain (externally tagged) one, for the history's
/// index; a journal line writes it through [`deviation_wire`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeviationKind {
    /// The step was skipped.
    Skipped,
    /// The step's outcome was set by the operator.
    Overridden { from: StepState, to: StepOutcome },
    /// The run started with prerequisites unconfirmed.
    PrerequisitesWaived,
    /// A sentence from an older journal that says none of the above, kept
    /// as written. Never written by this version.
    Legacy(String),
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum DeviationTag {
    Skipped,
    Overridden,
    PrerequisitesWaived,
}

#[derive(Serialize, Deserialize)]
struct DeviationWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kind: Option<DeviationTag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<StepState>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    to: Option<StepOutcome>,
    /// Older journals: the deviation as an English sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    what: Option<String>,
}

impl DeviationKind {
    /// The fact an older journal's sentence stood for (`step 5 skipped`).
    pub fn from_sentence(what: impl AsRef<str>) -> DeviationKind {
        legacy::deviation(what.as_ref())
    }
}

/// How a journal line writes a [`DeviationKind`]: `"kind":"overridden",
/// "from":"failed","to":"done"`; older lines' `"what":"<sentence>"` reads too.
pub mod deviation_wire {
    use super::{DeviationKind, DeviationWire};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer>(k: &DeviationKind, s: S) -> Result<S::Ok, S::Error> {
        DeviationWire::from(k.clone()).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DeviationKind, D::Error> {
        DeviationWire::deserialize(d).map(DeviationKind::from)
    }
}

impl From<DeviationWire> for DeviationKind {
    fn from(w: DeviationWire) -> Self {
        match (w.kind, w.from, w.to) {
            (Some(DeviationTag::Skipped), ..) => DeviationKind::Skipped,
            (Some(DeviationTag::PrerequisitesWaived), ..) => DeviationKind::PrerequisitesWaived,
            (Some(DeviationTag::Overridden), Some(from), Some(to)) => {
                DeviationKind::Overridden { from, to }
            }
            _ => legacy::deviation(w.what.as_deref().unwrap_or_default()),
        }
    }
}

impl From<DeviationKind> for DeviationWire {
    fn from(k: DeviationKind) -> Self {
        let mut w = DeviationWire {
            kind: None,
            from: None,
            to: None,
            what: None,
        };
        match k {
            DeviationKind::Skipped => w.kind = Some(DeviationTag::Skipped),
            DeviationKind::PrerequisitesWaived => w.kind = Some(DeviationTag::PrerequisitesWaived),
            DeviationKind::Overridden { from, to } => {
                w.kind = Some(DeviationTag::Overridden);
                w.from = Some(from);
                w.to = Some(to);
            }
            DeviationKind::Legacy(what) => w.what = Some(what),
        }
        w
    }
}

/// One thing a validation found wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ValidationProblem {
    /// The validation command exited with another code than expected.
    ExitCode { got: i32, expected: i32 },
    /// The validation command's output does not match the pattern.
    ValidationOutput { pattern: String },
    /// The step's own output does not match the pattern.
    StepOutput { pattern: String },
    /// A sentence from an older journal, kept as written.
    Legacy { text: String },
}

/// Why a step ended as it did, when pasos (not the operator) decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum StepCause {
    /// Command `command` (1-based) of `of` exited with `exit_code`.
    CommandFailed {
        command: u32,
        of: u32,
        exit_code: i32,
    },
    /// The validation found these problems.
    ValidationFailed { problems: Vec<ValidationProblem> },
    /// The shell died while command `command` (1-based) of `of` ran.
    ShellExited { command: u32, of: u32 },
    /// Command `command` of `of` ran past its `timeout` and was stopped.
    TimedOut {
        command: u32,
        of: u32,
        after_secs: u64,
    },
    /// A rehearsal: the commands were shown, not run.
    Rehearsal,
    /// The step was in progress when the rollback started.
    StoppedByRollback,
    /// The step was in progress when the operator aborted the run.
    StoppedByAbort,
}

/// `step-finished`'s why: the operator's reason (override, skip) and/or the
/// cause pasos recorded.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "StepWhyWire", into = "StepWhyWire")]
pub struct StepWhy {
    /// The operator's own words.
    pub reason: Option<String>,
    pub cause: Option<StepCause>,
}

impl StepWhy {
    /// An older journal's `reason`: pasos's own sentences become causes,
    /// anything else is the operator's reason.
    pub fn from_sentence(reason: Option<impl AsRef<str>>) -> StepWhy {
        StepWhyWire {
            reason: reason.map(|r| r.as_ref().to_string()),
            cause: None,
        }
        .into()
    }

    /// The operator's reason alone.
    pub fn reason(reason: String) -> StepWhy {
        StepWhy {
            reason: Some(reason),
            cause: None,
        }
    }

    /// A cause pasos recorded alone.
    pub fn cause(cause: StepCause) -> StepWhy {
        StepWhy {
            reason: None,
            cause: Some(cause),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.reason.is_none() && self.cause.is_none()
    }
}

#[derive(Serialize, Deserialize)]
struct StepWhyWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cause: Option<StepCause>,
}

impl From<StepWhyWire> for StepWhy {
    fn from(w: StepWhyWire) -> Self {
        match (w.reason, w.cause) {
            // Older journals wrote pasos's own causes as the reason.
            (Some(r), None) => match legacy::step_cause(&r) {
                Some(cause) => StepWhy {
                    reason: None,
                    cause: Some(cause),
                },
                None => StepWhy {
                    reason: Some(r),
                    cause: None,
                },
            },
            (reason, cause) => StepWhy { reason, cause },
        }
    }
}

impl From<StepWhy> for StepWhyWire {
    fn from(w: StepWhy) -> Self {
        StepWhyWire {
            reason: w.reason,
            cause: w.cause,
        }
    }
}

/// `validation-result`'s findings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(from = "ProblemsWire", into = "ProblemsWire")]
pub struct Problems(pub Vec<ValidationProblem>);

#[derive(Serialize, Deserialize)]
struct ProblemsWire {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    problems: Vec<ValidationProblem>,
    /// Older journals: the problems as one English sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<String>,
}

impl From<ProblemsWire> for Problems {
    fn from(w: ProblemsWire) -> Self {
        match w.detail {
            Some(d) if w.problems.is_empty() => Problems(legacy::validation_problems(&d)),
            _ => Problems(w.problems),
        }
    }
}

impl From<Problems> for ProblemsWire {
    fn from(p: Problems) -> Self {
        ProblemsWire {
            problems: p.0,
            detail: None,
        }
    }
}

/// Why a run stopped without finishing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Interruption {
    /// The operator quit (the run stays resumable).
    Quit,
    /// A signal ended the session (`SIGHUP`, `SIGTERM`, …).
    Signal { name: String },
    /// The terminal failed; `error` is what the system said.
    TerminalError { error: String },
    /// The previous session ended without closing the run (crash, kill,
    /// lost connection): recorded when the run is resumed.
    Crash,
    /// Line mode with input that is not a terminal: it ended, or gave
    /// only unusable answers.
    NoInput,
    /// The operator handed the run over to the next one (`pasos handoff`).
    Handoff,
    /// A sentence from an older journal, kept as written.
    Legacy { text: String },
}

impl Interruption {
    /// The fact an older journal's sentence stood for (`the operator quit`).
    pub fn from_sentence(reason: impl AsRef<str>) -> Interruption {
        legacy::interruption(reason.as_ref())
    }

    /// A signal, from what the session calls it (`SIGHUP (terminal or SSH
    /// session closed)` keeps `SIGHUP`).
    pub fn signal(said: &str) -> Interruption {
        let name: String = said
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        Interruption::Signal {
            name: if name.is_empty() {
                said.to_string()
            } else {
                name
            },
        }
    }
}

/// `run-interrupted`'s why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "InterruptionWire", into = "InterruptionWire")]
pub struct InterruptionWhy(pub Interruption);

#[derive(Serialize, Deserialize)]
struct InterruptionWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cause: Option<Interruption>,
    /// Older journals: why, as an English sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
}

impl From<InterruptionWire> for InterruptionWhy {
    fn from(w: InterruptionWire) -> Self {
        InterruptionWhy(match w.cause {
            Some(c) => c,
            None => legacy::interruption(w.reason.as_deref().unwrap_or_default()),
        })
    }
}

impl From<InterruptionWhy> for InterruptionWire {
    fn from(w: InterruptionWhy) -> Self {
        InterruptionWire {
            cause: Some(w.0),
            reason: None,
        }
    }
}

impl Problems {
    /// An older journal's `detail`.
    pub fn from_sentence(detail: Option<impl AsRef<str>>) -> Problems {
        ProblemsWire {
            problems: Vec::new(),
            detail: detail.map(|d| d.as_ref().to_string()),
        }
        .into()
    }

    /// The free text in the findings (patterns, older sentences), for redaction.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        self.0
            .iter_mut()
            .filter_map(ValidationProblem::text_mut)
            .collect()
    }
}

impl ValidationProblem {
    fn text_mut(&mut self) -> Option<&mut String> {
        match self {
            ValidationProblem::ValidationOutput { pattern }
            | ValidationProblem::StepOutput { pattern } => Some(pattern),
            ValidationProblem::Legacy { text } => Some(text),
            ValidationProblem::ExitCode { .. } => None,
        }
    }
}

impl InterruptionWhy {
    /// The free text (a terminal error, an older sentence), for redaction.
    pub fn texts_mut(&mut self) -> Vec<&mut String> {
        match &mut self.0 {
            Interruption::TerminalError { error } => vec![error],
            Interruption::Legacy { text } => vec![text],
            Interruption::Signal { .. }
            | Interruption::Quit
            | Interruption::Handoff
            | Interruption::Crash
            | Interruption::NoInput => Vec::new(),
        }
    }
}
