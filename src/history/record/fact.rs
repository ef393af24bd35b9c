//! What the figures read from an event: the fields of the few events they
//! need, parsed straight from the event's JSON into small structs (much
//! cheaper than building the whole [`Event`], whose tagged enum buffers
//! every field first), or taken from an [`Event`] already parsed.

use super::StepPlan;
use crate::journal::facts::deviation_wire;
use crate::journal::{
    DeviationKind, Event, Interruption, InterruptionWhy, Mode, RunOutcome, StepOutcome,
};
use serde::Deserialize;

/// The part of `run-started` the record keeps.
#[derive(Debug, Clone, Deserialize)]
pub struct Started {
    pub run_id: String,
    pub procedure_id: String,
    pub procedure_title: String,
    pub version: String,
    pub source: String,
    #[serde(default)]
    pub environment: Option<String>,
    pub mode: Mode,
    pub operator: Who,
    #[serde(default)]
    pub profile: Plan,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Who {
    pub user: String,
    pub host: String,
    #[serde(default)]
    pub name: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct Plan {
    #[serde(default)]
    pub incident: bool,
    #[serde(default)]
    pub steps: Vec<StepPlan>,
}

/// One needed event.
#[derive(Debug, Clone)]
pub enum Fact {
    Started(Box<Started>),
    StepFinished {
        step: String,
        outcome: StepOutcome,
        duration_ms: u64,
        /// Step time, the operator's, up to this outcome (newer journals).
        step_ms: Option<u64>,
    },
    Deviation {
        step: Option<String>,
        kind: DeviationKind,
        reason: String,
    },
    Note {
        step: Option<String>,
        text: String,
    },
    RollbackStarted {
        from_step: Option<String>,
    },
    Interrupted {
        /// Recorded by the session that resumed after a crash (the run
        /// stopped at the line before).
        crash: bool,
    },
    /// The run resumed, by this operator (name, else `user@host`).
    Resumed {
        operator: Option<String>,
    },
    Finished {
        outcome: RunOutcome,
        reason: Option<String>,
    },
    /// The run is supervised by this person (`--supervised-by`).
    Supervised {
        supervisor: String,
    },
}

#[derive(Deserialize)]
struct StepFinishedJson {
    step: String,
    outcome: StepOutcome,
    duration_ms: u64,
    #[serde(default)]
    step_ms: Option<u64>,
}

#[derive(Deserialize)]
struct DeviationJson {
    #[serde(default)]
    step: Option<String>,
    #[serde(flatten, with = "deviation_wire")]
    kind: DeviationKind,
    reason: String,
}

#[derive(Deserialize)]
struct NoteJson {
    #[serde(default)]
    step: Option<String>,
    text: String,
}

#[derive(Deserialize)]
struct RollbackJson {
    #[serde(default)]
    from_step: Option<String>,
}

#[derive(Deserialize)]
struct ResumedJson {
    #[serde(default)]
    operator: Option<Who>,
}

impl Who {
    /// `--operator NAME`, else `user@host`, as `Operator::label`.
    pub fn label(&self) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| format!("{}@{}", self.user, self.host))
    }
}

#[derive(Deserialize)]
struct FinishedJson {
    outcome: RunOutcome,
    #[serde(default)]
    reason: Option<String>,
}

impl Fact {
    /// The fact of an event of type `kind` written as `json`; `Ok(None)`
    /// for the types the figures do not need.
    pub fn parse(kind: &str, json: &[u8]) -> Result<Option<Fact>, serde_json::Error> {
        Ok(Some(match kind {
            "run-started" => Fact::Started(Box::new(serde_json::from_slice(json)?)),
            "step-finished" => {
                let e: StepFinishedJson = serde_json::from_slice(json)?;
                Fact::StepFinished {
                    step: e.step,
                    outcome: e.outcome,
                    duration_ms: e.duration_ms,
                    step_ms: e.step_ms,
                }
            }
            "deviation" => {
                let e: DeviationJson = serde_json::from_slice(json)?;
                Fact::Deviation {
                    step: e.step,
                    kind: e.kind,
                    reason: e.reason,
                }
            }
            "note" => {
                let e: NoteJson = serde_json::from_slice(json)?;
                Fact::Note {
                    step: e.step,
                    text: e.text,
                }
            }
            "rollback-started" => {
                let e: RollbackJson = serde_json::from_slice(json)?;
                Fact::RollbackStarted {
                    from_step: e.from_step,
                }
            }
            "run-interrupted" => {
                let e: InterruptionWhy = serde_json::from_slice(json)?;
                Fact::Interrupted {
                    crash: e.0 == Interruption::Crash,
                }
            }
            "run-resumed" => {
                let e: ResumedJson = serde_json::from_slice(json)?;
                Fact::Resumed {
                    operator: e.operator.map(|w| w.label()),
                }
            }
            "run-finished" => {
                let e: FinishedJson = serde_json::from_slice(json)?;
                Fact::Finished {
                    outcome: e.outcome,
                    reason: e.reason,
                }
            }
            "supervision" => {
                let e: crate::journal::Supervision = serde_json::from_slice(json)?;
                match e.step {
                    None => Fact::Supervised {
                        supervisor: e.supervisor,
                    },
                    Some(_) => return Ok(None),
                }
            }
            _ => return Ok(None),
        }))
    }

    /// The fact of a parsed event, if the figures need it.
    pub fn of(event: &Event) -> Option<Fact> {
        Some(match event {
            Event::RunStarted {
                run_id,
                procedure_id,
                procedure_title,
                version,
                source,
                environment,
                mode,
                operator,
                profile,
                ..
            } => Fact::Started(Box::new(Started {
                run_id: run_id.clone(),
                procedure_id: procedure_id.clone(),
                procedure_title: procedure_title.clone(),
                version: version.clone(),
                source: source.clone(),
                environment: environment.clone(),
                mode: *mode,
                operator: Who {
                    user: operator.user.clone(),
                    host: operator.host.clone(),
                    name: operator.name.clone(),
                },
                profile: Plan {
                    incident: profile.incident,
                    steps: profile
                        .steps
                        .iter()
                        .map(|s| StepPlan {
                            id: s.id.clone(),
                            title: s.title.clone(),
                            phase: s.phase.clone(),
                            estimate: s.estimate.clone(),
                        })
                        .collect(),
                },
            })),
            Event::StepFinished {
                step,
                outcome,
                duration_ms,
                step_ms,
                ..
            } => Fact::StepFinished {
                step: step.clone(),
                outcome: *outcome,
                duration_ms: *duration_ms,
                step_ms: *step_ms,
            },
            Event::Deviation { step, kind, reason } => Fact::Deviation {
                step: step.clone(),
                kind: kind.clone(),
                reason: reason.clone(),
            },
            Event::Note { step, text } => Fact::Note {
                step: step.clone(),
                text: text.clone(),
            },
            Event::RollbackStarted { from_step, .. } => Fact::RollbackStarted {
                from_step: from_step.clone(),
            },
            Event::RunInterrupted { why, .. } => Fact::Interrupted {
                crash: why.0 == Interruption::Crash,
            },
            Event::RunResumed { operator, .. } => Fact::Resumed {
                operator: Some(operator.label()),
            },
            Event::RunFinished {
                outcome, reason, ..
            } => Fact::Finished {
                outcome: *outcome,
                reason: reason.clone(),
            },
            Event::Supervision(s) if s.step.is_none() => Fact::Supervised {
                supervisor: s.supervisor.clone(),
            },
            _ => return None,
        })
    }
}
